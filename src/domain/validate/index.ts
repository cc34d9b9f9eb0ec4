/**
 * The full check of a registry: parseRegistry's cell and header problems, then every
 * registry-wide rule, all located (sheet, row, column) and sorted in sheet order.
 */
import { type Problem, sortProblems } from "../problem";
import { parseRegistry, type RawSheet, type Registry } from "../registry";
import { buildRuleContext, type Rule, type ValidateOptions } from "./context";
import { duplicates } from "./duplicates";
import { indicators } from "./indicators";
import { references } from "./references";
import { requiredCells } from "./required";
import { settingsConsistency } from "./settings";
import { statusFlow } from "./status";
import { planYears } from "./years";

export { buildRuleContext, type Rule, type RuleContext, type ValidateOptions } from "./context";
export { duplicates } from "./duplicates";
export { indicators } from "./indicators";
export { references } from "./references";
export { requiredCells } from "./required";
export { MAX_PLAN_YEARS, settingsConsistency } from "./settings";
export { statusFlow } from "./status";
export { planYears } from "./years";

/** Every registry-wide rule, in the order a reviewer reads them. */
export const RULES: readonly Rule[] = [
  requiredCells,
  references,
  planYears,
  duplicates,
  settingsConsistency,
  statusFlow,
  indicators,
];

export interface ValidationResult {
  readonly registry: Registry;
  readonly problems: readonly Problem[];
}

export function validateRegistry(
  sheets: readonly RawSheet[],
  options: ValidateOptions = {},
): ValidationResult {
  const parsed = parseRegistry(sheets);
  const ctx = buildRuleContext(parsed.registry, sheets, options);
  const problems = [...parsed.problems, ...RULES.flatMap((rule) => rule(parsed.registry, ctx))];
  return { registry: parsed.registry, problems: sortProblems(problems) };
}
