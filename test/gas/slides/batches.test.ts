/** The deck's requests cut into batchUpdates: whole slides, each body under the byte budget. */
import type { slides_v1 } from "googleapis";
import { describe, expect, it } from "vitest";
import { buildDeckModel } from "../../../src/domain/reports";
import {
  BATCH_PAYLOAD_BUDGET,
  batchBytes,
  deckBatches,
  groupBySlide,
  packBatches,
} from "../../../src/gas/slides/batches";
import { deckRequests, toGasRequests } from "../../../src/gas/slides/requests";
import { createGasFake } from "../../gas-fake";
import { BATCH_UPDATE_PAYLOAD_LIMIT, payloadBytes } from "../../gas-fake/slides";
import { demoRegistry, measure, pillar, report } from "../../unit/reports/fixtures";

const seedDeck = () => buildDeckModel(demoRegistry(), { fy: 2012 });

/** the seed plan plus a 柱 of `n` 取組, each reported with a 課題: a deck of many slides */
function bigPillarDeck(n: number) {
  const seed = demoRegistry();
  const ids = Array.from({ length: n }, (_, i) => `7-${i + 1}`);
  const registry = {
    ...seed,
    pillars: [...seed.pillars, pillar("柱-7", { name: "大量の取組を持つ柱" })],
    measures: [...seed.measures, ...ids.map((id) => measure(id, "柱-7"))],
    progress: [
      ...seed.progress,
      ...ids.map((id) => report(id, 2012, 2, { issues: `${id}の課題`, next: `${id}の対応` })),
    ],
  };
  return buildDeckModel(registry, { fy: 2012 });
}

type Request = slides_v1.Schema$Request;

const slide = (id: string): Request => ({ createSlide: { objectId: id } });
const text = (id: string, t: string): Request => ({ insertText: { objectId: id, text: t } });

/** the state of a fake presentation after sending these bodies, one batchUpdate each */
function applied(batches: readonly Request[][], existing = false) {
  const fake = createGasFake();
  const Slides = fake.services.Slides;
  const id = Slides.Presentations.create({ title: "deck" }).presentationId ?? "";
  for (const b of batches) Slides.Presentations.batchUpdate({ requests: toGasRequests(b) }, id);
  const p = fake.presentations.get(id);
  return {
    slides: p?.slides,
    texts: [...(p?.objects ?? [])].map(([k, o]) => [k, o.pageId, o.text]),
    existing,
  };
}

describe("groupBySlide", () => {
  it("starts a group at every createSlide and keeps what follows the last slide with it", () => {
    const requests = [
      { replaceAllText: { containsText: { text: "{{x}}" }, replaceText: "y" } },
      slide("s01_a"),
      text("s01_a", "1"),
      slide("s02_a"),
      text("s02_a", "2"),
      { deleteObject: { objectId: "p" } },
    ];
    expect(groupBySlide(requests)).toEqual([
      [requests[0]],
      [requests[1], requests[2]],
      [requests[3], requests[4], requests[5]],
    ]);
  });
});

describe("packBatches", () => {
  it("never cuts a slide when slides fit, and keeps every body under the budget", () => {
    const groups = Array.from({ length: 40 }, (_, i) => {
      const id = `slide_${i}`;
      return [slide(id), text(id, "進捗".repeat(100 + i * 10))];
    });
    const budget = 5_000;
    const batches = packBatches(groups, budget);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual(groups.flat());
    for (const b of batches) {
      expect(batchBytes(b)).toBeLessThanOrEqual(budget);
      expect(b[0]?.createSlide).toBeDefined(); // every batch begins a slide
    }
    // counted as the body is sent: UTF-8 JSON, 3 bytes a kanji
    expect(batches.map(batchBytes)).toEqual(batches.map((b) => payloadBytes({ requests: b })));
  });

  it("splits a slide that alone is over the budget between its requests, in order", () => {
    const big = [
      slide("slide_big"),
      ...Array.from({ length: 30 }, () => text("slide_big", "あ".repeat(300))),
    ];
    const batches = packBatches([[slide("slide_one")], big], 4_000);
    expect(batches.flat()).toEqual([slide("slide_one"), ...big]);
    for (const b of batches) expect(batchBytes(b)).toBeLessThanOrEqual(4_000);
  });
});

describe("deckBatches", () => {
  it("sends the seed deck in one batch, as before", () => {
    const requests = deckRequests(seedDeck(), { existingSlideIds: ["p"] });
    expect(deckBatches(requests)).toEqual([requests]);
  });

  it("cuts a long deck into batches that the API accepts and that build the same deck", () => {
    const requests = deckRequests(bigPillarDeck(400), { existingSlideIds: ["p"] });
    const budget = 50_000;
    const batches = deckBatches(requests, budget);
    expect(batches.length).toBeGreaterThan(3);
    for (const b of batches) expect(batchBytes(b)).toBeLessThanOrEqual(budget);
    expect(applied(batches)).toEqual(applied([requests]));
  });

  it("keeps the default budget a tenth of the payload limit the API enforces", () => {
    expect(BATCH_PAYLOAD_BUDGET * 10).toBeLessThanOrEqual(BATCH_UPDATE_PAYLOAD_LIMIT);
  });
});
