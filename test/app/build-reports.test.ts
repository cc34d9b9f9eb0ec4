/** The report use cases: resume past the deadline, and what lands in 出力. */
import { describe, expect, it } from "vitest";
import { FUJIEDA_DEMO } from "../../sheets-templates";
import {
  buildAnnualDeck,
  buildPillarDocs,
  REPORT_CURSOR_KEY,
  resumePillarDocs,
} from "../../src/app/build-reports";
import { setupRegistry } from "../../src/app/setup";
import type { DeckModel, PillarReport } from "../../src/domain/reports";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import type { DeckWriter, DocWriter } from "../../src/ports";
import { MemoryProperties } from "../support/memory-properties";

function registry() {
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_DEMO);
  return store;
}

describe("buildPillarDocs", () => {
  it("stops at the deadline, keeps a cursor, and the follow-up writes exactly the rest", async () => {
    const store = registry();
    let now = Date.parse("2012-10-20T09:00:00+09:00");
    const clock = { now: () => new Date(now) };
    const written: string[] = [];
    const writer: DocWriter = {
      writePillarReport(report: PillarReport) {
        written.push(report.pillarId);
        now += 2 * 60 * 1000; // each document takes two minutes
        return { name: report.title, url: `https://docs.example/${report.pillarId}` };
      },
    };
    const cursor = new MemoryProperties();
    const first = await buildPillarDocs(
      { store, clock, writer, cursor },
      { fy: 2012 },
      { deadlineMs: 5 * 60 * 1000 },
    );
    expect(first.outputs.map((o) => o.pillarId)).toEqual(["柱-1", "柱-2", "柱-3"]);
    expect(first.remaining).toEqual(["柱-4", "柱-5", "柱-6"]);
    expect(JSON.parse(cursor.get(REPORT_CURSOR_KEY) ?? "{}")).toEqual({
      fy: 2012,
      remaining: ["柱-4", "柱-5", "柱-6"],
    });

    const second = await resumePillarDocs(
      { store, clock, writer, cursor },
      { deadlineMs: 60 * 60 * 1000 },
    );
    expect(second.outputs.map((o) => o.pillarId)).toEqual(["柱-4", "柱-5", "柱-6"]);
    expect(cursor.get(REPORT_CURSOR_KEY)).toBeNull();
    expect(written).toEqual(["柱-1", "柱-2", "柱-3", "柱-4", "柱-5", "柱-6"]);
    const outputs = store.read("出力")?.values.slice(1) ?? [];
    expect(outputs.map((r) => [r[1], r[2], r[3], r[5]])).toEqual(
      written.map((p) => ["柱別報告書", "平成24年度", p, `https://docs.example/${p}`]),
    );
  });

  it("does nothing on resume when there is no cursor", async () => {
    const writer: DocWriter = {
      writePillarReport: () => {
        throw new Error("must not write");
      },
    };
    const run = await resumePillarDocs({
      store: registry(),
      clock: { now: () => new Date() },
      writer,
      cursor: new MemoryProperties(),
    });
    expect(run).toEqual({ outputs: [], remaining: [] });
  });
});

describe("buildAnnualDeck", () => {
  it("dates the deck at the end of the reported year (not today) and hands the template from 設定 to the writer", async () => {
    const store = registry();
    const settings = store.read("設定")?.values ?? [];
    const row = settings.findIndex((r) => r[0] === "Slidesテンプレート") + 1;
    store.writeCells("設定", row, 2, [["tmpl-123"]]);
    let seen: { deck?: DeckModel; templateId?: string } = {};
    const writer: DeckWriter = {
      writeDeck(deck, options) {
        seen = { deck, ...(options.templateId ? { templateId: options.templateId } : {}) };
        return { name: deck.title, url: "https://slides.example/1" };
      },
    };
    await buildAnnualDeck(
      { store, clock: { now: () => new Date("2013-04-30T16:00:00Z") }, writer },
      { fy: 2012 },
    );
    expect(seen.templateId).toBe("tmpl-123");
    expect(seen.deck?.slides.filter((s) => s.kind === "pillar")).toHaveLength(6);
    const title = seen.deck?.slides[0];
    expect(title?.kind === "title" ? title.date : "").toBe("平成25年3月31日");
  });
});
