import { describe, expect, it } from "vitest";
import { createGasFake } from "../gas-fake";

describe("fake.edit", () => {
  it("writes like a person typing, without ledger entries, and returns the onEdit event", () => {
    const fake = createGasFake({ user: "somu@example.jp" });
    fake.spreadsheet.addSheet("進捗", 1);
    const e = fake.edit("進捗", "F12", "12");
    expect(fake.ledger.all()).toEqual([]);
    expect(e.value).toBe("12");
    expect("oldValue" in e).toBe(false);
    expect(e.range.getA1Notation()).toBe("F12");
    expect(e.range.getSheet().getName()).toBe("進捗");
    expect(e.source.getId()).toBe(fake.spreadsheet.id);
    expect(e.user.getEmail()).toBe("somu@example.jp");
    expect(String(e.authMode)).toBe("LIMITED");
    expect(fake.values("進捗", "F12")).toEqual([[12]]);

    const again = fake.edit("進捗", "F12", "１２件", {
      user: "other@example.jp",
      authMode: "FULL",
      triggerUid: "t-1",
    });
    expect(again.oldValue).toBe("12");
    expect(again.value).toBe("１２件");
    expect(again.user.getEmail()).toBe("other@example.jp");
    expect(again.triggerUid).toBe("t-1");
  });

  it("gives dates as serial numbers, booleans as TRUE/FALSE and omits value when cleared", () => {
    const fake = createGasFake();
    const date = fake.edit("シート1", "A1", "2013/7/10");
    expect(date.value).toBe("41465");
    const flag = fake.edit("シート1", "B1", true);
    expect(flag.value).toBe("TRUE");
    const cleared = fake.edit("シート1", "A1", "");
    expect("value" in cleared).toBe(false);
    expect(cleared.oldValue).toBe("41465");
  });

  it("pastes a block: the event range is the pasted area and has no value", () => {
    const fake = createGasFake();
    const e = fake.edit("シート1", "B2", [
      ["a", "1"],
      ["b", "2"],
    ]);
    expect(e.range.getA1Notation()).toBe("B2:C3");
    expect("value" in e).toBe(false);
    expect("oldValue" in e).toBe(false);
    expect(fake.values("シート1")).toEqual([
      ["", "", ""],
      ["", "a", 1],
      ["", "b", 2],
    ]);
    expect(fake.inspect("シート1", "B2")[0]?.[0]).toMatchObject({
      value: "a",
      note: "",
      background: "#ffffff",
    });
  });

  it("refuses a value that a rejecting validation rule does not allow", () => {
    const fake = createGasFake();
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    sheet
      .getRange("A1")
      .setDataValidation(
        fake.services.SpreadsheetApp.newDataValidation()
          .requireValueInList(["A", "B"])
          .setAllowInvalid(false)
          .build(),
      );
    expect(() => fake.edit("シート1", "A1", "Z")).toThrow("violates the data validation rules");
    expect(fake.edit("シート1", "A1", "B").value).toBe("B");
  });
});
