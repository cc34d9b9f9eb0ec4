/** Helpers shared by the validation tests: run, render, and compare with the English layout. */
import { expect } from "vitest";
import { type Problem, renderProblem } from "../../../src/domain/problem";
import type { RawSheet } from "../../../src/domain/registry";
import { sheetDef } from "../../../src/domain/schema";
import { type ValidateOptions, validateRegistry } from "../../../src/domain/validate";
import { reorderedEnglish } from "../../support/raw-sheets";

export type Lang = "ja" | "en";

export const validate = (sheets: readonly RawSheet[], options?: ValidateOptions) =>
  validateRegistry(sheets, options).problems;

/** Rendered problems (sheet, cell, code, severity, message), in the order validateRegistry gives. */
export const render = (sheets: readonly RawSheet[], lang: Lang = "ja", options?: ValidateOptions) =>
  validate(sheets, options).map((p) => renderProblem(p, lang));

/** Rendered problems of the given codes only. */
export const renderCodes = (
  sheets: readonly RawSheet[],
  codes: readonly string[],
  lang: Lang = "ja",
  options?: ValidateOptions,
) => render(sheets, lang, options).filter((p) => codes.includes(p.code));

/** [cell, code] pairs, for compact assertions. */
export const cells = (sheets: readonly RawSheet[], options?: ValidateOptions) =>
  validate(sheets, options).map((p) => {
    const r = renderProblem(p, "ja");
    return [r.cell, r.code];
  });

/** Where a problem lands once the columns of its tab are reversed (reorderedEnglish). */
function mirrored(p: Problem): string {
  const width = sheetDef(p.sheet).columns.length;
  const col = p.col === null ? null : width - p.col + 1;
  return [p.sheet, p.row, col, p.code, p.severity].join("|");
}

const located = (p: Problem): string => [p.sheet, p.row, p.col, p.code, p.severity].join("|");

/**
 * The same sheets with English tabs and headers, columns reversed, give the same problems
 * at the corresponding cells. Returns the problems of the original, which must not be empty.
 */
export function expectSameInEnglish(
  sheets: readonly RawSheet[],
  options?: ValidateOptions,
): readonly Problem[] {
  const ja = validate(sheets, options);
  const en = validate(reorderedEnglish(sheets), options);
  expect(ja.length).toBeGreaterThan(0);
  expect(en.map(located).sort()).toEqual(ja.map(mirrored).sort());
  for (const p of en) expect(p.sheetName).toBe(sheetDef(p.sheet).en);
  return ja;
}
