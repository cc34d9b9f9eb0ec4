/**
 * Latency charged for each fake service call, in milliseconds. Every ledgered call advances the
 * fake clock by its cost, so "projected GAS seconds" is simply clock time.
 *
 * The model: cost = ms + perCell * cells (cells = size of the range touched, or the number of
 * requests of a Slides batchUpdate). Writes are charged as if committed: GAS buffers writes and
 * commits them on the next read or at the end, which we do not model (see MOGSDAD below).
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
 *   610 ms; 400 row writes took 164 ms, or almost 12 s with a flush after each row.
 * BLOG_2010: Google Apps Script blog, "Optimizing Spreadsheet Operations" (2010-06-01),
 *   http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html :
 *   every read first commits the write cache, so interleaved reads and writes are slow
 *   (qualitative; no number).
 * TANAIKE_RW: Kanshi Tanaike, "Benchmark: Reading and Writing Spreadsheet using Google Apps
 *   Script", https://gist.github.com/tanaikech/d102c9600ba12a162c667287d2f20fe4 : read and write
 *   cost grow linearly with the number of cells (figures only; no per-cell number is stated).
 * TANAIKE_10M: Kanshi Tanaike, "Handling 10,000,000 cells in Google Spreadsheet using Google
 *   Apps Script", https://gist.github.com/tanaikech/cc4380692790150cc090114553e38a0e :
 *   reading getMaxRows/getMaxColumns of a 10,000,000-cell sheet averaged 0.3 s.
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
 * the Slides advanced service, DriveApp lookups, Ui dialogs or Session; those are ESTIMATES.
 */

export interface MethodCost {
  /** fixed latency per call */
  ms: number;
  /** extra latency per cell (or per request for Slides batchUpdate) */
  perCell?: number;
  /** pure metadata / local builder calls: recorded, but not counted as "service calls" */
  cheap?: boolean;
  /** reads and writes of sheet content, for Ledger.reads()/writes() */
  kind?: "read" | "write";
}

/** TRANSCRIPT: first getValues 175 ms. Per cell: ESTIMATE 0.01 ms (TANAIKE_RW shows linear growth
 * but states no number), so reading a 200,000-cell tab adds ~2 s. */
const READ: MethodCost = { ms: 175, perCell: 0.01, kind: "read" };

/** BEST_PRACTICES: ~70 s for 10,000 single-cell writes -> 7 ms per call; ~1 s for one
 * 10,000-cell batched write -> 0.1 ms per cell. MOGSDAD agrees in magnitude (4,000 cells
 * committed in ~610 ms). */
const WRITE: MethodCost = { ms: 7, perCell: 0.1, kind: "write" };

/** TRANSCRIPT: metadata calls logged as "0 seconds" (< 1 ms); rounded up to 1 ms. TANAIKE_10M's
 * 0.3 s is for a 10M-cell sheet, far beyond a registry's size. */
const META: MethodCost = { ms: 1, cheap: true };

/** Local builders and value objects (enum-like getters, builders before create/build): no round
 * trip. ESTIMATE. */
const LOCAL: MethodCost = { ms: 0, cheap: true };

/** ESTIMATE for structural spreadsheet changes (insert/delete a tab). */
const STRUCTURE: MethodCost = { ms: 200, kind: "write" };

/** ESTIMATE for Docs element edits (DocumentApp batches them until saveAndClose). */
const DOC_EDIT: MethodCost = { ms: 10 };

/** ESTIMATE for Drive metadata round trips (lookups, renames, moves). */
const DRIVE: MethodCost = { ms: 100 };

const table: Record<string, MethodCost> = {
  // SpreadsheetApp
  "SpreadsheetApp.getActive": META,
  "SpreadsheetApp.getActiveSpreadsheet": META,
  "SpreadsheetApp.getActiveSheet": META,
  "SpreadsheetApp.getUi": META,
  "SpreadsheetApp.newDataValidation": LOCAL,
  "SpreadsheetApp.flush": { ms: 560 }, // MOGSDAD: one flush took a 4,000-cell write from <50 to 610 ms
  "SpreadsheetApp.openById": { ms: 300 }, // ESTIMATE
  "SpreadsheetApp.openByUrl": { ms: 300 }, // ESTIMATE
  "SpreadsheetApp.create": { ms: 1500 }, // ESTIMATE
  "Spreadsheet.insertSheet": STRUCTURE,
  "Spreadsheet.deleteSheet": STRUCTURE,
  "Spreadsheet.toast": { ms: 50 }, // ESTIMATE
  "Spreadsheet.setName": WRITE,
  "Sheet.getSheetValues": READ,
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
  "Ui.alert": { ms: 100 },
  "Ui.prompt": { ms: 100 },
  "Ui.showModalDialog": { ms: 100 },
  "Ui.showModelessDialog": { ms: 100 },
  "Ui.showSidebar": { ms: 100 },
  "Ui.createMenu": LOCAL,
  "Menu.addItem": LOCAL,
  "Menu.addSeparator": LOCAL,
  "Menu.addSubMenu": LOCAL,
  "Menu.addToUi": { ms: 50 }, // ESTIMATE
  // MailApp
  "MailApp.sendEmail": { ms: 1200 }, // SMALL_OUTBOX: ~1.2 s for a 100 KB message (upper bound for short text)
  "MailApp.getRemainingDailyQuota": { ms: 20 }, // ESTIMATE
  // PropertiesService
  "PropertiesService.getScriptProperties": { ms: 3, cheap: true }, // QIITA_CACHE: service accessor 2-3 ms
  "PropertiesService.getDocumentProperties": { ms: 3, cheap: true }, // same
  "PropertiesService.getUserProperties": { ms: 3, cheap: true }, // same
  "Properties.getProperty": { ms: 30 }, // PERALTA: average 30 ms
  "Properties.setProperty": { ms: 62 }, // PERALTA: average 62 ms
  "Properties.getProperties": { ms: 30 }, // ESTIMATE: like getProperty
  "Properties.getKeys": { ms: 30 }, // ESTIMATE: like getProperty
  "Properties.setProperties": { ms: 62 }, // ESTIMATE: like setProperty
  "Properties.deleteProperty": { ms: 62 }, // ESTIMATE: like setProperty
  "Properties.deleteAllProperties": { ms: 62 }, // ESTIMATE: like setProperty
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
  "Lock.tryLock": { ms: 50 },
  "Lock.waitLock": { ms: 50 },
  "Lock.releaseLock": { ms: 20 },
  "Lock.hasLock": LOCAL,
  // ScriptApp: ESTIMATES
  "ScriptApp.newTrigger": LOCAL,
  "ScriptApp.getProjectTriggers": { ms: 100 },
  "ScriptApp.deleteTrigger": { ms: 200 },
  "ScriptApp.getOAuthToken": META,
  "ScriptApp.getScriptId": META,
  "TriggerBuilder.timeBased": LOCAL,
  "TriggerBuilder.forSpreadsheet": LOCAL,
  "ClockTriggerBuilder.create": { ms: 300 },
  "SpreadsheetTriggerBuilder.create": { ms: 300 },
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
  "DriveApp.createFolder": { ms: 500 }, // ESTIMATE
  "DriveApp.createFile": { ms: 500 }, // ESTIMATE
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
  "Folder.createFile": { ms: 500 }, // ESTIMATE
  "Folder.createFolder": { ms: 500 }, // ESTIMATE
  // DocumentApp: ESTIMATES
  "DocumentApp.create": { ms: 1500 },
  "DocumentApp.openById": { ms: 500 },
  "DocumentApp.openByUrl": { ms: 500 },
  "Document.saveAndClose": { ms: 500 },
  "Document.getBody": META,
  // Slides advanced service: ESTIMATES; batchUpdate adds 5 ms per request
  "Slides.Presentations.create": { ms: 1500 },
  "Slides.Presentations.batchUpdate": { ms: 1000, perCell: 5 },
  "Slides.Presentations.get": { ms: 500 },
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

/** The cost entry of a "Class.method". Unknown methods get ESTIMATE 50 ms. */
export function methodCost(method: string): MethodCost {
  const known = table[method];
  if (known) return known;
  const [cls = "", name = ""] = method.split(".");
  if (READ_METHOD.test(method)) return READ;
  if (WRITE_METHOD.test(method)) return WRITE;
  if (LOCAL_CLASSES.has(cls)) return LOCAL;
  if (CHEAP_METHODS.has(name)) return META;
  if (DOC_CLASSES.test(method)) return DOC_EDIT;
  // No method is free by default: an unlisted one would escape the budgets.
  throw new Error(`costs.ts has no entry for ${method}: add one with its source or ESTIMATE label`);
}

/** Latency of one call touching `cells` cells (or requests), rounded to whole ms. */
export function callCost(method: string, cells = 0): { ms: number; cost: MethodCost } {
  const cost = methodCost(method);
  return { ms: Math.round(cost.ms + (cost.perCell ?? 0) * cells), cost };
}

/** The explicit table, for documentation and the bench's report. */
export const COST_TABLE: Readonly<Record<string, MethodCost>> = table;
