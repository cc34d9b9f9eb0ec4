/**
 * DocWriter on DocumentApp and the Docs advanced service. The domain lays the Doc out
 * (layoutPillarDoc); ./docs/requests paints it as documents.batchUpdate requests, sent in as
 * few calls as the payload budget allows (slides/batches.ts): one up to ~100 取組 a pillar, a
 * few beyond. A template (設定 Docsテンプレート) is copied, its {{placeholders}} filled in place
 * (keeping its formatting), its {{取組一覧}} marker removed and the 取組 appended at its end.
 */
import type { docs_v1 } from "googleapis";
import type { PillarReport } from "../domain/reports";
import { docPlaceholders, layoutPillarDoc } from "../domain/reports/layout";
import type { DocWriter, OutputFile } from "../ports";
import { type DocsRequest, paintDocs } from "./docs/requests";
import { packBatches } from "./slides/batches";

/** The Docs advanced service (appsscript.json enables it as "Docs"). */
declare const Docs: {
  Documents: {
    batchUpdate(resource: { requests: DocsRequest[] }, documentId: string): unknown;
    get(documentId: string): docs_v1.Schema$Document;
  };
};

/**
 * Bytes of JSON per Docs batchUpdate: under a third of the API front end's observed 10 MiB
 * limit (see slides/batches.ts), so a pillar of about a hundred 取組 is written in one call.
 */
const DOC_PAYLOAD_BUDGET = 3_000_000;

/** Placeholder text is a regex for replaceText; the value must not carry $ back-references. */
function literal(text: string): string {
  return text.replace(/\$/g, "＄");
}

/** Fills a copied template's placeholders and removes the {{取組一覧}} marker. */
function fillTemplate(doc: GoogleAppsScript.Document.Document, report: PillarReport): void {
  const body = doc.getBody();
  for (const [name, value] of Object.entries(docPlaceholders(report))) {
    body.replaceText(`\\{\\{${name}\\}\\}`, literal(value));
  }
  body.replaceText("\\{\\{取組一覧\\}\\}", "");
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
    const layout = layoutPillarDoc(report);
    let doc: GoogleAppsScript.Document.Document;
    let groups: DocsRequest[][];
    if (options.templateId) {
      const template = DriveApp.getFileById(options.templateId);
      const copy = folder
        ? template.makeCopy(report.title, folder)
        : template.makeCopy(report.title);
      doc = DocumentApp.openById(copy.getId());
      fillTemplate(doc, report);
    } else {
      doc = DocumentApp.create(report.title);
      if (folder) DriveApp.getFileById(doc.getId()).moveTo(folder);
    }
    const id = doc.getId();
    const url = doc.getUrl();
    // DocumentApp's edits reach the API only once saved
    doc.saveAndClose();
    if (options.templateId) {
      // after the template's last paragraph: a new empty one, where the 取組 are written
      const content = Docs.Documents.get(id).body?.content;
      const end = (content?.at(-1)?.endIndex ?? 2) - 1;
      groups = [
        [{ insertText: { location: { index: end }, text: "\n" } }],
        ...paintDocs(layout.blocks.slice(layout.measuresFrom), layout, end + 1),
      ];
    } else {
      groups = paintDocs(layout.blocks, layout);
    }
    // one call for a pillar of dozens of 取組; more only past the payload budget
    for (const requests of packBatches(groups, DOC_PAYLOAD_BUDGET))
      Docs.Documents.batchUpdate({ requests }, id);
    return { name: report.title, url };
  }
}
