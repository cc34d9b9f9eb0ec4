/**
 * The cost model reproduces its sources: each published measurement costs.ts cites is re-run on
 * the fake (the same operations, in the same order) and the fake's clock must land within ±30 %
 * of the published figure. Sources and URLs: the header of test/gas-fake/costs.ts.
 */
import { describe, expect, it } from "vitest";
import { createGasFake, type GasFake } from "../gas-fake";

const TOLERANCE = 0.3;

function expectNear(measuredMs: number, publishedMs: number): void {
  const low = publishedMs * (1 - TOLERANCE);
  const high = publishedMs * (1 + TOLERANCE);
  expect(
    measuredMs,
    `fake ${Math.round(measuredMs)} ms vs published ${publishedMs} ms (±30 %)`,
  ).toBeGreaterThanOrEqual(low);
  expect(
    measuredMs,
    `fake ${Math.round(measuredMs)} ms vs published ${publishedMs} ms (±30 %)`,
  ).toBeLessThanOrEqual(high);
}

/** Clock time of `fn`, optionally including the commit GAS makes at the end of the execution. */
function timed(fake: GasFake, fn: () => void, { untilEnd = false } = {}): number {
  const start = fake.clock.nowMs();
  fn();
  if (untilEnd) fake.endExecution();
  return fake.clock.nowMs() - start;
}

const grid = <T>(rows: number, cols: number, value: (r: number, c: number) => T): T[][] =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => value(r, c)));

describe("BEST_PRACTICES: Google's 100 x 100 background example", () => {
  // a new tab is 1000 x 26 in GAS; Google's example assumes a 100 x 100 grid
  const wide = () => createGasFake({ lenientDimensions: true });

  it("one setBackground per cell with a flush per row takes about 70 s", () => {
    const fake = wide();
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    const ms = timed(
      fake,
      () => {
        const cell = sheet.getRange("A1");
        for (let y = 0; y < 100; y++) {
          for (let x = 0; x < 100; x++) cell.offset(y, x).setBackground(`#0000${y % 10}${x % 10}`);
          fake.services.SpreadsheetApp.flush();
        }
      },
      { untilEnd: true },
    );
    expectNear(ms, 70_000);
  });

  it("one setBackgrounds of the 100 x 100 array takes about 1 s", () => {
    const fake = wide();
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    const colours = grid(100, 100, (y, x) => `#0000${y % 10}${x % 10}`);
    const ms = timed(fake, () => sheet.getRange(1, 1, 100, 100).setBackgrounds(colours), {
      untilEnd: true,
    });
    expectNear(ms, 1_000);
  });
});

describe("MOGSDAD: 400 objects of 10 attributes written to a sheet", () => {
  const data = grid(400, 10, (r, c) => (c < 5 ? `text ${r}-${c}` : r * 10 + c));

  it("one 4,000-cell setValues takes less than 50 ms (timed inside the script)", () => {
    const fake = createGasFake();
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    const ms = timed(fake, () => sheet.getRange(1, 1, 400, 10).setValues(data));
    expect(ms).toBeLessThan(50);
    // "75% faster than line-by-line" (164 ms): about 41 ms
    expectNear(ms, 164 * 0.25);
  });

  it("the same setValues followed by one flush takes 610 ms", () => {
    const fake = createGasFake();
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    const ms = timed(fake, () => {
      sheet.getRange(1, 1, 400, 10).setValues(data);
      fake.services.SpreadsheetApp.flush();
    });
    expectNear(ms, 610);
  });

  it("400 row writes take 164 ms", () => {
    const fake = createGasFake();
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    const ms = timed(fake, () => {
      data.forEach((row, i) => {
        sheet.getRange(i + 1, 1, 1, 10).setValues([row]);
      });
    });
    expectNear(ms, 164);
  });

  it("400 row writes with a flush after each take almost 12 s", () => {
    const fake = createGasFake();
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    const ms = timed(fake, () => {
      data.forEach((row, i) => {
        sheet.getRange(i + 1, 1, 1, 10).setValues([row]);
        fake.services.SpreadsheetApp.flush();
      });
    });
    expectNear(ms, 12_000);
  });
});

describe("TRANSCRIPT and BUGBUGNOW: reads", () => {
  it("the first getValues of a tab takes 0.175 s; a later read of it is near-free", () => {
    const fake = createGasFake();
    fake.seed(
      "シート1",
      grid(10, 5, (r, c) => r * 5 + c),
    );
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    const first = timed(fake, () => sheet.getRange("A1:E10").getValues());
    const later = timed(fake, () => sheet.getRange("A1:E10").getValues());
    expectNear(first, 175);
    expect(later).toBeLessThan(5);
  });

  it("1,000 getRange(i, 1).getValue() take about 3,064 ms", () => {
    const fake = createGasFake();
    fake.seed(
      "シート1",
      grid(1000, 1, (r) => r),
    );
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    const ms = timed(fake, () => {
      const rows = sheet.getLastRow();
      for (let i = 0; i < rows; i++) sheet.getRange(i + 1, 1).getValue();
    });
    expectNear(ms, 3_064);
  });

  it("a write to the tab sends the next read back to the server (BLOG_2010: reads commit writes)", () => {
    const fake = createGasFake();
    fake.seed(
      "シート1",
      grid(10, 5, (r, c) => r * 5 + c),
    );
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    sheet.getRange("A1:E10").getValues();
    sheet.getRange("A1").setValue(1);
    const reread = timed(fake, () => sheet.getRange("A1:E10").getValues());
    expect(reread).toBeGreaterThanOrEqual(175);
    expect(fake.ledger.count("SpreadsheetApp.commit")).toBe(1);
  });
});

describe("TANAIKE_10M: metadata of a 10,000,000-cell sheet", () => {
  it("getMaxRows and getMaxColumns take 0.3 s", () => {
    const fake = createGasFake();
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    const tab = fake.spreadsheet.sheet(sheet.getName());
    if (!tab) throw new Error("no active tab");
    tab.maxRows = 1_000_000; // Tanaike's sheet: 10 columns x 1,000,000 rows
    tab.maxColumns = 10;
    const ms = timed(fake, () => {
      sheet.getMaxRows();
      sheet.getMaxColumns();
    });
    expectNear(ms, 300);
  });
});

describe("per-call figures", () => {
  it("PERALTA: setProperty 62 ms, getProperty 30 ms; QIITA_CACHE: Cache.remove 88 ms", () => {
    const fake = createGasFake();
    const props = fake.services.PropertiesService.getScriptProperties();
    expectNear(
      timed(fake, () => props.setProperty("k", "v")),
      62,
    );
    expectNear(
      timed(fake, () => props.getProperty("k")),
      30,
    );
    const cache = fake.services.CacheService.getScriptCache();
    expectNear(
      timed(fake, () => cache.remove("k")),
      88,
    );
  });

  it("OFFICEFOREST: a Drive copy takes about 3.6 s", () => {
    const fake = createGasFake();
    const file = fake.services.DriveApp.createFile("テンプレート", "x");
    expectNear(
      timed(fake, () => file.makeCopy("コピー")),
      3_600,
    );
  });
});
