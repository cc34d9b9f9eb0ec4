/**
 * The shapes of one laid-out slide as PresentationML (the p:sp elements of a slide part's
 * p:spTree), written here rather than by pptxgenjs so that a 3,500-slide deck never holds all its
 * shapes at once: pptxgenjs keeps every slide's objects and every slide's XML until it zips them.
 * The elements are the ones pptxgenjs 4.0.1 writes for the options pptx-writer gave it before
 * (rect, line, text box: same ids, names, fills, outlines, insets, runs), with two corrections:
 * one a:pPr per paragraph (pptxgenjs repeats it before every run, which the schema forbids and
 * PowerPoint 2016 reports as an error: gitbrent/PptxGenJS#1081, #1083), and text stripped of the
 * characters XML 1.0 forbids (pptxgenjs would write them and leave the part unreadable).
 * No Node modules: strings in, strings out.
 */
import {
  INSET,
  type LayoutElement,
  type SlideLayout,
  type TextRun,
} from "../../domain/reports/layout";
import { escapeXml } from "../xml-text";

const EMU_PER_PT = 12700;
/** points to EMU, the unit of every DrawingML length */
const emu = (pt: number): number => Math.round(pt * EMU_PER_PT);

/** A colour as DrawingML wants it (six upper-case hex digits); black for anything else, as pptxgenjs. */
function hex(color: string): string {
  const c = color.replace("#", "");
  return /^[0-9A-F]{6}$/i.test(c) ? c.toUpperCase() : "000000";
}

const solidFill = (color: string): string =>
  `<a:solidFill><a:srgbClr val="${hex(color)}"/></a:solidFill>`;

/** An outline of `weight` points (pptxgenjs's default 1 pt when none is given). */
const outline = (color: string, weight: number): string =>
  `<a:ln w="${emu(weight || 1)}">${solidFill(color)}<a:prstDash val="solid"/></a:ln>`;

/** The non-visual properties and the box: ids count from 2 (1 is the slide's shape tree). */
function shapeStart(index: number, name: string, e: LayoutElement, geometry: string): string {
  const { x, y, w, h } = e.box;
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${index + 2}" name="${name} ${index}"></p:cNvPr><p:cNvSpPr/><p:nvPr></p:nvPr></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${emu(x)}" y="${emu(y)}"/><a:ext cx="${emu(w)}" cy="${emu(h)}"/></a:xfrm>` +
    `<a:prstGeom prst="${geometry}"><a:avLst></a:avLst></a:prstGeom>`
  );
}

const ALIGN = { left: "l", center: "ctr", right: "r" } as const;
const ANCHOR = { top: "t", middle: "ctr", bottom: "b" } as const;

/** One piece of a run between line breaks; `breaks` ends its paragraph. */
interface Piece {
  readonly text: string;
  readonly run: TextRun;
  readonly breaks: boolean;
}

/** Runs cut at their "\n": a break ends a paragraph, an empty last piece is no piece at all. */
function paragraphsOf(runs: readonly TextRun[]): Piece[][] {
  const pieces = runs.flatMap((run) => {
    const parts = run.text.split("\n");
    return parts.flatMap((text, j): Piece[] => {
      const last = j === parts.length - 1;
      return last && text === "" ? [] : [{ text, run, breaks: !last }];
    });
  });
  const paragraphs: Piece[][] = [];
  let current: Piece[] = [];
  for (const p of pieces) {
    current.push(p);
    if (p.breaks) {
      paragraphs.push(current);
      current = [];
    }
  }
  // a break at the very end opens no empty paragraph
  if (current.length > 0 || paragraphs.length === 0) paragraphs.push(current);
  return paragraphs;
}

function runXml(text: string, run: TextRun, face: string): string {
  const t = escapeXml(text.replace(/\r/g, ""));
  if (t === "") return "";
  const size = run.size > 0 ? ` sz="${Math.round(run.size * 100)}"` : "";
  const bold = run.bold ? ' b="1"' : "";
  return (
    `<a:r><a:rPr lang="ja-JP" altLang="en-US"${size}${bold} dirty="0">${solidFill(run.color)}` +
    `<a:latin typeface="${face}" pitchFamily="34" charset="0"/>` +
    `<a:ea typeface="${face}" pitchFamily="34" charset="-122"/>` +
    `<a:cs typeface="${face}" pitchFamily="34" charset="-120"/>` +
    `</a:rPr><a:t>${t}</a:t></a:r>`
  );
}

function textBody(e: Extract<LayoutElement, { kind: "text" }>, face: string): string {
  const pPr = `<a:pPr algn="${ALIGN[e.align]}" indent="0" marL="0"><a:buNone/></a:pPr>`;
  const paragraphs = paragraphsOf(e.runs);
  // every paragraph mark takes the size of the text's first piece, as pptxgenjs sets it
  const first = paragraphs[0]?.[0]?.run.size ?? 0;
  const end =
    first > 0
      ? `<a:endParaRPr lang="en-US" sz="${Math.round(first * 100)}" dirty="0"/>`
      : '<a:endParaRPr lang="en-US" dirty="0"/>';
  let xml =
    `<p:txBody><a:bodyPr wrap="square" lIns="${emu(INSET.x)}" tIns="${emu(INSET.y)}" rIns="${emu(INSET.x)}" bIns="${emu(INSET.y)}" rtlCol="0" anchor="${ANCHOR[e.valign]}"></a:bodyPr>` +
    "<a:lstStyle/>";
  for (const p of paragraphs) {
    xml += `<a:p>${pPr}`;
    for (const piece of p) xml += runXml(piece.text, piece.run, face);
    xml += `${end}</a:p>`;
  }
  return `${xml}</p:txBody>`;
}

/**
 * One layout element as a p:sp, the `index`-th on its slide (its id and name follow from it,
 * unique on the slide). `face` names the typeface of every run.
 */
export function shapeXml(e: LayoutElement, index: number, face: string): string {
  const font = escapeXml(face);
  switch (e.kind) {
    case "rect":
      return (
        shapeStart(index, "Shape", e, "rect") +
        solidFill(e.fill) +
        (e.line ? outline(e.line, 0.75) : "<a:ln></a:ln>") +
        "</p:spPr></p:sp>"
      );
    case "line":
      return `${shapeStart(index, "Shape", e, "line")}<a:noFill/>${outline(e.color, e.weight)}</p:spPr></p:sp>`;
    case "text":
      return (
        shapeStart(index, "Text", e, "rect") +
        (e.fill ? solidFill(e.fill) : "<a:noFill/>") +
        "<a:ln></a:ln></p:spPr>" +
        textBody(e, font) +
        "</p:sp>"
      );
  }
}

/**
 * A slide part: `emptySlide` (the part pptxgenjs wrote for a slide with nothing on it) with the
 * slide's shapes at the end of its shape tree. One slide at a time: the caller deflates it and
 * lets it go before the next is made.
 */
export function slidePartXml(emptySlide: string, slide: SlideLayout, face: string): string {
  const end = emptySlide.lastIndexOf("</p:spTree>");
  if (end < 0) throw new Error("the slide part has no shape tree");
  let xml = emptySlide.slice(0, end);
  for (const [i, e] of slide.elements.entries()) xml += shapeXml(e, i, face);
  return xml + emptySlide.slice(end);
}
