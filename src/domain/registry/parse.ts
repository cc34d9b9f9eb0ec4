/**
 * Raw sheet values -> typed Registry + located problems about cell types.
 * Rules that need the whole registry (references, duplicates, plan years) live in validate/.
 */
import { isDateValue, parsePeriod, periodLabels } from "../calendar";
import { listChoices } from "../i18n";
import type { Problem } from "../problem";
import {
  AGGREGATIONS,
  type ColumnDef,
  DIRECTIONS,
  type Lang,
  PDCA_STEPS,
  type SheetKey,
  STATUSES,
} from "../schema";
import {
  type CellIssue,
  displayValue,
  isBlank,
  readDate,
  readEmail,
  readEmailList,
  readEnum,
  readId,
  readList,
  readNumber,
  readText,
  readYear,
} from "./cells";
import type {
  AnnualTarget,
  Closure,
  Division,
  Measure,
  Pillar,
  ProgressReport,
  Registry,
  SendLogEntry,
  Settings,
} from "./model";
import { readSettings } from "./settings";
import { type RawSheet, type SheetTable, toTables } from "./table";

export interface ParseResult {
  readonly registry: Registry;
  readonly problems: readonly Problem[];
}

/** Sheets a registry cannot work without; the others are optional or app-written. */
export const REQUIRED_SHEETS: readonly SheetKey[] = [
  "settings",
  "pillars",
  "measures",
  "targets",
  "progress",
  "divisions",
];

/** Reads the cells of one row by column key, collecting located problems. */
class RowReader {
  constructor(
    private readonly table: SheetTable,
    private readonly cells: readonly unknown[],
    private readonly row: number,
    private readonly problems: Problem[],
  ) {}

  private column(key: string): ColumnDef {
    const c = this.table.def.columns.find((col) => col.key === key);
    if (!c) throw new Error(`no column ${key} in ${this.table.def.key}`);
    return c;
  }

  raw(key: string): unknown {
    const i = this.table.headers.index.get(key);
    return i === undefined ? "" : this.cells[i];
  }

  report(key: string, issue: CellIssue): void {
    const i = this.table.headers.index.get(key);
    this.problems.push({
      sheet: this.table.def.key,
      sheetName: this.table.name,
      row: this.row,
      col: i === undefined ? null : i + 1,
      code: issue.code,
      severity: issue.severity,
      params: { columnKey: key, sheetKey: this.table.def.key, ...issue.params },
    });
  }

  private take<T>(key: string, r: { value: T | null; issue?: CellIssue }): T | null {
    if (r.issue) this.report(key, r.issue);
    return r.value;
  }

  text(key: string): string {
    return readText(this.raw(key));
  }
  id(key: string): string {
    return this.take(key, readId(this.raw(key), this.column(key).ja)) ?? "";
  }
  list(key: string): string[] {
    return readList(this.raw(key));
  }
  number(key: string): number | null {
    return this.take(key, readNumber(this.raw(key)));
  }
  year(key: string): number | null {
    return this.take(key, readYear(this.raw(key)));
  }
  date(key: string): string | null {
    return this.take(key, readDate(this.raw(key)));
  }
  email(key: string): string {
    return this.take(key, readEmail(this.raw(key))) ?? "";
  }
  emails(key: string): string[] {
    const r = readEmailList(this.raw(key));
    for (const issue of r.issues) this.report(key, issue);
    return r.value;
  }
  choice<T extends string>(key: string, allowed: readonly T[], lang: Lang): T | null {
    const c = this.column(key);
    return this.take(key, readEnum(this.raw(key), allowed, c.ja, listChoices(allowed, lang)));
  }
}

function rowsOf<T>(
  tables: Map<SheetKey, SheetTable>,
  key: SheetKey,
  problems: Problem[],
  read: (r: RowReader, row: number) => T,
): T[] {
  const table = tables.get(key);
  if (!table || table.headers.missing.length > 0) return [];
  return table.rows.map((r) => read(new RowReader(table, r.cells, r.row, problems), r.row));
}

export function parseRegistry(sheets: readonly RawSheet[]): ParseResult {
  const problems: Problem[] = [];
  const tables = toTables(sheets, problems, REQUIRED_SHEETS);
  const settings = readSettings(tables.get("settings"), problems);
  const lang = settings.lang;

  const pillars = rowsOf<Pillar>(tables, "pillars", problems, (r, row) => ({
    row,
    pillarId: r.id("pillarId"),
    name: r.text("name"),
    strategy: r.text("strategy"),
    goal: r.text("goal"),
    owners: r.list("owners"),
  }));

  const measures = rowsOf<Measure>(tables, "measures", problems, (r, row) => ({
    row,
    measureId: r.id("measureId"),
    pillarId: r.id("pillarId"),
    content: r.text("content"),
    lead: r.id("lead"),
    related: r.list("related"),
    indicator: r.text("indicator"),
    unit: r.text("unit"),
    direction: r.choice("direction", DIRECTIONS, lang),
    baseline: r.number("baseline"),
    baselineFy: r.year("baselineFy"),
    finalTarget: r.number("finalTarget"),
    aggregation: r.choice("aggregation", AGGREGATIONS, lang),
  }));

  const targets = rowsOf<AnnualTarget>(tables, "targets", problems, (r, row) => ({
    row,
    measureId: r.id("measureId"),
    fy: r.year("fy"),
    targetText: r.text("targetText"),
    targetValue: r.number("targetValue"),
  }));

  const progress = rowsOf<ProgressReport>(tables, "progress", problems, (r, row) => ({
    row,
    measureId: r.id("measureId"),
    fy: r.year("fy"),
    period: readPeriod(r, settings, lang),
    actual: r.number("actual"),
    grade: readGrade(r, settings, lang),
    pdca: r.choice("pdca", PDCA_STEPS, lang),
    done: r.text("done"),
    issues: r.text("issues"),
    next: r.text("next"),
    reporter: r.text("reporter"),
    reportedOn: r.date("reportedOn"),
    status: r.choice("status", STATUSES, lang) ?? "未提出",
  }));

  const divisions = rowsOf<Division>(tables, "divisions", problems, (r, row) => ({
    row,
    name: r.id("name"),
    department: r.text("department"),
    head: r.text("head"),
    email: r.email("email"),
    cc: r.emails("cc"),
    escalationEmail: r.email("escalationEmail"),
  }));

  const closures = rowsOf<Closure | null>(tables, "closures", problems, (r, row) => {
    const date = r.date("date");
    return date ? { row, date, name: r.text("name") } : null;
  }).filter((c): c is Closure => c !== null);

  const sendLog = rowsOf<SendLogEntry>(tables, "sendLog", [], (r, row) => {
    const at = r.raw("at");
    return {
      row,
      at: isDateValue(at) ? at : null,
      key: r.text("key"),
      kind: r.text("kind"),
      division: r.text("division"),
      to: r.text("to"),
      count: r.number("count"),
      result: r.text("result"),
    };
  });

  const sheetNames: Partial<Record<SheetKey, string>> = {};
  for (const [key, t] of tables) sheetNames[key] = t.name;

  return {
    registry: {
      settings,
      pillars,
      measures,
      targets,
      progress,
      divisions,
      closures,
      sendLog,
      sheetNames,
    },
    problems,
  };
}

function readPeriod(r: RowReader, settings: Settings, lang: Lang): number | null {
  const raw = r.raw("period");
  if (isBlank(raw)) return null;
  const p = parsePeriod(raw, settings.cycle);
  if (p.ok) return p.period.index;
  r.report("period", {
    code: "invalid-period",
    severity: "error",
    params: {
      value: displayValue(raw),
      allowed: listChoices(periodLabels(settings.cycle, lang), lang),
    },
  });
  return null;
}

/** A grade cell may hold the code (B), the full label (B:計画どおり) or the meaning (計画どおり). */
function readGrade(r: RowReader, settings: Settings, lang: Lang): string | null {
  const raw = r.raw("grade");
  if (isBlank(raw)) return null;
  const text = String(raw).normalize("NFKC").trim();
  const hit = settings.grades.find(
    (g) =>
      g.code.toLowerCase() === text.toLowerCase() ||
      `${g.code}:${g.label}` === text ||
      g.label === text,
  );
  if (hit) return hit.code;
  r.report("grade", {
    code: "invalid-grade",
    severity: "error",
    params: {
      value: displayValue(raw),
      allowed: listChoices(
        settings.grades.map((g) => g.code),
        lang,
      ),
    },
  });
  return null;
}
