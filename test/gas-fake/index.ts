/**
 * An in-memory fake of the Google Apps Script services genki-plan uses, with a call ledger,
 * a latency table (costs.ts) and fault injection (faults.ts).
 *
 * Two ways to use it:
 * - unit / adapter tests: `const fake = createGasFake(); fake.services.SpreadsheetApp...` (GAS
 *   types), or `fake.installGlobals()` for code that reads GAS globals directly;
 * - bundle e2e: `gas.require(distDir, fake.globals)` (gas-local) runs dist/Code.js in a vm
 *   context whose globals are only the fake's services plus `Date` (no require/process/Buffer/
 *   timers).
 *
 * Cross-realm notes for code running in the vm context: arrays, Dates and errors handed out by
 * the fake come from the host realm. Test arrays with Array.isArray, dates with
 * Object.prototype.toString.call(v) === "[object Date]" (`instanceof Date` also works, because
 * the context's Date is the fake's Date class, but `instanceof Array`/`instanceof Error` do not).
 * `new Date()` and Date.now() inside the context read the fake clock.
 *
 * Values behave like GAS: getValues() returns numbers, booleans, Dates and strings, "" for empty
 * cells, in rectangular 1-based ranges; setValues() parses strings like a person typing
 * (user-entered.ts). Formulas are stored, not computed (getValues() gives "" for them).
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseA1 } from "./a1";
import { FakeCacheService } from "./cache";
import { FakeClock } from "./clock";
import { FakeDocsDocuments } from "./docs-api";
import { FakeDocumentApp } from "./document";
import { appendChild, FakeDocument, node } from "./document-model";
import {
  DriveStore,
  FakeDriveApp,
  type FakeDriveFile,
  type FakeFolder,
  MIME,
  ROOT_FOLDER_ID,
} from "./drive";
import { type EditOptions, simulateEdit } from "./edit";
import { Faults } from "./faults";
import { type CellSnapshot, snapshot } from "./grid";
import { Ledger } from "./ledger";
import { FakeLockService } from "./lock";
import { FakeLogger, makeConsole } from "./logger";
import { FakeMailApp, type SentMail } from "./mail";
import { FakePropertiesService } from "./properties";
import { userOf } from "./protection";
import {
  EXECUTION_LIMIT_MS,
  type Execution,
  type LogLine,
  Runtime,
  SIMPLE_TRIGGER_LIMIT_MS,
} from "./runtime";
import { FakeSession } from "./session";
import type { FakeSheet } from "./sheet";
import { FakePresentation, FakePresentations } from "./slides";
import { FakeSpreadsheet, FakeSpreadsheetApp } from "./spreadsheet";
import { FakeScriptApp, type FakeTrigger } from "./triggers";
import { FakeHtmlService, FakeUi } from "./ui";
import { FakeUtilities } from "./utilities";

export { FakeClock } from "./clock";
export {
  ASSUMPTIONS,
  type AssumptionId,
  COST_TABLE,
  callCost,
  commitCost,
  methodCost,
} from "./costs";
export type { DocBlock } from "./document-model";
export { GasError, GoogleJsonResponseError } from "./errors";
export { Faults } from "./faults";
export { formatDate } from "./format-date";
export type { CellSnapshot } from "./grid";
export type { LedgerEntry, ServiceName } from "./ledger";
export { Ledger, LedgerView } from "./ledger";
export type { SentMail } from "./mail";
export { FakeRange } from "./range";
export { FakeSheet } from "./sheet";
export { FakePresentation } from "./slides";
export { FakeSpreadsheet } from "./spreadsheet";
export { FakeTrigger } from "./triggers";
export type {
  RecordedAlert,
  RecordedDialog,
  RecordedMenu,
  RecordedMenuItem,
  RecordedToast,
} from "./ui";
export { FakeUi } from "./ui";
export { FakeDocument };

export interface GasFakeOptions {
  /** initial clock, default "2026-04-01T09:00:00+09:00" */
  now?: string | Date;
  /** active user e-mail, default "planner@example.jp" */
  user?: string;
  /** MailApp remaining daily quota (recipients), default 100 */
  mailQuota?: number;
  /** default "元気計画 登録簿" */
  spreadsheetName?: string;
  /** spreadsheet and script time zone, default "Asia/Tokyo" */
  timeZone?: string;
  /** let getRange go beyond a sheet's 1000 x 26 (real GAS throws "The coordinates of the range
   * are outside the dimensions of the sheet."); default false */
  lenientDimensions?: boolean;
  /** the manifest whose oauthScopes the script holds; default the repository's appsscript.json
   * (bundle tests pass dist/appsscript.json) */
  manifest?: string;
  /** the scopes granted, overriding the manifest's (fake tests of a service) */
  oauthScopes?: readonly string[];
}

/** The repository's manifest (what `npm run build` copies to dist/). */
export const SOURCE_MANIFEST = join(__dirname, "../../appsscript.json");

function manifestScopes(path: string): string[] {
  const json = JSON.parse(readFileSync(path, "utf8")) as { oauthScopes?: unknown };
  return Array.isArray(json.oauthScopes) ? json.oauthScopes.map(String) : [];
}

/** Gmail-style domain of an address ("" for none) */
function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).toLowerCase();
}

/**
 * Who Google lets the script see at the keyboard: the editor's address only when they are in the
 * same domain as the user the script runs as (Session.getActiveUser: "the user's email address
 * is not available in any context that allows a script to run without that user's
 * authorization ... these restrictions generally do not apply if the developer ... belongs to
 * the same Google Workspace domain as the user").
 * https://developers.google.com/apps-script/reference/base/session#getActiveUser()
 */
export function visibleUser(editor: string, runsAs: string): string {
  if (editor === runsAs) return editor;
  const d = domainOf(editor);
  return d !== "" && d === domainOf(runsAs) ? editor : "";
}

export type ExecutionKind = "menu" | "simple" | "trigger";

export interface EditHandlers {
  /** the simple trigger */
  simple?: string;
  [name: string]: unknown;
}

/** The services typed as GAS declares them (the fakes implement the part we use). */
export interface GasServices {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  DriveApp: GoogleAppsScript.Drive.DriveApp;
  Slides: GoogleAppsScript.Slides;
  /** the Docs advanced service (no @types of its own: typed by googleapis' docs_v1) */
  Docs: { Documents: FakeDocsDocuments };
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
}

export interface GasFake {
  /** every global GAS provides that we use, plus Date (fake clock) and console */
  globals: Record<string, unknown>;
  services: GasServices;
  ledger: Ledger;
  faults: Faults;
  clock: FakeClock;
  /** the active (bound) spreadsheet */
  spreadsheet: FakeSpreadsheet;
  /** every spreadsheet by id: the bound one, copies and those made by SpreadsheetApp.create */
  spreadsheets: ReadonlyMap<string, FakeSpreadsheet>;
  /** a person typing into another spreadsheet (e.g. a division's answer file); not ledgered */
  editIn(
    spreadsheetId: string,
    sheetName: string,
    a1: string,
    values: unknown,
    opts?: EditOptions,
  ): GoogleAppsScript.Events.SheetsOnEdit;
  mail: { sent: SentMail[]; readonly quota: number };
  ui: FakeUi;
  /** live project triggers */
  triggers: FakeTrigger[];
  /** Logger.log and console.* output */
  logs: LogLine[];
  docs: Map<string, FakeDocument>;
  presentations: Map<string, FakePresentation>;
  files: Map<string, FakeDriveFile>;
  folders: Map<string, FakeFolder>;
  properties: FakePropertiesService;
  cache: FakeCacheService;
  session: FakeSession;
  /** a person typing or pasting (not ledgered); returns the onEdit event object */
  edit(
    sheetName: string,
    a1: string,
    values: unknown,
    opts?: EditOptions,
  ): GoogleAppsScript.Events.SheetsOnEdit;
  /** the onOpen event object */
  openEvent(opts?: { user?: string }): GoogleAppsScript.Events.SheetsOnOpen;
  /** time-driven triggers whose next run time has come */
  dueTimeTriggers(): FakeTrigger[];
  /**
   * Runs every due time-driven trigger's handler from `handlers` (a gas-local context or an
   * object of functions) with GAS's event object, as separate executions; returns the handler
   * names run, in order.
   */
  runDueTriggers(handlers: Record<string, unknown>): string[];
  /** the end of an execution: releases locks this execution still holds */
  endExecution(): void;
  /** the script's owner (the user who created it and ran 初期設定 by default) */
  readonly owner: string;
  /** the running execution (authorization mode, effective and active user, time limit) */
  readonly execution: Execution;
  /**
   * Starts an execution, as GAS would for:
   * - "menu": `user` at the keyboard; AuthMode.FULL, 6 minutes
   * - "simple": a simple trigger (onOpen/onEdit) caused by `user`; AuthMode.LIMITED, 30 s
   * - "trigger": an installable or time-driven trigger owned by `user` (the editor who caused
   *   it is `editor`); AuthMode.FULL, 6 minutes
   * Locks of the previous execution are released.
   */
  startExecution(kind: ExecutionKind, user?: string, editor?: string): void;
  /**
   * A person edits: stores the values like fake.edit, then fires, as separate executions, the
   * simple onEdit (`handlers.onEdit`, LIMITED) and every installable ON_EDIT trigger of this
   * spreadsheet (as its owner, FULL), in the given order ("simple-first" by default): GAS fires
   * both for one edit and promises no order between them. Returns what ran, in order.
   */
  fireEdit(
    sheetName: string,
    a1: string,
    values: unknown,
    handlers: Record<string, unknown>,
    opts?: { user?: string; order?: "simple-first" | "installable-first" },
  ): string[];
  /**
   * Test setup (not ledgered): creates the tab if missing and writes the rows from `a1`
   * (default A1) as a person pasting would, growing the tab past 1000 x 26 when the data needs it.
   */
  seed(sheetName: string, rows: unknown[][], a1?: string): FakeSheet;
  /** cell states of a range with defaults filled in (not ledgered) */
  inspect(sheetName: string, a1: string): CellSnapshot[][];
  /** what getValues() would return, without a ledger entry; whole data range by default */
  values(sheetName: string, a1?: string): unknown[][];
  /** a Drive folder (e.g. the 出力フォルダID of 設定) */
  addFolder(name: string, parentId?: string): FakeFolder;
  /** a Doc (e.g. a template) with these paragraphs */
  addDocument(name: string, paragraphs?: string[]): FakeDocument;
  /** a presentation (e.g. a template) */
  addPresentation(title: string): FakePresentation;
  /** copies the services onto a global object (default globalThis) for code that uses GAS
   * globals directly; Date and console are left alone unless asked. Returns an undo function. */
  installGlobals(
    target?: Record<string, unknown>,
    opts?: { date?: boolean; console?: boolean },
  ): () => void;
}

/** every scope the fake knows, for tests of a service's behaviour rather than its permissions */
export const ALL_SCOPES: readonly string[] = [
  "spreadsheets",
  "documents",
  "presentations",
  "drive",
  "script.send_mail",
  "script.scriptapp",
  "script.container.ui",
  "userinfo.email",
].map((n) => `https://www.googleapis.com/auth/${n}`);

export function createGasFake(options: GasFakeOptions = {}): GasFake {
  const timeZone = options.timeZone ?? "Asia/Tokyo";
  const clock = new FakeClock(options.now ?? "2026-04-01T09:00:00+09:00");
  const ledger = new Ledger();
  let mailApp: FakeMailApp | undefined;
  let current: () => string = () => options.user ?? "planner@example.jp";
  const faults = new Faults({
    setMailQuota: (n) => {
      if (mailApp) mailApp.quota = n;
    },
    currentUser: () => current(),
  });
  const rt = new Runtime(clock, ledger, faults, {
    timeZone,
    user: options.user ?? "planner@example.jp",
    scriptId: "script-genki-plan",
    lenientDimensions: options.lenientDimensions === true,
    oauthScopes: options.oauthScopes ?? manifestScopes(options.manifest ?? SOURCE_MANIFEST),
  });
  current = () => rt.execution.user;

  const drive = new DriveStore(rt);
  const ui = new FakeUi(rt);
  const spreadsheets = new Map<string, FakeSpreadsheet>();
  const docs = new Map<string, FakeDocument>();
  const presentations = new Map<string, FakePresentation>();

  const newSpreadsheet = (name: string, id?: string): FakeSpreadsheet => {
    const file = drive.addFile(name, MIME.spreadsheet, ROOT_FOLDER_ID, id);
    const ss = new FakeSpreadsheet(rt, ui, file.id, name, timeZone);
    spreadsheets.set(ss.id, ss);
    return ss;
  };
  const spreadsheet = newSpreadsheet(options.spreadsheetName ?? "元気計画 登録簿");

  drive.copiers.set(MIME.spreadsheet, (sourceId, newId, name) => {
    const src = spreadsheets.get(sourceId);
    if (!src) return;
    const copy = new FakeSpreadsheet(rt, ui, newId, name, src.timeZone);
    copy.sheets.splice(0, copy.sheets.length, ...src.sheets.map((s) => s.cloneInto(copy, rt)));
    copy.active = copy.sheets[0] ?? copy.active;
    spreadsheets.set(newId, copy);
  });
  drive.copiers.set(MIME.document, (sourceId, newId, name) => {
    const src = docs.get(sourceId);
    if (src) docs.set(newId, src.clone(newId, name));
  });
  drive.copiers.set(MIME.presentation, (sourceId, newId, name) => {
    const src = presentations.get(sourceId);
    if (src) presentations.set(newId, src.clone(newId, name));
  });

  mailApp = new FakeMailApp(rt, options.mailQuota ?? 100);
  const triggerStore = { triggers: [] as FakeTrigger[] };
  const lockService = new FakeLockService(rt);
  const properties = new FakePropertiesService(rt);
  const cache = new FakeCacheService(rt);
  const session = new FakeSession(rt);

  const impl = {
    SpreadsheetApp: new FakeSpreadsheetApp(rt, spreadsheet, ui, {
      get: (id) => (drive.files.get(id)?.trashed ? undefined : spreadsheets.get(id)),
      create: (name) => newSpreadsheet(name),
    }),
    MailApp: mailApp,
    DocumentApp: new FakeDocumentApp(rt, docs, drive),
    DriveApp: new FakeDriveApp(rt, drive),
    Slides: { Presentations: new FakePresentations(rt, presentations, drive) },
    Docs: { Documents: new FakeDocsDocuments(rt, docs) },
    PropertiesService: properties,
    LockService: lockService,
    CacheService: cache,
    ScriptApp: new FakeScriptApp(rt, triggerStore),
    Session: session,
    Utilities: new FakeUtilities(rt),
    Logger: new FakeLogger(rt),
    HtmlService: new FakeHtmlService(rt),
  };
  // One cast: each fake implements the Pick of its GAS interface that genki-plan uses.
  const services = impl as unknown as GasServices;

  const globals: Record<string, unknown> = {
    ...impl,
    console: makeConsole(rt),
    Date: clock.DateClass,
  };

  const sheetOf = (name: string) => {
    const sheet = spreadsheet.sheet(name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  };
  const areaOf = (name: string, a1: string | undefined) => {
    const sheet = sheetOf(name);
    if (a1 === undefined) {
      return {
        sheet,
        area: {
          row: 1,
          column: 1,
          numRows: Math.max(1, sheet.grid.lastRow()),
          numColumns: Math.max(1, sheet.grid.lastColumn()),
        },
      };
    }
    const area = parseA1(a1, sheet.maxRows, sheet.maxColumns);
    if (!area) throw new Error(`bad A1 notation ${a1}`);
    return { sheet, area };
  };

  const fake: GasFake = {
    globals,
    services,
    ledger,
    faults,
    clock,
    spreadsheet,
    spreadsheets,
    editIn: (id, sheetName, a1, values, opts) => {
      const target = spreadsheets.get(id);
      if (!target) throw new Error(`no spreadsheet ${id}`);
      return simulateEdit(rt, target, sheetName, a1, values, opts);
    },
    mail: mailApp,
    ui,
    triggers: triggerStore.triggers,
    logs: rt.logs,
    docs,
    presentations,
    files: drive.files,
    folders: drive.folders,
    properties,
    cache,
    session,
    edit: (sheetName, a1, values, opts) =>
      simulateEdit(rt, spreadsheet, sheetName, a1, values, opts),
    openEvent: (opts = {}) =>
      ({
        authMode: "LIMITED",
        source: spreadsheet.gas(),
        user: userOf(opts.user ?? rt.settings.user),
      }) as unknown as GoogleAppsScript.Events.SheetsOnOpen, // string enum for authMode (enums.ts)
    dueTimeTriggers: () =>
      triggerStore.triggers
        .filter(
          (t) =>
            t.eventType === "CLOCK" &&
            !t.fired &&
            t.nextRunAt !== undefined &&
            t.nextRunAt <= clock.nowMs(),
        )
        .sort((a, b) => (a.nextRunAt ?? 0) - (b.nextRunAt ?? 0)),
    runDueTriggers: (handlers) => {
      const ran: string[] = [];
      for (const t of fake.dueTimeTriggers()) {
        const fn = handlers[t.handler];
        if (typeof fn !== "function") throw new Error(`Script function not found: ${t.handler}`);
        fake.startExecution("trigger", t.owner || rt.settings.user);
        fn(t.clockEvent(clock.nowMs()));
        t.advance(clock.nowMs());
        fake.endExecution();
        ran.push(t.handler);
      }
      return ran;
    },
    endExecution: () => {
      rt.endExecution();
      lockService.held.clear();
      rt.execution = {
        user: rt.settings.user,
        activeUser: rt.settings.user,
        authMode: "FULL",
        startedAt: clock.nowMs(),
        limitMs: Number.POSITIVE_INFINITY,
      };
    },
    owner: rt.settings.user,
    get execution() {
      return rt.execution;
    },
    startExecution: (kind, user = rt.settings.user, editor = user) => {
      lockService.held.clear();
      const runsAs = user;
      rt.execution = {
        user: runsAs,
        activeUser: visibleUser(kind === "trigger" ? editor : user, runsAs),
        authMode: kind === "simple" ? "LIMITED" : "FULL",
        startedAt: clock.nowMs(),
        limitMs: kind === "simple" ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS,
      };
      if (kind === "simple") rt.execution.activeUser = visibleUser(user, rt.settings.user);
    },
    fireEdit: (sheetName, a1, values, handlers, opts = {}) => {
      const editor = opts.user ?? rt.settings.user;
      const base = simulateEdit(rt, spreadsheet, sheetName, a1, values, { user: editor });
      const runs: { name: string; run: () => void }[] = [];
      const simple = handlers.onEdit;
      if (typeof simple === "function") {
        runs.push({
          name: "onEdit",
          run: () => {
            fake.startExecution("simple", editor);
            simple({ ...base, user: userOf(rt.execution.activeUser) });
          },
        });
      }
      const installed = triggerStore.triggers.filter(
        (t) => t.eventType === "ON_EDIT" && t.sourceId === spreadsheet.id,
      );
      for (const t of installed) {
        const fn = handlers[t.handler];
        if (typeof fn !== "function") throw new Error(`Script function not found: ${t.handler}`);
        runs.push({
          name: t.handler,
          run: () => {
            fake.startExecution("trigger", t.owner, editor);
            fn({
              ...base,
              authMode: "FULL",
              triggerUid: t.uid,
              user: userOf(rt.execution.activeUser),
            });
          },
        });
      }
      if (opts.order === "installable-first") runs.reverse();
      for (const r of runs) {
        r.run();
        fake.endExecution();
      }
      return runs.map((r) => r.name);
    },
    seed: (sheetName, rows, a1 = "A1") => {
      const sheet =
        spreadsheet.sheet(sheetName) ?? spreadsheet.addSheet(sheetName, spreadsheet.sheets.length);
      const anchor = parseA1(a1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      if (!anchor) throw new Error(`bad A1 notation ${a1}`);
      const numColumns = Math.max(0, ...rows.map((r) => r.length));
      if (rows.length === 0 || numColumns === 0) return sheet;
      const data = rows.map((r) => [...r, ...new Array<unknown>(numColumns - r.length).fill("")]);
      sheet.growTo(anchor.row + rows.length - 1, anchor.column + numColumns - 1);
      sheet
        .fakeRange({ row: anchor.row, column: anchor.column, numRows: rows.length, numColumns })
        .writeUserEntered(data);
      return sheet;
    },
    inspect: (sheetName, a1) => {
      const { sheet, area } = areaOf(sheetName, a1);
      return Array.from({ length: area.numRows }, (_, r) =>
        Array.from({ length: area.numColumns }, (_, c) =>
          snapshot(sheet.grid.get(area.row + r, area.column + c)),
        ),
      );
    },
    values: (sheetName, a1) => {
      const { sheet, area } = areaOf(sheetName, a1);
      return sheet.fakeRange(area).peekValues();
    },
    addFolder: (name, parentId) => drive.addFolder(name, parentId),
    addDocument: (name, paragraphs = []) => {
      const file = drive.addFile(name, MIME.document);
      const doc = new FakeDocument(file.id, name);
      if (paragraphs.length > 0) {
        doc.body.children = [];
        for (const text of paragraphs) appendChild(doc.body, node("PARAGRAPH", text));
      }
      docs.set(doc.id, doc);
      return doc;
    },
    addPresentation: (title) => {
      const file = drive.addFile(title, MIME.presentation);
      const p = FakePresentation.blank(file.id, title);
      presentations.set(p.id, p);
      return p;
    },
    installGlobals: (target = globalThis as unknown as Record<string, unknown>, opts = {}) => {
      const keys = Object.keys(globals).filter(
        (k) => (k !== "Date" || opts.date === true) && (k !== "console" || opts.console === true),
      );
      const saved = new Map(keys.map((k) => [k, Object.getOwnPropertyDescriptor(target, k)]));
      for (const k of keys) {
        Object.defineProperty(target, k, {
          value: globals[k],
          configurable: true,
          writable: true,
          enumerable: false,
        });
      }
      return () => {
        for (const [k, d] of saved) {
          if (d) Object.defineProperty(target, k, d);
          else delete target[k];
        }
      };
    },
  };
  return fake;
}
