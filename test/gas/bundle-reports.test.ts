/** 柱別報告書 and 年次報告スライド through dist/Code.js, with the DESIGN.md call budgets. */
import { describe, expect, it } from "vitest";
import { textOf } from "../gas-fake/document-model";
import { loadBundle } from "../support/bundle";
import { callsPerDocument } from "../support/per-document";

function ready() {
  const bundle = loadBundle({ now: "2012-10-20T09:00:00+09:00" });
  bundle.call("menuSetup");
  bundle.fake.edit("進捗", "A2:L3", [
    [
      "1-1",
      2012,
      "第1四半期",
      "",
      "B",
      "D",
      "研修計画を作成しました",
      "参加者の確保",
      "第2四半期に実施します",
      "",
      "",
      "確認済",
    ],
    ["1-2", 2012, "第2四半期", "", "A", "C", "PT活動を評価しました", "", "", "", "", "提出済"],
  ]);
  return bundle;
}

describe("柱別報告書を作成", () => {
  it("writes one Doc per pillar, each within 30 calls, links them in 出力 and a dialog", async () => {
    const { fake, call } = ready();
    fake.ui.respondToPrompt("平成24年度");
    const mark = fake.ledger.mark();
    await call("menuPillarDocs");
    const docs = [...fake.docs.values()];
    expect(docs).toHaveLength(6);
    // the budget holds for each Doc, not on average
    const perDoc = callsPerDocument(fake.ledger.since(mark));
    expect(perDoc).toHaveLength(6);
    for (const [i, n] of perDoc.entries()) expect(n, `Doc ${i + 1}`).toBeLessThanOrEqual(30);
    // the whole Doc goes in one Docs API call
    const docsCalls = fake.ledger
      .since(mark)
      .calls()
      .filter((c) => c.service === "Docs");
    expect(docsCalls.map((c) => c.method)).toEqual(Array(6).fill("Docs.Documents.batchUpdate"));
    const first = docs.find((d) => d.name.includes("柱-1"));
    const text = textOf(first?.body ?? ({} as never));
    expect(first?.name).toBe(
      "平成24年度 柱-1 真に市民の役に立つ職員の計画的・戦略的な育成 進捗報告書",
    );
    expect(text).toContain("本気で職員の育成・成長を支援し");
    expect(text).toContain("研修計画を作成しました");
    expect(text).toContain("1-3　新採10年で3か所の経験");
    const outputs = fake.spreadsheet.getSheetByName("出力")?.getDataRange().getValues() ?? [];
    expect(outputs.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual(
      ["柱-1", "柱-2", "柱-3", "柱-4", "柱-5", "柱-6"].map((p) => ["柱別報告書", "平成24年度", p]),
    );
    const dialog = fake.ui.dialogs.at(-1);
    expect(dialog?.html).toContain("柱別報告書を 6 件作成しました");
    expect((dialog?.html.match(/<a href=/g) ?? []).length).toBe(6);
  });

  it("costs the same number of calls per Doc for 3 measures as for 60", async () => {
    const perDoc = async (extra: number) => {
      const { fake, call } = ready();
      const rows = Array.from({ length: extra }, (_, i) => [
        `1-${i + 10}`,
        "柱-1",
        `追加の取組 ${i}`,
        "人事課",
      ]);
      if (extra > 0) fake.edit("取組", `A16:D${15 + extra}`, rows);
      fake.ui.respondToPrompt("2012");
      const mark = fake.ledger.mark();
      await call("menuPillarDocs");
      return fake.ledger
        .since(mark)
        .calls()
        .filter((c) => c.service === "DocumentApp" || c.service === "Docs").length;
    };
    expect(await perDoc(57)).toBe(await perDoc(0));
  });

  it("says clearly when the year typed cannot be read, and writes nothing", async () => {
    const { fake, call } = ready();
    fake.ui.respondToPrompt("来年");
    await call("menuPillarDocs");
    expect(fake.docs.size).toBe(0);
    expect(String(fake.ui.alerts.at(-1)?.message)).toContain("「来年」は年度として読めません");
  });
});

describe("年次報告スライドを作成", () => {
  it("builds the deck with 1 create and 1 batchUpdate: 9 slides for the seed plan", async () => {
    const { fake, call } = ready();
    fake.ui.respondToPrompt("2012");
    const mark = fake.ledger.mark();
    await call("menuAnnualDeck");
    const slidesCalls = fake.ledger
      .since(mark)
      .calls()
      .filter((c) => c.service === "Slides");
    expect(slidesCalls.map((c) => c.method)).toEqual([
      "Slides.Presentations.create",
      "Slides.Presentations.batchUpdate",
    ]);
    const deck = [...fake.presentations.values()][0];
    expect(deck?.slides).toHaveLength(9);
    const texts = [...(deck?.objects.values() ?? [])].map((o) => o.text ?? "").join("\n");
    expect(texts).toContain("藤枝市新公共経営実行計画");
    expect(texts).toContain("平成24年度");
    expect(texts).toContain("市民への情報発信と戦略的広報の推進");
    const outputs = fake.spreadsheet.getSheetByName("出力")?.getDataRange().getValues() ?? [];
    expect(outputs.at(-1)?.[1]).toBe("年次報告スライド");
    expect(String(outputs.at(-1)?.[5])).toMatch(/^https:\/\/docs\.google\.com\/presentation\/d\//);
  });
});

describe("templates and folders from 設定", () => {
  const setSetting = (fake: ReturnType<typeof loadBundle>["fake"], name: string, value: string) => {
    const settings = fake.spreadsheet.getSheetByName("設定");
    const rows = settings?.getDataRange().getValues() ?? [];
    const row = rows.findIndex((r) => r[0] === name) + 1;
    fake.edit("設定", `B${row}`, value);
  };

  it("copies the Docs template into the output folder and fills its placeholders", async () => {
    const { fake, call } = ready();
    const template = fake.addDocument("柱別報告書テンプレート", [
      "{{計画名}}　{{年度}}",
      "{{柱ID}} {{柱名}}",
      "戦略: {{戦略}}",
      "報告日: {{報告日}}",
      "{{取組一覧}}",
    ]);
    const folder = fake.addFolder("報告書");
    setSetting(fake, "Docsテンプレート", template.id);
    setSetting(fake, "出力フォルダID", folder.id);
    fake.ui.respondToPrompt("2012");
    await call("menuPillarDocs");
    const made = [...fake.docs.values()].filter((d) => d.id !== template.id);
    expect(made).toHaveLength(6);
    const text = textOf(made[0]?.body ?? ({} as never));
    expect(text).toContain("藤枝市新公共経営実行計画　平成24年度");
    expect(text).toContain("柱-1 真に市民の役に立つ職員の計画的・戦略的な育成");
    expect(text).not.toContain("{{");
    expect(text).toContain("1-2　PT活動等による研鑚と職務の成果を");
    // the 報告日 of a 平成24年度 report defaults to the year's last day; the 取組 follow the template
    expect(text).toContain("報告日: 平成25年3月31日");
    expect(text.indexOf("1-1　")).toBeGreaterThan(text.indexOf("報告日: "));
    expect(made[0]?.requests.length).toBe(1);
    expect(textOf(template.body)).toContain("{{柱名}}");
    expect(fake.files.get(made[0]?.id ?? "")?.parentIds).toEqual([folder.id]);
  });

  it("copies the Slides template and replaces its sample slides", async () => {
    const { fake, call } = ready();
    const template = fake.addPresentation("年次報告テンプレート");
    setSetting(fake, "Slidesテンプレート", template.id);
    fake.ui.respondToPrompt("2012");
    const mark = fake.ledger.mark();
    await call("menuAnnualDeck");
    const copy = [...fake.presentations.values()].find((p) => p.id !== template.id);
    expect(copy?.slides).toHaveLength(9);
    expect(copy?.slides).not.toContain("p");
    expect(template.slides).toEqual(["p"]);
    const methods = fake.ledger
      .since(mark)
      .calls()
      .map((c) => c.method);
    expect(methods.filter((m) => m === "Slides.Presentations.batchUpdate")).toHaveLength(1);
    expect(methods).not.toContain("Slides.Presentations.create");
  });

  it("says which setting to fix and creates nothing when the output folder cannot be reached", async () => {
    const { fake, call } = ready();
    setSetting(fake, "出力フォルダID", "folder-that-was-deleted");
    fake.ui.respondToPrompt("2012");
    const docsBefore = fake.docs.size;
    await call("menuPillarDocs");
    expect(fake.docs.size).toBe(docsBefore);
    const alert = fake.ui.alerts.at(-1);
    expect(alert?.message).toContain(
      "設定「出力フォルダID」のフォルダ（folder-that-was-deleted）を開けません",
    );
    expect(alert?.message).not.toContain("時間をおいて");
    const outputs = fake.values("出力").slice(1);
    expect(outputs.map((r) => [r[1], r[4]])).toEqual([
      ["柱別報告書", expect.stringContaining("作成できませんでした: 設定「出力フォルダID」")],
    ]);
  });

  it("refuses a Slides template that is not a presentation, with a row in 出力", async () => {
    const { fake, call } = ready();
    const notSlides = fake.addDocument("間違ったファイル");
    setSetting(fake, "Slidesテンプレート", notSlides.id);
    fake.ui.respondToPrompt("2012");
    const before = fake.presentations.size;
    await call("menuAnnualDeck");
    expect(fake.presentations.size).toBe(before);
    expect(fake.ui.alerts.at(-1)?.message).toContain(
      `設定「Slidesテンプレート」のファイル（${notSlides.id}）はGoogle スライドのファイルではありません`,
    );
    expect(
      fake
        .values("出力")
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["年次報告スライド"]);
  });
});
