/**
 * vitest globalSetup: a bundle test must never pass on an old build. When dist/Code.js or
 * dist/cli/genki.js is missing, or older than anything it is built from (src/, sheets-templates/,
 * scripts/build.mjs, appsscript.json, package.json), it runs the build once before the tests;
 * when the build fails, the run stops with a clear message.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
const OUTPUTS = ["dist/Code.js", "dist/cli/genki.js"];
const INPUTS = ["src", "sheets-templates", "scripts/build.mjs", "appsscript.json", "package.json"];

/** The newest modification time under `path` (a file or a folder). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

/** Why dist/ cannot be trusted, or undefined when it is up to date. */
export function staleReason(root = ROOT): string | undefined {
  const missing = OUTPUTS.filter((f) => !existsSync(join(root, f)));
  if (missing.length > 0) return `${missing.join(", ")} missing`;
  const built = Math.min(...OUTPUTS.map((f) => statSync(join(root, f)).mtimeMs));
  const changed = INPUTS.filter((f) => newest(join(root, f)) > built);
  return changed.length > 0 ? `${changed.join(", ")} changed since the last build` : undefined;
}

export default function setup(): void {
  const reason = staleReason();
  if (reason === undefined) return;
  console.log(`dist/ is stale (${reason}): running scripts/build.mjs before the tests.`);
  try {
    execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs")], {
      cwd: ROOT,
      stdio: "inherit",
    });
  } catch {
    throw new Error(
      `dist/ is stale (${reason}) and \`npm run build\` failed: fix the build before running the bundle tests.`,
    );
  }
  const still = staleReason();
  if (still !== undefined) throw new Error(`dist/ is still stale after the build: ${still}`);
}
