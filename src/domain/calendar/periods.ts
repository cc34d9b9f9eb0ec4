/**
 * Reporting periods of a fiscal year: quarters (四半期), halves (半期) or the whole year (年度).
 * Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec, Q4 Jan-Mar; H1 (上期) Apr-Sep, H2 (下期) Oct-Mar.
 */
import type { CalendarLang } from "./era";
import { fiscalYearOf } from "./fiscal";
import { addDays, type PlainDate, parts, toPlainDate } from "./plain-date";

export type ReportingCycle = "四半期" | "半期" | "年度";

export const REPORTING_CYCLES: readonly ReportingCycle[] = ["四半期", "半期", "年度"];

export type PeriodKey = "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2" | "FY";

/** A period of a cycle, independent of the fiscal year: what a 期 cell names. */
export interface PeriodSlot {
  readonly cycle: ReportingCycle;
  /** 1-based position in the fiscal year */
  readonly index: number;
  readonly key: PeriodKey;
  /** 第1四半期 / 上期 / 通期 */
  readonly labelJa: string;
  /** Q1 / H1 / Full year */
  readonly labelEn: string;
}

/** A period of a given fiscal year, with its first and last day. */
export interface Period extends PeriodSlot {
  readonly fy: number;
  readonly start: PlainDate;
  readonly end: PlainDate;
}

const SLOTS: Readonly<Record<ReportingCycle, readonly PeriodSlot[]>> = {
  四半期: [1, 2, 3, 4].map((i) => ({
    cycle: "四半期" as const,
    index: i,
    key: `Q${i}` as PeriodKey,
    labelJa: `第${i}四半期`,
    labelEn: `Q${i}`,
  })),
  半期: [
    { cycle: "半期", index: 1, key: "H1", labelJa: "上期", labelEn: "H1" },
    { cycle: "半期", index: 2, key: "H2", labelJa: "下期", labelEn: "H2" },
  ],
  年度: [{ cycle: "年度", index: 1, key: "FY", labelJa: "通期", labelEn: "Full year" }],
};

const MONTHS: Readonly<Record<ReportingCycle, number>> = { 四半期: 3, 半期: 6, 年度: 12 };

/** First day of the month that is `offset` months after April of fy. */
function monthStart(fy: number, offset: number): PlainDate {
  const m0 = 3 + offset; // 0-based month counted from January of fy
  return toPlainDate(fy + Math.floor(m0 / 12), (m0 % 12) + 1, 1) as PlainDate;
}

function withDates(fy: number, slot: PeriodSlot): Period {
  const months = MONTHS[slot.cycle];
  const offset = (slot.index - 1) * months;
  return {
    ...slot,
    fy,
    start: monthStart(fy, offset),
    end: addDays(monthStart(fy, offset + months), -1),
  };
}

/** The periods of a cycle, in order, without dates. */
export function periodSlots(cycle: ReportingCycle): readonly PeriodSlot[] {
  return SLOTS[cycle];
}

/** The periods of a fiscal year for a cycle, in order. */
export function periodsOf(fy: number, cycle: ReportingCycle): Period[] {
  return SLOTS[cycle].map((slot) => withDates(fy, slot));
}

/** Period `index` (1-based) of a fiscal year, or undefined when the cycle has no such period. */
export function periodOf(fy: number, cycle: ReportingCycle, index: number): Period | undefined {
  const slot = SLOTS[cycle][index - 1];
  return slot && Number.isInteger(index) ? withDates(fy, slot) : undefined;
}

/** The period of a cycle that contains a date. */
export function periodContaining(date: PlainDate, cycle: ReportingCycle): Period {
  const fy = fiscalYearOf(date);
  const monthsIntoFy = (parts(date).m + 8) % 12; // April -> 0 ... March -> 11
  const index = Math.floor(monthsIntoFy / MONTHS[cycle]) + 1;
  return periodOf(fy, cycle, index) as Period;
}

/** The labels of a cycle's periods, for dropdowns: 第1四半期..第4四半期 / Q1..Q4. */
export function periodLabels(cycle: ReportingCycle, lang: CalendarLang): string[] {
  return SLOTS[cycle].map((s) => (lang === "ja" ? s.labelJa : s.labelEn));
}

export type PeriodParseError =
  | "empty"
  | "invalid"
  /** a number outside 1..(number of periods) */
  | "out-of-range"
  /** a period of another cycle: "Q1" when the plan reports by 半期 */
  | "wrong-cycle";

export type PeriodParse =
  | { readonly ok: true; readonly period: PeriodSlot; readonly normalised: boolean }
  | { readonly ok: false; readonly reason: PeriodParseError };

/** Words for each cycle's periods, after NFKC, spaces removed and upper-casing. */
const ALIASES: Readonly<Record<ReportingCycle, readonly (readonly string[])[]>> = {
  四半期: [1, 2, 3, 4].map((i) => [`第${i}四半期`, `${i}四半期`, `Q${i}`, `${i}Q`]),
  半期: [
    ["上期", "上半期", "前期", "前半期", "H1", "1H", "第1半期"],
    ["下期", "下半期", "後期", "後半期", "H2", "2H", "第2半期"],
  ],
  年度: [["通期", "年度", "年間", "全期", "FY", "FULLYEAR", "ANNUAL", "YEAR"]],
};

function lookup(cycle: ReportingCycle, text: string): PeriodSlot | undefined {
  const i = ALIASES[cycle].findIndex((words) => words.includes(text));
  return i < 0 ? undefined : SLOTS[cycle][i];
}

/**
 * A 期 cell for a cycle: the ja/en labels and keys (第1四半期, Q1, 1Q, 上期, 上半期, 前期,
 * H1, 通期, Full year), a number 1..n (1, "1", "第1期", "1期"), 全角 digits (第１四半期).
 * `normalised` is false only for the exact Japanese label the dropdown offers.
 */
export function parsePeriod(v: unknown, cycle: ReportingCycle): PeriodParse {
  if (v === null || v === undefined) return { ok: false, reason: "empty" };
  if (typeof v === "number") {
    if (!Number.isInteger(v)) return { ok: false, reason: "invalid" };
    const slot = SLOTS[cycle][v - 1];
    return slot
      ? { ok: true, period: slot, normalised: true }
      : { ok: false, reason: "out-of-range" };
  }
  if (typeof v !== "string") return { ok: false, reason: "invalid" };
  const text = v.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  if (text === "") return { ok: false, reason: "empty" };
  const numbered = /^第?(\d+)期?$/.exec(text);
  if (numbered) {
    const slot = SLOTS[cycle][Number(numbered[1]) - 1];
    return slot
      ? { ok: true, period: slot, normalised: true }
      : { ok: false, reason: "out-of-range" };
  }
  const slot = lookup(cycle, text);
  if (slot) return { ok: true, period: slot, normalised: v !== slot.labelJa };
  const elsewhere = (Object.keys(SLOTS) as ReportingCycle[]).some(
    (c) => c !== cycle && lookup(c, text) !== undefined,
  );
  return { ok: false, reason: elsewhere ? "wrong-cycle" : "invalid" };
}
