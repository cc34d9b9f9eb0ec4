/**
 * 照会・回答 in Google Sheets: each division's answer file as a new spreadsheet (locked columns
 * greyed and under a protected range, dropdowns, hidden stamp), and the returned ones read back.
 * SpreadsheetApp.create/openByUrl need the spreadsheets scope (not spreadsheets.currentonly):
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String)
 */
import {
  type ExportedSurvey,
  exportSurveys,
  type ImportResult,
  importSurveys,
  surveyPeriod,
} from "../app/survey";
import type { Period } from "../domain/calendar";
import { escapeHtml } from "../domain/html";
import { parseRegistry } from "../domain/registry";
import { rectangle as rectangleOf } from "../domain/rows";
import { sheetDef } from "../domain/schema";
import { type ReturnedFile, type SurveyFile, surveyFilesFor } from "../domain/survey";
import type { OutputFile, SurveyWriter } from "../ports";
import { outputFolder } from "./docs-writer";
import { GasRegistryStore } from "./registry-store";
import { ToastProgress } from "./services";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const LOCKED_BACKGROUND = "#d9d9d9";
const HEADER_BACKGROUND = "#e8f0fe";

/** at least one column wide: a survey sheet is never zero columns */
const rectangle = (values: readonly (readonly unknown[])[]) => rectangleOf(values, 1);

/** Only the script's user (the planning division) may edit a protected range. */
function protectFromOthers(range: GoogleAppsScript.Spreadsheet.Range, description: string): void {
  const p = range.protect().setDescription(description);
  p.removeEditors(p.getEditors());
}

export class GasSurveyWriter implements SurveyWriter {
  private readonly folders = new Map<string, GoogleAppsScript.Drive.Folder | undefined>();

  constructor(private readonly registry: Spreadsheet) {}

  writeSurvey(file: SurveyFile, options: { folderId?: string }): OutputFile {
    const ss = SpreadsheetApp.create(file.title);
    const first = ss.getSheets()[0] as Sheet;
    first.setName(file.instructions.name);
    first
      .getRange(1, 1, file.instructions.values.length, 2)
      .setValues(rectangle(file.instructions.values));
    first.setColumnWidth(1, 140);
    first.setColumnWidth(2, 640);
    first.getRange(1, 1, file.instructions.values.length, 1).setFontWeight("bold");
    this.answerSheet(ss, file);
    const stamp = ss.insertSheet(file.stamp.name);
    const stampRange = stamp.getRange(1, 1, file.stamp.values.length, 2);
    // Text format first, so nothing in the stamp is read as a number or a date.
    stampRange.setNumberFormat("@");
    stampRange.setValues(rectangle(file.stamp.values));
    stamp.hideSheet();
    protectFromOthers(stamp.getRange(1, 1, stamp.getMaxRows(), 2), file.stamp.name);
    const key = options.folderId ?? "";
    if (!this.folders.has(key))
      this.folders.set(key, outputFolder(this.registry, options.folderId));
    const folder = this.folders.get(key);
    if (folder) DriveApp.getFileById(ss.getId()).moveTo(folder);
    return { name: file.title, url: ss.getUrl() };
  }

  private answerSheet(ss: Spreadsheet, file: SurveyFile): void {
    const a = file.answerSheet;
    const sheet = ss.insertSheet(a.name, 1);
    const rows = a.values.length;
    const width = a.values[0]?.length ?? 1;
    for (const c of a.textCols) sheet.getRange(1, c, rows, 1).setNumberFormat("@");
    sheet.getRange(1, 1, rows, width).setValues(rectangle(a.values)).setWrap(true);
    sheet.getRange(1, 1, 1, width).setFontWeight("bold").setBackground(HEADER_BACKGROUND);
    sheet.setFrozenRows(1);
    a.widths.forEach((w, i) => {
      sheet.setColumnWidth(i + 1, w);
    });
    // The locked columns are contiguous from A: one grey block, one protected range.
    const lockedWidth = Math.max(0, ...a.lockedCols);
    if (rows > 1 && lockedWidth > 0) {
      const locked = sheet.getRange(2, 1, rows - 1, lockedWidth);
      locked.setBackground(LOCKED_BACKGROUND);
      protectFromOthers(locked, "照会: 変更できない項目");
    }
    protectFromOthers(sheet.getRange(1, 1, 1, width), "照会: 見出し");
    for (const d of a.dropdowns) {
      if (d.kind !== "list" || rows < 2) continue;
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInList([...d.values], true)
        .setAllowInvalid(false)
        .setHelpText(d.help)
        .build();
      sheet.getRange(2, d.col, rows - 1, 1).setDataValidation(rule);
    }
    ss.setActiveSheet(sheet);
  }
}

/** Reads a returned answer file by its link; undefined when it cannot be opened. */
export function readReturnedSpreadsheet(url: string): ReturnedFile | undefined {
  try {
    const ss = SpreadsheetApp.openByUrl(url);
    return {
      source: url,
      sheets: ss
        .getSheets()
        .map((s) => ({ name: s.getName(), values: s.getDataRange().getValues() })),
    };
  } catch (e) {
    console.error("openByUrl failed", url, e);
    return undefined;
  }
}

function deps(ss: Spreadsheet) {
  return {
    store: new GasRegistryStore(ss),
    clock: { now: () => new Date() },
    progress: new ToastProgress(ss),
  };
}

/** Asks for the year and period ("H24 第2四半期"); undefined when cancelled or unreadable. */
export function askSurveyPeriod(title: string, ss: Spreadsheet): Period | undefined {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(
    title,
    "対象の年度と期を、空白で区切って入力してください（例: H24 第2四半期、2012 Q2）。",
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return undefined;
  const [fyText = "", periodText = ""] = answer
    .getResponseText()
    .trim()
    .split(/[\s\u3000]+/);
  const choice = surveyPeriod(new GasRegistryStore(ss), fyText, periodText);
  if (choice.ok) return choice.period;
  ui.alert(title, choice.message, ui.ButtonSet.OK);
  return undefined;
}

export function writeSurveys(ss: Spreadsheet, period: Period): Promise<ExportedSurvey[]> {
  return exportSurveys({ ...deps(ss), writer: new GasSurveyWriter(ss) }, period);
}

export interface GasImport {
  readonly result: ImportResult;
  /** divisions whose file is listed in 出力 but could not be opened */
  readonly unreadable: readonly string[];
  /** no answer file of the period is listed in 出力 */
  readonly noFiles: boolean;
}

/** Merges every answer file of the period listed in 出力 (the files the export created). */
export function importSurveysFromOutputs(ss: Spreadsheet, period: Period): GasImport {
  const d = deps(ss);
  const outputsName = sheetDef("outputs").ja;
  const registry = parseRegistry(
    d.store.readAll(["auditLog", "outputs", "dashboard", "sendLog"]),
  ).registry;
  const refs = surveyFilesFor(registry, d.store.read(outputsName), period);
  const files: ReturnedFile[] = [];
  const unreadable: string[] = [];
  for (const ref of refs) {
    const f = readReturnedSpreadsheet(ref.url);
    if (f) files.push(f);
    else unreadable.push(ref.division);
  }
  const result = importSurveys(d, files);
  return { result, unreadable, noFiles: refs.length === 0 };
}

const LIST_LIMIT = 300;

/** The import report for the sidebar: every value from a file or the registry is escaped. */
export function importReportHtml(r: GasImport, periodLabel: string): string {
  const { accepted, rejected, conflicts } = r.result;
  const row = (cls: string, label: string, where: string, id: string, text: string) =>
    `<tr class="${cls}"><td>${escapeHtml(label)}</td><td>${escapeHtml(where)}</td><td>${escapeHtml(id)}</td><td>${escapeHtml(text)}</td></tr>`;
  const fileName = (url: string, sheet: string, cell: string) =>
    `${url.replace(/^.*\/d\/([^/]+).*$/, "$1")} ${sheet}${cell ? `!${cell}` : ""}`;
  const rows = [
    ...rejected.map((e) =>
      row("rejected", "却下", fileName(e.file, e.sheet, e.cell), e.measureId, e.message),
    ),
    ...conflicts.map((c) =>
      row("conflict", "競合", fileName(c.file, c.sheet, c.cell), c.measureId, c.message),
    ),
    ...accepted.map((a) =>
      row("accepted", "取込", fileName(a.file, a.sheet, ""), a.measureId, a.written.join(" ")),
    ),
  ];
  const notes = [
    ...(r.noFiles
      ? [
          `${periodLabel}の照会ファイルが「出力」シートに見つかりません。先に「照会ファイルを作成」を実行してください。`,
        ]
      : []),
    ...r.unreadable.map(
      (d) => `${d}の照会ファイルを開けませんでした（削除されたか、権限がありません）。`,
    ),
  ];
  const more = rows.length > LIST_LIMIT ? `<p>ほか ${rows.length - LIST_LIMIT} 件</p>` : "";
  return `<style>body{font-family:sans-serif;font-size:13px}table{border-collapse:collapse}td{border-bottom:1px solid #ddd;padding:4px;vertical-align:top}tr.rejected td:first-child{color:#b3261e;font-weight:bold}tr.conflict td:first-child{color:#8a5a00;font-weight:bold}</style><p><b>${escapeHtml(periodLabel)}: 取込 ${accepted.length} 行、却下 ${rejected.length} 件、競合 ${conflicts.length} 件</b></p>${notes.map((n) => `<p>${escapeHtml(n)}</p>`).join("")}<table>${rows.slice(0, LIST_LIMIT).join("")}</table>${more}`;
}
