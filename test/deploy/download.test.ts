/** genki download against the local Google stand-in: the round trip and each failure. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FUJIEDA_DEMO } from "../../sheets-templates";
import { runDeploy } from "../../src/cli/commands/deploy";
import { runDownload } from "../../src/cli/commands/download";
import { initRegistry } from "../../src/cli/workbook";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import { GoogleStandIn, googleError, XLSX_MIME } from "./google-stand-in";
import { newRun, type Run, TOKEN } from "./support";

let google: GoogleStandIn;

beforeEach(async () => {
  google = await new GoogleStandIn(TOKEN).start();
});
afterEach(async () => {
  await google.stop();
});

function download(run: Run, ref: string, out: string, extra: Record<string, unknown> = {}) {
  return runDownload(ref, { out, apiRoot: google.url, ...extra }, run.io);
}

describe("genki download", () => {
  it("round-trips the demo registry through deploy and download with every value intact", async () => {
    const run = newRun();
    const original = join(run.dir, "demo.xlsx");
    await initRegistry(original, false, FUJIEDA_DEMO);
    const deployed = await runDeploy(
      original,
      { apiRoot: google.url, build: false, claspJson: join(run.dir, ".clasp.json"), json: true },
      run.io,
    );
    expect(deployed).toBe(0);
    const { url, spreadsheetId } = JSON.parse(run.out.join("\n")) as {
      url: string;
      spreadsheetId: string;
    };
    run.out.length = 0;

    const back = join(run.dir, "back", "registry.xlsx");
    expect(await download(run, url, back)).toBe(0);
    const exportCall = google.requests.at(-1);
    expect(exportCall?.method).toBe("GET");
    expect(exportCall?.path).toBe(`/drive/v3/files/${spreadsheetId}/export`);
    expect(exportCall?.query.mimeType).toBe(XLSX_MIME);

    const before = (await XlsxRegistryStore.open(original)).readAll();
    const after = (await XlsxRegistryStore.open(back)).readAll();
    expect(after.map((s) => s.name)).toEqual(before.map((s) => s.name));
    expect(after).toEqual(before);
    expect(before.find((s) => s.name === "進捗")?.values.length).toBeGreaterThan(1);
    expect(run.out.at(-1)).toMatch(/registry\.xlsx に書き出しました（\d+ KB）。`genki validate /);
    // no temporary file is left beside it
    expect(readdirSync(join(run.dir, "back"))).toEqual(["registry.xlsx"]);
  });

  it("takes a bare ID too, and reports in JSON", async () => {
    const run = newRun();
    const bytes = Buffer.from("PK-pretend-xlsx");
    const id = google.addSheet("登録簿", bytes);
    const out = join(run.dir, "x.xlsx");
    expect(await download(run, id, out, { json: true })).toBe(0);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect(JSON.parse(run.out.join("\n"))).toMatchObject({
      ok: true,
      spreadsheetId: id,
      bytes: 15,
    });
  });

  it("refuses what is not a spreadsheet URL or ID, and an --out that is not .xlsx", async () => {
    const run = newRun();
    expect(await download(run, "https://example.jp/x", join(run.dir, "a.xlsx"))).toBe(2);
    expect(run.err[0]).toBe(
      "「https://example.jp/x」はスプレッドシートの URL または ID として読めません。https://docs.google.com/spreadsheets/d/（ID）/edit の形の URL を指定してください。",
    );
    expect(await download(run, "1abcdefghijklmnop", join(run.dir, "a.csv"))).toBe(2);
    expect(run.err[1]).toBe(
      "--out には .xlsx で終わるファイル名を指定してください（例: --out 登録簿.xlsx）。",
    );
    expect(google.requests).toHaveLength(0);
  });

  it("an unknown or unshared spreadsheet (404) says how to get access; nothing is written", async () => {
    const run = newRun();
    const out = join(run.dir, "a.xlsx");
    expect(await download(run, "1NoSuchSpreadsheet00000", out)).toBe(2);
    expect(run.err.at(-1)).toContain(
      "スプレッドシートの書き出しに失敗しました。1NoSuchSpreadsheet00000 が見つからないか、このログインでは開けません（HTTP 404）。",
    );
    expect(run.err.at(-1)).toContain("GENKI_ACCESS_TOKEN");
    expect(existsSync(out)).toBe(false);
  });

  it("a spreadsheet over Google's 10 MB export limit points to File → Download", async () => {
    const run = newRun();
    const id = google.addSheet("big", Buffer.from("x"));
    google.fail({
      path: `/drive/v3/files/${id}/export`,
      status: 403,
      body: googleError(403, "This file is too large to be exported.", "exportSizeLimitExceeded"),
    });
    expect(await download(run, id, join(run.dir, "a.xlsx"), { lang: "en" })).toBe(2);
    expect(run.err.at(-1)).toBe(
      "Failed while exporting the spreadsheet. This spreadsheet is larger than Google's export limit (10 MB). Use File → Download → Microsoft Excel (.xlsx) in Google Sheets instead.",
    );
    expect(run.sleeps).toEqual([]);
  });

  it("a place it cannot write is named", async () => {
    const run = newRun();
    const id = google.addSheet("登録簿", Buffer.from("x"));
    const blocker = join(run.dir, "file");
    writeFileSync(blocker, "");
    const out = join(blocker, "a.xlsx");
    expect(await download(run, id, out)).toBe(2);
    expect(run.err.at(-1)).toBe(
      `${out} に書き込めません。書き込める場所を --out に指定してください。`,
    );
  });

  it("--dry-run prints the export request and sends nothing", async () => {
    const run = newRun({});
    expect(
      await download(
        run,
        "https://docs.google.com/spreadsheets/d/1abcDEF_ghi-jkl/edit#gid=0",
        join(run.dir, "a.xlsx"),
        {
          dryRun: true,
        },
      ),
    ).toBe(0);
    expect(google.requests).toHaveLength(0);
    expect(run.out[1]).toBe(
      `1. GET ${google.url}drive/v3/files/1abcDEF_ghi-jkl/export?mimeType=${encodeURIComponent(XLSX_MIME)}`,
    );
    expect(existsSync(join(run.dir, "a.xlsx"))).toBe(false);
  });
});
