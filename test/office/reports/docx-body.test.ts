/**
 * The .docx body is written as text (src/office/reports/docx-body.ts) so that a 1000× pillar
 * does not sit in memory as the docx library's object tree. The library stays the reference:
 * here it paints the same blocks, as the writer did before, and both must give the same XML,
 * byte for byte, for every seed pillar and for blocks that use every option of the layout.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  type IBorderOptions,
  LineRuleType,
  Packer,
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
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DocBlock,
  type DocLayout,
  type DocParagraph,
  type DocTable,
  type TextRun as LayoutRun,
  layoutPillarDoc,
} from "../../../src/domain/reports/layout";
import { bodyXml } from "../../../src/office/reports/docx-body";
import { writeDocx } from "../../../src/office/reports/docx-writer";
import { escapeXml } from "../../../src/office/xml-text";
import { seedReports } from "./fixtures";
import { zipEntries } from "./ooxml";

// --- the reference: the docx library painting the same blocks --------------------------------

const twip = (pt: number): number => Math.round(pt * 20);
const half = (pt: number): number => Math.round(pt * 2);
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;
const shade = (fill: string) => ({ type: ShadingType.CLEAR, color: "auto", fill });

function libraryRuns(list: readonly LayoutRun[]): TextRun[] {
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

function libraryParagraph(p: DocParagraph): Paragraph {
  const heading = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2 } as const;
  return new Paragraph({
    children: libraryRuns(p.runs),
    ...(p.level > 0 ? { heading: heading[p.level as 1 | 2] } : {}),
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
    run: { size: half(p.runs[0]?.size ?? 10.5) },
  });
}

function libraryTable(t: DocTable): Table {
  const line: IBorderOptions = t.border
    ? { style: BorderStyle.SINGLE, size: 4, color: t.border }
    : { style: BorderStyle.NONE, size: 0, color: "auto" };
  const pad = twip(t.padding);
  const last = t.rows.length - 1;
  return new Table({
    columnWidths: t.widths.map(twip),
    width: { size: twip(t.widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
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
                    children: libraryRuns(c.runs),
                    alignment: ALIGN[c.align ?? "left"],
                    spacing: { before: 0, after: 0, line: 252, lineRule: LineRuleType.AUTO },
                    run: { size: half(c.runs[0]?.size ?? t.size) },
                    ...(t.keepWithNext || ri < last ? { keepNext: true } : {}),
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** What the docx library writes inside w:body for `blocks` (the section properties cut off). */
async function libraryBody(blocks: readonly DocBlock[]): Promise<string> {
  const doc = new Document({
    sections: [
      {
        children: blocks.map((b) =>
          b.kind === "paragraph" ? libraryParagraph(b) : libraryTable(b),
        ),
      },
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  return /<w:body>([\s\S]*)<w:sectPr/.exec(xml)?.[1] ?? "";
}

// --- blocks that use every option ------------------------------------------------------------

const run = (text: string, extra: Partial<LayoutRun> = {}): LayoutRun => ({
  text,
  size: 10.5,
  color: "263238",
  ...extra,
});

const EVERY_OPTION: readonly DocBlock[] = [
  {
    kind: "paragraph",
    runs: [run("柱-1 見出し\n二行目", { size: 14, bold: true, color: "1F3A5F" })],
    level: 1,
    align: "left",
    before: 16,
    after: 6,
    keepWithNext: true,
    pageBreakBefore: true,
  },
  {
    kind: "paragraph",
    runs: [run("取組 1-1", { size: 12, bold: true }), run("（サンプル）", { color: "5F6E82" })],
    level: 2,
    align: "center",
    before: 14,
    after: 6,
    fill: "E4EBF3",
    keepWithNext: true,
  },
  { kind: "paragraph", runs: [], level: 0, align: "right", before: 0, after: 4 },
  {
    kind: "table",
    widths: [100, 381.9],
    rows: [
      [
        { runs: [run("実績値", { bold: true })], fill: "F4F6FA" },
        { runs: [run("　　　　", { background: "2A9D8F" }), run(" 12件")], align: "right" },
      ],
      [{ runs: [] }, { runs: [run("a\n\nb")], align: "center" }],
    ],
    border: "D3DBE6",
    padding: 4,
    size: 9,
    keepWithNext: true,
  },
  {
    kind: "table",
    widths: [240.95, 240.95],
    rows: [[{ runs: [run("左")] }, { runs: [run("右")] }]],
    padding: 2,
    size: 10.5,
    keepWithNext: false,
  },
];

describe(".docx body written as text", () => {
  it("is what the docx library writes for blocks using every option of the layout", async () => {
    expect([...bodyXml(EVERY_OPTION)].join("")).toBe(await libraryBody(EVERY_OPTION));
  });

  it.each(seedReports().map((r) => [r.pillarId, r] as const))(
    "is what the docx library writes for %s of the seed plan",
    async (_, report) => {
      const { blocks } = layoutPillarDoc(report);
      expect(blocks.length).toBeGreaterThan(10);
      expect([...bodyXml(blocks)].join("")).toBe(await libraryBody(blocks));
    },
  );

  it("escapes markup and drops characters XML cannot hold, keeping the rest of the text", () => {
    expect(escapeXml(`窓口 & 電話 <10分> "統一" 'A'`)).toBe(
      "窓口 &amp; 電話 &lt;10分&gt; &quot;統一&quot; &apos;A&apos;",
    );
    expect(escapeXml("前\u0000\u0007\u000B中\u001F\uFFFE後\tタブ")).toBe("前中後\tタブ");
    expect(escapeXml("𠮷野家\uD800だけ")).toBe("𠮷野家だけ");
  });
});

describe("writeDocx", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "genki-docx-body-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const layout = (blocks: readonly DocBlock[]): DocLayout => ({
    title: "テスト",
    width: 595.3,
    height: 841.9,
    margin: { top: 62.35, bottom: 56.7, side: 56.7 },
    fonts: ["BIZ UDPゴシック"],
    header: "見出し",
    blocks,
    measuresFrom: blocks.length,
  });

  it("puts the body inside the library's package, every part compressed", async () => {
    const path = join(dir, "every-option.docx");
    await writeDocx(layout(EVERY_OPTION), path);
    const zip = await JSZip.loadAsync(await readFile(path));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain(`<w:body>${await libraryBody(EVERY_OPTION)}<w:sectPr>`);
    expect(xml).not.toContain("genki-body");
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining(["word/styles.xml", "word/header1.xml", "word/footer1.xml"]),
    );
    const entries = zipEntries(await readFile(path));
    expect(entries.length).toBe(Object.keys(zip.files).length);
    expect(entries.filter((e) => e.method !== 8)).toEqual([]);
  });

  it("writes a text that holds a control character as a file Word can open", async () => {
    const path = join(dir, "hostile.docx");
    const blocks: DocBlock[] = [
      {
        kind: "paragraph",
        runs: [run("実績\u0001値 <&>")],
        level: 0,
        align: "left",
        before: 0,
        after: 0,
      },
    ];
    await writeDocx(layout(blocks), path);
    const zip = await JSZip.loadAsync(await readFile(path));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain(">実績値 &lt;&amp;&gt;</w:t>");
    expect(xml).not.toContain("\u0001");
  });

  it("leaves no file, not even half a one, when writing fails midway", async () => {
    const before = await readdir(dir);
    // a colour the layout never makes fails inside document.xml, after other parts were written
    const broken: DocBlock[] = [
      ...EVERY_OPTION,
      { ...(EVERY_OPTION[0] as DocParagraph), runs: [run("x", { color: "red" })] },
    ];
    await expect(writeDocx(layout(broken), join(dir, "broken.docx"))).rejects.toThrow(
      "not a colour",
    );
    expect(await readdir(dir)).toEqual(before);
    await expect(
      writeDocx(layout(EVERY_OPTION), join(dir, "no-such-folder", "x.docx")),
    ).rejects.toThrow();
  });
});
