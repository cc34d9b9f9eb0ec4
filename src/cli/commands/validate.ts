/**
 * genki validate FILE.xlsx: the full registry check offline.
 * Exit code 0 when there is no error (warnings allowed), 1 with errors, 2 for an unreadable file.
 */
import { Command } from "commander";
import { validateAll } from "../../app/validate-all";
import type { RenderedProblem } from "../../domain/problem";
import type { Lang } from "../../domain/schema";
import { openRegistry, saveRegistry } from "../workbook";

export interface ValidateOptions {
  json?: boolean;
  lang?: string;
  annotate?: string;
}

export async function runValidate(
  file: string,
  opts: ValidateOptions,
): Promise<{ problems: readonly RenderedProblem[]; lang: Lang }> {
  const store = await openRegistry(file);
  const lang = opts.lang === "en" || opts.lang === "ja" ? opts.lang : undefined;
  const result = validateAll(
    { store, clock: { now: () => new Date() } },
    { annotate: opts.annotate !== undefined, ...(lang ? { lang } : {}) },
  );
  if (opts.annotate !== undefined) await saveRegistry(store, opts.annotate);
  return result;
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
    .action(async (file: string, opts: ValidateOptions) => {
      if (opts.lang !== undefined && opts.lang !== "ja" && opts.lang !== "en") {
        console.error("--lang には ja か en を指定してください。");
        process.exitCode = 2;
        return;
      }
      const { problems, lang } = await runValidate(file, opts);
      if (opts.json) console.log(JSON.stringify(problems, null, 2));
      else {
        for (const p of problems) console.log(formatProblemLine(p, lang));
        console.log(summarise(problems, lang));
      }
      process.exitCode = problems.some((p) => p.severity === "error") ? 1 : 0;
    });
}
