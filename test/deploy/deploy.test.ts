/**
 * genki deploy against the local Google stand-in: the requests it sends, its retries, every
 * failure message, and that nothing half-made is left behind.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FUJIEDA_PLAN } from "../../sheets-templates";
import { setupRegistry } from "../../src/app/setup";
import { runDeploy } from "../../src/cli/commands/deploy";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import {
  BACKEND_ERROR,
  FORBIDDEN,
  GoogleStandIn,
  parseMultipart,
  RATE_LIMITED,
  SCRIPT_API_OFF,
  SHEETS_MIME,
  XLSX_MIME,
} from "./google-stand-in";
import { newRun, ROOT, type Run, TOKEN, writeClaspLogin } from "./support";

let google: GoogleStandIn;

beforeEach(async () => {
  google = await new GoogleStandIn(TOKEN).start();
});
afterEach(async () => {
  await google.stop();
});

async function deploy(run: Run, registry?: string, extra: Record<string, unknown> = {}) {
  return runDeploy(
    registry,
    { apiRoot: google.url, build: false, claspJson: join(run.dir, ".clasp.json"), ...extra },
    run.io,
  );
}

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

describe("genki deploy", () => {
  it("uploads the template as a Google Sheet, binds a project to it and pushes the build", async () => {
    const run = newRun();
    expect(await deploy(run)).toBe(0);

    expect(google.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /upload/drive/v3/files",
      "POST /v1/projects",
      `PUT /v1/projects/${[...google.projects.keys()][0]}/content`,
    ]);
    for (const r of google.requests) expect(r.authorization).toBe(`Bearer ${TOKEN}`);

    const upload = google.requests[0];
    expect(upload?.query.uploadType).toBe("multipart");
    expect(upload?.contentType).toMatch(/^multipart\/related; boundary=/);
    const [meta, media] = parseMultipart(
      upload?.body ?? Buffer.alloc(0),
      upload?.contentType ?? "",
    );
    expect(meta?.contentType).toBe("application/json");
    expect(JSON.parse(meta?.body.toString("utf8") ?? "")).toEqual({
      name: "藤枝市新公共経営実行計画",
      mimeType: SHEETS_MIME,
    });
    expect(media?.contentType).toBe(XLSX_MIME);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(media?.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["設定", "柱", "取組", "年度目標", "進捗", "所属"]),
    );

    const sheet = only([...google.files.values()]);
    const project = only([...google.projects.values()]);
    expect(JSON.parse(google.requests[1]?.body.toString("utf8") ?? "")).toEqual({
      title: "藤枝市新公共経営実行計画",
      parentId: sheet.id,
    });
    expect(project.parentId).toBe(sheet.id);
    expect(project.files).toEqual([
      {
        name: "Code",
        type: "SERVER_JS",
        source: readFileSync(join(ROOT, "dist/Code.js"), "utf8"),
      },
      {
        name: "appsscript",
        type: "JSON",
        source: readFileSync(join(ROOT, "dist/appsscript.json"), "utf8"),
      },
    ]);

    const url = `https://docs.google.com/spreadsheets/d/${sheet.id}/edit`;
    expect(run.out.join("\n")).toContain(url);
    expect(run.out.join("\n")).toContain("「計画管理」→「初期設定」");
    const clasp = JSON.parse(readFileSync(join(run.dir, ".clasp.json"), "utf8"));
    expect(clasp.scriptId).toBe(project.scriptId);
    expect(clasp.parentId).toEqual([sheet.id]);
    expect(join(run.dir, clasp.rootDir)).toBe(join(ROOT, "dist"));
    expect(run.text()).not.toContain(TOKEN);
  });

  it("uploads a given registry byte for byte under --title, and answers in JSON", async () => {
    const run = newRun();
    const store = XlsxRegistryStore.empty();
    setupRegistry({ store }, FUJIEDA_PLAN);
    const file = join(run.dir, "mine.xlsx");
    await store.save(file);
    expect(await deploy(run, file, { title: "令和8年度 進行管理", json: true })).toBe(0);
    const sheet = only([...google.files.values()]);
    expect(sheet.name).toBe("令和8年度 進行管理");
    expect(sheet.bytes.equals(readFileSync(file))).toBe(true);
    const answer = JSON.parse(run.out.join("\n"));
    expect(answer).toMatchObject({
      ok: true,
      spreadsheetId: sheet.id,
      url: `https://docs.google.com/spreadsheets/d/${sheet.id}/edit`,
      scriptId: [...google.projects.keys()][0],
    });
  });

  it("uses the login of `npx clasp login` (~/.clasprc.json) and never prints the token", async () => {
    const run = newRun({});
    writeClaspLogin(run, TOKEN);
    expect(await deploy(run)).toBe(0);
    expect(google.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(run.text()).not.toContain(TOKEN);
    expect(run.text()).not.toContain("test-refresh-token");
  });

  it("GENKI_ACCESS_TOKEN overrides the clasp login", async () => {
    const run = newRun({ GENKI_ACCESS_TOKEN: TOKEN });
    writeClaspLogin(run, "ya29.someone-else");
    expect(await deploy(run)).toBe(0);
    expect(google.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("retries 429 and 500 with exponential backoff and creates one spreadsheet only", async () => {
    const run = newRun();
    google.fail({
      method: "POST",
      path: "/upload/drive/v3/files",
      status: 429,
      body: RATE_LIMITED,
      times: 2,
    });
    google.fail({ method: "PUT", path: "/v1/projects/", status: 500, body: BACKEND_ERROR });
    expect(await deploy(run)).toBe(0);
    expect(run.sleeps).toEqual([1000, 2000, 1000]);
    expect(google.requests.map((r) => r.method)).toEqual([
      "POST",
      "POST",
      "POST",
      "POST",
      "PUT",
      "PUT",
    ]);
    expect(google.files.size).toBe(1);
    expect(run.err.filter((l) => l.includes("再試行"))).toHaveLength(3);
    expect(run.err.join("\n")).toContain("HTTP 429");
  });

  it("honours Retry-After when Google asks for a longer pause", async () => {
    const run = newRun();
    google.fail({
      method: "POST",
      path: "/upload",
      status: 429,
      body: RATE_LIMITED,
      retryAfter: 7,
    });
    expect(await deploy(run)).toBe(0);
    expect(run.sleeps).toEqual([7000]);
  });

  it("gives up after 5 tries on a lasting 429, says to wait, and leaves nothing", async () => {
    const run = newRun();
    google.fail({ path: "/upload", status: 429, body: RATE_LIMITED, times: 99 });
    expect(await deploy(run)).toBe(2);
    expect(run.sleeps).toEqual([1000, 2000, 4000, 8000]);
    expect(google.requests).toHaveLength(5);
    expect(run.err.at(-1)).toBe(
      "スプレッドシートのアップロードに失敗しました。Google の利用上限（短時間のリクエスト数）に達しました（HTTP 429、5 回試行）。数分待ってからもう一度実行してください。",
    );
    expect(google.files.size).toBe(0);
    expect(existsSync(join(run.dir, ".clasp.json"))).toBe(false);
  });

  it("treats Drive's 403 userRateLimitExceeded as a rate limit (retried)", async () => {
    const run = newRun();
    google.fail({
      path: "/upload",
      status: 403,
      body: {
        error: {
          code: 403,
          message: "User Rate Limit Exceeded",
          errors: [{ domain: "usageLimits", reason: "userRateLimitExceeded" }],
        },
      },
    });
    expect(await deploy(run)).toBe(0);
    expect(run.sleeps).toEqual([1000]);
  });

  it("Apps Script API switched off: says where to switch it on and removes the spreadsheet", async () => {
    const run = newRun();
    google.fail({ method: "POST", path: "/v1/projects", status: 403, body: SCRIPT_API_OFF });
    expect(await deploy(run)).toBe(2);
    expect(run.err.at(-1)).toBe(
      [
        "Apps Script プロジェクトの作成に失敗しました。このアカウントでは Apps Script API がオフになっています。https://script.google.com/home/usersettings を開いて「Google Apps Script API」をオンにし、数分待ってからもう一度実行してください。",
        "途中で作成したスプレッドシートは削除しました。問題を解決したら、もう一度実行してください。",
      ].join("\n"),
    );
    expect(run.sleeps).toEqual([]);
    expect(google.requests.at(-1)?.method).toBe("DELETE");
    expect(google.files.size).toBe(0);
    expect(existsSync(join(run.dir, ".clasp.json"))).toBe(false);
  });

  it("says the same in English with --lang en", async () => {
    const run = newRun();
    google.fail({ method: "POST", path: "/v1/projects", status: 403, body: SCRIPT_API_OFF });
    expect(await deploy(run, undefined, { lang: "en" })).toBe(2);
    expect(run.err.at(-1)).toBe(
      [
        "Failed while creating the Apps Script project. The Apps Script API is switched off for this account. Open https://script.google.com/home/usersettings, turn “Google Apps Script API” on, wait a few minutes and run this again.",
        "The spreadsheet created on the way has been removed. Fix the problem and run this again.",
      ].join("\n"),
    );
    expect(run.err.slice(0, -1)).toEqual([
      "uploading the spreadsheet…",
      "creating the Apps Script project…",
      "removing the half-made spreadsheet…",
    ]);
  });

  it("a project's API disabled in Cloud (gcloud tokens) names the API to enable", async () => {
    const run = newRun();
    google.fail({
      method: "POST",
      path: "/v1/projects",
      status: 403,
      body: {
        error: {
          code: 403,
          message:
            "Apps Script API has not been used in project 123 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/script.googleapis.com/overview?project=123 then retry.",
          status: "PERMISSION_DENIED",
          details: [
            {
              "@type": "type.googleapis.com/google.rpc.ErrorInfo",
              reason: "SERVICE_DISABLED",
              metadata: { service: "script.googleapis.com" },
            },
          ],
        },
      },
    });
    expect(await deploy(run)).toBe(2);
    expect(run.err.at(-1)).toContain(
      "このアクセストークンの Google Cloud プロジェクトでは Apps Script API が有効になっていません。",
    );
    expect(google.files.size).toBe(0);
  });

  it("a plain 403 on upload says what to check; nothing was made", async () => {
    const run = newRun();
    google.fail({ path: "/upload", status: 403, body: FORBIDDEN });
    expect(await deploy(run)).toBe(2);
    expect(run.err).toEqual([
      "スプレッドシートのアップロード…",
      "スプレッドシートのアップロードに失敗しました。Google が操作を許可しませんでした（HTTP 403）。このアカウントで Google ドライブにファイルを作成できるか、組織の管理者が Apps Script や外部アプリの利用を制限していないかを確認してください。",
    ]);
    expect(google.requests).toHaveLength(1);
  });

  it("a lasting 500 while pushing the script removes the spreadsheet and its bound project", async () => {
    const run = newRun();
    google.fail({ method: "PUT", status: 500, body: BACKEND_ERROR, times: 99 });
    expect(await deploy(run)).toBe(2);
    expect(run.err.join("\n")).toContain(
      "スクリプト（Code.js と appsscript.json）の書き込みに失敗しました。Google 側で一時的なエラーが起きました（HTTP 500、5 回試行）。",
    );
    expect(run.err.join("\n")).toContain("途中で作成したスプレッドシートは削除しました。");
    expect(google.files.size).toBe(0);
    expect(google.projects.size).toBe(0);
  });

  it("when even the removal fails, names the spreadsheet left behind", async () => {
    const run = newRun();
    google.fail({ method: "POST", path: "/v1/projects", status: 403, body: FORBIDDEN });
    google.fail({ method: "DELETE", status: 500, body: BACKEND_ERROR, times: 99 });
    expect(await deploy(run, undefined, { json: true })).toBe(2);
    const sheet = only([...google.files.values()]);
    const url = `https://docs.google.com/spreadsheets/d/${sheet.id}/edit`;
    expect(run.err.at(-1)?.split("\n")[1]).toBe(
      `途中で作成したスプレッドシート「藤枝市新公共経営実行計画」（${url}）を削除できませんでした。Google ドライブで削除してから、もう一度実行してください。`,
    );
    expect(JSON.parse(run.out.join("\n"))).toMatchObject({
      ok: false,
      code: "deploy-forbidden",
      leftBehind: { title: "藤枝市新公共経営実行計画", url },
    });
  });

  it("without any login, says to run `npx clasp login` and sends nothing", async () => {
    const run = newRun({});
    expect(await deploy(run)).toBe(2);
    expect(run.err).toEqual([
      "Google にログインしていません。`npx clasp login` を実行してログインしてから、もう一度実行してください（または環境変数 GENKI_ACCESS_TOKEN にアクセストークンを設定してください）。",
    ]);
    expect(google.requests).toHaveLength(0);
  });

  it("an unreadable ~/.clasprc.json is named", async () => {
    const run = newRun({});
    writeFileSync(join(run.io.home ?? "", ".clasprc.json"), "{ not json");
    expect(await deploy(run)).toBe(2);
    expect(run.err[0]).toContain(".clasprc.json を読み取れません。`npx clasp login` をやり直して");
  });

  it("a token Google refuses (401) asks for a fresh login, without retrying", async () => {
    const run = newRun({ GENKI_ACCESS_TOKEN: "ya29.expired" });
    expect(await deploy(run)).toBe(2);
    expect(run.err.at(-1)).toContain(
      "Google のログインが無効か期限切れです。`npx clasp login` をやり直して",
    );
    expect(run.sleeps).toEqual([]);
    expect(run.text()).not.toContain("ya29.expired");
  });

  it("a network failure is retried, then explained", async () => {
    const run = newRun();
    const closed = google.url;
    await google.stop();
    expect(
      await runDeploy(
        undefined,
        { apiRoot: closed, build: false, claspJson: join(run.dir, "c.json") },
        run.io,
      ),
    ).toBe(2);
    expect(run.sleeps).toEqual([1000, 2000, 4000, 8000]);
    expect(run.err.at(-1)).toBe(
      `スプレッドシートのアップロードに失敗しました。Google（${new URL(closed).host}）に接続できませんでした（5 回試行）。ネットワーク接続とプロキシの設定を確認してから、もう一度実行してください。`,
    );
    google = await new GoogleStandIn(TOKEN).start();
  });

  it("a bad registry file or option is refused before any request", async () => {
    const run = newRun();
    const bad = join(run.dir, "broken.xlsx");
    writeFileSync(bad, "not a zip");
    expect(await deploy(run, bad)).toBe(2);
    expect(run.err[0]).toContain("broken.xlsx」: .xlsx 形式として読み取れません");
    expect(await deploy(run, join(run.dir, "none.xlsx"))).toBe(2);
    expect(run.err[1]).toContain("none.xlsx」: ファイルが見つかりません。");
    expect(await deploy(run, undefined, { apiRoot: "ftp://x" })).toBe(2);
    expect(run.err[2]).toBe(
      "--api-root「ftp://x」は URL として読めません。http:// または https:// で始まる URL を指定してください。",
    );
    expect(await deploy(run, undefined, { lang: "fr" })).toBe(2);
    expect(run.err[3]).toBe("--lang には ja か en を指定してください。");
    expect(google.requests).toHaveLength(0);
  });
});

describe("genki deploy --update and .clasp.json", () => {
  it("--update pushes the build to the script named in .clasp.json, and only that", async () => {
    const run = newRun();
    expect(await deploy(run)).toBe(0);
    const scriptId = [...google.projects.keys()][0];
    const project = google.projects.get(scriptId ?? "");
    if (project) project.files = [];
    google.requests.length = 0;
    expect(await deploy(run, undefined, { update: true })).toBe(0);
    expect(google.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT /v1/projects/${scriptId}/content`,
    ]);
    expect(project?.files.map((f) => f.name)).toEqual(["Code", "appsscript"]);
    expect(run.out.at(-1)).toBe(
      `スクリプト ${scriptId} を最新のビルドに更新しました。スプレッドシートを再読み込みすると反映されます。`,
    );
  });

  it("--update without a .clasp.json (or with the shipped placeholder) says what to do", async () => {
    const run = newRun();
    writeFileSync(
      join(run.dir, ".clasp.json"),
      JSON.stringify({ scriptId: "REPLACE_WITH_YOUR_SCRIPT_ID" }),
    );
    expect(await deploy(run, undefined, { update: true })).toBe(2);
    expect(run.err[0]).toContain(
      "が見つからないか、scriptId が書かれていません。先に `genki deploy`",
    );
    expect(google.requests).toHaveLength(0);
  });

  it("does not overwrite a .clasp.json that names a script unless --force", async () => {
    const run = newRun();
    const file = join(run.dir, ".clasp.json");
    writeFileSync(file, JSON.stringify({ scriptId: "existing-script", rootDir: "dist" }));
    expect(await deploy(run)).toBe(2);
    expect(run.err[0]).toContain("既にスクリプト existing-script が書かれています");
    expect(google.requests).toHaveLength(0);
    expect(await deploy(run, undefined, { force: true })).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).scriptId).toBe([...google.projects.keys()][0]);
  });
});

describe("genki deploy --dry-run", () => {
  it("prints every request with its body summary and sends none, with no login", async () => {
    const run = newRun({});
    expect(await deploy(run, undefined, { dryRun: true })).toBe(0);
    expect(google.requests).toHaveLength(0);
    const root = google.url.replace(/\/$/, "");
    const code = Buffer.byteLength(readFileSync(join(ROOT, "dist/Code.js")));
    expect(run.out[0]).toBe(
      "--dry-run: 次の 3 件のリクエストを送信します（実際には何も送信していません）。",
    );
    expect(run.out[1]).toBe(
      `1. POST ${root}/upload/drive/v3/files?fields=id%2Cname%2CmimeType&uploadType=multipart`,
    );
    expect(run.out[2]).toMatch(
      /^ {3}multipart\/related: application\/json \{"name":"藤枝市新公共経営実行計画","mimeType":"application\/vnd\.google-apps\.spreadsheet"\} \+ application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet \([\d,]+ bytes\)$/,
    );
    expect(run.out[3]).toBe(`2. POST ${root}/v1/projects`);
    expect(run.out[4]).toBe(
      `   {"title":"藤枝市新公共経営実行計画","parentId":"NEW_SPREADSHEET_ID"}`,
    );
    expect(run.out[5]).toBe(`3. PUT ${root}/v1/projects/NEW_SCRIPT_ID/content`);
    expect(run.out[6]).toContain(
      `files: Code (SERVER_JS, ${code.toLocaleString("en-US")} bytes), appsscript (JSON,`,
    );
    expect(run.out[7]).toContain("未ログイン");
    expect(existsSync(join(run.dir, ".clasp.json"))).toBe(false);
  });
});

describe("an expired `npx clasp login`", () => {
  it("is renewed with its refresh token, and neither token is shown", async () => {
    const run = newRun({});
    writeClaspLogin(run, "ya29.expired-one", Date.now() - 60_000);
    const io = { ...run.io, tokenUrl: `${google.url}token` };
    expect(
      await runDeploy(
        undefined,
        { apiRoot: google.url, build: false, claspJson: join(run.dir, "c.json") },
        io,
      ),
    ).toBe(0);
    const [refresh, ...calls] = google.requests;
    expect(refresh?.path).toBe("/token");
    const form = new URLSearchParams(refresh?.body.toString("utf8"));
    expect(form.get("grant_type")).toBe("refresh_token");
    expect(form.get("client_id")).toBe("test-client.apps.googleusercontent.com");
    const renewed = only(google.issued);
    expect(calls.map((r) => r.authorization)).toEqual([1, 2, 3].map(() => `Bearer ${renewed}`));
    for (const secret of [
      "ya29.expired-one",
      renewed,
      "test-refresh-token",
      "test-client-secret",
    ]) {
      expect(run.text()).not.toContain(secret);
    }
  });

  it("whose refresh token was revoked asks for a fresh login", async () => {
    const run = newRun({});
    writeClaspLogin(run, "ya29.expired-one", Date.now() - 60_000);
    google.refreshToken = "something-else";
    const io = { ...run.io, tokenUrl: `${google.url}token` };
    expect(
      await runDeploy(
        undefined,
        { apiRoot: google.url, build: false, claspJson: join(run.dir, "c.json") },
        io,
      ),
    ).toBe(2);
    expect(run.err.at(-1)).toBe(
      "スプレッドシートのアップロードに失敗しました。Google のログインが無効か期限切れです。`npx clasp login` をやり直してから、もう一度実行してください（GENKI_ACCESS_TOKEN を使っている場合は新しいトークンを設定してください）。",
    );
    expect(run.sleeps).toEqual([]);
    expect(google.files.size).toBe(0);
  });
});

describe("after the spreadsheet is made", () => {
  it("a .clasp.json it cannot write is reported with the script ID; the deploy still stands", async () => {
    const run = newRun();
    const blocker = join(run.dir, "not-a-folder");
    writeFileSync(blocker, "");
    const claspJson = join(blocker, ".clasp.json");
    expect(
      await runDeploy(undefined, { apiRoot: google.url, build: false, claspJson }, run.io),
    ).toBe(0);
    const scriptId = [...google.projects.keys()][0];
    expect(run.err.at(-1)).toBe(
      `${claspJson} に書き込めませんでした。スプレッドシートは使えますが、後でスクリプトを更新するには ${claspJson} の scriptId に ${scriptId} を書いてください。`,
    );
    expect(google.files.size).toBe(1);
    expect(run.out.join("\n")).toContain("「計画管理」→「初期設定」");
  });
});

describe("an answer genki does not expect", () => {
  it("a 400 is not retried, names Google's reason code (not its English text), and rolls back", async () => {
    const run = newRun();
    google.fail({
      method: "PUT",
      status: 400,
      body: {
        error: {
          code: 400,
          message: "Invalid argument: file",
          errors: [{ reason: "badRequest" }],
        },
      },
    });
    expect(await deploy(run)).toBe(2);
    expect(run.sleeps).toEqual([]);
    expect(run.err.at(-1)).toBe(
      [
        "スクリプト（Code.js と appsscript.json）の書き込みに失敗しました。Google が要求を受け付けませんでした（HTTP 400、理由: badRequest）。genki の不具合の可能性があります。この表示を添えて担当者に連絡してください。",
        "途中で作成したスプレッドシートは削除しました。問題を解決したら、もう一度実行してください。",
      ].join("\n"),
    );
    expect(run.text()).not.toContain("Invalid argument");
    expect(google.files.size).toBe(0);
  });
});
