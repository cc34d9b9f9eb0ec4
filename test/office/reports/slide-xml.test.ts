/**
 * The slide serializer: each layout element kind as PresentationML, hostile text escaped, and the
 * slide part well-formed XML (checked by a strict parser, not by string matching alone).
 */
import { describe, expect, it } from "vitest";
import type { LayoutElement, SlideLayout, TextRun } from "../../../src/domain/reports/layout";
import { shapeXml, slidePartXml } from "../../../src/office/reports/slide-xml";
import { escapeXml } from "../../../src/office/xml-text";
import { decodeXml, paragraphs } from "./ooxml";
import { count, hasControlCharacter, parseXml } from "./xml-check";

/** The part pptxgenjs writes for a slide with nothing on it. */
const EMPTY_SLIDE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">' +
  '<p:cSld name="Slide 1"><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>' +
  '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>' +
  "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>";

const HOSTILE = `<b>&amp; "quoted" 'single' \u0000\u0008\u000b\u001f\ufffe\ud800 tab\there 😀`;
const HOSTILE_KEPT = `<b>&amp; "quoted" 'single'  tab\there 😀`;

const run = (text: string, size: number, color: string, bold = false): TextRun => ({
  text,
  size,
  color,
  bold,
});

const box = { x: 36, y: 18, w: 144, h: 72 };
const ELEMENTS: LayoutElement[] = [
  { kind: "rect", id: "band", box: { x: 0, y: 0, w: 720, h: 44 }, fill: "1f3a5f" },
  { kind: "rect", id: "card", box, fill: "F4F6FA", line: "D3DBE6" },
  { kind: "line", id: "rule", box: { x: 24, y: 383, w: 672, h: 0 }, color: "D3DBE6", weight: 0.5 },
  {
    kind: "text",
    id: "title",
    box,
    runs: [run("一行目\n二行目 ", 12, "ffffff", true), run(HOSTILE, 9, "263238")],
    align: "center",
    valign: "bottom",
    fill: "2A9D8F",
  },
  {
    kind: "text",
    id: "body",
    box,
    runs: [run("a\n\nb\n", 9, "263238")],
    align: "right",
    valign: "middle",
  },
  { kind: "text", id: "empty", box, runs: [], align: "left", valign: "top" },
];
const SLIDE: SlideLayout = { id: "s", elements: ELEMENTS };

/** The p:sp elements of a slide part, in order. */
const shapesOf = (xml: string): string[] => xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? [];

describe("escapeXml", () => {
  it("escapes the five XML specials, so text can be neither markup nor a broken entity", () => {
    expect(escapeXml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&apos;");
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
  });

  it("drops the characters XML 1.0 forbids and keeps tabs, Japanese and astral characters", () => {
    expect(escapeXml("a\u0000b\u0001c\u000bd\u000ce\u001ff\ufffeg\uffffh\ud800i\udc00j")).toBe(
      "abcdefghij",
    );
    expect(escapeXml("全角\tタブ 😀 \ue000")).toBe("全角\tタブ 😀 \ue000");
  });
});

describe("a slide part with every element kind", () => {
  const xml = slidePartXml(EMPTY_SLIDE, SLIDE, "BIZ UDPゴシック");
  const parsed = parseXml(xml);
  const shapes = shapesOf(xml);

  it("is well-formed XML with one shape per element, ids and names unique on the slide", () => {
    expect(parsed.errors).toEqual([]);
    expect(count(parsed, "p:sp")).toBe(ELEMENTS.length);
    const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)" name="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    // the shape tree itself is 1; then one per element
    expect(ids).toEqual([
      ["1", ""],
      ["2", "Shape 0"],
      ["3", "Shape 1"],
      ["4", "Shape 2"],
      ["5", "Text 3"],
      ["6", "Text 4"],
      ["7", "Text 5"],
    ]);
    // the empty slide's head and tail are kept around the shapes
    expect(xml.startsWith(EMPTY_SLIDE.slice(0, EMPTY_SLIDE.indexOf("</p:spTree>")))).toBe(true);
    expect(
      xml.endsWith("</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"),
    ).toBe(true);
  });

  it("places each box in EMU (12,700 per point)", () => {
    const boxes = shapes.map((s) =>
      [...s.matchAll(/<a:(?:off|ext) (?:x|cx)="(\d+)" (?:y|cy)="(\d+)"\/>/g)].flatMap((m) => [
        Number(m[1]),
        Number(m[2]),
      ]),
    );
    expect(boxes[0]).toEqual([0, 0, 720 * 12700, 44 * 12700]);
    expect(boxes[1]).toEqual([36 * 12700, 18 * 12700, 144 * 12700, 72 * 12700]);
    expect(boxes[2]).toEqual([24 * 12700, 383 * 12700, 672 * 12700, 0]);
  });

  it("fills and outlines rects, draws lines in their colour and weight", () => {
    const [band, card, rule] = shapes;
    expect(band).toContain('<a:prstGeom prst="rect">');
    expect(band).toContain('<a:solidFill><a:srgbClr val="1F3A5F"/></a:solidFill><a:ln></a:ln>');
    expect(card).toContain(
      '<a:ln w="9525"><a:solidFill><a:srgbClr val="D3DBE6"/></a:solidFill><a:prstDash val="solid"/></a:ln>',
    );
    expect(rule).toContain('<a:prstGeom prst="line">');
    expect(rule).toContain('<a:noFill/><a:ln w="6350"><a:solidFill><a:srgbClr val="D3DBE6"/>');
    for (const s of [band, card, rule]) expect(s).not.toContain("<p:txBody>");
  });

  it("writes text boxes with their insets, alignment, fill and runs", () => {
    const title = shapes[3] ?? "";
    expect(title).toContain('<a:solidFill><a:srgbClr val="2A9D8F"/></a:solidFill><a:ln></a:ln>');
    expect(title).toContain(
      '<a:bodyPr wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0" anchor="b">',
    );
    // a "\n" ends a paragraph; the second run continues the second paragraph
    expect(paragraphs(title, "a")).toEqual(["一行目", `二行目 ${HOSTILE_KEPT}`]);
    const rPr = [...title.matchAll(/<a:rPr ([^>]*)>/g)].map((m) => m[1]);
    expect(rPr).toEqual([
      'lang="ja-JP" altLang="en-US" sz="1200" b="1" dirty="0"',
      'lang="ja-JP" altLang="en-US" sz="1200" b="1" dirty="0"',
      'lang="ja-JP" altLang="en-US" sz="900" dirty="0"',
    ]);
    expect(title).toContain('<a:srgbClr val="FFFFFF"/>');
    expect(title).toContain('<a:ea typeface="BIZ UDPゴシック" pitchFamily="34" charset="-122"/>');
    // every paragraph mark at the size of the text's first run
    expect(title.match(/<a:endParaRPr lang="en-US" sz="1200" dirty="0"\/>/g)).toHaveLength(2);
    expect(shapes[4]).toContain('anchor="ctr"');
    expect(shapes[4]).toContain('algn="r"');
    expect(shapes[4]).toContain("<a:noFill/><a:ln></a:ln>");
  });

  it("gives each paragraph one a:pPr, first (the schema's order; PowerPoint rejects more)", () => {
    for (const p of xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) {
      expect(p.match(/<a:pPr /g)).toHaveLength(1);
      expect(p.startsWith("<a:p><a:pPr ")).toBe(true);
    }
  });

  it("keeps blank lines, opens no paragraph after a final break, and gives an empty text one", () => {
    expect(paragraphs(shapes[4] ?? "", "a")).toEqual(["a", "", "b"]);
    expect(paragraphs(shapes[5] ?? "", "a")).toEqual([""]);
    expect(shapes[5]).toContain('<a:endParaRPr lang="en-US" dirty="0"/>');
  });

  it("reads back hostile text as written, less the characters XML cannot hold", () => {
    expect(parsed.texts).toContain(HOSTILE_KEPT);
    expect(hasControlCharacter(parsed.texts.join(""))).toBe(false);
    // the regex reader of the other tests decodes the same
    expect([...xml.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((m) => decodeXml(m[1] ?? ""))).toEqual(
      parsed.texts,
    );
  });

  it("escapes the typeface too", () => {
    const e = ELEMENTS[3] as LayoutElement;
    const sp = shapeXml(e, 0, 'Evil" onload="&');
    expect(sp).toContain('typeface="Evil&quot; onload=&quot;&amp;"');
    expect(parseXml(`<r xmlns:a="a" xmlns:p="p">${sp}</r>`).errors).toEqual([]);
  });

  it("refuses a part with no shape tree to put the shapes in", () => {
    expect(() => slidePartXml("<p:sld/>", SLIDE, "X")).toThrow();
  });
});
