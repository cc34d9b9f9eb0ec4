/**
 * The body of a 柱別報告書 .docx (what goes inside w:body), as WordprocessingML text made block by
 * block from the DocLayout. The docx library still makes the package around it (styles, fonts,
 * running header, page numbers, section: see docx-writer.ts); only the blocks, which grow with
 * the plan, are written here, because the library builds an object tree of the whole document
 * and then its XML in one string: at 1000× the plan (2,300 取組 a pillar) that took over two
 * minutes and 2.9 GB for six Docs. The elements and their order are the ones the library
 * writes for the same options (ECMA-376 Part 1, CT_PPr/CT_RPr/CT_TblPr sequence order), so
 * Word, LibreOffice and the tests read the same document as before.
 */

import type { Align, DocBlock, DocParagraph, DocTable, TextRun } from "../../domain/reports/layout";
import { escapeXml } from "../xml-text";

const twip = (pt: number): number => Math.round(pt * 20);
const half = (pt: number): number => Math.round(pt * 2);

/** A colour from the layout (hex, no #) as an attribute value; anything else is refused. */
function hex(color: string): string {
  if (!/^[0-9A-Fa-f]{6}$/.test(color)) throw new Error(`not a colour: ${color}`);
  return color.toUpperCase();
}

const shd = (fill: string) => `<w:shd w:fill="${hex(fill)}" w:color="auto" w:val="clear"/>`;
const size = (pt: number) => `<w:sz w:val="${half(pt)}"/><w:szCs w:val="${half(pt)}"/>`;

/** Runs of the layout; a "\n" inside a run is a line break (w:br) in the same paragraph. */
function runs(list: readonly TextRun[]): string {
  let xml = "";
  for (const r of list) {
    const rPr = `<w:rPr>${r.bold ? "<w:b/><w:bCs/>" : ""}<w:color w:val="${hex(r.color)}"/>${size(r.size)}${r.background ? shd(r.background) : ""}</w:rPr>`;
    r.text.split("\n").forEach((text, i) => {
      xml += `<w:r>${rPr}${i > 0 ? "<w:br/>" : ""}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
    });
  }
  return xml;
}

interface ParagraphProperties {
  readonly style?: string;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly pageBreakBefore?: boolean;
  readonly fill?: string;
  readonly before: number;
  readonly after: number;
  /** line spacing in 240ths of a line */
  readonly line: number;
  readonly align: Align;
  /** the size of the paragraph mark, which is that of an empty paragraph */
  readonly markSize: number;
}

function pPr(p: ParagraphProperties): string {
  return (
    "<w:pPr>" +
    (p.style ? `<w:pStyle w:val="${p.style}"/>` : "") +
    (p.keepNext ? "<w:keepNext/>" : "") +
    (p.keepLines ? "<w:keepLines/>" : "") +
    (p.pageBreakBefore ? "<w:pageBreakBefore/>" : "") +
    (p.fill ? shd(p.fill) : "") +
    `<w:spacing w:after="${twip(p.after)}" w:before="${twip(p.before)}" w:line="${p.line}" w:lineRule="auto"/>` +
    `<w:jc w:val="${p.align}"/>` +
    `<w:rPr>${size(p.markSize)}</w:rPr>` +
    "</w:pPr>"
  );
}

const STYLE = { 1: "Heading1", 2: "Heading2" } as const;

function paragraph(p: DocParagraph): string {
  return `<w:p>${pPr({
    ...(p.level > 0 ? { style: STYLE[p.level as 1 | 2] } : {}),
    keepNext: p.keepWithNext === true,
    keepLines: p.keepWithNext === true,
    pageBreakBefore: p.pageBreakBefore === true,
    ...(p.fill ? { fill: p.fill } : {}),
    before: p.before,
    after: p.after,
    line: 264,
    align: p.align,
    markSize: p.runs[0]?.size ?? 10.5,
  })}${runs(p.runs)}</w:p>`;
}

function tablePr(t: DocTable): string {
  const line = t.border
    ? `w:val="single" w:color="${hex(t.border)}" w:sz="4"`
    : 'w:val="none" w:color="auto" w:sz="0"';
  const sides = ["top", "left", "bottom", "right", "insideH", "insideV"];
  const pad = twip(t.padding);
  const total = twip(t.widths.reduce((a, w) => a + w, 0));
  return (
    `<w:tblPr><w:tblW w:type="dxa" w:w="${total}"/>` +
    `<w:tblBorders>${sides.map((s) => `<w:${s} ${line}/>`).join("")}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    // once for the table (w:tblCellMar), not on every cell: a 233-取組 pillar has ~8,000 cells
    `<w:tblCellMar><w:top w:type="dxa" w:w="${pad}"/><w:left w:type="dxa" w:w="${pad * 2}"/>` +
    `<w:bottom w:type="dxa" w:w="${pad}"/><w:right w:type="dxa" w:w="${pad * 2}"/></w:tblCellMar>` +
    `</w:tblPr><w:tblGrid>${t.widths.map((w) => `<w:gridCol w:w="${twip(w)}"/>`).join("")}</w:tblGrid>`
  );
}

function table(t: DocTable): string {
  const last = t.rows.length - 1;
  let xml = `<w:tbl>${tablePr(t)}`;
  t.rows.forEach((row, ri) => {
    xml += `<w:tr><w:trPr>${t.keepWithNext ? "<w:cantSplit/>" : '<w:cantSplit w:val="off"/>'}</w:trPr>`;
    row.forEach((c, ci) => {
      xml +=
        `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${twip(t.widths[ci] ?? 0)}"/>` +
        `${c.fill ? shd(c.fill) : ""}<w:vAlign w:val="center"/></w:tcPr>` +
        `<w:p>${pPr({
          // Word keeps a table with what follows through its paragraphs
          keepNext: t.keepWithNext || ri < last,
          before: 0,
          after: 0,
          line: 252,
          align: c.align ?? "left",
          markSize: c.runs[0]?.size ?? t.size,
        })}${runs(c.runs)}</w:p></w:tc>`;
    });
    xml += "</w:tr>";
  });
  return `${xml}</w:tbl>`;
}

/** One block's XML. */
export function blockXml(b: DocBlock): string {
  return b.kind === "paragraph" ? paragraph(b) : table(b);
}

/** The blocks' XML, one block at a time (so a large body is never one string). */
export function* bodyXml(blocks: readonly DocBlock[]): Generator<string> {
  for (const b of blocks) yield blockXml(b);
}
