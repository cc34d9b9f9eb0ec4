import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import gas from "gas-local";
import { afterEach, describe, expect, it } from "vitest";
import { createGasFake } from "../gas-fake";

const SCRIPT = `
function stamp() {
  var sheet = SpreadsheetApp.getActive().insertSheet("記録");
  var now = new Date();
  sheet.appendRow([now, Session.getActiveUser().getEmail(), typeof require, typeof process, typeof Buffer, typeof setTimeout]);
  var v = sheet.getRange(1, 1, 1, 6).getValues()[0];
  console.log("stamped", Utilities.formatDate(now, "Asia/Tokyo", "yyyy-MM-dd HH:mm"));
  return {
    isDate: Object.prototype.toString.call(v[0]) === "[object Date]",
    instanceOfDate: v[0] instanceof Date,
    sameTime: v[0].getTime() === now.getTime(),
    nowMs: Date.now(),
    rest: v.slice(1),
    rows: Array.isArray(v),
  };
}
`;

describe("globals inside a gas-local vm context", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("runs a script against the fake with the fake clock's Date and no Node globals", () => {
    dir = mkdtempSync(join(tmpdir(), "gas-fake-"));
    writeFileSync(join(dir, "Code.js"), SCRIPT);
    const fake = createGasFake({ now: "2026-04-01T09:00:00+09:00", user: "kikaku@example.jp" });
    const context = gas.require(dir, fake.globals);
    const stamp = context.stamp as () => {
      isDate: boolean;
      instanceOfDate: boolean;
      sameTime: boolean;
      nowMs: number;
      rest: unknown[];
      rows: boolean;
    };
    const result = stamp();
    expect(result.isDate).toBe(true);
    expect(result.instanceOfDate).toBe(true);
    expect(result.sameTime).toBe(true);
    expect(result.rows).toBe(true);
    expect(result.rest).toEqual([
      "kikaku@example.jp",
      "undefined",
      "undefined",
      "undefined",
      "undefined",
    ]);
    expect(result.nowMs).toBe(fake.clock.nowMs());
    const [row] = fake.values("記録", "A1:A1");
    const stamped = row?.[0];
    expect(stamped).toBeInstanceOf(Date);
    expect((stamped as Date).toISOString()).toBe("2026-04-01T00:00:00.201Z"); // after getActive + insertSheet
    expect(fake.logs).toEqual([{ level: "log", message: "stamped 2026-04-01 09:00" }]);
    expect(fake.ledger.count("Sheet.appendRow")).toBe(1);
  });
});
