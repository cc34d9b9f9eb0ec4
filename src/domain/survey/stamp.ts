/**
 * The tamper-evident stamp of an answer file: which registry, division and period it answers,
 * when it was written, and every exported row as it left (locked cells and earlier answers),
 * all under one SHA-256. Evidence, not a signature: anyone can recompute a hash, but nobody
 * changes a greyed cell or the stamp by accident without the import noticing.
 */
import { isBlank, type RawSheet } from "../registry";
import { SURVEY_COLUMNS } from "./columns";
import { sha256Hex } from "./sha256";

export const STAMP_FORMAT = "genki-survey/1";
/** the hidden tab holding the stamp */
export const STAMP_SHEET = "照会情報";

export interface StampRow {
  /** 1-based row of the answer sheet the row was written to */
  readonly row: number;
  /** canonical values in SURVEY_COLUMNS order, as exported */
  readonly values: readonly string[];
}

export interface Stamp {
  readonly registry: string;
  readonly division: string;
  readonly fy: number;
  readonly period: number;
  /** ISO instant of the export */
  readonly exportedAt: string;
  readonly rows: readonly StampRow[];
}

export function stampHash(s: Stamp): string {
  return sha256Hex(
    JSON.stringify([
      STAMP_FORMAT,
      s.registry,
      s.division,
      s.fy,
      s.period,
      s.exportedAt,
      SURVEY_COLUMNS.map((c) => c.key),
      s.rows.map((r) => [r.row, ...r.values]),
    ]),
  );
}

const LABELS = {
  format: "形式",
  registry: "登録簿",
  division: "所属",
  fy: "年度",
  period: "期",
  exportedAt: "書き出し日時",
  hash: "ハッシュ",
  rows: "行",
} as const;

/**
 * The stamp tab's cells. Each exported row is one JSON text cell, so neither Sheets nor Excel
 * turns "120" into a number or "2012-10-10" into a date on the way.
 */
export function stampValues(s: Stamp): string[][] {
  return [
    [LABELS.format, STAMP_FORMAT],
    [LABELS.registry, s.registry],
    [LABELS.division, s.division],
    [LABELS.fy, String(s.fy)],
    [LABELS.period, String(s.period)],
    [LABELS.exportedAt, s.exportedAt],
    [LABELS.hash, stampHash(s)],
    ...s.rows.map((r) => [LABELS.rows, JSON.stringify([r.row, ...r.values])]),
  ];
}

export type StampRead =
  | { readonly ok: true; readonly stamp: Stamp }
  | { readonly ok: false; readonly reason: "stamp-missing" | "stamp-broken" };

function text(v: unknown): string {
  return isBlank(v) ? "" : String(v).trim();
}

/** Reads and verifies the stamp tab; a missing tab or any change to it is reported. */
export function readStamp(sheet: RawSheet | undefined): StampRead {
  if (!sheet) return { ok: false, reason: "stamp-missing" };
  const one = new Map<string, string>();
  const rows: StampRow[] = [];
  try {
    for (const r of sheet.values) {
      const label = text(r[0]);
      const value = text(r[1]);
      if (label === LABELS.rows) {
        const parsed: unknown = JSON.parse(value);
        if (!Array.isArray(parsed) || parsed.length !== SURVEY_COLUMNS.length + 1) throw 0;
        const [row, ...values] = parsed as unknown[];
        if (typeof row !== "number" || values.some((v) => typeof v !== "string")) throw 0;
        rows.push({ row, values: values as string[] });
      } else if (label !== "") one.set(label, value);
    }
  } catch {
    return { ok: false, reason: "stamp-broken" };
  }
  if (one.get(LABELS.format) !== STAMP_FORMAT) return { ok: false, reason: "stamp-broken" };
  const stamp: Stamp = {
    registry: one.get(LABELS.registry) ?? "",
    division: one.get(LABELS.division) ?? "",
    fy: Number(one.get(LABELS.fy)),
    period: Number(one.get(LABELS.period)),
    exportedAt: one.get(LABELS.exportedAt) ?? "",
    rows,
  };
  if (!Number.isInteger(stamp.fy) || !Number.isInteger(stamp.period))
    return { ok: false, reason: "stamp-broken" };
  if (one.get(LABELS.hash) !== stampHash(stamp)) return { ok: false, reason: "stamp-broken" };
  return { ok: true, stamp };
}
