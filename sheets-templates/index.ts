/**
 * The plans the product ships with. fujieda-plan.json carries the seed plan
 * (藤枝市新公共経営実行計画) verbatim; demo-progress.json holds sample progress for the demo.
 */
import type { PlanTemplate } from "../src/domain/template";
import plan from "./fujieda-plan.json";

export const FUJIEDA_PLAN: PlanTemplate = plan as PlanTemplate;

import demo from "./demo-progress.json";

/** The bundled plan with sample progress (平成24年度 Q1–Q2), for the demo and tests. */
export const FUJIEDA_DEMO: PlanTemplate = { ...FUJIEDA_PLAN, progress: demo.progress };
