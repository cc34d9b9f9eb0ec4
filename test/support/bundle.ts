/** Loads dist/Code.js as GAS would: one script in a context holding only the fake's globals. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import gas from "gas-local";
import ts from "typescript";
import { createGasFake, type GasFake } from "../gas-fake";

export const DIST = join(__dirname, "../../dist");

export interface LoadedBundle {
  readonly fake: GasFake;
  /** the loaded Code.js: its top-level functions by name (for fake.fireEdit / runDueTriggers) */
  readonly handlers: Record<string, unknown>;
  /**
   * calls a top-level function of Code.js by name as one GAS execution: onOpen/onEdit as simple
   * triggers (AuthMode.LIMITED, 30 s), onEditInstalled and time-driven handlers as the owner's
   * installable triggers, anything else as a menu run by the owner (FULL, 6 minutes)
   */
  call(name: string, ...args: unknown[]): unknown;
  /** the same, run by (or, for a trigger, caused by) `user` */
  callAs(user: string, name: string, ...args: unknown[]): unknown;
}

const SIMPLE_TRIGGERS = new Set(["onOpen", "onEdit"]);
const INSTALLABLE = /^(onEditInstalled|run[A-Z]\w*|continue[A-Z]\w*)$/;

export function loadBundle(options: Parameters<typeof createGasFake>[0] = {}): LoadedBundle {
  const fake = createGasFake({ manifest: join(DIST, "appsscript.json"), ...options });
  const ctx = gas.require(DIST, fake.globals, {
    filter: (f) => f.endsWith("/Code.js") && !f.includes("/cli/"),
  });
  const callAs = (user: string, name: string, ...args: unknown[]) => {
    const fn = ctx[name];
    if (typeof fn !== "function") throw new Error(`Code.js has no top-level function ${name}`);
    if (SIMPLE_TRIGGERS.has(name)) fake.startExecution("simple", user);
    else if (INSTALLABLE.test(name)) fake.startExecution("trigger", fake.owner, user);
    else fake.startExecution("menu", user);
    let result: unknown;
    try {
      result = fn(...args);
    } catch (error) {
      fake.endExecution();
      throw error;
    }
    // an async handler's execution ends when its promise settles
    if (result instanceof Object && typeof (result as Promise<unknown>).then === "function") {
      return (result as Promise<unknown>).finally(() => fake.endExecution());
    }
    fake.endExecution();
    return result;
  };
  return {
    fake,
    handlers: ctx,
    call: (name, ...args) => callAs(fake.owner, name, ...args),
    callAs,
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
