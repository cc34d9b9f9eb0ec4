/**
 * The seed plan scaled by its measures: at scale s, s × 14 取組 spread over the same 6 柱 (each
 * 柱 keeps its share), each with one 年度目標 per plan year and one 進捗 row per plan year and
 * quarter. Rows are built from the schema, so headers and column order are the template's.
 * A few deliberate problems per 14 取組 make the full check write marks.
 */
import { FUJIEDA_PLAN } from "../../sheets-templates";
import { createBusinessCalendar, dueDateOfPeriod, periodsOf } from "../../src/domain/calendar";
import { type SheetKey, sheetDef } from "../../src/domain/schema";
import type { TemplateRecord } from "../../src/domain/template";
import type { GasFake } from "../gas-fake";

export const START_FY = Number(FUJIEDA_PLAN.settings.startFy ?? 2012);
export const END_FY = Number(FUJIEDA_PLAN.settings.endFy ?? 2014);
export const PERIODS = ["第1四半期", "第2四半期", "第3四半期", "第4四半期"] as const;

/** The bench's "today": 平成26年度 第2四半期 has ended, 第3・第4四半期 are still to come. */
export const BENCH_NOW = "2014-10-20T09:00:00+09:00";

/** The deliberate problems, one of each per 14 取組 (so 5 × scale in all). */
export const DELIBERATE_PROBLEMS = [
  "進捗 実績値「１２件」(全角・単位)",
  "進捗 評価「S」(評価区分にない)",
  "進捗 年度 2030 (計画期間外)",
  "取組 主担当課「未登録課」(所属にない)",
  "年度目標 取組ID「9-99」(取組にない)",
] as const;

export interface ScaledRegistry {
  readonly scale: number;
  /** data rows (without the header) per tab */
  readonly measures: (string | number)[][];
  readonly targets: (string | number)[][];
  readonly progress: (string | number)[][];
  /** a 1-based sheet row of 進捗 that is clean and submitted, for the onEdit case */
  readonly editRow: number;
}

type Row = (string | number)[];

function rowOf(key: SheetKey, record: Readonly<Record<string, string | number>>): Row {
  return sheetDef(key).columns.map((c) => record[c.key] ?? "");
}

export function headerOf(key: SheetKey): string[] {
  return sheetDef(key).columns.map((c) => c.ja);
}

/** 報告日 of a quarter's report: the 10th of the month after it ends. */
function reportedOn(fy: number, quarter: number): string {
  const month = 4 + quarter * 3; // 7, 10, 13, 16
  const year = fy + (month > 12 ? 1 : 0);
  return `${year}/${((month - 1) % 12) + 1}/10`;
}

/** Whether a quarter has ended by BENCH_NOW (平成26年度 第2四半期 and before). */
function ended(fy: number, quarter: number): boolean {
  return fy < END_FY || quarter < 2;
}

/** The latest period that has ended by BENCH_NOW: 平成26年度 第2四半期. */
export const LATEST_ENDED = { fy: END_FY, quarter: 1 } as const;

export interface ScaleOptions {
  /**
   * 主担当課 of 取組 i becomes leads[i % leads.length] (the deliberate 未登録課 stays), and the
   * first 取組 of each of these divisions has not reported the latest ended period
   * (平成26年度 第2四半期: its row is 未提出), so on that period's due date every division owes.
   */
  readonly leads?: readonly string[];
}

/** Divisions per 14 取組 in the reminder case: 5, 50, 500 at 1x, 10x, 100x. */
export const DIVISIONS_PER_SCALE = 5;

/**
 * 所属 rows for the reminder case: the seed plan's 5 divisions, then 事業推進第N課 up to
 * 5 × scale, each with its own address (no CC, no 上位責任者).
 */
export function benchDivisions(scale: number): TemplateRecord[] {
  const out = FUJIEDA_PLAN.divisions.slice(0, DIVISIONS_PER_SCALE * scale);
  for (let n = out.length + 1; out.length < DIVISIONS_PER_SCALE * scale; n++) {
    out.push({
      name: `事業推進第${n}課`,
      department: "事業推進部",
      head: `事業推進第${n}課長`,
      email: `jigyo-suishin-${n}@city.fujieda.example`,
      cc: "",
      escalationEmail: "",
    });
  }
  return out;
}

/** Writes the 所属 tab (header and these rows) as people pasting them would; not ledgered. */
export function fillDivisions(fake: GasFake, divisions: readonly TemplateRecord[]): void {
  fake.seed(sheetDef("divisions").ja, [
    headerOf("divisions"),
    ...divisions.map((d) => rowOf("divisions", d)),
  ]);
}

/** 9:00 on the due date of the latest ended period (平成26年度 第2四半期), Tokyo time. */
export function latestDueNow(): string {
  const period = periodsOf(LATEST_ENDED.fy, "四半期")[LATEST_ENDED.quarter];
  if (!period) throw new Error("no such period");
  const due = dueDateOfPeriod(
    period,
    Number(FUJIEDA_PLAN.settings.dueBusinessDays ?? 10),
    createBusinessCalendar(),
  );
  return `${due}T09:00:00+09:00`;
}

/** A 進捗 row nobody has filled in yet: IDs, year and period only (the year as it stood). */
function unsubmitted(row: Record<string, string | number>): Record<string, string | number> {
  return {
    measureId: row.measureId ?? "",
    fy: row.fy ?? "",
    period: row.period ?? "",
    status: "未提出",
  };
}

export function scaledRegistry(scale: number, options: ScaleOptions = {}): ScaledRegistry {
  const leads = options.leads ?? [];
  const byPillar = new Map<string, TemplateRecord[]>();
  for (const m of FUJIEDA_PLAN.measures) {
    const pillar = String(m.pillarId);
    byPillar.set(pillar, [...(byPillar.get(pillar) ?? []), m]);
  }
  const measureRecords: Record<string, string | number>[] = [];
  for (const [pillarId, base] of byPillar) {
    const prefix = String(base[0]?.measureId ?? "").split("-")[0] ?? "";
    for (let k = 0; k < base.length * scale; k++) {
      const b = base[k % base.length] ?? {};
      measureRecords.push({
        ...b,
        ...(leads.length > 0 ? { lead: leads[measureRecords.length % leads.length] ?? "" } : {}),
        measureId: `${prefix}-${k + 1}`,
        pillarId,
        content:
          k < base.length ? String(b.content ?? "") : `${String(b.content ?? "")}（${k + 1}）`,
      });
    }
  }

  const years = Array.from({ length: END_FY - START_FY + 1 }, (_, i) => START_FY + i);
  const targetRecords: Record<string, string | number>[] = [];
  const progressRecords: Record<string, string | number>[] = [];
  measureRecords.forEach((m, i) => {
    const baseId = FUJIEDA_PLAN.measures[i % FUJIEDA_PLAN.measures.length]?.measureId;
    for (const fy of years) {
      const base = FUJIEDA_PLAN.targets.find((t) => t.measureId === baseId && t.fy === fy);
      targetRecords.push({
        measureId: m.measureId ?? "",
        fy,
        targetText: String(base?.targetText ?? "（ベンチ）年度の取組目標"),
        targetValue: "",
      });
      PERIODS.forEach((period, q) => {
        if (!ended(fy, q)) {
          progressRecords.push({ measureId: m.measureId ?? "", fy, period, status: "未提出" });
          return;
        }
        progressRecords.push({
          measureId: m.measureId ?? "",
          fy,
          period,
          actual: (i * 7 + q * 3 + fy) % 50,
          grade: "ABCD"[(i + q) % 4] ?? "B",
          pdca: "PDCA"[q] ?? "D",
          done: `${period}の取組を実施しました。`,
          issues: q % 2 === 0 ? "" : "担当者の負担が大きい。",
          next: "次期も継続します。",
          reporter: "担当者",
          reportedOn: reportedOn(fy, q),
          status: (i + q) % 3 === 0 ? "確認済" : "提出済",
        });
      });
    }
  });

  // Five deliberate problems per 14 取組, spread through the tabs.
  for (let s = 0; s < scale; s++) {
    const p = (n: number) => progressRecords[(s * 14 * 12 + n) % progressRecords.length];
    const actual = p(1);
    if (actual) actual.actual = "１２件";
    const grade = p(5);
    if (grade) grade.grade = "S";
    const year = p(9);
    if (year) {
      year.fy = 2030;
      year.reportedOn = ""; // or 報告日 would also be flagged as before the (moved) period
    }
    const measure = measureRecords[(s * 14 + 3) % measureRecords.length];
    if (measure) measure.lead = "未登録課";
    const target = targetRecords[(s * 14 * 3 + 7) % targetRecords.length];
    if (target) target.measureId = "9-99";
  }

  // Reminders: the first 取組 of each lead division has not reported the latest ended period.
  if (leads.length > 0) {
    const owing = new Set<string>();
    measureRecords.forEach((m, i) => {
      const lead = String(m.lead ?? "");
      if (!leads.includes(lead) || owing.has(lead)) return;
      owing.add(lead);
      const index =
        i * years.length * PERIODS.length + (LATEST_ENDED.fy - START_FY) * PERIODS.length;
      const row = progressRecords[index + LATEST_ENDED.quarter];
      if (row) progressRecords[index + LATEST_ENDED.quarter] = unsubmitted(row);
    });
  }

  // The onEdit case edits the 実績値 of a submitted row in the middle of 進捗.
  const middle = Math.floor(progressRecords.length / 2);
  let editIndex = middle;
  const deliberate = new Set([1, 5, 9]);
  while (progressRecords[editIndex]?.status === "未提出" || deliberate.has(editIndex % (14 * 12))) {
    editIndex++;
  }

  return {
    scale,
    measures: measureRecords.map((r) => rowOf("measures", r)),
    targets: targetRecords.map((r) => rowOf("targets", r)),
    progress: progressRecords.map((r) => rowOf("progress", r)),
    editRow: editIndex + 2,
  };
}

/**
 * Writes the scaled tabs into a registry made by 初期設定, as people pasting them would, with
 * the tabs' text columns (IDs) kept as text on every row, as Sheets does for rows added below
 * formatted ones. The fake's helpers are not ledgered; the one format call per ID column is,
 * so measure from a ledger mark taken after this.
 */
export function fillRegistry(fake: GasFake, data: ScaledRegistry): void {
  const tabs: [SheetKey, (string | number)[][]][] = [
    ["measures", data.measures],
    ["targets", data.targets],
    ["progress", data.progress],
  ];
  const ss = fake.services.SpreadsheetApp.getActiveSpreadsheet();
  for (const [key, rows] of tabs) {
    const def = sheetDef(key);
    const sheet = fake.seed(def.ja, [headerOf(key)]);
    sheet.growTo(rows.length + 1, def.columns.length);
    const gas = ss.getSheetByName(def.ja);
    def.columns.forEach((c, i) => {
      if (c.type === "id" || c.type === "ref" || c.type === "refList") {
        gas?.getRange(2, i + 1, rows.length, 1).setNumberFormat("@");
      }
    });
    fake.seed(def.ja, rows, "A2");
  }
}
