/**
 * genki validate FILE.xlsx: the full registry check offline.
 * Exit code 0 when there is no error (warnings allowed), 1 with errors, 2 for an unreadable file.
 */
import { Command } from "commander";
import { refreshDashboard } from "../../app/refresh-dashboard";
import { validateAll } from "../../app/validate-all";
import { isPlainDate, tokyoInstant } from "../../domain/calendar";
import type { RenderedProblem } from "../../domain/problem";
import { type Lang, sheetKeyOfName } from "../../domain/schema";
import { ProcessLock } from "../../office/local-services";
import type { RegistryStore } from "../../ports";
import { appendToRegistry, openRegistry, saveRegistry, UnreadableFileError } from "../workbook";

export interface ValidateOptions {
  json?: boolean;
  lang?: string;
  annotate?: string;
  /** the day to count submissions for (YYYY-MM-DD; default today) */
  today?: string;
}

export async function runValidate(
  file: string,
  opts: ValidateOptions,
): Promise<{
  problems: readonly RenderedProblem[];
  lang: Lang;
  submissionSummary: string | null;
}> {
  if (opts.today !== undefined && !isPlainDate(opts.today)) {
    throw new UnreadableFileError(
      `--today「${opts.today}」は日付として読めません。2012-10-15 の形で指定してください。`,
    );
  }
  const lang = opts.lang === "en" || opts.lang === "ja" ? opts.lang : undefined;
  const today = opts.today;
  // On the demo's day the clock reads 09:00 that day in Tokyo, so the dashboard is stamped with it.
  const clock = { now: () => (today ? tokyoInstant(today, 9) : new Date()) };
  const check = (store: RegistryStore) => {
    const result = validateAll(
      { store, clock },
      {
        annotate: opts.annotate !== undefined,
        ...(lang ? { lang } : {}),
        ...(today ? { today } : {}),
      },
    );
    // The offline ダッシュボード is refreshed with the same counts as the summary printed below.
    refreshDashboard({ store, clock, lock: new ProcessLock() });
    return result;
  };
  if (opts.annotate !== undefined) {
    const store = await openRegistry(file);
    const result = check(store);
    await saveRegistry(store, opts.annotate);
    return result;
  }
  // Only ダッシュボード changes: the values are read and its rows rewritten in the file as it
  // was (a registry without the tab is opened whole, to create it).
  return appendToRegistry(
    file,
    async (store) => check(store),
    (store) => !store.sheetNames().some((n) => sheetKeyOfName(n) === "dashboard"),
  );
}

export function summarise(problems: readonly RenderedProblem[], lang: Lang): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (problems.length === 0)
    return lang === "ja" ? "問題は見つかりませんでした。" : "No problems found.";
  return lang === "ja"
    ? `エラー ${errors} 件、警告 ${warnings} 件が見つかりました。`
    : `Found ${errors} error(s) and ${warnings} warning(s).`;
}

export function formatProblemLine(p: RenderedProblem, lang: Lang): string {
  const label =
    p.severity === "error"
      ? lang === "ja"
        ? "エラー"
        : "error"
      : lang === "ja"
        ? "警告"
        : "warning";
  return `${p.cell}\t${label}\t${p.message}`;
}

export function validateCommand(): Command {
  return new Command("validate")
    .description("登録簿の全体チェックを行い、問題のあるセルと直し方を表示します。")
    .argument("<file>", "チェックする .xlsx")
    .option("--json", "問題を JSON 配列で出力します（{sheet, cell, code, severity, message}）")
    .option("--annotate <out>", "問題のあるセルにメモと色を付けた .xlsx を書き出します")
    .option("--lang <lang>", "メッセージの言語（ja / en）。省略時は設定シートの「言語」")
    .option("--today <date>", "提出状況を数える日（2012-10-15 の形。省略時は今日）")
    .action(async (file: string, opts: ValidateOptions) => {
      if (opts.lang !== undefined && opts.lang !== "ja" && opts.lang !== "en") {
        console.error("--lang には ja か en を指定してください。");
        process.exitCode = 2;
        return;
      }
      const { problems, lang, submissionSummary } = await runValidate(file, opts);
      if (opts.json) console.log(JSON.stringify(problems, null, 2));
      else {
        for (const p of problems) console.log(formatProblemLine(p, lang));
        console.log(summarise(problems, lang));
        if (submissionSummary) console.log(submissionSummary);
      }
      process.exitCode = problems.some((p) => p.severity === "error") ? 1 : 0;
    });
}
