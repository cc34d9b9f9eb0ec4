/**
 * DESIGN's bundle budget: GAS loads all of dist/Code.js for every execution, every simple onEdit
 * included, so it must stay at most 200 KB (scripts/build.mjs refuses to write more, too).
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIST } from "../support/bundle";

const LIMIT_BYTES = 200 * 1024;

describe("dist/Code.js", () => {
  it("weighs at most 200 KB", () => {
    expect(statSync(join(DIST, "Code.js")).size).toBeLessThanOrEqual(LIMIT_BYTES);
  });

  it("carries the holiday dates and Japanese names, not the package's full table", () => {
    const code = readFileSync(join(DIST, "Code.js"), "utf8");
    expect(code).toContain("即位礼正殿の儀の行われる日");
    expect(code).toContain('"2050:');
    // the package's table spells out every weekday of 1,329 days
    expect(code).not.toContain('week_en:"Thursday"');
    expect(code).not.toContain("Thursday");
  });
});
