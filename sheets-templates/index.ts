/**
 * The plans the product ships with. fujieda-plan.json carries the seed plan
 * (藤枝市新公共経営実行計画) verbatim; demo-progress.json holds sample progress for the demo.
 */
import type { PlanTemplate } from "../src/domain/template";
import { progress as demoProgress } from "./demo-progress.json";
import plan from "./fujieda-plan.json";

export const FUJIEDA_PLAN: PlanTemplate = plan as PlanTemplate;

function withProgress(template: PlanTemplate, progress: PlanTemplate["progress"]): PlanTemplate {
  return { ...template, progress };
}

/**
 * The bundled plan with sample progress (平成24年度 Q1–Q2), for the demo and tests. Marked pure so
 * the GAS bundle, which never uses it, leaves the 20 KB of sample rows out.
 */
export const FUJIEDA_DEMO: PlanTemplate = /* @__PURE__ */ withProgress(FUJIEDA_PLAN, demoProgress);
