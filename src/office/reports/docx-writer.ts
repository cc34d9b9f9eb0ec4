/**
 * Offline pillar reports: paints the domain's DocLayout (../../domain/reports/layout) as a
 * .docx, one block to one paragraph or table (docx-body.ts). Nothing is decided here: words,
 * sizes, colours, column widths and keep-together hints come from the layout. The docx library
 * makes the package (styles, fonts, the running header and page numbers, the A4 section).
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from "docx";
import JSZip from "jszip";
import type { PillarReport } from "../../domain/reports";
import { COLOR, type DocBlock, type DocLayout, layoutPillarDoc } from "../../domain/reports/layout";
import type { DocWriter, OutputFile } from "../../ports";
import { boundedName, MAX_NAME_BYTES } from "../file-names";
import { outputWriteFailure } from "../offline-error";
import { repackage } from "../zip-writer";
import { bodyXml } from "./docx-body";
import { safeFileName } from "./file-name";
import { DEFAULT_REPORT_FONT } from "./fonts";

export interface DocxReportWriterOptions {
  /** the typeface for every run, Latin and East Asian (default: BIZ UDPゴシック) */
  readonly font?: string;
}

const twip = (pt: number): number => Math.round(pt * 20);

/**
 * The one paragraph of the package's body, replaced by the layout's blocks as the file is
 * written (see docx-body.ts). Characters no plan text holds, so it can only be this paragraph.
 */
const BODY_MARK = "\u2063genki-body\u2063";
const DOCUMENT_PART = "word/document.xml";

/**
 * The package of a laid-out document, made by the docx library: styles, theme fonts, running
 * header, page numbers and the A4 section, around one marker paragraph where the body goes.
 */
function docxPackage(layout: DocLayout, font?: string): Document {
  const face = font ?? layout.fonts[0] ?? DEFAULT_REPORT_FONT;
  const fonts = { ascii: face, hAnsi: face, eastAsia: face, cs: face, hint: "eastAsia" as const };
  const themeFont = { latin: face, eastAsia: face, scripts: { Jpan: face } };
  const small = { size: 16, color: COLOR.muted };
  return new Document({
    title: layout.title,
    creator: "genki-plan",
    theme: { fonts: { headings: themeFont, body: themeFont } },
    styles: {
      default: {
        document: {
          run: {
            font: fonts,
            size: 21,
            color: COLOR.ink,
            language: { value: "ja-JP", eastAsia: "ja-JP" },
          },
          paragraph: { spacing: { after: 0, line: 264, lineRule: LineRuleType.AUTO } },
        },
        heading1: { run: { font: fonts, bold: true, color: COLOR.navy } },
        heading2: { run: { font: fonts, bold: true, color: COLOR.navy } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(layout.width), height: twip(layout.height) },
            margin: {
              top: twip(layout.margin.top),
              bottom: twip(layout.margin.bottom),
              left: twip(layout.margin.side),
              right: twip(layout.margin.side),
              header: 567,
              footer: 567,
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: layout.header, ...small })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES],
                    ...small,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [new Paragraph({ children: [new TextRun(BODY_MARK)] })],
      },
    ],
  });
}

/** document.xml with the layout's blocks where the marker paragraph was. */
function* documentXml(packaged: string, blocks: readonly DocBlock[]): Generator<string> {
  const mark = packaged.indexOf(BODY_MARK);
  const start = packaged.lastIndexOf("<w:p>", mark);
  const end = packaged.indexOf("</w:p>", mark);
  if (mark < 0 || start < 0 || end < 0) throw new Error("docx: the body marker is missing");
  yield packaged.slice(0, start);
  yield* bodyXml(blocks);
  yield packaged.slice(end + "</w:p>".length);
}

/**
 * Writes a laid-out document as a .docx at `path`: the library's package, the body written
 * block by block into it, every part deflated on the way (../zip-writer.ts).
 */
export async function writeDocx(layout: DocLayout, path: string, font?: string): Promise<void> {
  const packaged = await JSZip.loadAsync(await Packer.toBuffer(docxPackage(layout, font)));
  await repackage(path, packaged, (name) =>
    name === DOCUMENT_PART ? (text) => documentXml(text, layout.blocks) : undefined,
  );
}

/** Writes one .docx per pillar report into `dir`; `folderId` and `templateId` are for GAS. */
export class DocxReportWriter implements DocWriter {
  /** paths written so far, in order */
  readonly written: string[] = [];
  private readonly names = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly options: DocxReportWriterOptions = {},
  ) {}

  async writePillarReport(
    report: PillarReport,
    _options: { folderId?: string; templateId?: string } = {},
  ): Promise<OutputFile> {
    let base = safeFileName(report.title, report.pillarId);
    // two reports with the same title in one run must not overwrite each other
    if (this.names.has(base))
      base = boundedName(base, ` (${safeFileName(report.pillarId, "柱")})`, MAX_NAME_BYTES - 5);
    this.names.add(base);
    const name = `${base}.docx`;
    const path = resolve(this.dir, name);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeDocx(layoutPillarDoc(report), path, this.options.font);
    } catch (e) {
      throw outputWriteFailure(path, e);
    }
    this.written.push(path);
    return { name, url: path };
  }
}
