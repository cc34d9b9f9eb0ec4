/** The built CLI (dist/cli/genki.js) as a person runs it: deploy, its dry run, download. */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GoogleStandIn } from "./google-stand-in";
import { ROOT, TOKEN } from "./support";

const CLI = join(ROOT, "dist/cli/genki.js");
const run = promisify(execFile);

interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

/** Async on purpose: the stand-in answers from this same process. */
async function genki(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<Result> {
  const home = join(cwd, "home");
  mkdirSync(home, { recursive: true });
  const base = { PATH: process.env.PATH ?? "", HOME: home, TZ: "America/Los_Angeles" };
  try {
    const r = await run(process.execPath, [CLI, ...args], { cwd, env: { ...base, ...env } });
    return { status: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { status: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let google: GoogleStandIn;
let cwd: string;

beforeEach(async () => {
  google = await new GoogleStandIn(TOKEN).start();
  cwd = mkdtempSync(join(tmpdir(), "genki-cli-deploy-"));
});
afterEach(async () => {
  await google.stop();
});

describe("genki deploy (CLI)", () => {
  it("--dry-run with no login prints the whole plan against Google's real endpoints", async () => {
    const r = await genki(cwd, {}, "deploy", "--dry-run", "--no-build");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines.filter((l) => /^\d\. /.test(l))).toEqual([
      "1. POST https://www.googleapis.com/upload/drive/v3/files?fields=id%2Cname%2CmimeType&uploadType=multipart",
      "2. POST https://script.googleapis.com/v1/projects",
      "3. PUT https://script.googleapis.com/v1/projects/NEW_SCRIPT_ID/content",
    ]);
    expect(r.stdout).toContain("ログイン: 未ログイン");
    expect(existsSync(join(cwd, ".clasp.json"))).toBe(false);
  });

  it("deploys against the stand-in, writes .clasp.json beside the person, never shows the token", async () => {
    const r = await genki(
      cwd,
      { GENKI_ACCESS_TOKEN: TOKEN },
      "deploy",
      "--no-build",
      "--api-root",
      google.url,
    );
    expect(r.status).toBe(0);
    const [sheet] = [...google.files.values()];
    expect(r.stdout).toContain(
      `Google スプレッドシートを作成しました: https://docs.google.com/spreadsheets/d/${sheet?.id}/edit`,
    );
    expect(r.stderr).toContain("スプレッドシートのアップロード…");
    const clasp = JSON.parse(readFileSync(join(cwd, ".clasp.json"), "utf8"));
    expect(clasp.scriptId).toBe([...google.projects.keys()][0]);
    expect(`${r.stdout}${r.stderr}`).not.toContain(TOKEN);
  });

  it("exits 2 with the login message when nobody is logged in", async () => {
    const r = await genki(
      cwd,
      {},
      "deploy",
      "--no-build",
      "--api-root",
      google.url,
      "--lang",
      "en",
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      "You are not logged in to Google. Run `npx clasp login`, then run this again (or set GENKI_ACCESS_TOKEN to an access token).",
    );
    expect(google.requests).toHaveLength(0);
  });
});

describe("genki download (CLI)", () => {
  it("writes the exported .xlsx", async () => {
    const id = google.addSheet("登録簿", Buffer.from("xlsx bytes"));
    const r = await genki(
      cwd,
      { GENKI_ACCESS_TOKEN: TOKEN },
      "download",
      `https://docs.google.com/spreadsheets/d/${id}/edit`,
      "--out",
      "back.xlsx",
      "--api-root",
      google.url,
    );
    expect(r.status).toBe(0);
    expect(readFileSync(join(cwd, "back.xlsx"), "utf8")).toBe("xlsx bytes");
    expect(r.stdout).toContain("back.xlsx に書き出しました");
  });
});
