/**
 * genki validate FILE.xlsx: the full registry check offline.
 * Exit code 0 when there is no error (warnings allowed), 1 with errors, 2 for an unreadable file.
 */
import { Command } from "commander";
import { type RenderedProblem, renderProblem } from "../../domain/problem";
import type { Lang } from "../../domain/schema";
import { validateRegistry } from "../../domain/validate";
import { openRegistry } from "../workbook";

export interface ValidateOptions {
  json?: boolean;
  lang?: string;
}

export async function runValidate(
  file: string,
  opts: ValidateOptions,
): Promise<{ problems: RenderedProblem[]; lang: Lang }> {
  const store = await openRegistry(file);
  const { registry, problems } = validateRegistry(store.readAll());
  const lang: Lang = opts.lang === "en" || opts.lang === "ja" ? opts.lang : registry.settings.lang;
  return { problems: problems.map((p) => renderProblem(p, lang)), lang };
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
