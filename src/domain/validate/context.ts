/**
 * What every rule needs besides the typed registry: the header map and raw rows of each tab
 * (to locate a cell by column key whatever the column order, and to tell an empty cell from an
 * unreadable one) and the optional "today" of the run.
 */
import { formatFiscalYear, isPlainDate, type PlainDate, parseDate } from "../calendar";
import type { MessageCode, MessageParams } from "../i18n";
import type { Problem, Severity } from "../problem";
import { isBlank, type RawSheet, type Registry, type SheetTable, toTable } from "../registry";
import { normaliseHeader, type SettingKey, type SheetKey, settingDef, sheetDef } from "../schema";

export interface ValidateOptions {
  /** the run's date in Asia/Tokyo (YYYY-MM-DD or any date the sheets accept); enables 報告日 checks */
  readonly today?: string;
}

export interface RuleContext {
  /** every tab that parseRegistry recognised, with its header map and non-blank rows */
  readonly tables: ReadonlyMap<SheetKey, SheetTable>;
  /** the raw cells of each tab by 1-based sheet row, for cell lookups in O(1) */
  readonly rows: ReadonlyMap<SheetKey, ReadonlyMap<number, readonly unknown[]>>;
  /** the run's date, when given and readable */
  readonly today: PlainDate | null;
}

/** A registry-wide rule: pure, never throws, returns located problems. */
export type Rule = (registry: Registry, ctx: RuleContext) => Problem[];

/** Pairs each sheet parseRegistry used (by its tab name) with its raw values again. */
export function buildRuleContext(
  registry: Registry,
  sheets: readonly RawSheet[],
  options: ValidateOptions = {},
): RuleContext {
  const tables = new Map<SheetKey, SheetTable>();
  const rows = new Map<SheetKey, ReadonlyMap<number, readonly unknown[]>>();
  for (const [key, name] of Object.entries(registry.sheetNames) as [SheetKey, string][]) {
    const raw = sheets.find((s) => s.name === name);
    if (!raw) continue;
    const table = toTable(sheetDef(key), raw);
    tables.set(key, table);
    rows.set(key, new Map(table.rows.map((r) => [r.row, r.cells])));
  }
  return { tables, rows, today: readToday(options.today) };
}

function readToday(today: string | undefined): PlainDate | null {
  if (today === undefined) return null;
  if (isPlainDate(today)) return today;
  const parsed = parseDate(today);
  return parsed.ok ? parsed.date : null;
}

/** A tab whose required headers are all present, i.e. one whose records parseRegistry read. */
export function usableTable(ctx: RuleContext, key: SheetKey): SheetTable | undefined {
  const table = ctx.tables.get(key);
  return table && table.headers.missing.length === 0 ? table : undefined;
}

/** 1-based column of a column key on a tab, null when the tab has no such column. */
export function columnOf(ctx: RuleContext, key: SheetKey, columnKey: string): number | null {
  const i = ctx.tables.get(key)?.headers.index.get(columnKey);
  return i === undefined ? null : i + 1;
}

/** The raw content of a cell, by sheet row and column key ("" when there is no such cell). */
export function rawCell(ctx: RuleContext, key: SheetKey, row: number, columnKey: string): unknown {
  const i = ctx.tables.get(key)?.headers.index.get(columnKey);
  if (i === undefined) return "";
  return ctx.rows.get(key)?.get(row)?.[i] ?? "";
}

/** Whether a cell is empty in the sheet (not merely unreadable: that has its own problem). */
export function isBlankCell(
  ctx: RuleContext,
  key: SheetKey,
  row: number,
  columnKey: string,
): boolean {
  return isBlank(rawCell(ctx, key, row, columnKey));
}

/** The tab name a sheet was found under, else its name in the schema. */
export function sheetNameOf(registry: Registry, key: SheetKey): string {
  return registry.sheetNames[key] ?? sheetDef(key).ja;
}

/** A problem on one cell, found by column key; columnKey also names the header in the message. */
export function cellProblem(
  registry: Registry,
  ctx: RuleContext,
  at: { sheet: SheetKey; row: number; column: string },
  code: MessageCode,
  severity: Severity,
  params: MessageParams = {},
): Problem {
  return {
    sheet: at.sheet,
    sheetName: sheetNameOf(registry, at.sheet),
    row: at.row,
    col: columnOf(ctx, at.sheet, at.column),
    code,
    severity,
    params: { columnKey: at.column, ...params },
  };
}

/** Where the value of a setting is written on 設定 (the first row naming it, as parsing uses). */
export function settingCell(
  registry: Registry,
  ctx: RuleContext,
  setting: SettingKey,
): Pick<Problem, "sheet" | "sheetName" | "row" | "col"> {
  const base = { sheet: "settings" as const, sheetName: sheetNameOf(registry, "settings") };
  const table = ctx.tables.get("settings");
  const keyCol = table?.headers.index.get("key");
  if (!table || keyCol === undefined) return { ...base, row: null, col: null };
  const def = settingDef(setting);
  const names = [def.ja, def.en].map(normaliseHeader);
  const hit = table.rows.find((r) => names.includes(normaliseHeader(r.cells[keyCol])));
  if (!hit) return { ...base, row: null, col: null };
  const valueCol = table.headers.index.get("value") ?? keyCol;
  return { ...base, row: hit.row, col: valueCol + 1 };
}

/** A fiscal year for both languages: {fyJa} 平成24年度, {fyEn} FY2012 (prefix renames the pair). */
export function fyParams(fy: number, prefix = "fy"): Record<string, string> {
  return {
    [`${prefix}Ja`]: formatFiscalYear(fy, "ja"),
    [`${prefix}En`]: formatFiscalYear(fy, "en"),
  };
}

/** 2013-07-10 -> 2013/07/10, as dates are shown elsewhere in messages. */
export function dateLabel(date: PlainDate): string {
  return date.replace(/-/g, "/");
}
