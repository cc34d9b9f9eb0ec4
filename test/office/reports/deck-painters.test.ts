/**
 * One layout, two painters: the deck laid out once in the domain, painted as Slides requests
 * and as a .pptx, must show the same boxes, texts and colours on every slide.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { slides_v1 } from "googleapis";
import { afterAll, describe, expect, it } from "vitest";
import { buildDeckModel } from "../../../src/domain/reports";
import { type DeckLayout, layoutDeck } from "../../../src/domain/reports/layout";
import { paintSlides } from "../../../src/gas/slides/requests";
import { PptxDeckWriter, writePptx } from "../../../src/office/reports/pptx-writer";
import { checkRequests } from "../../gas/slides/check";
import { demoRegistry } from "../../unit/reports/fixtures";
import { decodeXml, openZip, partNames } from "./ooxml";

/** What a person sees of one shape: where, what colour, what text in which colours and sizes. */
interface Seen {
  readonly kind: "shape" | "line";
  readonly box: readonly [number, number, number, number];
  readonly fill: string | null;
  readonly text: string;
  readonly runs: readonly string[];
}

const r1 = (n: number) => Math.round(n * 100) / 100;
const EMU_PER_PT = 12700;

function hexOf(c: slides_v1.Schema$OpaqueColor | undefined): string {
  const rgb = c?.rgbColor ?? {};
  const h = (v: number | null | undefined) =>
    Math.round((v ?? 0) * 255)
      .toString(16)
      .padStart(2, "0");
  return `${h(rgb.red)}${h(rgb.green)}${h(rgb.blue)}`.toUpperCase();
}

function fromSlides(batch: slides_v1.Schema$Request[]): Seen[] {
  const out = new Map<string, { -readonly [K in keyof Seen]: Seen[K] }>();
  for (const r of batch) {
    const created = r.createShape ?? r.createLine;
    if (created?.objectId) {
      const p = created.elementProperties;
      out.set(created.objectId, {
        kind: r.createLine ? "line" : "shape",
        box: [
          r1(p?.transform?.translateX ?? 0),
          r1(p?.transform?.translateY ?? 0),
          r1(p?.size?.width?.magnitude ?? 0),
          r.createLine ? 0 : r1(p?.size?.height?.magnitude ?? 0),
        ],
        fill: null,
        text: "",
        runs: [],
      });
    }
    const fill = r.updateShapeProperties?.shapeProperties?.shapeBackgroundFill?.solidFill?.color;
    const target = out.get(r.updateShapeProperties?.objectId ?? "");
    if (target && fill) target.fill = hexOf(fill);
    if (r.insertText?.objectId) {
      const t = out.get(r.insertText.objectId);
      if (t) t.text = r.insertText.text ?? "";
    }
    const style = r.updateTextStyle;
    if (style?.objectId) {
      const t = out.get(style.objectId);
      if (t) {
        t.runs = [
          ...t.runs,
          `${style.style?.fontSize?.magnitude}/${hexOf(style.style?.foregroundColor?.opaqueColor ?? {})}/${style.style?.bold ? "b" : ""}`,
        ];
      }
    }
    const line = r.updateLineProperties;
    if (line?.objectId) {
      const t = out.get(line.objectId);
      if (t) t.fill = hexOf(line.lineProperties?.lineFill?.solidFill?.color);
    }
  }
  return [...out.values()];
}

function fromPptx(xml: string): Seen[] {
  const shapes = xml.match(/<p:(?:sp|cxnSp)>[\s\S]*?<\/p:(?:sp|cxnSp)>/g) ?? [];
  return shapes.map((sp) => {
    const off = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(sp);
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp);
    const isLine = /prst="line"/.test(sp);
    const spPr = /<p:spPr>([\s\S]*?)<\/p:spPr>/.exec(sp)?.[1] ?? "";
    const lnFill = /<a:ln[^>]*>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/.exec(spPr)?.[1] ?? null;
    const bodyFill =
      /^[\s\S]*?<\/a:prstGeom>\s*<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(spPr)?.[1] ??
      null;
    const paras = (sp.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []).map((p) =>
      [...p.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((m) => decodeXml(m[1] ?? "")).join(""),
    );
    const runs = [
      ...sp.matchAll(
        /<a:rPr[^>]*sz="(\d+)"(?:[^>]*b="1")?[^>]*>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/g,
      ),
    ].map(
      (m) => `${Number(m[1]) / 100}/${m[2]}/${/b="1"/.test(m[0].split(">")[0] ?? "") ? "b" : ""}`,
    );
    return {
      kind: isLine ? "line" : "shape",
      box: [
        r1(Number(off?.[1]) / EMU_PER_PT),
        r1(Number(off?.[2]) / EMU_PER_PT),
        r1(Number(ext?.[1]) / EMU_PER_PT),
        isLine ? 0 : r1(Number(ext?.[2]) / EMU_PER_PT),
      ],
      fill: isLine ? lnFill : bodyFill,
      text: paras.join("\n"),
      runs,
    } satisfies Seen;
  });
}

/** pptxgenjs splits a run with "\n" into paragraphs: compare runs per distinct style. */
const styles = (runs: readonly string[]) => [...new Set(runs)].sort();

describe("the deck: one layout, painted for Google Slides and as .pptx", () => {
  const registry = demoRegistry();
  const layout: DeckLayout = layoutDeck(buildDeckModel(registry, { fy: 2012 }));
  const dir = mkdtemp(join(tmpdir(), "genki-deck-"));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));

  it("shows the same boxes, texts and colours on every slide", async () => {
    const { batches } = paintSlides(layout, { existingSlideIds: ["p"] });
    const path = join(await dir, "painted.pptx");
    await writePptx(layout, path);
    const zip = await openZip(path);
    const slideParts = partNames(zip, /^ppt\/slides\/slide\d+\.xml$/);
    expect(slideParts).toHaveLength(layout.slides.length);
    // one request group per slide, then the deletion of the old slide
    expect(batches).toHaveLength(layout.slides.length + 1);
    expect(batches.at(-1)).toEqual([{ deleteObject: { objectId: "p" } }]);
    for (const [i, name] of slideParts.entries()) {
      const xml = await zip.file(name)?.async("string");
      const pptx = fromPptx(xml ?? "");
      const slides = fromSlides(batches[i] ?? []);
      expect(pptx.length, `slide ${i + 1}`).toBe(layout.slides[i]?.elements.length);
      expect(slides.length, `slide ${i + 1}`).toBe(pptx.length);
      pptx.forEach((p, k) => {
        const s = slides[k];
        const where = `slide ${i + 1} element ${k + 1}`;
        expect({ ...p, box: null, runs: styles(p.runs) }, where).toEqual({
          ...s,
          box: null,
          runs: styles(s?.runs ?? []),
        });
        // .pptx positions are whole EMU of inches rounded to 4 places: within half a point
        p.box.forEach((v, j) => {
          expect(Math.abs(v - (s?.box[j] ?? Number.NaN)), where).toBeLessThan(0.5);
        });
      });
    }
  });

  it("sends requests the Slides API accepts, each group beginning with its slide", () => {
    const { batches, slideIds } = paintSlides(layout, { existingSlideIds: ["p"] });
    expect(checkRequests(batches.flat(), { existing: ["p"] })).toEqual([]);
    batches.slice(0, -1).forEach((b, i) => {
      expect(b[0]?.createSlide?.objectId).toBe(slideIds[i]);
      // every object a group names was made in that group or is its slide
      const made = new Set(
        b.flatMap((r) => [
          r.createShape?.objectId,
          r.createLine?.objectId,
          r.createSlide?.objectId,
        ]),
      );
      for (const r of b) {
        const id =
          r.insertText?.objectId ??
          r.updateTextStyle?.objectId ??
          r.updateShapeProperties?.objectId;
        if (id) expect(made.has(id)).toBe(true);
      }
    });
  });

  it("keeps every element on the page and every wrapped text inside its box", () => {
    for (const s of layout.slides) {
      for (const e of s.elements) {
        expect(e.box.x).toBeGreaterThanOrEqual(0);
        expect(e.box.y).toBeGreaterThanOrEqual(0);
        expect(e.box.x + e.box.w).toBeLessThanOrEqual(layout.width + 0.01);
        expect(e.box.y + e.box.h).toBeLessThanOrEqual(layout.height + 0.01);
      }
      expect(new Set(s.elements.map((e) => e.id)).size).toBe(s.elements.length);
    }
  });

  it("names the face as Google Fonts does for Slides (an unknown name is drawn in Arial)", () => {
    const { batches } = paintSlides(layoutDeck(buildDeckModel(registry, { fy: 2012 })));
    const families = new Set(
      batches
        .flat()
        .flatMap((r) => (r.updateTextStyle ? [r.updateTextStyle.style?.fontFamily] : [])),
    );
    expect([...families]).toEqual(["BIZ UDPGothic"]);
  });

  it("writes a compressed .pptx naming BIZ UDPゴシック", async () => {
    const writer = new PptxDeckWriter(await dir);
    const out = await writer.writeDeck(buildDeckModel(registry, { fy: 2012 }));
    const zip = await openZip(out.url);
    const slide = await zip.file("ppt/slides/slide3.xml")?.async("string");
    expect(slide).toContain('typeface="BIZ UDPゴシック"');
    expect(slide).toContain('lang="ja-JP"');
    // DEFLATE: the archive is far smaller than its XML
    const raw = await Promise.all(
      partNames(zip, /\.xml$/).map(async (n) => (await zip.file(n)?.async("string"))?.length ?? 0),
    );
    const { size } = await import("node:fs/promises").then((fs) => fs.stat(out.url));
    expect(size).toBeLessThan(raw.reduce((a, b) => a + b, 0) / 3);
  });
});
