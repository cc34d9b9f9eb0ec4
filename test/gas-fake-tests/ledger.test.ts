import { describe, expect, it } from "vitest";
import { createGasFake } from "../gas-fake";
import { COST_TABLE, callCost, commitCost } from "../gas-fake/costs";

describe("ledger", () => {
  it("records every service call as Class.method with detail, and flags metadata as cheap", () => {
    const fake = createGasFake();
    const ss = fake.services.SpreadsheetApp.getActive();
    const sheet = ss.insertSheet("進捗");
    sheet.getRange("A1:C10").getValues();
    sheet.getLastRow();
    const methods = fake.ledger.all().map((e) => e.method);
    expect(methods).toEqual([
      "SpreadsheetApp.getActive",
      "Spreadsheet.insertSheet",
      "Sheet.getRange",
      "Range.getValues",
      "Sheet.getLastRow",
    ]);
    const read = fake.ledger.all().find((e) => e.method === "Range.getValues");
    expect(read).toMatchObject({
      service: "SpreadsheetApp",
      detail: "進捗!A1:C10",
      sheet: "進捗",
      cells: 30,
      cheap: false,
      kind: "read",
    });
    expect(fake.ledger.calls().map((e) => e.method)).toEqual([
      "Spreadsheet.insertSheet",
      "Range.getValues",
    ]);
    expect(fake.ledger.count()).toBe(2);
    expect(fake.ledger.count("Sheet.getRange")).toBe(1);
    expect(fake.ledger.count((e) => e.service === "SpreadsheetApp")).toBe(5);
  });

  it("separates reads and writes per sheet and counts by method", () => {
    const fake = createGasFake();
    const ss = fake.services.SpreadsheetApp.getActive();
    const a = ss.insertSheet("進捗");
    const b = ss.insertSheet("所属");
    a.getRange("A1:B2").getValues();
    a.getRange("A1:B2").getNotes();
    a.getRange("A1:B2").setBackgrounds([
      ["#ffffff", "#ffffff"],
      ["#ffffff", "#ffffff"],
    ]);
    a.appendRow(["x"]);
    b.getDataRange().getDisplayValues();
    expect(fake.ledger.reads("進捗").map((e) => e.method)).toEqual([
      "Range.getValues",
      "Range.getNotes",
    ]);
    expect(fake.ledger.writes("進捗").map((e) => e.method)).toEqual([
      "Spreadsheet.insertSheet",
      "Range.setBackgrounds",
      "Sheet.appendRow",
    ]);
    expect(fake.ledger.reads("所属")).toHaveLength(1);
    expect(fake.ledger.reads()).toHaveLength(3);
    expect(fake.ledger.countBy()).toEqual({
      "Spreadsheet.insertSheet": 2,
      "Range.getValues": 1,
      "Range.getNotes": 1,
      "Range.setBackgrounds": 1,
      "Sheet.appendRow": 1,
      "Range.getDisplayValues": 1,
    });
    expect(fake.ledger.countBy({ includeCheap: true })["Sheet.getRange"]).toBe(3);
  });

  it("slices with mark/since, and reset keeps old marks meaningful", () => {
    const fake = createGasFake();
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    sheet.getRange("A1").getValue();
    const mark = fake.ledger.mark();
    sheet.getRange("A1").setValue(1);
    sheet.getRange("A2").setValue(2);
    expect(fake.ledger.since(mark).count("Range.setValue")).toBe(2);
    expect(fake.ledger.since(mark).count("Range.getValue")).toBe(0);
    expect(fake.ledger.count("Range.getValue")).toBe(1);
    fake.ledger.reset();
    expect(fake.ledger.all()).toEqual([]);
    sheet.getRange("A3").setValue(3);
    expect(fake.ledger.since(mark).count()).toBe(1);
  });

  it("does not record fake-only helpers, enum reads or logging", () => {
    const fake = createGasFake();
    fake.edit("シート1", "A1", "x");
    fake.values("シート1");
    fake.inspect("シート1", "A1");
    void fake.services.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST;
    fake.services.Logger.log("hello %s", "world");
    expect(fake.ledger.all()).toEqual([]);
    expect(fake.logs).toEqual([{ level: "log", message: "hello world" }]);
  });
});

describe("clock and costs", () => {
  it("advances the clock by each call's cost, so ledger time is clock time", () => {
    const fake = createGasFake({ now: "2026-04-01T09:00:00+09:00" });
    const start = fake.clock.nowMs();
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    sheet.getRange("A1:J100").getValues();
    fake.services.MailApp.sendEmail("div@example.jp", "件名", "本文");
    fake.services.Utilities.sleep(1500);
    const expected =
      callCost("SpreadsheetApp.getActiveSheet").ms +
      callCost("Sheet.getRange").ms +
      callCost("Range.getValues", 1000).ms +
      callCost("MailApp.sendEmail").ms +
      1500;
    expect(fake.ledger.totalMs()).toBe(expected);
    expect(fake.clock.nowMs() - start).toBe(fake.ledger.totalMs());
    expect(callCost("Range.getValues", 1000).ms).toBe(185); // 175 ms + 0.01 ms x 1000 cells
    // best practices: ~1 s for 10,000 cells, call and commit (calibration.test.ts)
    expect(callCost("Range.setValues", 10_000).ms + commitCost(1, 10_000)).toBeCloseTo(1228, 0);
    expect(COST_TABLE["MailApp.sendEmail"]?.ms).toBe(1200);
  });

  it("charges per-cell calls far more than one batched call (the best-practices example)", () => {
    const naive = createGasFake();
    const n = naive.services.SpreadsheetApp.getActiveSheet();
    for (let r = 1; r <= 20; r++)
      for (let c = 1; c <= 20; c++) n.getRange(r, c).setBackground("#ff0000");
    const batched = createGasFake();
    const b = batched.services.SpreadsheetApp.getActiveSheet();
    b.getRange(1, 1, 20, 20).setBackgrounds(
      Array.from({ length: 20 }, () => new Array<string>(20).fill("#ff0000")),
    );
    expect(naive.ledger.count()).toBe(400);
    expect(batched.ledger.count()).toBe(1);
    expect(naive.ledger.totalMs()).toBeGreaterThan(20 * batched.ledger.totalMs());
  });

  it("gives the fake Date class the clock's time", () => {
    const fake = createGasFake({ now: "2026-04-01T00:00:00Z" });
    const FakeDate = fake.globals.Date as DateConstructor;
    expect(new FakeDate().toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(FakeDate.now()).toBe(Date.parse("2026-04-01T00:00:00Z"));
    expect(new FakeDate(2020, 0, 2).getDate()).toBe(2);
    expect(new FakeDate(0).getTime()).toBe(0);
    fake.clock.advance(60_000);
    fake.clock.set("2027-01-01T00:00:00Z");
    expect(new FakeDate() instanceof Date).toBe(true);
    expect(fake.clock.now().toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
});
