/**
 * Latency charged for each fake service call, in milliseconds. Every ledgered call advances the
 * fake clock by its cost, so "projected GAS seconds" is simply clock time.
 *
 * The model: cost = ms + perCell * cells (cells = size of the range touched, or the number of
 * requests of a Slides batchUpdate), except for spreadsheet content, which follows GAS's caches
 * (BLOG_2010, BEST_PRACTICES) in `SheetsCostModel` below:
 *  - a write is buffered: the call itself costs WRITE_CALL; the buffer is committed (COMMIT: a fixed
 *    part, a part per buffered write and a part per cell) at SpreadsheetApp.flush(), before the
 *    next read, and at the end of the execution. Each write is charged once, never per call AND per
 *    flush.
 *  - a read goes to the server (READ, 175 ms) the first time a tab is read and after a write to it;
 *    later reads of the same tab come from the look-ahead cache (CACHED_READ).
 * test/gas-fake-tests/calibration.test.ts runs each source's operations on the fake and checks
 * that the fake lands within ±30 % of the published figure.
 *
 * Sources (each figure below names the one it rests on; "ESTIMATE" marks our own guesses where
 * no published measurement was found):
 *
 * BEST_PRACTICES: Google, "Best practices" for Apps Script, section "Use batch operations":
 *   https://developers.google.com/apps-script/guides/support/best-practices
 *   Setting the background of each cell of a 100 x 100 grid one call at a time (10,000
 *   offset().setBackgroundColor() calls, with a flush per row) takes about 70 s; the same work
 *   as one setBackgrounds() of the 100 x 100 array takes about 1 s.
 * TRANSCRIPT: a published Apps Script execution transcript (2016-10-27),
 *   https://pastebin.com/VzZLHRrM : the first Range.getValues() of the execution took 0.175 s;
 *   getActiveSpreadsheet, getActiveSheet, getRange, getRowIndex, getColumn, getA1Notation and
 *   later cached reads are all logged as "0 seconds" (below 1 ms).
 * MOGSDAD: "What is faster: ScriptDb or SpreadsheetApp?" (Stack Overflow answer by Mogsdad),
 *   mirror https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp :
 *   one 4,000-cell setValues() took < 50 ms; adding one SpreadsheetApp.flush() raised it to
 *   610 ms; 400 row writes (10 cells each) took 164 ms, or almost 12 s with a flush after each row;
 *   the single setValues was "75% faster than line-by-line" (~41 ms).
 * BUGBUGNOW: "GoogleAppsScriptのスプレッドシート処理を高速化する",
 *   https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html : 1,000
 *   sheet.getRange(i, 1).getValue() calls (each followed by Logger.log) took 3,064 ms, so a
 *   later, cached single-cell read costs about 3 ms at most (Logger.log included).
 * BLOG_2010: Google Apps Script blog, "Optimizing Spreadsheet Operations" (2010-06-01),
 *   http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html :
 *   every read first commits the write cache, so interleaved reads and writes are slow
 *   (qualitative; no number).
 * TANAIKE_RW: Kanshi Tanaike, "Benchmark: Reading and Writing Spreadsheet using Google Apps
 *   Script", https://gist.github.com/tanaikech/d102c9600ba12a162c667287d2f20fe4 : read and write
 *   cost grow linearly with the number of cells (figures only; no per-cell number is stated).
 * TANAIKE_10M: Kanshi Tanaike, "Handling 10,000,000 cells in Google Spreadsheet using Google
 *   Apps Script", https://gist.github.com/tanaikech/cc4380692790150cc090114553e38a0e :
 *   reading getMaxRows and getMaxColumns of a 10,000,000-cell sheet averaged 0.3 s.
 * PERALTA: Luis Peralta, "Google Apps Script APIs performance",
 *   https://ziritione.org/post/apps_script_performance (100 runs, average ms):
 *   ScriptProperties setProperty 62, getProperty 30; ScriptCache put 93, get 3.
 * POEHNELT: Justin Poehnelt, "Storage Wars: CacheService vs. PropertiesService vs. Firestore
 *   Benchmarks", https://justin.poehnelt.com/posts/apps-script-key-value-stores :
 *   write+read of 100 bytes: CacheService ~63 ms, PropertiesService ~80 ms, SpreadsheetApp ~800 ms.
 * QIITA_CACHE: mitonattou919, "Google Apps Scripts - キャッシュ" (Qiita),
 *   https://qiita.com/mitonattou919/items/a0fdd1a9e4559ee4a512 (10 runs, average ms):
 *   getScriptCache 2-3, put 56-57, get 20-23, remove 88-90.
 * SMALL_OUTBOX: Small Outbox add-on FAQ, https://sites.google.com/quickfixters.com/add-onsuniverse/faq :
 *   "An email with total size of 100KB will take about 1.2 seconds to send."
 * OFFICEFOREST: officeforest.org, "Google Apps Scriptで6分の壁(タイムアウト)を突破する - 番外編",
 *   https://officeforest.org/wp/?p=16883 : 100 spreadsheet copies used the whole 6 minutes,
 *   about 3.6 s per copy. Also kazunoriboy (Qiita), https://qiita.com/kazunoriboy/items/59a3056e873f2e9c53ba :
 *   "about 4 seconds per file" when copying.
 *
 * No published latency was found for LockService, ScriptApp trigger management, DocumentApp,
 * the Slides advanced service, DriveApp lookups, Ui dialogs or Session; those are ESTIMATES, and
 * each one that weighs on a projection carries an `assumption` id (ASSUMPTIONS below), so the
 * bench can show how its projections move when the guess is halved or doubled.
 */

/** Figures no published measurement backs. The bench prints each one's weight in a projection. */
export const ASSUMPTIONS = {
  "read-per-cell": "0.01 ms per cell read (TANAIKE_RW shows linear growth, states no number)",
  metadata: "1 ms per metadata call (TRANSCRIPT logs them as 0 s)",
  structure: "200 ms to insert/delete a tab or rows",
  ui: "100 ms to show a dialog; 50 ms a toast or menu",
  "mail-send":
    "1,200 ms per MailApp.sendEmail (SMALL_OUTBOX measured a 100 KB message; ours are a few KB)",
  properties: "30/62 ms for property calls PERALTA did not time (getProperties, delete...)",
  lock: "50 ms per tryLock/waitLock, 20 ms per release",
  triggers: "100-300 ms per trigger list/create/delete",
  drive: "100 ms per Drive lookup, 500 ms per create",
  "docs-call": "500-1,500 ms to create/open/save a Doc",
  "docs-edit": "10 ms per Docs element edit",
  "slides-call": "500-1,500 ms per Slides create/get/batchUpdate call",
  "slides-request": "5 ms per Slides batchUpdate request",
  "docs-api-call": "500-1,000 ms per Docs API get/batchUpdate call (as Slides')",
  "docs-api-request": "2 ms per Docs batchUpdate request (index arithmetic, no layout)",
  "spreadsheet-open": "300-1,500 ms to open/create a spreadsheet",
  other: "50 ms for any call not listed",
} as const;

export type AssumptionId = keyof typeof ASSUMPTIONS;

export interface MethodCost {
  /** fixed latency per call */
  ms: number;
  /** extra latency per cell (or per request for Slides batchUpdate) */
  perCell?: number;
  /** pure metadata / local builder calls: recorded, but not counted as "service calls" */
  cheap?: boolean;
  /** reads and writes of sheet content, for Ledger.reads()/writes() */
  kind?: "read" | "write";
  /** the ASSUMPTIONS entry `ms` rests on (none: a published figure) */
  assumption?: AssumptionId;
  /** the ASSUMPTIONS entry `perCell` rests on (none: a published figure) */
  perCellAssumption?: AssumptionId;
  /** a write that GAS buffers until the next commit (see SheetsCostModel) */
  buffered?: boolean;
}

/** TRANSCRIPT: the first getValues of a tab took 175 ms. Per cell: ASSUMPTION 0.01 ms
 * (TANAIKE_RW shows linear growth but states no number), so reading a 200,000-cell tab adds ~2 s. */
export const READ: MethodCost = {
  ms: 175,
  perCell: 0.01,
  kind: "read",
  perCellAssumption: "read-per-cell",
};

/** A later read of a tab already read, from the look-ahead cache (BLOG_2010): BUGBUGNOW's 1,000
 * getRange().getValue() took 3,064 ms with a Logger.log each: about 2.5 ms a read. TRANSCRIPT logs
 * such reads as 0 s, so 2 ms is on the dear side. */
export const CACHED_READ: MethodCost = {
  ms: 2.5,
  perCell: 0.01,
  kind: "read",
  perCellAssumption: "read-per-cell",
};

/** A buffered write call. MOGSDAD: 400 un-flushed row writes in 164 ms (0.4 ms each), one
 * 4,000-cell setValues in ~41 ms: 0.25 ms + 0.01 ms per cell fits both. */
export const WRITE: MethodCost = { ms: 0.25, perCell: 0.01, kind: "write", buffered: true };

/**
 * Committing the write buffer: a fixed part, a part per buffered write and a part per cell.
 * Fitted to every figure at once (calibration.test.ts):
 *  - BEST_PRACTICES slow: 10,000 single-cell writes, a flush per 100 -> ~70 s
 *  - BEST_PRACTICES batched: one 10,000-cell write -> ~1 s
 *  - MOGSDAD: one 4,000-cell write + flush -> 610 ms; 400 row writes each flushed -> ~12 s
 * A single-cell write thus costs ~6.8 ms in all (0.25 call + 6.4 commit + 0.12 cell).
 */
export const COMMIT = { ms: 22, perWrite: 6.4, perCell: 0.11 } as const;

/** TRANSCRIPT: metadata calls logged as "0 seconds" (< 1 ms); 1 ms (ASSUMPTION). */
const META: MethodCost = { ms: 1, cheap: true, assumption: "metadata" };

/** Range handles (getRange, offset, getCell, ...) are built locally: TRANSCRIPT logs getRange at
 * 0 s, and MOGSDAD's 400 getRange().setValues() rows took 164 ms in all; 0.1 ms (ASSUMPTION). */
const RANGE_HANDLE: MethodCost = { ms: 0.1, cheap: true, assumption: "metadata" };

/** TANAIKE_10M: getMaxRows + getMaxColumns of a 10,000,000-cell sheet took 0.3 s together, so
 * 0.15 s each, read as growing with the grid: 0.000015 ms per cell of the sheet's grid. */
const GRID_SIZE: MethodCost = { ms: 1, perCell: 0.000015, cheap: true, assumption: "metadata" };

/** Local builders and value objects (enum-like getters, builders before create/build): no round
 * trip. */
const LOCAL: MethodCost = { ms: 0, cheap: true };

/** ASSUMPTION for structural spreadsheet changes (insert/delete a tab, rows): not buffered. */
const STRUCTURE: MethodCost = { ms: 200, kind: "write", assumption: "structure" };

/** ASSUMPTION for Docs element edits (DocumentApp batches them until saveAndClose). */
const DOC_EDIT: MethodCost = { ms: 10, assumption: "docs-edit" };

/** ASSUMPTION for Drive metadata round trips (lookups, renames, moves). */
const DRIVE: MethodCost = { ms: 100, assumption: "drive" };

const UI: MethodCost = { ms: 100, assumption: "ui" };
const PROP_GUESS_READ: MethodCost = { ms: 30, assumption: "properties" };
const PROP_GUESS_WRITE: MethodCost = { ms: 62, assumption: "properties" };
const TRIGGER = (ms: number): MethodCost => ({ ms, assumption: "triggers" });
const DOCS = (ms: number): MethodCost => ({ ms, assumption: "docs-call" });
const SLIDES = (ms: number): MethodCost => ({ ms, assumption: "slides-call" });
const OPEN = (ms: number): MethodCost => ({ ms, assumption: "spreadsheet-open" });
const CREATE: MethodCost = { ms: 500, assumption: "drive" };

const table: Record<string, MethodCost> = {
  // SpreadsheetApp
  "SpreadsheetApp.getActive": META,
  "SpreadsheetApp.getActiveSpreadsheet": META,
  "SpreadsheetApp.getActiveSheet": META,
  "SpreadsheetApp.getUi": META,
  "SpreadsheetApp.newDataValidation": LOCAL,
  "SpreadsheetApp.flush": { ms: 0 }, // the commit it forces is charged by SheetsCostModel (COMMIT)
  "SpreadsheetApp.openById": OPEN(300),
  "SpreadsheetApp.openByUrl": OPEN(300),
  "SpreadsheetApp.create": OPEN(1500),
  "Spreadsheet.insertSheet": STRUCTURE,
  "Spreadsheet.deleteSheet": STRUCTURE,
  "Spreadsheet.toast": { ms: 50, assumption: "ui" },
  "Spreadsheet.setName": WRITE,
  "Sheet.getSheetValues": READ,
  "Sheet.getRangeList": RANGE_HANDLE,
  // one buffered write over all the list's cells (see range-list.ts)
  "RangeList.setBackground": WRITE,
  "RangeList.setNote": WRITE,
  "RangeList.clearNote": WRITE,
  "RangeList.getRanges": RANGE_HANDLE,
  "Sheet.getMaxRows": GRID_SIZE,
  "Sheet.getMaxColumns": GRID_SIZE,
  "Sheet.appendRow": WRITE,
  "Sheet.insertRowsAfter": STRUCTURE,
  "Sheet.insertRowsBefore": STRUCTURE,
  "Sheet.insertRowAfter": STRUCTURE,
  "Sheet.insertRowBefore": STRUCTURE,
  "Sheet.insertColumnsAfter": STRUCTURE,
  "Sheet.deleteColumns": STRUCTURE, // same structural edit as insertColumnsAfter (ESTIMATE)
  "Sheet.deleteRow": STRUCTURE,
  "Sheet.deleteRows": STRUCTURE,
  "Sheet.clear": WRITE,
  "Sheet.clearContents": WRITE,
  "Sheet.clearFormats": WRITE,
  "Sheet.clearNotes": WRITE,
  "Sheet.setFrozenRows": WRITE,
  "Sheet.setFrozenColumns": WRITE,
  "Sheet.setColumnWidth": WRITE,
  "Sheet.setColumnWidths": WRITE,
  "Sheet.setRowHeight": WRITE,
  "Sheet.setTabColor": WRITE,
  "Sheet.hideSheet": WRITE,
  "Sheet.showSheet": WRITE,
  "Sheet.setName": WRITE,
  "Sheet.protect": WRITE,
  "Sheet.activate": META,
  "Range.protect": WRITE,
  "Protection.setDescription": WRITE,
  "Protection.setWarningOnly": WRITE,
  "Protection.removeEditors": WRITE,
  "Protection.addEditor": WRITE,
  "Protection.remove": WRITE,
  // Ui: ESTIMATE 100 ms for showing a dialog, excluding the person's reaction time (TRANSCRIPT
  // logs Ui.alert at 2.141 s, which includes the user reading and clicking).
  "Ui.alert": UI,
  "Ui.prompt": UI,
  "Ui.showModalDialog": UI,
  "Ui.showModelessDialog": UI,
  "Ui.showSidebar": UI,
  "Ui.createMenu": LOCAL,
  "Menu.addItem": LOCAL,
  "Menu.addSeparator": LOCAL,
  "Menu.addSubMenu": LOCAL,
  "Menu.addToUi": { ms: 50, assumption: "ui" },
  // MailApp
  // SMALL_OUTBOX: ~1.2 s for a 100 KB message; an ASSUMPTION for our few-KB digests (upper bound)
  "MailApp.sendEmail": { ms: 1200, assumption: "mail-send" },
  "MailApp.getRemainingDailyQuota": { ms: 20, assumption: "other" },
  // PropertiesService
  "PropertiesService.getScriptProperties": { ms: 3, cheap: true }, // QIITA_CACHE: service accessor 2-3 ms
  "PropertiesService.getDocumentProperties": { ms: 3, cheap: true }, // same
  "PropertiesService.getUserProperties": { ms: 3, cheap: true }, // same
  "Properties.getProperty": { ms: 30 }, // PERALTA: average 30 ms
  "Properties.setProperty": { ms: 62 }, // PERALTA: average 62 ms
  "Properties.getProperties": PROP_GUESS_READ, // like getProperty
  "Properties.getKeys": PROP_GUESS_READ, // like getProperty
  "Properties.setProperties": PROP_GUESS_WRITE, // like setProperty
  "Properties.deleteProperty": PROP_GUESS_WRITE, // like setProperty
  "Properties.deleteAllProperties": PROP_GUESS_WRITE, // like setProperty
  // CacheService
  "CacheService.getScriptCache": { ms: 3, cheap: true }, // QIITA_CACHE: 2-3 ms
  "CacheService.getDocumentCache": { ms: 3, cheap: true }, // QIITA_CACHE
  "CacheService.getUserCache": { ms: 3, cheap: true }, // QIITA_CACHE
  "Cache.get": { ms: 3 }, // PERALTA: average 3 ms (QIITA_CACHE measured ~20 ms)
  "Cache.getAll": { ms: 3 }, // ESTIMATE: like get
  "Cache.put": { ms: 93 }, // PERALTA: average 93 ms (QIITA_CACHE ~56 ms; POEHNELT ~63 ms put+get)
  "Cache.putAll": { ms: 93 }, // ESTIMATE: like put
  "Cache.remove": { ms: 88 }, // QIITA_CACHE: average 88 ms
  "Cache.removeAll": { ms: 88 }, // ESTIMATE: like remove
  // LockService: ESTIMATES (no published measurement found); waiting for a held lock is
  // charged separately as the full timeout, as GAS waits that long before giving up.
  "LockService.getScriptLock": META,
  "LockService.getDocumentLock": META,
  "LockService.getUserLock": META,
  "Lock.tryLock": { ms: 50, assumption: "lock" },
  "Lock.waitLock": { ms: 50, assumption: "lock" },
  "Lock.releaseLock": { ms: 20, assumption: "lock" },
  "Lock.hasLock": LOCAL,
  // ScriptApp: ESTIMATES
  "ScriptApp.newTrigger": LOCAL,
  "ScriptApp.getProjectTriggers": TRIGGER(100),
  "ScriptApp.deleteTrigger": TRIGGER(200),
  "ScriptApp.getOAuthToken": META,
  "ScriptApp.getScriptId": META,
  "TriggerBuilder.timeBased": LOCAL,
  "TriggerBuilder.forSpreadsheet": LOCAL,
  "ClockTriggerBuilder.create": TRIGGER(300),
  "SpreadsheetTriggerBuilder.create": TRIGGER(300),
  // Session: ESTIMATE (TRANSCRIPT shows similar accessors at < 1 ms)
  "Session.getActiveUser": META,
  "Session.getEffectiveUser": META,
  "Session.getScriptTimeZone": META,
  "Session.getActiveUserLocale": META,
  "Session.getTemporaryActiveUserKey": META,
  // Utilities: local computation, no round trip (ESTIMATE). Utilities.sleep is charged its argument.
  "Utilities.sleep": { ms: 0, cheap: true },
  // DriveApp
  "DriveApp.getFileById": DRIVE,
  "DriveApp.getFolderById": DRIVE,
  "DriveApp.getRootFolder": DRIVE,
  "DriveApp.createFolder": CREATE,
  "DriveApp.createFile": CREATE,
  "File.makeCopy": { ms: 3600 }, // OFFICEFOREST: ~3.6 s per copy (Qiita: ~4 s)
  "File.getParents": DRIVE,
  "File.setName": DRIVE,
  "File.moveTo": DRIVE,
  "File.setTrashed": DRIVE,
  "Folder.getFiles": DRIVE,
  "Folder.getFolders": DRIVE,
  "Folder.getParents": DRIVE,
  "File.getBlob": DRIVE,
  "Folder.getFilesByName": DRIVE,
  "Folder.addFile": DRIVE,
  "Folder.createFile": CREATE,
  "Folder.createFolder": CREATE,
  // DocumentApp: ESTIMATES
  "DocumentApp.create": DOCS(1500),
  "DocumentApp.openById": DOCS(500),
  "DocumentApp.openByUrl": DOCS(500),
  "Document.saveAndClose": DOCS(500),
  "Document.getBody": META,
  // Slides advanced service: ESTIMATES; batchUpdate adds 5 ms per request
  "Slides.Presentations.create": SLIDES(1500),
  "Slides.Presentations.batchUpdate": {
    ms: 1000,
    perCell: 5,
    assumption: "slides-call",
    perCellAssumption: "slides-request",
  },
  "Slides.Presentations.get": SLIDES(500),
  // Docs advanced service: ESTIMATES, priced like the Slides API's
  "Docs.Documents.batchUpdate": {
    ms: 1000,
    perCell: 2,
    assumption: "docs-api-call",
    perCellAssumption: "docs-api-request",
  },
  "Docs.Documents.get": { ms: 500, assumption: "docs-api-call" },
};

/** Getters that only describe an object the code already holds. */
const CHEAP_METHODS = new Set([
  "getId",
  "getName",
  "getUrl",
  "getSheets",
  "getSheetByName",
  "getSheetById",
  "getActiveSheet",
  "setActiveSheet",
  "getSpreadsheetTimeZone",
  "getSpreadsheetLocale",
  "getNumSheets",
  "getRange",
  "getDataRange",
  "getIndex",
  "getSheetId",
  "getLastRow",
  "getLastColumn",
  "getMaxRows",
  "getMaxColumns",
  "getFrozenRows",
  "getFrozenColumns",
  "getColumnWidth",
  "isSheetHidden",
  "getParent",
  "getTabColor",
  "getRow",
  "getColumn",
  "getRowIndex",
  "getNumRows",
  "getNumColumns",
  "getA1Notation",
  "getSheet",
  "getGridId",
  "offset",
  "getCell",
  "activate",
  "getMimeType",
  "hasNext",
  "next",
]);

/** Calls that only build a range handle locally. */
const RANGE_HANDLES = new Set(["getRange", "getDataRange", "offset", "getCell"]);

/** Classes whose every method is a local builder or value-object accessor. */
const LOCAL_CLASSES = new Set([
  "DataValidationBuilder",
  "DataValidation",
  "HtmlService",
  "HtmlOutput",
  "Trigger",
  "ClockTriggerBuilder",
  "SpreadsheetTriggerBuilder",
  "User",
  "Utilities",
  "Blob",
  "PromptResponse",
  "Protection",
]);

const READ_METHOD =
  /^Range\.get(Values?|DisplayValues?|Formulas?|Notes?|Backgrounds?|FontWeights?|FontColors?|NumberFormats?|DataValidations?|Wraps?|HorizontalAlignments?)$/;
const WRITE_METHOD = /^Range\.(set|clear)/;
const DOC_CLASSES =
  /^(Body|Paragraph|ListItem|Table|TableRow|TableCell|Text|HorizontalRule|PageBreak|Document)\./;

/** The cost entry of a "Class.method". Unknown methods get an assumed 50 ms. */
export function methodCost(method: string): MethodCost {
  const known = table[method];
  if (known) return known;
  const [cls = "", name = ""] = method.split(".");
  if (READ_METHOD.test(method)) return READ;
  if (WRITE_METHOD.test(method)) return WRITE;
  if (LOCAL_CLASSES.has(cls)) return LOCAL;
  if (RANGE_HANDLES.has(name)) return RANGE_HANDLE;
  // getters read metadata the service already holds (GAS caches it for the execution)
  if (CHEAP_METHODS.has(name) || /^(get|is|has|as)[A-Z]/.test(name)) return META;
  if (DOC_CLASSES.test(method)) return DOC_EDIT;
  // No method is free by default: an unlisted one would escape the budgets.
  throw new Error(
    `costs.ts has no entry for ${method}: add one with its source or ASSUMPTION label`,
  );
}

/** What one call costs: total ms and the part of it that rests on each assumption. */
export interface Charge {
  readonly ms: number;
  readonly assumed: Partial<Record<AssumptionId, number>>;
}

function charge(cost: MethodCost, cells: number): Charge {
  const fixed = cost.ms;
  const perCell = (cost.perCell ?? 0) * cells;
  const assumed: Partial<Record<AssumptionId, number>> = {};
  if (cost.assumption && fixed > 0) assumed[cost.assumption] = fixed;
  if (cost.perCellAssumption && perCell > 0)
    assumed[cost.perCellAssumption] = (assumed[cost.perCellAssumption] ?? 0) + perCell;
  return { ms: fixed + perCell, assumed };
}

/** Latency of one call touching `cells` cells (or requests), rounded to whole ms, outside any
 * cache (a first read; a write call without its commit). */
export function callCost(method: string, cells = 0): { ms: number; cost: MethodCost } {
  const cost = methodCost(method);
  return { ms: Math.round(charge(cost, cells).ms), cost };
}

/** The cost of committing `writes` buffered writes of `cells` cells in all. */
export function commitCost(writes: number, cells: number): number {
  return COMMIT.ms + COMMIT.perWrite * writes + COMMIT.perCell * cells;
}

/**
 * GAS's spreadsheet caches, for the clock: buffered writes, committed once; reads served from the
 * look-ahead cache after the first read of a tab (BLOG_2010: "Every time you do a read, we must
 * first empty (commit) the write cache").
 */
export class SheetsCostModel {
  private writes = 0;
  private cells = 0;
  /** tabs whose content the look-ahead cache holds */
  private readonly cached = new Set<string>();

  /** the charge of `method` now, updating the caches; `commit` is what a commit before it cost */
  charge(
    method: string,
    cells: number,
    sheet: string | undefined,
  ): { call: Charge; cost: MethodCost; commit: number } {
    const cost = methodCost(method);
    if (method === "SpreadsheetApp.flush") {
      return { call: { ms: 0, assumed: {} }, cost, commit: this.commitNow(true) };
    }
    if (cost.kind === "read") {
      const commit = this.commitNow(false);
      const key = sheet ?? "";
      const hit = this.cached.has(key);
      this.cached.add(key);
      return { call: charge(hit ? CACHED_READ : cost, cells), cost, commit };
    }
    if (cost.kind === "write") {
      if (sheet !== undefined) this.cached.delete(sheet);
      else this.cached.clear();
      if (cost.buffered) {
        this.writes++;
        this.cells += cells;
      }
    }
    return { call: charge(cost, cells), cost, commit: 0 };
  }

  /** the commit GAS makes when the execution ends (0 when nothing is pending) */
  endExecution(): number {
    const ms = this.commitNow(false);
    this.cached.clear();
    return ms;
  }

  /** pending writes committed now; an explicit flush pays the fixed part even with none */
  private commitNow(explicit: boolean): number {
    if (this.writes === 0) return explicit ? COMMIT.ms : 0;
    const ms = commitCost(this.writes, this.cells);
    this.writes = 0;
    this.cells = 0;
    return ms;
  }
}

/** The explicit table, for documentation and the bench's report. */
export const COST_TABLE: Readonly<Record<string, MethodCost>> = table;
