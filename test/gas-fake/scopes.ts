/**
 * OAuth scopes per service method, as each method's reference page lists them under
 * "Authorization" ("Scripts that use this method require authorization with one or more of the
 * following scopes"). A call runs only when the execution holds at least one of them; otherwise
 * GAS throws "You do not have permission to call X. Required permissions: (a || b)".
 * How scopes come from the manifest: https://developers.google.com/apps-script/concepts/scopes
 *
 * Simple triggers (onOpen, onEdit) run in AuthMode.LIMITED and "cannot access services that
 * require authorization"; they may read and modify the file they are bound to
 * (https://developers.google.com/apps-script/guides/triggers#restrictions), i.e. only the
 * *.currentonly scopes hold there.
 */
import type { ServiceName } from "./ledger";

const AUTH = "https://www.googleapis.com/auth/";
const scope = (...names: string[]) => names.map((n) => AUTH + n);

/** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app (every class) */
const SHEETS = scope("spreadsheets.currentonly", "spreadsheets");
/** https://developers.google.com/apps-script/reference/document/document-app */
const DOCS = scope("documents.currentonly", "documents");
/** https://developers.google.com/apps-script/reference/drive/drive-app : reads accept drive.readonly */
const DRIVE_READ = scope("drive.readonly", "drive");
const DRIVE_WRITE = scope("drive");

/** Scopes of every method of a service, unless METHOD_SCOPES says otherwise. */
const SERVICE_SCOPES: Record<ServiceName, readonly string[]> = {
  SpreadsheetApp: SHEETS,
  // Ui alerts, prompts and menus need no scope of their own; dialogs do (below).
  Ui: [],
  HtmlService: [],
  // https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String)
  MailApp: scope("script.send_mail"),
  DocumentApp: DOCS,
  DriveApp: DRIVE_READ,
  // Slides API, presentations.batchUpdate / .get / .create reference "Authorization scopes":
  // https://developers.google.com/slides/api/reference/rest/v1/presentations/batchUpdate
  Slides: scope("presentations", "drive", "drive.file"),
  // Docs API, documents.batchUpdate / .get reference "Authorization scopes":
  // https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/batchUpdate
  Docs: scope("documents", "drive", "drive.file"),
  PropertiesService: [],
  LockService: [],
  CacheService: [],
  // https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()
  ScriptApp: scope("script.scriptapp"),
  // https://developers.google.com/apps-script/reference/base/session#getActiveUser()
  Session: [],
  Utilities: [],
};

const DRIVE_WRITES =
  /^(DriveApp\.(create\w*|addFile|addFolder|removeFile|removeFolder)|File\.(make\w+|move\w*|set\w+|add\w+|remove\w+)|Folder\.(create\w+|move\w*|set\w+|add\w+|remove\w+))$/;

/** Methods whose page lists other scopes than their service's. */
const METHOD_SCOPES: Record<string, readonly string[]> = {
  // opening any other file needs the full scope; currentonly covers only the bound file
  "SpreadsheetApp.openById": scope("spreadsheets"),
  "SpreadsheetApp.openByUrl": scope("spreadsheets"),
  "SpreadsheetApp.create": scope("spreadsheets"),
  "DocumentApp.openById": scope("documents"),
  "DocumentApp.openByUrl": scope("documents"),
  "DocumentApp.create": scope("documents"),
  // https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String)
  "Ui.showModalDialog": scope("script.container.ui"),
  "Ui.showModelessDialog": scope("script.container.ui"),
  "Ui.showSidebar": scope("script.container.ui"),
  "Session.getActiveUser": scope("userinfo.email"),
  "Session.getEffectiveUser": scope("userinfo.email"),
  "ScriptApp.getScriptId": [],
  "ScriptApp.getOAuthToken": [],
};

/** The scopes a method requires (any one suffices); [] when it needs none. */
export function requiredScopes(service: ServiceName, method: string): readonly string[] {
  const own = METHOD_SCOPES[method];
  if (own) return own;
  if (service === "DriveApp" && DRIVE_WRITES.test(method)) return DRIVE_WRITE;
  return SERVICE_SCOPES[service];
}

/** What a simple trigger (AuthMode.LIMITED) may use: the bound file, and who is at the keyboard. */
export const LIMITED_SCOPES: readonly string[] = scope(
  "spreadsheets.currentonly",
  "documents.currentonly",
  "userinfo.email",
);

/** GAS's message, e.g. "... Required permissions: (https://…/drive.readonly || https://…/drive)" */
export function permissionMessage(method: string, scopes: readonly string[]): string {
  const list = scopes.length === 1 ? scopes[0] : `(${scopes.join(" || ")})`;
  return `You do not have permission to call ${method}. Required permissions: ${list}`;
}
