/**
 * 柱別報告書 and 年次報告スライド: models from the registry, written by whichever writer the
 * platform has, every output linked in 出力. Pillar documents resume past the 6-minute limit:
 * the cursor (what is left to write) is kept in properties and a follow-up run continues.
 */
import { formatFiscalYear } from "../domain/calendar";
import { parseRegistry, type Registry } from "../domain/registry";
import {
  buildDeckModel,
  buildPillarReports,
  type ReportScope,
  yearOutsidePlan,
} from "../domain/reports";
import { sheetDef, WRITE_ONLY_SHEETS } from "../domain/schema";
import type {
  Clock,
  DeckWriter,
  DocWriter,
  OutputFile,
  Progress,
  Properties,
  RegistryStore,
} from "../ports";

/** A report that cannot be made as asked (a year outside the plan); the message says why. */
export class ReportRefusedError extends Error {}

function checkYear(registry: Registry, scope: ReportScope): void {
  const why = yearOutsidePlan(registry, scope.fy);
  if (why !== null) throw new ReportRefusedError(why);
}

export const REPORT_CURSOR_KEY = "genki.reports.cursor";
export const DEFAULT_REPORT_DEADLINE_MS = 4.5 * 60 * 1000;
export const OUTPUT_KINDS = { doc: "柱別報告書", deck: "年次報告スライド" } as const;

export interface ReportDeps {
  readonly store: RegistryStore;
  readonly clock: Clock;
  readonly progress?: Progress;
}

export interface WrittenOutput extends OutputFile {
  readonly kind: (typeof OUTPUT_KINDS)[keyof typeof OUTPUT_KINDS];
  readonly pillarId: string;
}

export interface ReportRun {
  readonly outputs: readonly WrittenOutput[];
  /** pillars still to write when the run stopped at its deadline */
  readonly remaining: readonly string[];
}

interface Cursor {
  readonly fy: number;
  readonly period?: number;
  readonly remaining: readonly string[];
}

function logOutputs(
  store: RegistryStore,
  registry: Registry,
  scope: ReportScope,
  outputs: readonly WrittenOutput[],
  at: Date,
): void {
  if (outputs.length === 0) return;
  const name = registry.sheetNames.outputs ?? sheetDef("outputs").ja;
  if (!store.sheetNames().includes(name)) return;
  store.appendRows(
    name,
    outputs.map((o) => [at, o.kind, formatFiscalYear(scope.fy, "ja"), o.pillarId, o.name, o.url]),
  );
}

function readRegistry(store: RegistryStore): Registry {
  return parseRegistry(store.readAll([...WRITE_ONLY_SHEETS, "sendLog"])).registry;
}

export async function buildPillarDocs(
  deps: ReportDeps & { readonly writer: DocWriter; readonly cursor?: Properties },
  scope: ReportScope,
  options: { readonly pillarIds?: readonly string[]; readonly deadlineMs?: number } = {},
): Promise<ReportRun> {
  const started = deps.clock.now().getTime();
  const registry = readRegistry(deps.store);
  checkYear(registry, scope);
  const reports = buildPillarReports(registry, scope).filter(
    (r) => !options.pillarIds || options.pillarIds.includes(r.pillarId),
  );
  const outputs: WrittenOutput[] = [];
  const deadline = started + (options.deadlineMs ?? DEFAULT_REPORT_DEADLINE_MS);
  let remaining = reports.map((r) => r.pillarId);
  for (const report of reports) {
    if (deps.clock.now().getTime() > deadline) break;
    deps.progress?.report(
      `${report.pillarId} の報告書を作成しています（${outputs.length + 1}/${reports.length}）…`,
    );
    const file = await deps.writer.writePillarReport(report, {
      ...(registry.settings.outputFolderId ? { folderId: registry.settings.outputFolderId } : {}),
      ...(registry.settings.docsTemplateId ? { templateId: registry.settings.docsTemplateId } : {}),
    });
    outputs.push({ ...file, kind: OUTPUT_KINDS.doc, pillarId: report.pillarId });
    remaining = remaining.filter((id) => id !== report.pillarId);
  }
  logOutputs(deps.store, registry, scope, outputs, deps.clock.now());
  if (deps.cursor) {
    if (remaining.length > 0) {
      const cursor: Cursor = {
        fy: scope.fy,
        ...(scope.period ? { period: scope.period } : {}),
        remaining,
      };
      deps.cursor.set(REPORT_CURSOR_KEY, JSON.stringify(cursor));
    } else deps.cursor.delete(REPORT_CURSOR_KEY);
  }
  return { outputs, remaining };
}

/** Continues an interrupted pillar-document run from its saved cursor (nothing when none). */
export async function resumePillarDocs(
  deps: ReportDeps & { readonly writer: DocWriter; readonly cursor: Properties },
  options: { readonly deadlineMs?: number } = {},
): Promise<ReportRun> {
  const text = deps.cursor.get(REPORT_CURSOR_KEY);
  if (!text) return { outputs: [], remaining: [] };
  const cursor = JSON.parse(text) as Cursor;
  const scope: ReportScope = { fy: cursor.fy, ...(cursor.period ? { period: cursor.period } : {}) };
  return buildPillarDocs(deps, scope, { pillarIds: cursor.remaining, ...options });
}

export async function buildAnnualDeck(
  deps: ReportDeps & { readonly writer: DeckWriter },
  scope: ReportScope,
): Promise<WrittenOutput> {
  const registry = readRegistry(deps.store);
  deps.progress?.report("年次報告スライドを作成しています…");
  checkYear(registry, scope);
  // the date on the title is 設定 報告日, else the end of the reported year (not today)
  const deck = buildDeckModel(registry, scope);
  const file = await deps.writer.writeDeck(deck, {
    ...(registry.settings.outputFolderId ? { folderId: registry.settings.outputFolderId } : {}),
    ...(registry.settings.slidesTemplateId
      ? { templateId: registry.settings.slidesTemplateId }
      : {}),
  });
  const output: WrittenOutput = { ...file, kind: OUTPUT_KINDS.deck, pillarId: "" };
  logOutputs(deps.store, registry, scope, [output], deps.clock.now());
  return output;
}
