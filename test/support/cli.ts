/** Runs the built CLI (dist/cli/genki.js) as a user would, capturing exit code and output. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const CLI = join(__dirname, "../../dist/cli/genki.js");
const run = promisify(execFile);

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** the signal that ended the process (SIGKILL from a crash point) */
  readonly signal?: string | undefined;
}

/** Host TZ is not Tokyo on purpose: the answers must not depend on it. */
export async function genki(...args: string[]): Promise<CliResult> {
  try {
    const r = await run(process.execPath, [CLI, ...args], {
      encoding: "utf8",
      env: { ...process.env, TZ: "America/Los_Angeles" },
    });
    return { status: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { status: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The same with extra environment variables (crash points, lock wait). */
export async function genkiEnv(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  try {
    const r = await run(process.execPath, [CLI, ...args], {
      encoding: "utf8",
      env: { ...process.env, TZ: "America/Los_Angeles", ...env },
    });
    return { status: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number | null; signal?: string; stdout: string; stderr: string };
    return { status: err.code ?? -1, stdout: err.stdout, stderr: err.stderr, signal: err.signal };
  }
}
