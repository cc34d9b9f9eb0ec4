/**
 * A registry lock held past its first refresh (STALE_MS / 2 = 15 s) stays held: writing
 * owner.json into the lock folder used to change the folder's mtime, proper-lockfile then took
 * the lock for taken over at its first refresh, and every run longer than 15 s (report and
 * deck on a large registry) ended refusing to save. Real time: the refresh is real file I/O.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { STALE_MS, withRegistryLock } from "../../src/office/registry-lock";

describe("registry lock refresh", () => {
  it("is still held after its first refresh", { timeout: STALE_MS + 20_000 }, async () => {
    const file = join(mkdtempSync(join(tmpdir(), "genki-lock-")), "registry.xlsx");
    writeFileSync(file, "x");
    const lost = await withRegistryLock(file, async (held) => {
      await new Promise((r) => setTimeout(r, STALE_MS / 2 + 2_000));
      return held.lost();
    });
    expect(lost).toBe(false);
  });
});
