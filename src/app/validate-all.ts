/**
 * 全体チェック: reads every tab once, runs every rule, marks the problem cells (and unmarks the
 * fixed ones) on the tabs people edit, and returns the problems for a dialog or the terminal.
 */
import { marksBySheet } from "../domain/annotations";
import { type PlainDate, tokyoDateOf } from "../domain/calendar";
import { buildDashboard } from "../domain/dashboard";
import { type RenderedProblem, renderProblem } from "../domain/problem";
import { type Lang, SHEETS, sheetKeyOfName, WRITE_ONLY_SHEETS } from "../domain/schema";
import { noMeasuresText, submissionSummary as summariseSubmissions } from "../domain/submissions";
import { validateRegistry } from "../domain/validate";
import type { Clock, Progress, RegistryStore } from "../ports";

export interface ValidateAllDeps {
  readonly store: RegistryStore;
  readonly clock: Clock;
  readonly progress?: Progress;
}

export interface ValidateAllResult {
  readonly problems: readonly RenderedProblem[];
  readonly errors: number;
  readonly warnings: number;
  readonly lang: Lang;
  /**
   * The submissions of the period being reported on, in one sentence (the same counts as
   * ダッシュボード, the reminders and the reports of that day); null when the plan has no period.
   */
  readonly submissionSummary: string | null;
}

export interface ValidateAllOptions {
  /** the day to check and count submissions for (default: today in Tokyo) */
  readonly today?: PlainDate;
  /** mark cells (default true) */
  readonly annotate?: boolean;
  /** overrides 設定 言語 */
  readonly lang?: Lang;
}

export function validateAll(
  deps: ValidateAllDeps,
  options: ValidateAllOptions = {},
): ValidateAllResult {
  deps.progress?.report("登録簿を読み込んでいます…");
  const sheets = deps.store.readAll(WRITE_ONLY_SHEETS);
  const today = options.today ?? tokyoDateOf(deps.clock.now());
  const { registry, problems } = validateRegistry(sheets, { today });
  const lang = options.lang ?? registry.settings.lang;
  if (options.annotate !== false) {
    deps.progress?.report("問題のあるセルに印を付けています…");
    const marks = marksBySheet(problems, lang);
    const tabs = sheets.filter((sheet) => {
      const def = SHEETS.find((s) => s.key === sheetKeyOfName(sheet.name));
      return def !== undefined && !def.appOwned && registry.sheetNames[def.key] === sheet.name;
    });
    deps.store.annotate(
      tabs.map((sheet) => ({
        name: sheet.name,
        marks: marks.get(sheet.name) ?? [],
        values: sheet.values,
      })),
    );
  }
  const rendered = problems.map((p) => renderProblem(p, lang));
  const errors = rendered.filter((p) => p.severity === "error").length;
  const { submissions } = buildDashboard(registry, today);
  const submissionSummary = !submissions
    ? null
    : submissions.owed === 0
      ? noMeasuresText(lang)
      : summariseSubmissions(submissions, lang);
  return {
    problems: rendered,
    errors,
    warnings: rendered.length - errors,
    lang,
    submissionSummary,
  };
}
