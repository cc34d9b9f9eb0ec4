/**
 * genki deploy [REGISTRY.xlsx]: the registry as a Google Sheet with our script bound to it.
 * genki deploy --update: a new build into the script named in .clasp.json.
 * Exit 0 on success, 2 on any failure (with a message saying what to do).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { FUJIEDA_PLAN } from "../../../sheets-templates";
import { setupRegistry } from "../../app/setup";
import { buildBundle, scriptFiles } from "../../deploy/bundle";
import { readScriptId, writeClaspJson } from "../../deploy/clasp-json";
import { deployRegistry, pushBuild } from "../../deploy/deploy";
import { DeployError } from "../../deploy/errors";
import type { ScriptFile } from "../../deploy/google-api";
import { parseRegistry } from "../../domain/registry";
import { XlsxRegistryStore } from "../../office/xlsx-store";
import {
  checkCommonOptions,
  connect,
  type DeployIo,
  type GoogleOptions,
  printPlan,
  reportFailure,
  stepReporter,
} from "../google-session";
import { openRegistry } from "../workbook";

export interface DeployOptions extends GoogleOptions {
  title?: string;
  update?: boolean;
  /** false with --no-build */
  build?: boolean;
  claspJson?: string;
  force?: boolean;
}

const DEFAULT_TITLE = "計画登録簿";

/** The bytes to upload and a title: the file as it is on disk, or the bundled template. */
async function registryUpload(
  file: string | undefined,
): Promise<{ xlsx: Uint8Array; plan: string }> {
  const store = file ? await openRegistry(file) : XlsxRegistryStore.empty();
  if (!file) setupRegistry({ store }, FUJIEDA_PLAN);
  const plan = parseRegistry(store.readAll()).registry.settings.planName;
  const xlsx = file
    ? new Uint8Array(readFileSync(file))
    : new Uint8Array(await store.workbook.xlsx.writeBuffer());
  return { xlsx, plan };
}

function bundle(opts: DeployOptions, io: DeployIo): ScriptFile[] {
  if (opts.build !== false) buildBundle(io.root);
  return scriptFiles(join(io.root, "dist"));
}

export async function runDeploy(
  registry: string | undefined,
  opts: DeployOptions,
  io: DeployIo,
): Promise<number> {
  const lang = opts.lang === "en" ? "en" : "ja";
  try {
    checkCommonOptions(opts);
    const claspJson = resolve(opts.claspJson ?? ".clasp.json");
    const existing = readScriptId(claspJson);
    if (opts.update && !existing) {
      throw new DeployError({ code: "deploy-clasp-json-missing", params: { file: claspJson } });
    }
    if (!opts.update && existing && !opts.force && !opts.dryRun) {
      throw new DeployError({
        code: "deploy-clasp-json-exists",
        params: { file: claspJson, scriptId: existing },
      });
    }
    // the login first: a person without one should not wait for a build to learn it
    const session = connect(opts, io, lang);
    const upload = opts.update ? undefined : await registryUpload(registry);
    const files = bundle(opts, io);
    const onStep = stepReporter(opts, io, lang);

    if (opts.update && existing) {
      await pushBuild(session.api, existing, files, onStep);
      if (session.plan) return printPlan(session, opts, io, lang);
      if (opts.json) io.out(JSON.stringify({ ok: true, scriptId: existing }, null, 2));
      else io.out(session.say("deploy-updated", { scriptId: existing }));
      return 0;
    }

    const title = opts.title?.trim() || upload?.plan || DEFAULT_TITLE;
    const done = await deployRegistry(
      session.api,
      { title, xlsx: upload?.xlsx ?? new Uint8Array(), files },
      onStep,
    );
    if (session.plan) return printPlan(session, opts, io, lang);
    // The spreadsheet is made and works; a .clasp.json we cannot write only costs later updates.
    let claspWritten = true;
    try {
      writeClaspJson(claspJson, done.scriptId, done.spreadsheetId, join(io.root, "dist"));
    } catch {
      claspWritten = false;
      io.err(
        session.say("deploy-clasp-json-unwritable", { file: claspJson, scriptId: done.scriptId }),
      );
    }
    if (opts.json) {
      io.out(
        JSON.stringify(
          { ok: true, title, ...done, ...(claspWritten ? { claspJson } : {}) },
          null,
          2,
        ),
      );
    } else {
      io.out(session.say("deploy-done", { url: done.url }));
      if (claspWritten) io.out(session.say("deploy-clasp-json-written", { file: claspJson }));
      io.out(session.say("deploy-next-step", {}));
    }
    return 0;
  } catch (e) {
    return reportFailure(e, opts, io, lang);
  }
}

export function deployCommand(io: () => DeployIo): Command {
  return new Command("deploy")
    .description(
      "計画登録簿を Google スプレッドシートに変換してアップロードし、スクリプトを組み込みます（事前に npx clasp login）。",
    )
    .argument("[registry]", "アップロードする .xlsx（省略時は同梱の計画から作成）")
    .option("--title <title>", "スプレッドシートの名前（省略時は設定シートの計画名）")
    .option("--update", ".clasp.json のスクリプトに最新のビルドを送ります")
    .option("--dry-run", "送信するリクエストを表示するだけで、何も送信しません")
    .option("--json", "結果を JSON で出力します")
    .option("--lang <lang>", "メッセージの言語（ja / en）", "ja")
    .option("--api-root <url>", "Drive と Apps Script API の送信先（テストや API ゲートウェイ用）")
    .option("--clasp-json <file>", "スクリプト ID を書き込む .clasp.json", ".clasp.json")
    .option("--force", ".clasp.json に既にスクリプトがあっても新しく作成します")
    .option("--no-build", "ビルドせず、既存の dist/Code.js をそのまま送ります")
    .action(async (registry: string | undefined, opts: DeployOptions) => {
      process.exitCode = await runDeploy(registry, opts, io());
    });
}
