/** Submission counts as people read them (ダッシュボード, 全体チェック, reports). */
export const SUBMISSION_MESSAGES = {
  "submissions-summary": {
    ja: "{period}（提出期限 {due}）: {owed}取組のうち{submitted}取組が提出済",
    en: "{period} (due {due}): {submitted} of {owed} measures reported",
  },
  "submissions-late": {
    ja: "うち期限後の提出 {late}",
    en: "{late} of them late",
  },
  "submissions-missing": {
    ja: "期限を過ぎて未提出 {missing}（{missingIds}）",
    en: "{missing} overdue ({missingIds})",
  },
  "submissions-pending": {
    ja: "期限前で未提出 {pending}（{pendingIds}）",
    en: "{pending} not yet due ({pendingIds})",
  },
  "submissions-none": {
    ja: "取組が登録されていないため、提出状況はまだありません。取組シートに取組を入力してください。",
    en: "No measures are registered yet, so there is nothing to report. Enter the measures on the 取組 sheet.",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
