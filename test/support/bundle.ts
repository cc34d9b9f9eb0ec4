/** Loads dist/Code.js as GAS would: one script in a context holding only the fake's globals. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import gas from "gas-local";
import ts from "typescript";
import { createGasFake, type GasFake } from "../gas-fake";

export const DIST = join(__dirname, "../../dist");

export interface LoadedBundle {
  readonly fake: GasFake;
  /** calls a top-level function of Code.js by name, as a menu item or trigger would */
  call(name: string, ...args: unknown[]): unknown;
}

export function loadBundle(options: Parameters<typeof createGasFake>[0] = {}): LoadedBundle {
  const fake = createGasFake(options);
  const ctx = gas.require(DIST, fake.globals, {
    filter: (f) => f.endsWith("/Code.js") && !f.includes("/cli/"),
  });
  return {
    fake,
    call(name, ...args) {
      const fn = ctx[name];
      if (typeof fn !== "function") throw new Error(`Code.js has no top-level function ${name}`);
      return fn(...args);
    },
  };
}

/** Names of the function declarations at the top level of dist/Code.js: what GAS can list and call. */
export function topLevelFunctions(): string[] {
  const source = readFileSync(join(DIST, "Code.js"), "utf8");
  const file = ts.createSourceFile(
    "Code.js",
    source,
    ts.ScriptTarget.ES2020,
    false,
    ts.ScriptKind.JS,
  );
  return file.statements.flatMap((s) =>
    ts.isFunctionDeclaration(s) && s.name ? [s.name.text] : [],
  );
}
