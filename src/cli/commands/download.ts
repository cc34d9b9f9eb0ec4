/**
 * genki download SHEET_URL_OR_ID --out FILE.xlsx: a registry on Google Sheets back to .xlsx
 * (Drive files.export), so an office can move either way. Exit 0 on success, 2 on failure.
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Command } from "commander";
import { exportRegistry, spreadsheetIdOf } from "../../deploy/deploy";
import { DeployError } from "../../deploy/errors";
import {
  checkCommonOptions,
  connect,
  type DeployIo,
  type GoogleOptions,
  printPlan,
  reportFailure,
  stepReporter,
} from "../google-session";

export interface DownloadOptions extends GoogleOptions {
  out: string;
}

/** Written beside the target and renamed over it, so a failed write never leaves half a file. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  const temp = `${file}.${process.pid}.part`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // the folder itself is not there: nothing to clean
    }
    throw new DeployError({ code: "download-write-failed", params: { file } });
  }
}

export async function runDownload(
  ref: string,
  opts: DownloadOptions,
  io: DeployIo,
): Promise<number> {
  const lang = opts.lang === "en" ? "en" : "ja";
  try {
    checkCommonOptions(opts);
    const id = spreadsheetIdOf(ref);
    if (!id) throw new DeployError({ code: "download-bad-id", params: { value: ref } });
    if (!/\.xlsx$/i.test(opts.out ?? ""))
      throw new DeployError({ code: "download-not-xlsx", params: {} });
    const session = connect(opts, io, lang);
    const bytes = await exportRegistry(session.api, id, stepReporter(opts, io, lang));
    if (session.plan) return printPlan(session, opts, io, lang);
    const file = resolve(opts.out);
    writeAtomically(file, bytes);
    const size = statSync(file).size;
    if (opts.json)
      io.out(JSON.stringify({ ok: true, spreadsheetId: id, file, bytes: size }, null, 2));
    else io.out(session.say("download-done", { file: opts.out, size: Math.ceil(size / 1024) }));
    return 0;
  } catch (e) {
    return reportFailure(e, opts, io, lang);
  }
}

export function downloadCommand(io: () => DeployIo): Command {
  return new Command("download")
    .description("Google スプレッドシートの計画登録簿を .xlsx に書き出します。")
    .argument("<sheet>", "スプレッドシートの URL または ID")
    .requiredOption("--out <file>", "書き出す .xlsx")
    .option("--dry-run", "送信するリクエストを表示するだけで、何も送信しません")
    .option("--json", "結果を JSON で出力します")
    .option("--lang <lang>", "メッセージの言語（ja / en）", "ja")
    .option("--api-root <url>", "Drive API の送信先（テストや API ゲートウェイ用）")
    .action(async (ref: string, opts: DownloadOptions) => {
      process.exitCode = await runDownload(ref, opts, io());
    });
}
