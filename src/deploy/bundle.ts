/** The GAS build to upload: dist/Code.js + dist/appsscript.json, built first unless told not to. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DeployError } from "./errors";
import type { ScriptFile } from "./google-api";

/** The folder holding genki-plan's package.json, searched upwards from `start`. */
export function projectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "genki-plan") {
          return dir;
        }
      } catch {
        // not ours; keep looking
      }
    }
    if (dirname(dir) === dir) return start;
  }
}

/** Runs scripts/build.mjs (esbuild) when the sources are there; an installed copy uses its dist. */
export function buildBundle(root: string): void {
  const script = join(root, "scripts/build.mjs");
  if (!existsSync(script)) return;
  try {
    execFileSync(process.execPath, [script], { cwd: root, stdio: "pipe" });
  } catch {
    throw new DeployError({ code: "deploy-build-failed", params: {} });
  }
}

/** The two files in the form projects.updateContent takes (names without extension). */
export function scriptFiles(distDir: string): ScriptFile[] {
  const read = (name: string) => {
    const file = join(distDir, name);
    if (!existsSync(file))
      throw new DeployError({ code: "deploy-bundle-missing", params: { file } });
    return readFileSync(file, "utf8");
  };
  return [
    { name: "Code", type: "SERVER_JS", source: read("Code.js") },
    { name: "appsscript", type: "JSON", source: read("appsscript.json") },
  ];
}
