/**
 * Messages of the registry-wide rules in src/domain/validate (same conventions as catalogue.ts).
 * Values that depend on the language come as pairs ({fyJa}/{fyEn}, {periodJa}/{periodEn},
 * {allowedJa}/{allowedEn}); {header} and {setting} are filled by renderProblem; {target} is the
 * tab name as found in the workbook. "required" itself is in catalogue.ts.
 */
export const VALIDATE_MESSAGES = {
  "key-missing": {
    ja: "「{header}」が空欄のため、この行を使えません。「{header}」を入力してください。不要な行であれば、行ごと削除してください。",
    en: "“{header}” is empty, so this row cannot be used. Fill in “{header}”, or delete the row if it is not needed.",
  },
  "unknown-pillar": {
    ja: "柱ID「{value}」は「{target}」シートに登録されていません。「{target}」シートにある柱IDを入力するか、「{target}」シートに柱を追加してください。",
    en: "The pillar ID “{value}” is not on the “{target}” sheet. Enter a pillar ID from the “{target}” sheet, or add the pillar there.",
  },
  "unknown-measure": {
    ja: "取組ID「{value}」は「{target}」シートに登録されていません。「{target}」シートにある取組IDを入力するか、「{target}」シートに取組を追加してください。",
    en: "The measure ID “{value}” is not on the “{target}” sheet. Enter a measure ID from the “{target}” sheet, or add the measure there.",
  },
  "unknown-division": {
    ja: "「{header}」の「{value}」は「{target}」シートに登録されていません。「{target}」シートの所属名と同じ表記にするか、「{target}」シートに所属を追加してください。",
    en: "“{value}” in “{header}” is not on the “{target}” sheet. Write the division exactly as on the “{target}” sheet, or add it there.",
  },
  "year-outside-plan": {
    ja: "{fyJa}は計画期間（{startJa}〜{endJa}）の外です。計画期間内の年度を入力してください（計画期間は設定シートの開始年度・終了年度で決まります）。",
    en: "{fyEn} is outside the plan period ({startEn}–{endEn}). Enter a year within the plan (the period is set by the first and last fiscal year on the Settings sheet).",
  },
  "baseline-after-start": {
    ja: "基準年度（{fyJa}）が計画の開始年度（{startJa}）より後になっています。基準年度には開始年度以前の年度を入力してください。",
    en: "The baseline year ({fyEn}) is after the plan's first year ({startEn}). Enter a baseline year no later than the first year.",
  },
  "duplicate-pillar": {
    ja: "柱ID「{value}」は{firstRow}行目と重複しています。別の柱IDに変更するか、不要な行を削除してください。",
    en: "The pillar ID “{value}” is already used on row {firstRow}. Give this pillar another ID, or delete the row if it is not needed.",
  },
  "duplicate-measure": {
    ja: "取組ID「{value}」は{firstRow}行目と重複しています。別の取組IDに変更するか、不要な行を削除してください。",
    en: "The measure ID “{value}” is already used on row {firstRow}. Give this measure another ID, or delete the row if it is not needed.",
  },
  "duplicate-division": {
    ja: "所属名「{value}」は{firstRow}行目と重複しています。1行にまとめ、不要な行を削除してください。",
    en: "The division “{value}” is already listed on row {firstRow}. Keep one row and delete the other.",
  },
  "duplicate-closure": {
    ja: "閉庁日 {value} は{firstRow}行目にも登録されています。不要な行を削除してください。",
    en: "The closed day {value} is already listed on row {firstRow}. Delete the extra row.",
  },
  "duplicate-target": {
    ja: "取組「{measure}」の{fyJa}の年度目標は{firstRow}行目にもあります。1行にまとめ、不要な行を削除してください。",
    en: "Measure “{measure}” already has a {fyEn} target on row {firstRow}. Merge them into one row and delete the other.",
  },
  "duplicate-progress": {
    ja: "取組「{measure}」の{fyJa}{periodJa}の進捗は{firstRow}行目にもあります。1行にまとめ、不要な行を削除してください。",
    en: "Measure “{measure}” already has a {fyEn} {periodEn} report on row {firstRow}. Merge them into one row and delete the other.",
  },
  "plan-years-reversed": {
    ja: "終了年度（{endJa}）が開始年度（{startJa}）より前になっています。開始年度と終了年度を確認して入力し直してください。",
    en: "The last fiscal year ({endEn}) is before the first one ({startEn}). Check both years and correct them.",
  },
  "grade-rules-unknown-code": {
    ja: "評価基準の記号「{codes}」は評価区分にありません。評価基準には評価区分の記号（{allowed}）を使ってください。",
    en: "The grade threshold code(s) “{codes}” are not among the grades ({allowed}). Use the codes defined in Grades.",
  },
  "plan-too-long": {
    ja: "計画期間が{years}年度分（{startJa}〜{endJa}）あります。{max}年度を超えていますので、開始年度と終了年度が正しいか確認してください。",
    en: "The plan spans {years} fiscal years ({startEn}–{endEn}), more than {max}. Check that the first and last fiscal years are right.",
  },
  "submitted-empty": {
    ja: "状態が「{status}」ですが、実績値も実施内容も入力されていません。実績値か実施内容を入力するか、状態を「未提出」に戻してください。",
    en: "The status is “{status}” but neither the actual value nor what was done is filled in. Fill in one of them, or set the status back to “未提出” (not submitted).",
  },
  "confirmed-without-grade": {
    ja: "状態が「確認済」ですが、評価が入力されていません。{allowedJa}のいずれかを入力してください。",
    en: "The report is confirmed (確認済) but has no grade. Enter one of {allowedEn}.",
  },
  "reported-in-future": {
    ja: "報告日 {value} は今日（{today}）より後の日付です。実際に報告した日を入力してください。",
    en: "The report date {value} is after today ({today}). Enter the day the report was actually made.",
  },
  "reported-before-period": {
    ja: "報告日 {value} は{fyJa}{periodJa}の開始日（{start}）より前です。報告日と、年度・期が正しいか確認してください。",
    en: "The report date {value} is before {fyEn} {periodEn} began ({start}). Check the report date, the fiscal year and the period.",
  },
  "indicator-without-unit": {
    ja: "指標「{indicator}」の単位が入力されていません。単位（例: 件、人、%）を入力してください。",
    en: "The indicator “{indicator}” has no unit. Enter its unit (e.g. 件, 人, %).",
  },
  "indicator-without-direction": {
    ja: "指標「{indicator}」の方向が入力されていません。{allowedJa}のいずれかを選んでください。",
    en: "The indicator “{indicator}” has no direction. Choose one of {allowedEn}.",
  },
  "target-value-without-indicator": {
    ja: "目標値が入力されていますが、取組「{measure}」に指標がありません。取組シートで指標・単位・方向を入力するか、目標値を削除してください。",
    en: "A target value is given but measure “{measure}” has no indicator. Add the indicator, unit and direction on the Measures sheet, or clear the target value.",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
