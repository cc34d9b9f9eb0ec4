/**
 * The fake refuses what Google refuses: one test per documented rule (the rule and its reference
 * URL sit beside the code in test/gas-fake).
 */
import { describe, expect, it } from "vitest";
import { createGasFake } from "../gas-fake";

describe("what Sheets takes for a formula", () => {
  it("reads text starting with = + - or @ as a formula, typed or set as a value", () => {
    const fake = createGasFake();
    fake.seed("t", [["x"]]);
    const sheet = fake.services.SpreadsheetApp.getActive().getSheetByName("t");
    sheet?.getRange("A1:D1").setValues([["=1+2", "+81-3", "-A1", "@SUM(A1)"]]);
    expect(sheet?.getRange("A1:D1").getFormulas()).toEqual([
      ["=1+2", "=+81-3", "=-A1", "=SUM(A1)"],
    ]);
    fake.edit("t", "A2", "+1+1");
    expect(fake.inspect("t", "A2")[0]?.[0]?.formula).toBe("=+1+1");
  });

  it("keeps numbers, a lone sign and apostrophe text as values", () => {
    const fake = createGasFake();
    fake.seed("t", [["x"]]);
    const sheet = fake.services.SpreadsheetApp.getActive().getSheetByName("t");
    sheet?.getRange("A1:D1").setValues([["-3", "+4.5", "-", "'+81-3"]]);
    expect(sheet?.getRange("A1:D1").getValues()).toEqual([[-3, 4.5, "-", "+81-3"]]);
    expect(sheet?.getRange("A1:D1").getFormulas()).toEqual([["", "", "", ""]]);
  });
});
