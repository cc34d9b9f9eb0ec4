/**
 * The seed plan alone (藤枝市新公共経営実行計画, verbatim, nothing invented): what 初期設定 and
 * `genki init` put into a new registry. A module of its own so that the GAS bundle, which needs
 * only this, carries none of the samples (index.ts).
 */
import type { PlanTemplate } from "../src/domain/template";
import plan from "./fujieda-plan.json";

export const FUJIEDA_PLAN: PlanTemplate = plan as PlanTemplate;
