/**
 * 柱別報告書 and 年次報告スライド: models from the registry, written by whichever writer the
 * platform has, every output linked in 出力. Both resume past the 6-minute limit: a cursor
 * (what is left to write) is kept in properties and a follow-up run continues. Deadlines count
 * from the start of the execution (`startedAt`), dialogs included, since GAS does too.
 */
import { formatFiscalYear, type PlainDate, tokyoDateOf } from "../domain/calendar";
import { fingerprint } from "../domain/fingerprint";
import { formatMessage } from "../domain/i18n";
import { parseRegistry, type Registry, reportDateOf } from "../domain/registry";
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
  OutputAccess,
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
export const DECK_CURSOR_KEY = "genki.deck.cursor";
export const DEFAULT_REPORT_DEADLINE_MS = 4.5 * 60 * 1000;
export const OUTPUT_KINDS = { doc: "柱別報告書", deck: "年次報告スライド" } as const;

export interface ReportDeps {
  readonly store: RegistryStore;
  readonly clock: Clock;
  readonly progress?: Progress;
  /** checks 出力フォルダID and the template before anything is created (GAS) */
  readonly access?: OutputAccess;
}

/** A folder or template in 設定 cannot be used: nothing was created; the message says what to do. */
export class OutputUnreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputUnreachable";
  }
}

const TEMPLATE_SETTING = {
  document: "Docsテンプレート",
  presentation: "Slidesテンプレート",
} as const;
const KIND_NAMES = {
  document: { ja: "Google ドキュメント", en: "Google Doc" },
  presentation: { ja: "Google スライド", en: "Google Slides presentation" },
} as const;

/**
 * Never a silent fallback: when the folder or template in 設定 cannot be reached, 出力 gets a
 * row saying so and the run stops with a message for the dialog, before creating anything.
 */
function ensureReachable(
  deps: ReportDeps,
  registry: Registry,
  scope: ReportScope,
  kind: WrittenOutput["kind"],
  templateKind: "document" | "presentation",
  templateId: string | undefined,
): void {
  const folderId = registry.settings.outputFolderId || undefined;
  const problem = deps.access?.check({
    ...(folderId ? { folderId } : {}),
    ...(templateId ? { templateId } : {}),
    templateKind,
  });
  if (!problem) return;
  const lang = registry.settings.lang;
  const message = formatMessage(
    problem.code,
    {
      id: problem.id,
      setting:
        problem.code === "output-folder-unreachable"
          ? problem.setting
          : TEMPLATE_SETTING[templateKind],
      expected: KIND_NAMES[templateKind][lang],
    },
    lang,
  );
  const name = registry.sheetNames.outputs ?? sheetDef("outputs").ja;
  if (deps.store.sheetNames().includes(name)) {
    deps.store.appendRows(name, [
      [
        deps.clock.now(),
        kind,
        formatFiscalYear(scope.fy, "ja"),
        "",
        formatMessage("output-unreachable-row", { reason: message }, lang),
        "",
      ],
    ]);
  }
  throw new OutputUnreachable(message);
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

export interface RunTiming {
  /** when the execution began (before any dialog); default: when the use case starts */
  readonly startedAt?: Date;
  /** how long after startedAt the run stops starting new work */
  readonly deadlineMs?: number;
}

function deadlineOf(clock: Clock, timing: RunTiming): number {
  const started = (timing.startedAt ?? clock.now()).getTime();
  return started + (timing.deadlineMs ?? DEFAULT_REPORT_DEADLINE_MS);
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

/** Submissions are counted as of today (Tokyo), as ダッシュボード and the reminders count them. */
function asOfToday(scope: ReportScope, clock: Clock): ReportScope {
  return scope.asOf ? scope : { ...scope, asOf: tokyoDateOf(clock.now()) };
}

function readRegistry(store: RegistryStore): Registry {
  return parseRegistry(store.readAll([...WRITE_ONLY_SHEETS, "sendLog"])).registry;
}

export async function buildPillarDocs(
  deps: ReportDeps & { readonly writer: DocWriter; readonly cursor?: Properties },
  scope: ReportScope,
  options: { readonly pillarIds?: readonly string[] } & RunTiming = {},
): Promise<ReportRun> {
  const deadline = deadlineOf(deps.clock, options);
  const registry = readRegistry(deps.store);
  checkYear(registry, scope);
  ensureReachable(
    deps,
    registry,
    scope,
    OUTPUT_KINDS.doc,
    "document",
    registry.settings.docsTemplateId || undefined,
  );
  const reports = buildPillarReports(registry, asOfToday(scope, deps.clock)).filter(
    (r) => !options.pillarIds || options.pillarIds.includes(r.pillarId),
  );
  const outputs: WrittenOutput[] = [];
  let remaining = reports.map((r) => r.pillarId);
  // The cursor is written before the first document and after each one, with its 出力 row, so
  // a run killed mid-way (the 6-minute limit, an error) loses nothing already made.
  const saveCursor = () => {
    if (!deps.cursor) return;
    if (remaining.length === 0) {
      deps.cursor.delete(REPORT_CURSOR_KEY);
      return;
    }
    const cursor: Cursor = {
      fy: scope.fy,
      ...(scope.period ? { period: scope.period } : {}),
      remaining,
    };
    deps.cursor.set(REPORT_CURSOR_KEY, JSON.stringify(cursor));
  };
  saveCursor();
  for (const report of reports) {
    if (deps.clock.now().getTime() > deadline) break;
    deps.progress?.report(
      `${report.pillarId} の報告書を作成しています（${outputs.length + 1}/${reports.length}）…`,
    );
    const file = await deps.writer.writePillarReport(report, {
      ...(registry.settings.outputFolderId ? { folderId: registry.settings.outputFolderId } : {}),
      ...(registry.settings.docsTemplateId ? { templateId: registry.settings.docsTemplateId } : {}),
    });
    const output: WrittenOutput = { ...file, kind: OUTPUT_KINDS.doc, pillarId: report.pillarId };
    outputs.push(output);
    remaining = remaining.filter((id) => id !== report.pillarId);
    logOutputs(deps.store, registry, scope, [output], deps.clock.now());
    saveCursor();
  }
  return { outputs, remaining };
}

/** Continues an interrupted pillar-document run from its saved cursor (nothing when none). */
export async function resumePillarDocs(
  deps: ReportDeps & { readonly writer: DocWriter; readonly cursor: Properties },
  options: RunTiming = {},
): Promise<ReportRun> {
  const text = deps.cursor.get(REPORT_CURSOR_KEY);
  if (!text) return { outputs: [], remaining: [] };
  const cursor = JSON.parse(text) as Cursor;
  const scope: ReportScope = { fy: cursor.fy, ...(cursor.period ? { period: cursor.period } : {}) };
  return buildPillarDocs(deps, scope, { pillarIds: cursor.remaining, ...options });
}

export interface DeckRun extends WrittenOutput {
  /** the deck did not fit this run: a follow-up run (resumeAnnualDeck) writes the rest */
  readonly unfinished: boolean;
}

interface DeckCursor {
  readonly fy: number;
  readonly period?: number;
  /** the deck's date, so the follow-up rebuilds the same model */
  readonly date: PlainDate;
  /** of the model the first run started from */
  readonly model: string;
  /** the writer's own token for where it stopped */
  readonly writer: string;
}

/**
 * 年次報告スライド. The writer sends the deck in parts; past the deadline it stops between parts,
 * the cursor is saved and `unfinished` tells the caller to schedule resumeAnnualDeck.
 */
export async function buildAnnualDeck(
  deps: ReportDeps & { readonly writer: DeckWriter; readonly cursor?: Properties },
  scope: ReportScope,
  options: RunTiming & { readonly date?: PlainDate; readonly resumeFrom?: DeckCursor } = {},
): Promise<DeckRun> {
  const deadline = deadlineOf(deps.clock, options);
  const registry = readRegistry(deps.store);
  checkYear(registry, scope);
  ensureReachable(
    deps,
    registry,
    scope,
    OUTPUT_KINDS.deck,
    "presentation",
    registry.settings.slidesTemplateId || undefined,
  );
  deps.progress?.report("年次報告スライドを作成しています…");
  // the title's date is 設定 報告日, else the end of the reported year (not today)
  const date = options.date ?? reportDateOf(registry.settings, scope.fy);
  const deck = buildDeckModel(registry, asOfToday(scope, deps.clock), { date });
  const model = fingerprint(deck);
  // a registry changed since the first run would give a deck of two versions: start again
  const resume = options.resumeFrom?.model === model ? options.resumeFrom.writer : undefined;
  const file = await deps.writer.writeDeck(deck, {
    ...(registry.settings.outputFolderId ? { folderId: registry.settings.outputFolderId } : {}),
    ...(registry.settings.slidesTemplateId
      ? { templateId: registry.settings.slidesTemplateId }
      : {}),
    ...(resume ? { resumeFrom: resume } : {}),
    shouldStop: () => deps.clock.now().getTime() > deadline,
    onPart: (done, total) =>
      deps.progress?.report(`年次報告スライドを作成しています（${done}/${total}）…`),
  });
  const output: WrittenOutput = {
    name: file.name,
    url: file.url,
    kind: OUTPUT_KINDS.deck,
    pillarId: "",
  };
  if (file.unfinished !== undefined) {
    const cursor: DeckCursor = {
      fy: scope.fy,
      ...(scope.period ? { period: scope.period } : {}),
      date,
      model,
      writer: file.unfinished,
    };
    if (!deps.cursor) throw new Error("a deck written in parts needs a cursor store");
    deps.cursor.set(DECK_CURSOR_KEY, JSON.stringify(cursor));
    return { ...output, unfinished: true };
  }
  deps.cursor?.delete(DECK_CURSOR_KEY);
  logOutputs(deps.store, registry, scope, [output], deps.clock.now());
  return { ...output, unfinished: false };
}

/** Continues an interrupted deck from its saved cursor (undefined when there is none). */
export async function resumeAnnualDeck(
  deps: ReportDeps & { readonly writer: DeckWriter; readonly cursor: Properties },
  options: RunTiming = {},
): Promise<DeckRun | undefined> {
  const text = deps.cursor.get(DECK_CURSOR_KEY);
  if (!text) return undefined;
  const cursor = JSON.parse(text) as DeckCursor;
  const scope: ReportScope = { fy: cursor.fy, ...(cursor.period ? { period: cursor.period } : {}) };
  return buildAnnualDeck(deps, scope, { ...options, date: cursor.date, resumeFrom: cursor });
}
