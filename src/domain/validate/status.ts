/**
 * The status flow on 進捗 (未提出 -> 提出済 -> 確認済 / 差戻し) against what the row holds:
 * a submitted report with neither 実績値 nor 実施内容, a confirmed one without 評価,
 * a 報告日 after today (when the run knows today) or before its period began.
 */
import { compare, periodOf } from "../calendar";
import { listChoices } from "../i18n";
import type { Problem } from "../problem";
import type { Registry } from "../registry";
import { cellProblem, dateLabel, fyParams, isBlankCell, type RuleContext } from "./context";

export function statusFlow(registry: Registry, ctx: RuleContext): Problem[] {
  const { cycle, grades } = registry.settings;
  const codes = grades.map((g) => g.code);
  const problems: Problem[] = [];
  for (const p of registry.progress) {
    const at = (column: string) => ({ sheet: "progress" as const, row: p.row, column });
    // Blank cells, not null values: an unreadable 実績値 or 評価 already has its own error.
    const blank = (column: string) => isBlankCell(ctx, "progress", p.row, column);
    if ((p.status === "提出済" || p.status === "確認済") && blank("actual") && blank("done")) {
      problems.push(
        cellProblem(registry, ctx, at("status"), "submitted-empty", "warning", {
          status: p.status,
        }),
      );
    }
    if (p.status === "確認済" && blank("grade")) {
      problems.push(
        cellProblem(registry, ctx, at("grade"), "confirmed-without-grade", "warning", {
          allowedJa: listChoices(codes, "ja"),
          allowedEn: listChoices(codes, "en"),
        }),
      );
    }
    if (p.reportedOn === null) continue;
    const date = dateLabel(p.reportedOn);
    if (ctx.today !== null && compare(p.reportedOn, ctx.today) > 0) {
      problems.push(
        cellProblem(registry, ctx, at("reportedOn"), "reported-in-future", "error", {
          value: date,
          today: dateLabel(ctx.today),
        }),
      );
      continue;
    }
    const period = p.fy === null || p.period === null ? undefined : periodOf(p.fy, cycle, p.period);
    if (period && compare(p.reportedOn, period.start) < 0) {
      problems.push(
        cellProblem(registry, ctx, at("reportedOn"), "reported-before-period", "warning", {
          value: date,
          start: dateLabel(period.start),
          ...fyParams(period.fy),
          periodJa: period.labelJa,
          periodEn: period.labelEn,
        }),
      );
    }
  }
  return problems;
}
