import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type JSZip from "jszip";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DeckModel } from "../../../src/domain/reports";
import { PptxDeckWriter } from "../../../src/office/reports/pptx-writer";
import { bigReport, deckFor, deckTexts, seedReports } from "./fixtures";
import { allText, BARE_AMPERSAND, openZip, paragraphs, part, partNames, tableRows } from "./ooxml";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "genki-pptx-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Written {
  readonly zip: JSZip;
  /** raw XML of each slide, in slide order */
  readonly slides: string[];
  /** text of each slide (paragraphs joined by newlines) */
  readonly texts: string[];
}

async function write(deck: DeckModel, writer = new PptxDeckWriter(dir)): Promise<Written> {
  const out = await writer.writeDeck(deck, {});
  expect(existsSync(out.url)).toBe(true);
  expect(basename(out.url)).toBe(out.name);
  const zip = await openZip(out.url);
  const slides = await Promise.all(
    partNames(zip, /^ppt\/slides\/slide\d+\.xml$/).map((n) => part(zip, n)),
  );
  return { zip, slides, texts: slides.map((x) => allText(x, "a")) };
}

const EMU = 914400;

/** Every placed box (x, y, w, h in inches) of a slide. */
function boxes(xml: string): { x: number; y: number; w: number; h: number }[] {
  const re = /<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g;
  return [...xml.matchAll(re)].map((m) => ({
    x: Number(m[1]) / EMU,
    y: Number(m[2]) / EMU,
    w: Number(m[3]) / EMU,
    h: Number(m[4]) / EMU,
  }));
}

/** The bottom edge (inches) of each table: its top plus the heights of its rows. */
function tableBottoms(xml: string): number[] {
  const frames = xml.match(/<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g) ?? [];
  return frames.map((f) => {
    const top = Number(/<a:off x="\d+" y="(\d+)"/.exec(f)?.[1]) / EMU;
    const rows = [...f.matchAll(/<a:tr h="(\d+)"/g)].reduce((n, m) => n + Number(m[1]), 0);
    return top + rows / EMU;
  });
}

/** Fails when anything is placed off the 13.333 x 7.5 in slide or a table runs into the footer. */
function expectOnSlide(slides: readonly string[]): void {
  slides.forEach((xml, i) => {
    for (const b of boxes(xml)) {
      expect({
        slide: i + 1,
        ...b,
        inside: b.x >= 0 && b.y >= 0 && b.x + b.w <= 13.34 && b.y + b.h <= 7.5,
      }).toMatchObject({ inside: true });
    }
    for (const bottom of tableBottoms(xml)) expect(bottom).toBeLessThanOrEqual(6.9);
  });
}

describe("PptxDeckWriter", () => {
  const seedDeck = deckFor(seedReports());

  it("writes one 16:9 .pptx with one slide per model slide (9 for the seed plan)", async () => {
    expect(seedDeck.slides).toHaveLength(9);
    const writer = new PptxDeckWriter(join(dir, "out"));
    const out = await writer.writeDeck(seedDeck, {});
    expect(out.name).toBe("藤枝市新公共経営実行計画.pptx");
    expect(writer.written).toEqual([out.url]);
    const zip = await openZip(out.url);
    expect(partNames(zip, /^ppt\/slides\/slide\d+\.xml$/)).toHaveLength(9);
    const presentation = await part(zip, "ppt/presentation.xml");
    const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation);
    expect(Number(size?.[1]) / Number(size?.[2])).toBeCloseTo(16 / 9, 2);
  });

  it("puts every text of the model on the slides, each on its own slide", async () => {
    const { texts, slides } = await write(seedDeck);
    const everything = texts.join("\n");
    for (const t of deckTexts(seedDeck)) expect(everything).toContain(t);
    seedDeck.slides.forEach((s, i) => {
      expect(texts[i]).toContain(s.title);
      expect(slides[i]).not.toMatch(BARE_AMPERSAND);
    });
    // the issue with & < > " reads back intact and is escaped in the XML
    expect(texts[8]).toContain('手順書 <v2> & 様式の "統一" が遅れている');
    expect(slides[8]).toContain("&lt;v2&gt; &amp;");
  });

  it("lays pillar rows out as a table: ID, content, grade, figure", async () => {
    const { slides } = await write(seedDeck);
    const rows = tableRows(slides[3] ?? "", "a"); // 柱-2
    expect(rows[0]).toEqual(["取組ID", "取組内容", "評価", "主な数値"]);
    expect(rows[1]).toEqual([
      "2-1",
      "専門的な知識や経験を有する優れた市民人財を市政に活用、協働施策の拡大を推進",
      "A（計画以上）",
      "協働事業数: 目標 30件 / 実績 36件（120%）",
    ]);
    expect(rows[2]?.[3]).toBe("—");
    // grade chips for the pillar
    expect(paragraphs(slides[3] ?? "", "a")).toContain("A 計画以上　1件");
  });

  it("draws the overview with a bar row per pillar, its submission and the legend", async () => {
    const { slides } = await write(seedDeck);
    const overview = slides[1] ?? "";
    const texts = paragraphs(overview, "a");
    for (const label of [
      "柱-1 真に市民の役に立つ職員の計画的・戦略的な育成",
      "柱-6 市役所のPDCAサイクルの確立",
    ]) {
      expect(texts).toContain(label);
    }
    expect(texts).toContain("3/3（100%）"); // 柱-1
    expect(texts).toContain("1/2（50%）"); // 柱-5: 5-1 未報告
    for (const legend of [
      "A 計画以上",
      "B 計画どおり",
      "C やや遅れ",
      "D 遅れ",
      "未評価",
      "提出",
      "未提出",
    ]) {
      expect(texts).toContain(legend);
    }
    // bars are rectangles filled with the grade colours: A (green) in 2 pillars + the legend
    const green = overview.match(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<a:srgbClr val="2E7D32"\/>/g) ?? [];
    expect(green).toHaveLength(3);
  });

  it("names the font on every run and cell, for Latin and East Asian text", async () => {
    const { slides } = await write(seedDeck);
    for (const xml of slides) {
      const faces = new Set(
        [...xml.matchAll(/<a:(?:latin|ea|cs) typeface="([^"]*)"/g)].map((m) => m[1]),
      );
      expect([...faces]).toEqual(["Noto Sans CJK JP"]);
      // every run that has text has properties naming the East Asian font
      const runs = xml.match(/<a:r>[\s\S]*?<\/a:r>/g) ?? [];
      expect(runs.length).toBeGreaterThan(0);
      for (const r of runs) expect(r).toMatch(/<a:ea typeface="Noto Sans CJK JP"/);
    }
    const other = await write(seedDeck, new PptxDeckWriter(dir, { font: "Yu Gothic" }));
    expect(other.slides[0]).toContain('<a:ea typeface="Yu Gothic"');
  });

  it("keeps every box on the slide and every table above the footer", async () => {
    const { slides } = await write(seedDeck);
    expect(boxes(slides[1] ?? "").length).toBeGreaterThan(40);
    expect(tableBottoms(slides[3] ?? "")).toHaveLength(1);
    expectOnSlide(slides);
    // a scale of nine grades needs a second legend line
    const long = deckFor(seedReports());
    const overview = long.slides[1];
    if (overview?.kind !== "overview") throw new Error("fixture");
    const legend = Array.from({ length: 9 }, (_, i) => ({
      key: `S${i}`,
      label: `S${i} 評価区分その${i + 1}`,
    }));
    const wide = await write({
      ...long,
      slides: [
        long.slides[0],
        { ...overview, legend },
        ...long.slides.slice(2),
      ] as DeckModel["slides"],
    });
    expectOnSlide(wide.slides);
    for (const l of legend) expect(paragraphs(wide.slides[1] ?? "", "a")).toContain(l.label);
  });

  it("numbers every slide but the cover", async () => {
    const { slides } = await write(seedDeck);
    expect(slides[0]).not.toContain('type="slidenum"');
    for (const xml of slides.slice(1)) expect(xml).toContain('type="slidenum"');
  });

  it("writes a 100-measure pillar split across slides without losing a measure", async () => {
    const report = bigReport(100);
    const deck = deckFor([report], 12, 12);
    const pillarSlides = deck.slides.filter((s) => s.kind === "pillar");
    expect(pillarSlides).toHaveLength(9);
    const { slides } = await write(deck);
    expect(slides).toHaveLength(deck.slides.length);
    expectOnSlide(slides);
    const cells = new Set(slides.flatMap((x) => tableRows(x, "a").map((r) => `${r[0]}|${r[1]}`)));
    for (const m of report.measures) expect(cells).toContain(`${m.measureId}|${m.content}`);
    // the page markers of the split pillar
    const texts = slides.map((x) => allText(x, "a"));
    expect(texts[2]).toContain("1 / 9");
    expect(texts[10]).toContain("9 / 9");
  });

  it("continues a table that does not fit even at the smallest size instead of overflowing", async () => {
    const report = bigReport(60);
    const deck = deckFor([report], 60, 60); // the model did not split
    const { slides, texts } = await write(deck);
    expect(slides.length).toBeGreaterThan(deck.slides.length);
    expectOnSlide(slides);
    const cells = new Set(slides.flatMap((x) => tableRows(x, "a").map((r) => r[0])));
    for (const m of report.measures) expect(cells).toContain(m.measureId);
    expect(texts[3]).toContain(`${report.pillarId} ${report.name}`);
    expect(texts[3]).toContain("（続き）");
  });

  it("writes a deck with empty pillars, no issues and zero totals", async () => {
    const empty = seedReports().map((r) => ({ ...r, measures: [], submitted: 0, grades: [] }));
    const deck = deckFor(empty);
    const { texts } = await write(deck);
    expect(texts).toHaveLength(deck.slides.length);
    expect(texts[1]).toContain("取組なし");
    expect(texts[2]).toContain("この柱に取組はありません。");
    expect(texts.at(-1)).toContain("記載された課題・次の対応はありません。");
  });
});
