/**
 * buildAnnualDeck / resumeAnnualDeck with a writer that sends the deck in parts: the deadline
 * from the execution's start, the cursor, the follow-up, and a registry changed in between.
 */
import { describe, expect, it } from "vitest";
import { FUJIEDA_DEMO } from "../../sheets-templates";
import { buildAnnualDeck, DECK_CURSOR_KEY, resumeAnnualDeck } from "../../src/app/build-reports";
import { setupRegistry } from "../../src/app/setup";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import type { DeckWriteOptions, DeckWriter } from "../../src/ports";
import { MemoryProperties } from "../support/memory-properties";

const PART_MS = 60_000;

/** writes 9 parts, a minute each, stopping when asked; records what it was given */
function partsWriter(clock: { advance(ms: number): void }) {
  const calls: { resumeFrom?: string; parts: number[] }[] = [];
  const writer: DeckWriter = {
    writeDeck(deck, options: DeckWriteOptions) {
      const call = {
        ...(options.resumeFrom ? { resumeFrom: options.resumeFrom } : {}),
        parts: [] as number[],
      };
      calls.push(call);
      const from = options.resumeFrom ? Number(options.resumeFrom.split("@")[1]) : 0;
      const file = options.resumeFrom?.split("@")[0] ?? `deck-${calls.length}`;
      for (let part = from; part < deck.slides.length; part++) {
        if (options.shouldStop?.())
          return { name: deck.title, url: file, unfinished: `${file}@${part}` };
        clock.advance(PART_MS);
        call.parts.push(part);
        options.onPart?.(part + 1, deck.slides.length);
      }
      return { name: deck.title, url: file };
    },
  };
  return { writer, calls };
}

function setup() {
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_DEMO);
  let now = Date.parse("2012-10-20T09:00:00+09:00");
  const clock = { now: () => new Date(now), advance: (ms: number) => (now += ms) };
  return { store, clock, cursor: new MemoryProperties() };
}

const deckRows = (store: XlsxRegistryStore) =>
  (store.read("出力")?.values.slice(1) ?? []).filter((r) => r[1] === "年次報告スライド");

describe("年次報告スライド in parts", () => {
  it("stops at the deadline counted from startedAt, and the follow-up finishes the same file", async () => {
    const { store, clock, cursor } = setup();
    const { writer, calls } = partsWriter(clock);
    // the year prompt stayed open 2 minutes before the use case began
    const startedAt = new Date(clock.now().getTime() - 2 * 60_000);
    const first = await buildAnnualDeck(
      { store, clock, writer, cursor },
      { fy: 2012 },
      { startedAt },
    );
    expect(first.unfinished).toBe(true);
    // 4.5 min from the click, 2 of them at the prompt: parts 0..2 (the 3rd starts at 4 min)
    expect(calls[0]?.parts).toEqual([0, 1, 2]);
    expect(deckRows(store)).toEqual([]);
    expect(JSON.parse(cursor.get(DECK_CURSOR_KEY) ?? "{}")).toMatchObject({
      fy: 2012,
      // the deck is dated by 設定 報告日, else the last day of the reported year (not the run's day)
      date: "2013-03-31",
      writer: "deck-1@3",
    });

    // each follow-up has its own 4.5 minutes: parts 3..7, then the last one
    clock.advance(60_000);
    const second = await resumeAnnualDeck({ store, clock, writer, cursor });
    expect(second?.unfinished).toBe(true);
    expect(calls[1]).toEqual({ resumeFrom: "deck-1@3", parts: [3, 4, 5, 6, 7] });
    clock.advance(60_000);
    const third = await resumeAnnualDeck({ store, clock, writer, cursor });
    expect(third?.unfinished).toBe(false);
    expect(calls[2]).toEqual({ resumeFrom: "deck-1@8", parts: [8] });
    expect(cursor.get(DECK_CURSOR_KEY)).toBeNull();
    expect(deckRows(store).map((r) => r[5])).toEqual(["deck-1"]);
    expect(await resumeAnnualDeck({ store, clock, writer, cursor })).toBeUndefined();
  });

  it("starts a new deck when the registry changed before the follow-up", async () => {
    const { store, clock, cursor } = setup();
    const { writer, calls } = partsWriter(clock);
    await buildAnnualDeck({ store, clock, writer, cursor }, { fy: 2012 });
    expect(cursor.get(DECK_CURSOR_KEY)).not.toBeNull();
    const pillars = store.read("柱")?.values ?? [];
    const col = (pillars[0] ?? []).indexOf("柱名") + 1;
    store.writeCells("柱", 2, col, [["名前を変えた柱"]]);
    clock.advance(60_000);
    const second = await resumeAnnualDeck(
      { store, clock, writer, cursor },
      { deadlineMs: 60 * 60_000 },
    );
    expect(calls[1]?.resumeFrom).toBeUndefined();
    expect(calls[1]?.parts[0]).toBe(0);
    expect(second?.url).toBe("deck-2");
    expect(deckRows(store).map((r) => r[5])).toEqual(["deck-2"]);
  });
});
