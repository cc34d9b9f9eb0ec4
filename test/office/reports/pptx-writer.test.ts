/**
 * The written .pptx as a whole: every part well-formed XML, every slide with one shape per layout
 * element, hostile text from the registry read back as typed, and the archive's CRCs right.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { buildDeckModel } from "../../../src/domain/reports";
import { layoutDeck } from "../../../src/domain/reports/layout";
import { PptxDeckWriter } from "../../../src/office/reports/pptx-writer";
import { measure, pillar, registryWith } from "../../unit/reports/fixtures";
import { partNames } from "./ooxml";
import { count, hasControlCharacter, parseXml } from "./xml-check";

const HOSTILE = `<&>"'`;

describe("the written .pptx", () => {
  const dir = mkdtemp(join(tmpdir(), "genki-pptx-"));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));
  const registry = registryWith({
    pillars: [pillar("柱-1", { name: `柱名${HOSTILE}\u0001`, strategy: `戦略\u000b${HOSTILE}` })],
    measures: [measure("1-1", "柱-1", { content: `取組${HOSTILE}\u001f` }), measure("1-2", "柱-1")],
  });
  const deck = buildDeckModel(registry, { fy: 2012 });
  const layout = layoutDeck(deck);

  it("is a ZIP with good CRCs whose every XML part parses, one shape per layout element", async () => {
    const out = await new PptxDeckWriter(await dir).writeDeck(deck);
    const zip = await JSZip.loadAsync(await readFile(out.url), { checkCRC32: true });
    const xmlParts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
    expect(xmlParts).toContain("[Content_Types].xml");
    for (const name of xmlParts) {
      const parsed = parseXml((await zip.file(name)?.async("string")) ?? "");
      expect(parsed.errors, name).toEqual([]);
    }
    const slides = partNames(zip, /^ppt\/slides\/slide\d+\.xml$/);
    expect(slides).toHaveLength(layout.slides.length);
    const texts: string[] = [];
    for (const [i, name] of slides.entries()) {
      const parsed = parseXml((await zip.file(name)?.async("string")) ?? "");
      expect(count(parsed, "p:sp"), name).toBe(layout.slides[i]?.elements.length);
      texts.push(...parsed.texts);
    }
    // hostile names come back as typed, less the control characters XML cannot hold
    const all = texts.join("");
    expect(all).toContain(`柱名${HOSTILE}`);
    expect(all).toContain(`取組${HOSTILE}`);
    expect(hasControlCharacter(all)).toBe(false);
    // nothing left beside it
    expect((await readdir(await dir)).filter((n) => n.startsWith("."))).toEqual([]);
  });
});
