/**
 * 照会・回答 by workbook: export one answer file per division for a period, and merge the
 * returned files back. The domain (src/domain/survey) decides; this only reads, writes, logs.
 */
import {
  formatFiscalYear,
  type Period,
  parseFiscalYear,
  parsePeriod,
  periodOf,
  tokyoDateOf,
} from "../domain/calendar";
import { surveyText } from "../domain/i18n";
import { parseRegistry, type RawSheet, type Registry } from "../domain/registry";
import { type Lang, sheetDef, WRITE_ONLY_SHEETS } from "../domain/schema";
import {
  type Acceptance,
  buildSurveys,
  type Conflict,
  type MergePlan,
  planMerge,
  type Rejection,
  type ReturnedFile,
} from "../domain/survey";
import type { Clock, OutputFile, Progress, RegistryStore, SurveyWriter } from "../ports";

export interface SurveyDeps {
  readonly store: RegistryStore;
  readonly clock: Clock;
  readonly progress?: Progress;
}

export interface ExportedSurvey extends OutputFile {
  readonly division: string;
  readonly rows: number;
}

export type PeriodChoice =
  | { readonly ok: true; readonly period: Period }
  | { readonly ok: false; readonly message: string };

function readRegistry(store: RegistryStore): { registry: Registry; sheets: RawSheet[] } {
  const sheets = store.readAll([...WRITE_ONLY_SHEETS, "sendLog"]);
  return { registry: parseRegistry(sheets).registry, sheets };
}

/** The year and period as people type them (2012 / H24 / 平成24年度; Q2 / 2 / 第2四半期). */
export function choosePeriod(registry: Registry, fyText: string, periodText: string): PeriodChoice {
  const lang = registry.settings.lang;
  const fy = parseFiscalYear(fyText);
  if (!fy.ok)
    return {
      ok: false,
      message:
        lang === "ja"
          ? `年度「${fyText}」を読めません。2012、平成24年度、H24 のように指定してください。`
          : `“${fyText}” is not a fiscal year. Write it as 2012, 平成24年度 or H24.`,
    };
  const p = parsePeriod(periodText, registry.settings.cycle);
  const period = p.ok ? periodOf(fy.fy, registry.settings.cycle, p.period.index) : undefined;
  if (!period)
    return {
      ok: false,
      message:
        lang === "ja"
          ? `期「${periodText}」を読めません。報告周期が${registry.settings.cycle}の登録簿では Q2、2、第2四半期 のように指定してください。`
          : `“${periodText}” is not a period of this registry (reported by ${registry.settings.cycle}). Write it as Q2, 2 or 第2四半期.`,
    };
  return { ok: true, period };
}

export function surveyPeriod(
  store: RegistryStore,
  fyText: string,
  periodText: string,
): PeriodChoice {
  return choosePeriod(readRegistry(store).registry, fyText, periodText);
}

/** One answer workbook per division that leads a 取組; each is logged in 出力. */
export async function exportSurveys(
  deps: SurveyDeps & { readonly writer: SurveyWriter },
  period: Period,
): Promise<ExportedSurvey[]> {
  const { registry, sheets } = readRegistry(deps.store);
  const byName = (key: "progress" | "measures" | "targets") =>
    sheets.find((s) => s.name === registry.sheetNames[key]);
  const now = deps.clock.now();
  const files = buildSurveys(
    registry,
    { progress: byName("progress"), measures: byName("measures"), targets: byName("targets") },
    period,
    now,
  );
  const out: ExportedSurvey[] = [];
  for (const [i, file] of files.entries()) {
    deps.progress?.report(
      `${file.division} の照会ファイルを作成しています（${i + 1}/${files.length}）…`,
    );
    const written = await deps.writer.writeSurvey(file, {
      ...(registry.settings.outputFolderId ? { folderId: registry.settings.outputFolderId } : {}),
    });
    out.push({ ...written, division: file.division, rows: file.answerSheet.values.length - 1 });
  }
  const log = registry.sheetNames.outputs ?? sheetDef("outputs").ja;
  if (out.length > 0 && deps.store.sheetNames().includes(log)) {
    const kind = surveyText("outputKind", "ja");
    deps.store.appendRows(
      log,
      out.map((o) => [now, kind, formatFiscalYear(period.fy, "ja"), "", o.name, o.url]),
    );
  }
  return out;
}

export interface ImportResult {
  readonly accepted: readonly Acceptance[];
  readonly rejected: readonly Rejection[];
  readonly conflicts: readonly Conflict[];
  readonly lang: Lang;
}

/**
 * Merges returned files one after another (a later file sees what an earlier one wrote), each
 * with one write per changed row, one append for new rows and one 変更履歴 append.
 */
export function importSurveys(deps: SurveyDeps, files: readonly ReturnedFile[]): ImportResult {
  let { registry, sheets } = readRegistry(deps.store);
  const accepted: Acceptance[] = [];
  const rejected: Rejection[] = [];
  const conflicts: Conflict[] = [];
  const today = tokyoDateOf(deps.clock.now());
  for (const [i, file] of files.entries()) {
    deps.progress?.report(`回答を取り込んでいます（${i + 1}/${files.length}）…`);
    const plan = planMerge(sheets, file, today);
    accepted.push(...plan.accepted);
    rejected.push(...plan.rejected);
    conflicts.push(...plan.conflicts);
    if (apply(deps, registry, plan)) {
      const name = registry.sheetNames.progress ?? sheetDef("progress").ja;
      const fresh = deps.store.read(name);
      if (fresh) sheets = sheets.map((s) => (s.name === name ? fresh : s));
      registry = parseRegistry(sheets).registry;
    }
  }
  return { accepted, rejected, conflicts, lang: registry.settings.lang };
}

/** Writes a plan; false when it had nothing to write. */
function apply(deps: SurveyDeps, registry: Registry, plan: MergePlan): boolean {
  if (plan.writes.length === 0 && plan.appends.length === 0) return false;
  const name = registry.sheetNames.progress ?? sheetDef("progress").ja;
  const rows = new Map<number, Map<number, unknown>>();
  for (const w of plan.writes) {
    const cells = rows.get(w.row) ?? new Map<number, unknown>();
    cells.set(w.col, w.value);
    rows.set(w.row, cells);
  }
  if (rows.size > 0) {
    const current = deps.store.read(name)?.values ?? [];
    for (const [row, cells] of rows) {
      // One write per row: the span from the first to the last changed cell, keeping the rest.
      const cols = [...cells.keys()];
      const left = Math.min(...cols);
      const right = Math.max(...cols);
      const span = Array.from({ length: right - left + 1 }, (_, k) =>
        cells.has(left + k) ? cells.get(left + k) : (current[row - 1]?.[left + k - 1] ?? ""),
      );
      deps.store.writeCells(name, row, left, [span]);
    }
  }
  if (plan.appends.length > 0) deps.store.appendRows(name, plan.appends);
  const log = sheetDef("auditLog").ja;
  if (deps.store.sheetNames().includes(log) && plan.audit.length > 0) {
    const at = deps.clock.now();
    deps.store.appendRows(
      log,
      plan.audit.map((a) => [at, plan.division, name, a.cell, a.oldValue, a.newValue]),
    );
  }
  return true;
}
