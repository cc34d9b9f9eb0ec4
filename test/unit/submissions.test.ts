/**
 * One set of figures: on the demo's day, ダッシュボード, the 全体チェック summary, the reminders
 * and the report models (柱別報告書 and 年次報告) say the same about the same period.
 */
import { describe, expect, it } from "vitest";
import { DEMO_FY, DEMO_TODAY, FUJIEDA_DEMO } from "../../sheets-templates";
import { setupRegistry } from "../../src/app/setup";
import { validateAll } from "../../src/app/validate-all";
import { tokyoInstant } from "../../src/domain/calendar";
import { buildDashboard } from "../../src/domain/dashboard";
import { owedItems, planDigests } from "../../src/domain/reminders";
import { buildDeckModel, buildPillarReports } from "../../src/domain/reports";
import { layoutPillarDoc } from "../../src/domain/reports/layout";
import {
  idsIn,
  periodSubmissions,
  reportingPeriod,
  submissionSummary,
} from "../../src/domain/submissions";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import { appendRow, demoRegistry, demoSheets, registryOf } from "./reminders/support";

describe("submissions of a period", () => {
  it("sorts the demo's 第2四半期 into on time, late, missing on its day", () => {
    const registry = demoRegistry();
    const period = reportingPeriod(registry, DEMO_TODAY);
    expect(period).toMatchObject({ fy: 2012, index: 2 });
    if (!period) return;
    const ps = periodSubmissions(registry, period, DEMO_TODAY);
    expect(ps).toMatchObject({
      dueDate: "2012-10-15",
      owed: 14,
      submitted: 12,
      late: 2,
      missing: 2,
    });
    expect(idsIn(ps, "late")).toEqual(["3-1", "4-1"]);
    expect(idsIn(ps, "missing")).toEqual(["5-1", "6-2"]);
    expect(ps.pending).toBe(0);
  });

  it("calls an unsent report pending until its 提出期限 and missing the day after", () => {
    const registry = demoRegistry();
    const period = reportingPeriod(registry, "2012-10-10");
    if (!period) throw new Error("no period");
    const onDue = periodSubmissions(registry, period, "2012-10-15");
    expect(idsIn(onDue, "pending")).toEqual(["5-1", "6-2"]);
    expect(onDue.missing).toBe(0);
    expect(idsIn(periodSubmissions(registry, period, "2012-10-16"), "missing")).toEqual([
      "5-1",
      "6-2",
    ]);
  });

  it("takes 確認済 over a duplicate 未提出 row, and counts 差戻し as not received", () => {
    const sheets = demoSheets();
    appendRow(sheets, "progress", {
      measureId: "1-1",
      fy: 2012,
      period: "第2四半期",
      status: "未提出",
    });
    appendRow(sheets, "progress", {
      measureId: "6-2",
      fy: 2012,
      period: "第2四半期",
      status: "差戻し",
    });
    const registry = registryOf(sheets);
    const period = reportingPeriod(registry, DEMO_TODAY);
    if (!period) throw new Error("no period");
    const ps = periodSubmissions(registry, period, DEMO_TODAY);
    expect(ps.submissions.find((s) => s.measureId === "1-1")?.state).toBe("onTime");
    expect(ps.submissions.find((s) => s.measureId === "6-2")).toMatchObject({
      state: "missing",
      status: "差戻し",
    });
  });

  it("says it in one sentence, Japanese or English", () => {
    const registry = demoRegistry();
    const period = reportingPeriod(registry, DEMO_TODAY);
    if (!period) throw new Error("no period");
    const ps = periodSubmissions(registry, period, DEMO_TODAY);
    expect(submissionSummary(ps, "ja")).toBe(
      "平成24年度 第2四半期（提出期限 2012-10-15）: 14取組のうち12取組が提出済、うち期限後の提出 2、期限を過ぎて未提出 2（5-1、6-2）。",
    );
    expect(submissionSummary(ps, "en")).toBe(
      "FY2012 Q2 (due 2012-10-15): 12 of 14 measures reported, 2 of them late, 2 overdue (5-1, 6-2).",
    );
  });
});

describe("one set of figures across outputs, on the demo's day", () => {
  const registry = demoRegistry();
  const dashboard = buildDashboard(registry, DEMO_TODAY);
  const total = dashboard.lines.at(-1);

  it("ダッシュボード: 12 of 14, 2 late, 2 missing", () => {
    expect(total).toMatchObject({ due: 14, submitted: 12, late: 2, missing: 2 });
  });

  it("reminders chase exactly the missing reports of the period", () => {
    const owed = owedItems(registry, DEMO_TODAY).filter(
      (i) => i.fy === dashboard.period?.fy && i.periodIndex === dashboard.period?.index,
    );
    expect(owed.map((i) => i.measureId)).toEqual(
      dashboard.submissions ? idsIn(dashboard.submissions, "missing") : [],
    );
    const digests = planDigests(registry, DEMO_TODAY, []).digests;
    expect(digests.flatMap((d) => d.items.map((i) => i.measureId)).sort()).toEqual(["5-1", "6-2"]);
  });

  it("柱別報告書 and the deck count the same period the same way", () => {
    const scope = { fy: DEMO_FY, asOf: DEMO_TODAY };
    const pillars = buildPillarReports(registry, scope);
    const sum = (k: "owed" | "submitted" | "late" | "missing") =>
      pillars.reduce((n, r) => n + r.submissions[k], 0);
    expect([sum("owed"), sum("submitted"), sum("late"), sum("missing")]).toEqual([
      total?.due,
      total?.submitted,
      total?.late,
      total?.missing,
    ]);
    expect(pillars.flatMap((r) => r.submissions.missingIds)).toEqual(["5-1", "6-2"]);
    const line = (id: string) => dashboard.lines.find((l) => l.name.startsWith(`${id} `));
    for (const r of pillars)
      expect([r.submissions.owed, r.submitted, r.submissions.missing], r.pillarId).toEqual([
        line(r.pillarId)?.due,
        line(r.pillarId)?.submitted,
        line(r.pillarId)?.missing,
      ]);
    const deck = buildDeckModel(registry, scope);
    expect(deck.submissions).toMatchObject({ owed: 14, submitted: 12, late: 2, missing: 2 });
    const overview = deck.slides.find((s) => s.kind === "overview");
    const note = overview?.kind === "overview" ? overview.note : "";
    expect(note).toBe(deck.submissions.summary);
    expect(pillars[4]?.measures.find((m) => m.measureId === "5-1")?.submission).toBe("missing");
    // the pillar slides' cards say 未提出 in red for exactly the reports the reminders chase,
    // and 期限後 for exactly the late ones
    const cards = deck.slides.flatMap((s) => (s.kind === "pillar" ? s.measures : []));
    const missingCards = cards.filter((c) => c.noteAlert && c.note.includes("未提出"));
    expect(missingCards.map((c) => c.measureId)).toEqual(deck.submissions.missingIds);
    expect(missingCards[0]?.note).toBe(
      "第2四半期の報告は未提出（期限 10月15日）・表示は第1四半期の値",
    );
    const lateCards = cards.filter((c) => c.noteAlert && c.note.includes("期限後"));
    expect(lateCards.map((c) => c.measureId)).toEqual(deck.submissions.lateIds);
  });

  it("each 柱別報告書 names the missing reports the reminders chase, with their period and 提出期限", () => {
    const scope = { fy: DEMO_FY, asOf: DEMO_TODAY };
    const docs = buildPillarReports(registry, scope).map((r) => ({
      r,
      layout: layoutPillarDoc(r),
    }));
    const told = new Set<string>();
    for (const { r, layout } of docs) {
      const texts = layout.blocks.flatMap((b) =>
        b.kind === "paragraph" ? [b.runs.map((x) => x.text).join("")] : [],
      );
      // under 提出状況: the sentence ダッシュボード and 全体チェック give, then one line per report missing
      const status = texts[texts.indexOf("提出状況") + 1] ?? "";
      expect(status.split("\n")[0], r.pillarId).toBe(r.submissions.summary);
      for (const m of status.matchAll(/\n(\d+-\d+)：(.+の報告が未提出です（提出期限 [\d-]+）)/g))
        told.add(`${m[1]} ${m[2]}`);
    }
    const items = planDigests(registry, DEMO_TODAY, []).digests.flatMap((d) => d.items);
    expect([...told].sort()).toEqual(
      items
        .map((i) => `${i.measureId} ${i.periodLabel.ja}の報告が未提出です（提出期限 ${i.dueDate}）`)
        .sort(),
    );
    expect(told.size).toBe(2);
    // and the 取組's own block says it too, above its (earlier) figures
    const p5 = docs.find(({ r }) => r.pillarId === "柱-5")?.layout.blocks ?? [];
    const texts = p5.flatMap((b) =>
      b.kind === "paragraph" ? [b.runs.map((x) => x.text).join("")] : [],
    );
    const heading = texts.findIndex((t) => t.startsWith("5-1　"));
    expect(texts[heading + 1]).toBe(
      "平成24年度 第2四半期の報告が未提出です（提出期限 2012-10-15）",
    );
  });

  it("全体チェック prints the same sentence the deck shows", async () => {
    const store = XlsxRegistryStore.empty();
    setupRegistry({ store }, FUJIEDA_DEMO);
    const result = validateAll(
      { store, clock: { now: () => tokyoInstant(DEMO_TODAY, 9) } },
      { annotate: false },
    );
    const deck = buildDeckModel(registry, { fy: DEMO_FY, asOf: DEMO_TODAY });
    expect(result.submissionSummary).toBe(deck.submissions.summary);
  });
});

describe("a registry without 取組", () => {
  it("says plainly that there is nothing to report yet", () => {
    const sheets = demoSheets().map((s) =>
      s.name === "取組" || s.name === "進捗" ? { ...s, values: s.values.slice(0, 1) } : s,
    );
    const registry = registryOf(sheets);
    const d = buildDashboard(registry, DEMO_TODAY);
    expect(d.submissions?.owed).toBe(0);
    const deck = buildDeckModel(registry, { fy: DEMO_FY, asOf: DEMO_TODAY });
    const overview = deck.slides.find((s) => s.kind === "overview");
    expect(overview?.kind === "overview" ? overview.note : "").toBe(
      "取組が登録されていないため、提出状況はまだありません。取組シートに取組を入力してください。",
    );
  });
});
