/**
 * Reports that do not fit one execution, through dist/Code.js: the annual deck at 100× the plan
 * sent in batchUpdates of whole slides under the payload limit and finished by follow-up runs;
 * deadlines counted from the start of the execution (the year prompt included); pillar Docs
 * that save their cursor and 出力 row after each document.
 */
import { describe, expect, it } from "vitest";
import { DECK_CURSOR_KEY, REPORT_CURSOR_KEY } from "../../src/app/build-reports";
import { parseRegistry } from "../../src/domain/registry";
import { buildDeckModel } from "../../src/domain/reports";
import { layoutDeck } from "../../src/domain/reports/layout";
import { BATCH_PAYLOAD_BUDGET } from "../../src/gas/slides/batches";
import { fillRegistry, scaledRegistry } from "../bench/scaled-registry";
import type { GasFake } from "../gas-fake";
import { BATCH_UPDATE_PAYLOAD_LIMIT, payloadBytes } from "../gas-fake/slides";
import { type LoadedBundle, loadBundle } from "../support/bundle";

const SIX_MINUTES = 6 * 60 * 1000;
const DEADLINE = 4.5 * 60 * 1000;

/** Fires the pending one-off triggers of `handler` as GAS would, one execution each. */
async function runFollowUps(bundle: LoadedBundle, handler: string, max = 10): Promise<number[]> {
  const { fake, call } = bundle;
  const durations: number[] = [];
  for (;;) {
    const next = fake.triggers.find(
      (t) => t.handler === handler && t.eventType === "CLOCK" && !t.fired,
    );
    if (!next || durations.length >= max) return durations;
    if ((next.nextRunAt ?? 0) > fake.clock.nowMs()) fake.clock.set(next.nextRunAt ?? 0);
    const at = fake.clock.nowMs();
    await call(handler, next.clockEvent(at));
    next.advance(at);
    fake.endExecution();
    durations.push(fake.clock.nowMs() - at);
  }
}

function scriptProperty(fake: GasFake, key: string): string | null {
  return fake.properties.getScriptProperties().getProperty(key);
}

function outputRows(fake: GasFake): unknown[][] {
  return fake.values("出力").slice(1);
}

describe("年次報告スライド at 100× the plan (1,400 取組)", () => {
  it("goes out in batchUpdates under the payload limit and completes in follow-up runs", async () => {
    const bundle = loadBundle({ now: "2014-10-20T09:00:00+09:00" });
    const { fake, call } = bundle;
    await call("menuSetup");
    const data = scaledRegistry(100);
    fillRegistry(fake, data);
    const registry = parseRegistry(
      fake.spreadsheet.sheets.map(({ name }) => ({ name, values: fake.values(name) })),
    ).registry;
    const model = buildDeckModel(registry, { fy: 2012 }, { date: "2014-10-20" });

    // a minute at the year prompt: ~50,000 requests (~4.5 min of batchUpdates) no longer fit
    fake.ui.respondToPrompt("2012", "OK", 60_000);
    const started = fake.clock.nowMs();
    await call("menuAnnualDeck");
    fake.endExecution();
    const first = fake.clock.nowMs() - started;
    const sentFirst = [...fake.presentations.values()][0]?.requests.length ?? 0;
    expect(fake.ui.dialogs.at(-1)?.html).toContain("1分後に自動で続けて作成");
    const followUps = await runFollowUps(bundle, "continueAnnualDeck");

    // the first run stopped between batches, a follow-up went on from there; each run < 6 min
    expect(sentFirst).toBeGreaterThan(0);
    expect(followUps.length).toBeGreaterThan(0);
    for (const ms of [first, ...followUps]) expect(ms).toBeLessThan(SIX_MINUTES);
    expect(fake.triggers.filter((t) => t.handler === "continueAnnualDeck" && !t.fired)).toEqual([]);
    expect(scriptProperty(fake, DECK_CURSOR_KEY)).toBeNull();

    // one presentation, every slide of the model, sent in bodies far under the limit
    const decks = [...fake.presentations.values()];
    expect(decks).toHaveLength(1);
    const deck = decks[0];
    // the layout spreads a long 柱 over as many slides as its 取組 cards need
    const pages = layoutDeck(model).slides.length;
    expect(pages).toBeGreaterThan(model.slides.length);
    expect(deck?.slides).toHaveLength(pages);
    expect(deck?.slides).not.toContain("p");
    expect(deck?.requests.length).toBeGreaterThan(1);
    for (const body of deck?.requests ?? []) {
      const bytes = payloadBytes({ requests: body });
      expect(bytes).toBeLessThanOrEqual(BATCH_PAYLOAD_BUDGET);
      expect(bytes).toBeLessThan(BATCH_UPDATE_PAYLOAD_LIMIT);
      expect(Object.keys(body[0] ?? {})).toEqual(["createSlide"]); // cut at a slide boundary
    }
    const texts = [...(deck?.objects.values() ?? [])].map((o) => o.text).join("\n");
    for (const m of [data.measures[0], data.measures[700], data.measures.at(-1)])
      expect(texts).toContain(String(m?.[0]));

    // linked once in 出力, when it was complete
    const linked = outputRows(fake).filter((r) => r[1] === "年次報告スライド");
    expect(linked).toHaveLength(1);
    expect(linked[0]?.[5]).toBe(`https://docs.google.com/presentation/d/${deck?.id}/edit`);
  }, 120_000);
});

function ready(): LoadedBundle {
  const bundle = loadBundle({ now: "2012-10-20T09:00:00+09:00" });
  bundle.call("menuSetup");
  return bundle;
}

describe("deadlines count from the start of the execution", () => {
  it("柱別報告書: a year prompt open 4.6 minutes leaves the Docs to the follow-up run", async () => {
    const bundle = ready();
    const { fake, call } = bundle;
    const started = fake.clock.nowMs();
    fake.ui.respondToPrompt("2012", "OK", 4.6 * 60 * 1000);
    const mark = fake.ledger.mark();
    await call("menuPillarDocs");
    fake.endExecution();
    const late = fake.ledger
      .since(mark)
      .entries.filter((e) => e.method === "DocumentApp.create" && e.at > started + DEADLINE);
    expect(late).toEqual([]);
    expect(fake.clock.nowMs() - started).toBeLessThan(SIX_MINUTES);
    await runFollowUps(bundle, "continuePillarDocs");
    expect(fake.docs.size).toBe(6);
    expect(outputRows(fake).map((r) => r[3])).toEqual([
      "柱-1",
      "柱-2",
      "柱-3",
      "柱-4",
      "柱-5",
      "柱-6",
    ]);
  });

  it("年次報告スライド: a year prompt open 4.6 minutes sends no batch in that run", async () => {
    const bundle = ready();
    const { fake, call } = bundle;
    const started = fake.clock.nowMs();
    fake.ui.respondToPrompt("2012", "OK", 4.6 * 60 * 1000);
    const mark = fake.ledger.mark();
    await call("menuAnnualDeck");
    fake.endExecution();
    expect(fake.ledger.since(mark).count("Slides.Presentations.batchUpdate")).toBe(0);
    expect(fake.clock.nowMs() - started).toBeLessThan(SIX_MINUTES);
    await runFollowUps(bundle, "continueAnnualDeck");
    const deck = [...fake.presentations.values()][0];
    expect(deck?.slides).toHaveLength(9);
    expect(outputRows(fake).filter((r) => r[1] === "年次報告スライド")).toHaveLength(1);
  });
});

describe("リマインダーを今すぐ送信: the confirm dialog counts too", () => {
  it("sends nothing after 4.5 minutes from the click, and the follow-up sends the rest", async () => {
    // FY2012 Q1 reports are due 2012-07-13; three divisions owe on that day
    const bundle = loadBundle({ now: "2012-07-13T09:00:00+09:00" });
    const { fake, call } = bundle;
    call("menuSetup");
    fake.endExecution();
    const started = fake.clock.nowMs();
    fake.ui.respondAfter(4.6 * 60 * 1000, "YES");
    await call("menuRemindersSend");
    fake.endExecution();
    expect(fake.mail.sent).toEqual([]);
    expect(fake.clock.nowMs() - started).toBeLessThan(SIX_MINUTES);
    expect(String(fake.ui.alerts.at(-1)?.message)).toContain("1分後に自動で続けて送信");
    await runFollowUps(bundle, "continueReminders");
    expect(fake.mail.sent).toHaveLength(3);
  });
});

describe("柱別報告書 keeps what it made when a run dies mid-way", () => {
  it("has the cursor and the 出力 rows of the Docs made before the failure", async () => {
    const bundle = ready();
    const { fake, call } = bundle;
    fake.faults.throwOn("DocumentApp.create", 3);
    fake.ui.respondToPrompt("2012");
    await call("menuPillarDocs");
    fake.endExecution();
    expect(fake.docs.size).toBe(2);
    expect(outputRows(fake).map((r) => r[3])).toEqual(["柱-1", "柱-2"]);
    const cursor = JSON.parse(scriptProperty(fake, REPORT_CURSOR_KEY) ?? "{}");
    expect(cursor.remaining).toEqual(["柱-3", "柱-4", "柱-5", "柱-6"]);
    // the person is told in Japanese, not with a stack trace
    expect(String(fake.ui.alerts.at(-1)?.message)).not.toMatch(/at |Error:/);
  });
});
