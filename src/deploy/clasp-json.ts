/** .clasp.json: where `npm run push` (clasp) and `genki deploy --update` find the script. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";

/** The placeholder the repository ships, which names no script. */
const PLACEHOLDER = /^REPLACE_WITH/;

export function readScriptId(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const id = (JSON.parse(readFileSync(file, "utf8")) as { scriptId?: unknown }).scriptId;
    return typeof id === "string" && id !== "" && !PLACEHOLDER.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps any other settings already in the file; rootDir points at dist wherever the file is. */
export function writeClaspJson(
  file: string,
  scriptId: string,
  spreadsheetId: string,
  distDir: string,
): void {
  let current: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      current = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    } catch {
      current = {};
    }
  }
  const rootDir = relative(dirname(file), distDir).split("\\").join("/") || ".";
  const next = {
    ...current,
    scriptId,
    parentId: [spreadsheetId],
    rootDir,
    fileExtension: "js",
    filePushOrder: [`${rootDir}/Code.js`],
  };
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
}
