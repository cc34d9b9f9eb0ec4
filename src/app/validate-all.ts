/**
 * 全体チェック: reads every tab once, runs every rule, marks the problem cells (and unmarks the
 * fixed ones) on the tabs people edit, and returns the problems for a dialog or the terminal.
 */
import { marksBySheet } from "../domain/annotations";
import { tokyoDateOf } from "../domain/calendar";
import { type RenderedProblem, renderProblem } from "../domain/problem";
import { type Lang, SHEETS, sheetKeyOfName, WRITE_ONLY_SHEETS } from "../domain/schema";
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
}

export interface ValidateAllOptions {
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
  const { registry, problems } = validateRegistry(sheets, { today: tokyoDateOf(deps.clock.now()) });
  const lang = options.lang ?? registry.settings.lang;
  if (options.annotate !== false) {
    deps.progress?.report("問題のあるセルに印を付けています…");
    const marks = marksBySheet(problems, lang);
    for (const sheet of sheets) {
      const key = sheetKeyOfName(sheet.name);
      const def = SHEETS.find((s) => s.key === key);
      if (!def || def.appOwned || registry.sheetNames[def.key] !== sheet.name) continue;
      deps.store.annotate(sheet.name, marks.get(sheet.name) ?? [], sheet.values);
    }
  }
  const rendered = problems.map((p) => renderProblem(p, lang));
  const errors = rendered.filter((p) => p.severity === "error").length;
  return { problems: rendered, errors, warnings: rendered.length - errors, lang };
}
