/** A located problem in the registry: the unit of every validation message. */
import { formatMessage, type MessageCode, type MessageParams } from "./i18n";
import { settingHint } from "./registry/settings";
import { type Lang, SETTINGS, SHEETS, type SheetKey, sheetDef } from "./schema";

export type Severity = "error" | "warning";

export interface Problem {
  readonly sheet: SheetKey;
  /** tab name as found in the workbook (設定 or Settings) */
  readonly sheetName: string;
  /** 1-based sheet row, null when the problem is about the whole sheet */
  readonly row: number | null;
  /** 1-based column, null for a whole row or sheet */
  readonly col: number | null;
  readonly code: MessageCode;
  readonly severity: Severity;
  readonly params: MessageParams;
}

/** Column number to letters: 1 -> A, 27 -> AA. */
export function columnLetters(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 進捗!F12, 進捗!12:12 for a row, 進捗 for a sheet. Quotes names with spaces as Sheets does. */
export function cellRef(p: Pick<Problem, "sheetName" | "row" | "col">): string {
  const name = /[\s!']/.test(p.sheetName) ? `'${p.sheetName.replace(/'/g, "''")}'` : p.sheetName;
  if (p.row === null) return name;
  if (p.col === null) return `${name}!${p.row}:${p.row}`;
  return `${name}!${columnLetters(p.col)}${p.row}`;
}

/** A problem as people read it: where, how bad, and what to do, in the registry's language. */
export interface RenderedProblem {
  readonly sheet: string;
  readonly cell: string;
  readonly code: MessageCode;
  readonly severity: Severity;
  readonly message: string;
}

/** Fills the header and setting names in the reader's language before formatting. */
export function renderProblem(p: Problem, lang: Lang): RenderedProblem {
  const params: Record<string, string | number> = { ...p.params };
  const columnKey = p.params.columnKey;
  if (typeof columnKey === "string") {
    const column = sheetDef(p.sheet).columns.find((c) => c.key === columnKey);
    if (column) params.header = lang === "ja" ? column.ja : column.en;
  }
  const settingKey = p.params.settingKey;
  if (typeof settingKey === "string") {
    const setting = SETTINGS.find((s) => s.key === settingKey);
    if (setting) {
      params.setting = lang === "ja" ? setting.ja : setting.en;
      params.hint = settingHint(setting, lang);
    }
  }
  if (p.code === "sheet-missing") {
    const def = sheetDef(p.sheet);
    params.sheet = lang === "ja" ? def.ja : `${def.en} (${def.ja})`;
  }
  return {
    sheet: p.sheetName,
    cell: cellRef(p),
    code: p.code,
    severity: p.severity,
    message: formatMessage(p.code, params, lang),
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1 };

/** Sheet order of the schema, then row, then column; errors before warnings on the same cell. */
export function sortProblems<T extends Problem>(problems: readonly T[]): T[] {
  const sheetOrder = (k: SheetKey) => SHEETS.findIndex((s) => s.key === k);
  return [...problems].sort(
    (a, b) =>
      sheetOrder(a.sheet) - sheetOrder(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}
