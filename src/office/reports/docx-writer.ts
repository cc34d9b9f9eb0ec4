/**
 * Offline pillar reports: paints the domain's DocLayout (../../domain/reports/layout) with the
 * docx library, one block to one paragraph or table. Nothing is decided here: words, sizes,
 * colours, column widths and keep-together hints come from the layout; points become twips and
 * half-points. The running header and the page numbers are the painter's own furniture.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  type IBorderOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { PillarReport } from "../../domain/reports";
import {
  type Align,
  COLOR,
  type DocBlock,
  type DocLayout,
  type DocParagraph,
  type DocTable,
  type TextRun as LayoutRun,
  layoutPillarDoc,
} from "../../domain/reports/layout";
import type { DocWriter, OutputFile } from "../../ports";
import { boundedName, MAX_NAME_BYTES } from "../file-names";
import { safeFileName } from "./file-name";
import { DEFAULT_REPORT_FONT } from "./fonts";

export interface DocxReportWriterOptions {
  /** the typeface for every run, Latin and East Asian (default: BIZ UDPゴシック) */
  readonly font?: string;
}

const twip = (pt: number): number => Math.round(pt * 20);
const half = (pt: number): number => Math.round(pt * 2);

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2 } as const;

const shade = (fill: string) => ({ type: ShadingType.CLEAR, color: "auto", fill });

/** Runs of the layout; a "\n" inside a run is a line break in the same paragraph. */
function runs(list: readonly LayoutRun[]): TextRun[] {
  return list.flatMap((r) =>
    r.text.split("\n").map(
      (text, i) =>
        new TextRun({
          text,
          ...(i > 0 ? { break: 1 } : {}),
          size: half(r.size),
          color: r.color,
          ...(r.bold ? { bold: true } : {}),
          ...(r.background ? { shading: shade(r.background) } : {}),
        }),
    ),
  );
}

function paragraph(p: DocParagraph): Paragraph {
  return new Paragraph({
    children: runs(p.runs),
    ...(p.level > 0 ? { heading: HEADING[p.level as 1 | 2] } : {}),
    alignment: ALIGN[p.align],
    spacing: {
      before: twip(p.before),
      after: twip(p.after),
      line: 264,
      lineRule: LineRuleType.AUTO,
    },
    ...(p.fill ? { shading: shade(p.fill) } : {}),
    ...(p.keepWithNext ? { keepNext: true, keepLines: true } : {}),
    ...(p.pageBreakBefore ? { pageBreakBefore: true } : {}),
    // the size of an empty paragraph is that of its mark
    run: { size: half(p.runs[0]?.size ?? 10.5) },
  });
}

function table(t: DocTable): Table {
  const line: IBorderOptions = t.border
    ? { style: BorderStyle.SINGLE, size: 4, color: t.border }
    : { style: BorderStyle.NONE, size: 0, color: "auto" };
  const pad = twip(t.padding);
  const last = t.rows.length - 1;
  return new Table({
    columnWidths: t.widths.map(twip),
    width: { size: twip(t.widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    // once for the table (w:tblCellMar), not on every cell: a 233-取組 pillar has ~8,000 cells
    margins: { top: pad, bottom: pad, left: pad * 2, right: pad * 2 },
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: t.rows.map(
      (row, ri) =>
        new TableRow({
          cantSplit: t.keepWithNext,
          children: row.map(
            (c, ci) =>
              new TableCell({
                width: { size: twip(t.widths[ci] ?? 0), type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                ...(c.fill ? { shading: shade(c.fill) } : {}),
                children: [
                  new Paragraph({
                    children: runs(c.runs),
                    alignment: ALIGN[(c.align ?? "left") as Align],
                    spacing: { before: 0, after: 0, line: 252, lineRule: LineRuleType.AUTO },
                    run: { size: half(c.runs[0]?.size ?? t.size) },
                    // Word keeps a table with what follows through its paragraphs
                    ...(t.keepWithNext || ri < last ? { keepNext: true } : {}),
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

function block(b: DocBlock): Paragraph | Table {
  return b.kind === "paragraph" ? paragraph(b) : table(b);
}

/** The .docx of a laid-out document. */
export function paintDocx(layout: DocLayout, font?: string): Document {
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
        children: layout.blocks.map(block),
      },
    ],
  });
}

/** The whole document for one pillar. */
export function pillarDocument(report: PillarReport, font?: string): Document {
  return paintDocx(layoutPillarDoc(report), font);
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
    const buffer = await Packer.toBuffer(pillarDocument(report, this.options.font));
    let base = safeFileName(report.title, report.pillarId);
    // two reports with the same title in one run must not overwrite each other
    if (this.names.has(base))
      base = boundedName(base, ` (${safeFileName(report.pillarId, "柱")})`, MAX_NAME_BYTES - 5);
    this.names.add(base);
    const name = `${base}.docx`;
    await mkdir(this.dir, { recursive: true });
    const path = resolve(this.dir, name);
    await writeFile(path, buffer);
    this.written.push(path);
    return { name, url: path };
  }
}
