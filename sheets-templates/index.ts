/**
 * The plans the product ships with. fujieda-plan.json carries the seed plan
 * (藤枝市新公共経営実行計画) verbatim and nothing invented: a new registry starts with its 柱, 戦略,
 * 取組 and 所属, and empty 到達目標, 指標, 年度目標 and 進捗. sample-plan.json adds sample 到達目標,
 * 指標 and 年度目標, demo-progress.json sample quarterly 進捗; every sample text starts with
 * （サンプル）.
 */
import { type PlanTemplate, withSample } from "../src/domain/template";
import demo from "./demo-progress.json";
import plan from "./fujieda-plan.json";
import sample from "./sample-plan.json";

/** The seed plan alone: what 初期設定 and `genki init` put into a new registry. */
export const FUJIEDA_PLAN: PlanTemplate = plan as PlanTemplate;

/** The seed plan with the sample 到達目標, 指標 and 年度目標, without progress. */
export const FUJIEDA_SAMPLE: PlanTemplate = withSample(FUJIEDA_PLAN, sample);

/**
 * The seed plan with the sample numbers and progress (平成24年度 第1・第2四半期): the demo, and
 * `genki init --sample`.
 */
export const FUJIEDA_DEMO: PlanTemplate = withSample(FUJIEDA_PLAN, {
  ...sample,
  progress: demo.progress,
});

/** The demo's "today": 5-1 and 6-2 owe their 第2四半期 report, due 2012-10-15. */
export const DEMO_TODAY = "2012-10-18";
/** The fiscal year the demo reports on. */
export const DEMO_FY = 2012;
