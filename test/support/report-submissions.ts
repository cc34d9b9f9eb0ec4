/** Submission counts for hand-made report models in painter tests (nothing owed). */
import type { ReportSubmissions } from "../../src/domain/reports";

export const NO_SUBMISSIONS: ReportSubmissions = {
  owed: 0,
  submitted: 0,
  confirmed: 0,
  late: 0,
  missing: 0,
  pending: 0,
  periodLabel: "平成24年度 第2四半期",
  dueDate: "2012-10-15",
  missingIds: [],
  lateIds: [],
  summary: "",
};
