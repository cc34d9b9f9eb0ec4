/**
 * The columns of a division's answer sheet: the registry's 進捗 columns, with the 取組's own
 * words (取組内容, 指標, 単位, 目標値) next to the IDs so people know what they answer.
 */
import { isDateValue, tokyoDateOf } from "../calendar";
import { isBlank, readDate, readNumber } from "../registry";
import {
  type ColumnDef,
  columnDef,
  type HeaderMap,
  mapHeaders,
  normaliseHeader,
  type SheetDef,
  sheetDef,
} from "../schema";

/** Where a survey column's value comes from in the registry. */
export interface SurveyColumn {
  readonly key: string;
  readonly def: ColumnDef;
  /** the division must not change it: protected, greyed, checked on import */
  readonly locked: boolean;
  /** the sheet whose header names it (進捗, or 取組/年度目標 for the reference columns) */
  readonly from: "progress" | "measures" | "targets";
}

const progressCol = (key: string, locked: boolean): SurveyColumn => ({
  key,
  def: columnDef("progress", key),
  locked,
  from: "progress",
});

export const SURVEY_COLUMNS: readonly SurveyColumn[] = [
  progressCol("measureId", true),
  progressCol("fy", true),
  progressCol("period", true),
  { key: "content", def: columnDef("measures", "content"), locked: true, from: "measures" },
  { key: "indicator", def: columnDef("measures", "indicator"), locked: true, from: "measures" },
  { key: "unit", def: columnDef("measures", "unit"), locked: true, from: "measures" },
  { key: "targetValue", def: columnDef("targets", "targetValue"), locked: true, from: "targets" },
  ...["actual", "grade", "pdca", "done", "issues", "next", "reporter", "reportedOn", "status"].map(
    (k) => progressCol(k, false),
  ),
];

export const EDITABLE_KEYS: readonly string[] = SURVEY_COLUMNS.filter((c) => !c.locked).map(
  (c) => c.key,
);
export const LOCKED_KEYS: readonly string[] = SURVEY_COLUMNS.filter((c) => c.locked).map(
  (c) => c.key,
);

/** 1-based position of a column in the answer sheet. */
export function surveyCol(key: string): number {
  return SURVEY_COLUMNS.findIndex((c) => c.key === key) + 1;
}

/** A sheet definition for reading an answer sheet's header row with the registry's matching. */
export const SURVEY_SHEET_DEF: SheetDef = {
  ...sheetDef("progress"),
  columns: SURVEY_COLUMNS.map((c) => c.def),
};

export function mapSurveyHeaders(headerRow: readonly unknown[]): HeaderMap {
  return mapHeaders(SURVEY_SHEET_DEF, headerRow);
}

/** The header text the registry itself uses for a column (a renamed or English header is kept). */
export function registryHeader(
  headerRow: readonly unknown[] | undefined,
  column: SurveyColumn,
  lang: "ja" | "en",
): string {
  const hit = (headerRow ?? []).find((h) => {
    const n = normaliseHeader(h);
    return [column.def.ja, column.def.en, ...(column.def.aliases ?? [])]
      .map(normaliseHeader)
      .includes(n);
  });
  return hit !== undefined && String(hit).trim() !== ""
    ? String(hit).trim()
    : lang === "ja"
      ? column.def.ja
      : column.def.en;
}

/**
 * A cell's value as compared on import: numbers and dates by what they mean (120 and "120",
 * 2012/10/10 and a Date cell are the same), text trimmed. What people wrote is never changed.
 */
export function canonical(key: string, v: unknown): string {
  if (isBlank(v)) return "";
  const type = SURVEY_COLUMNS.find((c) => c.key === key)?.def.type;
  if (type === "number") {
    const n = readNumber(v);
    if (n.value !== null) return String(n.value);
  }
  if (type === "date" || isDateValue(v)) {
    const d = isDateValue(v) ? { value: tokyoDateOf(v) } : readDate(v);
    if (d.value !== null) return d.value;
  }
  return String(v).normalize("NFKC").trim();
}
