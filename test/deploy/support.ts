/** Running deploy/download in-process against the stand-in, with a recorded (instant) backoff. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DeployIo } from "../../src/cli/google-session";

export const ROOT = join(__dirname, "../..");
export const TOKEN = "ya29.stand-in-secret-token-0123456789";

export interface Run {
  readonly io: DeployIo;
  readonly out: string[];
  readonly err: string[];
  readonly sleeps: number[];
  readonly dir: string;
  text(): string;
}

/** A fresh working folder and home; GENKI_ACCESS_TOKEN set unless `env` says otherwise. */
export function newRun(env: NodeJS.ProcessEnv = { GENKI_ACCESS_TOKEN: TOKEN }): Run {
  const dir = mkdtempSync(join(tmpdir(), "genki-deploy-"));
  const home = join(dir, "home");
  mkdirSync(home);
  const out: string[] = [];
  const err: string[] = [];
  const sleeps: number[] = [];
  return {
    io: {
      env,
      home,
      root: ROOT,
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      retry: {
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        random: () => 0,
      },
    },
    out,
    err,
    sleeps,
    dir,
    text: () => [...out, ...err].join("\n"),
  };
}

/** ~/.clasprc.json as clasp 3.x writes it after `clasp login` (src/auth/file_credential_store.ts). */
export function writeClaspLogin(
  run: Run,
  accessToken: string,
  expiry = Date.now() + 3_600_000,
): void {
  writeFileSync(
    join(run.io.home ?? run.dir, ".clasprc.json"),
    JSON.stringify({
      tokens: {
        default: {
          client_id: "test-client.apps.googleusercontent.com",
          client_secret: "test-client-secret",
          type: "authorized_user",
          access_token: accessToken,
          refresh_token: "1//test-refresh-token",
          expiry_date: expiry,
        },
      },
    }),
  );
}
