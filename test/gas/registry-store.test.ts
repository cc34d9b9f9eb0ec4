/** GasRegistryStore against the fake, directly: batching and the grid limits GAS enforces. */
import { afterEach, describe, expect, it } from "vitest";
import { GasRegistryStore } from "../../src/gas/registry-store";
import { createGasFake } from "../gas-fake";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function storeWithSheet() {
  const fake = createGasFake();
  restore = fake.installGlobals();
  const ss = fake.services.SpreadsheetApp.getActiveSpreadsheet();
  const store = new GasRegistryStore(ss);
  store.createSheet(
    "進捗",
    {
      headers: ["取組ID"],
      widths: [90],
      tabColor: "#188038",
      textColumns: [1],
      wrapColumns: [],
      dropdowns: [],
      appOwned: false,
    },
    [["取組ID", "年度"]],
  );
  return { fake, store };
}

describe("GasRegistryStore", () => {
  it("grows the 1000-row grid before writing past it, in one setValues", () => {
    const { fake, store } = storeWithSheet();
    const rows = Array.from({ length: 1500 }, (_, i) => [`1-${i}`, 2012]);
    const mark = fake.ledger.mark();
    store.appendRows("進捗", rows);
    expect(
      fake.ledger
        .since(mark)
        .calls()
        .filter((e) => e.method === "Range.setValues"),
    ).toHaveLength(1);
    expect(store.read("進捗")?.values).toHaveLength(1501);
    expect(store.read("進捗")?.values[1500]).toEqual(["1-1499", 2012]);
  });

  it("neutralises formula-like text it writes", () => {
    const { fake, store } = storeWithSheet();
    store.appendRows("進捗", [
      ["x", "=1+2"],
      ["y", "+81-3"],
      ["z", "@SUM(A1)"],
    ]);
    const sheet = fake.spreadsheet.getSheetByName("進捗");
    expect(sheet?.getRange("B2:B4").getFormulas()).toEqual([[""], [""], [""]]);
    // what Sheets stored: text cells, no formula (a reload would hide a stripped apostrophe)
    expect(fake.inspect("進捗", "B2:B4").map(([c]) => [c?.value, c?.formula])).toEqual([
      ["=1+2", ""],
      ["+81-3", ""],
      ["@SUM(A1)", ""],
    ]);
    expect(
      store
        .read("進捗")
        ?.values.slice(1)
        .map((r) => r[1]),
    ).toEqual(["=1+2", "+81-3", "@SUM(A1)"]);
  });

  it("replaces the rows under the header, blanking old extra rows, in one write", () => {
    const { fake, store } = storeWithSheet();
    store.appendRows("進捗", [
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    const mark = fake.ledger.mark();
    store.replaceRows("進捗", [["x", 9]]);
    expect(fake.ledger.since(mark).writes()).toHaveLength(1);
    expect(store.read("進捗")?.values).toEqual([
      ["取組ID", "年度"],
      ["x", 9],
    ]);
  });
});
