import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { staleReason } from "../support/fresh-dist";

const roots: string[] = [];

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "genki-dist-"));
  roots.push(root);
  for (const dir of ["src/gas", "sheets-templates", "scripts", "dist/cli"])
    mkdirSync(join(root, dir), { recursive: true });
  for (const f of ["src/gas/main.ts", "scripts/build.mjs", "appsscript.json", "package.json"])
    writeFileSync(join(root, f), "x");
  return root;
}

function touch(path: string, seconds: number): void {
  writeFileSync(path, "x");
  utimesSync(path, seconds, seconds);
}

afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe("the globalSetup that keeps dist/ fresh", () => {
  it("calls a missing build stale", () => {
    expect(staleReason(project())).toContain("dist/Code.js");
  });

  it("calls a build older than a source file stale, and names what changed", () => {
    const root = project();
    const now = Date.now() / 1000;
    for (const f of ["src/gas/main.ts", "scripts/build.mjs", "appsscript.json", "package.json"])
      touch(join(root, f), now - 100);
    touch(join(root, "dist/Code.js"), now - 50);
    touch(join(root, "dist/cli/genki.js"), now - 50);
    expect(staleReason(root)).toBeUndefined();
    touch(join(root, "src/gas/main.ts"), now);
    expect(staleReason(root)).toBe("src changed since the last build");
  });
});
