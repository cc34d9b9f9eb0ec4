/**
 * DocWriter on DocumentApp. The layout is built from whole tables (one appendTable each), so a
 * pillar with 3 measures or 300 costs the same ~25 calls. A template (設定 Docsテンプレート) is
 * copied, its {{placeholders}} filled in place (keeping its formatting), and the measure table
 * put where {{取組一覧}} stands (at the end if the marker is missing).
 */
import type { PillarReport } from "../domain/reports";
import {
  gradeTable,
  issuesTable,
  measureTable,
  pillarPlaceholders,
} from "../domain/reports/tables";
import type { DocWriter, OutputFile } from "../ports";

const FONT = "Noto Sans JP";
const HEADER_BG = "#e8f0fe";

type Body = GoogleAppsScript.Document.Body;

function styleHeaderRow(table: GoogleAppsScript.Document.Table): void {
  const style: Record<string, unknown> = {};
  style[DocumentApp.Attribute.BOLD] = true;
  style[DocumentApp.Attribute.BACKGROUND_COLOR] = HEADER_BG;
  table.getRow(0).setAttributes(style);
}

function heading(
  body: Body,
  text: string,
  level: GoogleAppsScript.Document.ParagraphHeading,
): void {
  body.appendParagraph(text).setHeading(level);
}

function layout(body: Body, report: PillarReport): void {
  const font: Record<string, unknown> = {};
  font[DocumentApp.Attribute.FONT_FAMILY] = FONT;
  body.setAttributes(font);
  heading(body, report.title, DocumentApp.ParagraphHeading.TITLE);
  body.appendParagraph(`${report.planName}　${report.scopeLabel}`);
  body.appendTable(pillarPlaceholders(report).summaryRows);
  heading(body, "評価の概要", DocumentApp.ParagraphHeading.HEADING2);
  styleHeaderRow(body.appendTable(gradeTable(report)));
  heading(body, "取組の状況", DocumentApp.ParagraphHeading.HEADING2);
  styleHeaderRow(body.appendTable(measureTable(report)));
  heading(body, "課題と次の対応", DocumentApp.ParagraphHeading.HEADING2);
  styleHeaderRow(body.appendTable(issuesTable(report)));
}

/** Placeholder text is a regex for replaceText; the value must not carry $ back-references. */
function literal(text: string): string {
  return text.replace(/\$/g, "＄");
}

function fill(body: Body, report: PillarReport): void {
  const values = pillarPlaceholders(report).values;
  for (const [name, value] of Object.entries(values)) {
    body.replaceText(`\\{\\{${name}\\}\\}`, literal(value));
  }
  const marker = "\\{\\{取組一覧\\}\\}";
  body.replaceText(marker, "");
  styleHeaderRow(body.appendTable(measureTable(report)));
}

/** The output folder: 出力フォルダID, else the spreadsheet's folder, else My Drive (undefined). */
export function outputFolder(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  folderId: string | undefined,
): GoogleAppsScript.Drive.Folder | undefined {
  try {
    if (folderId) return DriveApp.getFolderById(folderId);
    const parents = DriveApp.getFileById(ss.getId()).getParents();
    return parents.hasNext() ? parents.next() : undefined;
  } catch {
    // drive.file cannot always see the spreadsheet's folder: the file then stays in My Drive.
    return undefined;
  }
}

export class GasDocWriter implements DocWriter {
  /** looked up once per run: every Doc of a run goes to the same folder */
  private readonly folders = new Map<string, GoogleAppsScript.Drive.Folder | undefined>();

  constructor(private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  writePillarReport(
    report: PillarReport,
    options: { folderId?: string; templateId?: string },
  ): OutputFile {
    const key = options.folderId ?? "";
    if (!this.folders.has(key)) this.folders.set(key, outputFolder(this.ss, options.folderId));
    const folder = this.folders.get(key);
    let doc: GoogleAppsScript.Document.Document;
    if (options.templateId) {
      const template = DriveApp.getFileById(options.templateId);
      const copy = folder
        ? template.makeCopy(report.title, folder)
        : template.makeCopy(report.title);
      doc = DocumentApp.openById(copy.getId());
      fill(doc.getBody(), report);
    } else {
      doc = DocumentApp.create(report.title);
      layout(doc.getBody(), report);
      if (folder) DriveApp.getFileById(doc.getId()).moveTo(folder);
    }
    const url = doc.getUrl();
    doc.saveAndClose();
    return { name: report.title, url };
  }
}
