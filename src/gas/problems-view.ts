/** The sidebar listing problems after 全体チェック: every user value HTML-escaped. */
import type { ValidateAllResult } from "../app/validate-all";
import { escapeHtml } from "../domain/html";

const MAX_LISTED = 300;

export function problemsHtml(result: ValidateAllResult): string {
  const ja = result.lang === "ja";
  const summary = ja
    ? `エラー ${result.errors} 件、警告 ${result.warnings} 件`
    : `${result.errors} error(s), ${result.warnings} warning(s)`;
  const rows = result.problems
    .slice(0, MAX_LISTED)
    .map(
      (p) =>
        `<tr class="${p.severity}"><td>${escapeHtml(p.cell)}</td><td>${escapeHtml(p.message)}</td></tr>`,
    )
    .join("");
  const more =
    result.problems.length > MAX_LISTED
      ? `<p>${ja ? `ほか ${result.problems.length - MAX_LISTED} 件は、セルのメモでご確認ください。` : `${result.problems.length - MAX_LISTED} more are noted on their cells.`}</p>`
      : "";
  return `<style>body{font-family:sans-serif;font-size:13px}table{border-collapse:collapse}td{border-bottom:1px solid #ddd;padding:4px;vertical-align:top}tr.error td:first-child{color:#b3261e;font-weight:bold}tr.warning td:first-child{color:#8a5a00}</style><p><b>${summary}</b></p><table>${rows}</table>${more}`;
}
