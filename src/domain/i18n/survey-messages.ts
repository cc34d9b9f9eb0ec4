/**
 * Messages of the 照会・回答 round trip (src/domain/survey): why an answer row was not taken,
 * conflicts, and the words of the answer workbook (instructions, sheet names, summaries).
 */
export const SURVEY_MESSAGES = {
  "survey-stamp-missing": {
    ja: "照会情報（隠しシート「{stamp}」）が見つかりません。書き出したファイルに入力して返送してください（シートのコピーや新規ファイルは取り込めません）。",
    en: "The survey stamp (hidden sheet “{stamp}”) is missing. Fill in the exported file itself and send it back (copied sheets or new files cannot be imported).",
  },
  "survey-stamp-broken": {
    ja: "照会情報（隠しシート「{stamp}」）が書き出し後に変更されています。このファイルの回答は取り込みません。企画担当に新しい照会ファイルを依頼してください。",
    en: "The survey stamp (hidden sheet “{stamp}”) was changed after export. Nothing from this file is imported; ask the planning division for a new survey file.",
  },
  "survey-other-registry": {
    ja: "このファイルは別の登録簿（{value}）の照会ファイルです。取り込む登録簿を確認してください。",
    en: "This file belongs to another registry ({value}). Check which registry you are importing into.",
  },
  "survey-sheet-missing": {
    ja: "回答シート「{sheet}」が見つかりません。シート名を元に戻して返送してください。",
    en: "The answer sheet “{sheet}” is missing. Restore its name and send the file back.",
  },
  "survey-layout-changed": {
    ja: "回答シートの見出し「{header}」が見つかりません。列の削除や見出しの変更はせず、書き出したままの形で返送してください。",
    en: "The answer sheet has no “{header}” column. Do not delete columns or rename headers; send the file back as exported.",
  },
  "survey-unknown-measure": {
    ja: "取組ID「{value}」は登録簿の取組シートにありません。この行は取り込みません。",
    en: "The measure ID “{value}” is not in the registry. This row is not imported.",
  },
  "survey-other-division": {
    ja: "取組「{value}」の主担当課は{lead}です（このファイルは{division}あて）。この行は取り込みません。{lead}の照会ファイルで回答してください。",
    en: "Measure “{value}” is led by {lead}, but this file is for {division}. This row is not imported; answer it in {lead}'s file.",
  },
  "survey-wrong-period": {
    ja: "この行は{rowPeriod}の行ですが、このファイルは{period}の照会です。この行は取り込みません。",
    en: "This row is for {rowPeriod}, but this file asks about {period}. This row is not imported.",
  },
  "survey-duplicate-row": {
    ja: "取組「{value}」の行が2回以上あります。どちらが正しいか分からないため、どの行も取り込みません。1行にまとめて返送してください。",
    en: "Measure “{value}” appears on more than one row. As it is unclear which is meant, none is imported; keep one row per measure.",
  },
  "survey-not-exported": {
    ja: "取組「{value}」はこの照会ファイルで書き出した行ではありません。この行は取り込みません。",
    en: "Measure “{value}” was not in this survey file when it was exported. This row is not imported.",
  },
  "survey-locked-changed": {
    ja: "灰色のセル「{header}」が書き出し時の「{was}」から「{value}」に変更されています。変更できない項目のため、この行は取り込みません。元に戻して返送してください。",
    en: "The grey cell “{header}” was changed from “{was}” to “{value}”. It cannot be changed, so this row is not imported. Restore it and send the file back.",
  },
  "survey-confirmed": {
    ja: "取組「{value}」の{period}の報告は登録簿で確認済のため、回答で変更できません。この行は取り込みません。変更が必要な場合は企画担当に連絡してください。",
    en: "The report of measure “{value}” for {period} is already confirmed in the registry and cannot be changed by an answer. This row is not imported; contact the planning division.",
  },
  "survey-status-reserved": {
    ja: "状態「{value}」は企画担当が付けるものです。回答では{allowed}のいずれかを選んでください。この行は取り込みません。",
    en: "The status “{value}” is set by the planning division. Answer with {allowed}. This row is not imported.",
  },
  "survey-invalid": {
    ja: "{message}（この行は取り込みません。直して返送してください。）",
    en: "{message} (This row is not imported. Correct it and send the file back.)",
  },
  "survey-conflict": {
    ja: "「{header}」は書き出し後に登録簿で「{was}」から「{registryValue}」に変わり、回答では「{fileValue}」になっています。登録簿の値を残しました。どちらにするか決めて、登録簿の{registryCell}を直してください。",
    en: "“{header}” changed in the registry from “{was}” to “{registryValue}” after export, and the answer says “{fileValue}”. The registry keeps its value; decide which is right and correct {registryCell}.",
  },
} as const satisfies Record<string, { ja: string; en: string }>;

/** Words of the answer workbook and of the import summary (filled with {name} like messages). */
export const SURVEY_TEXT = {
  answerSheetHelp: {
    ja: "白いセルに入力してください。灰色のセルは変更できません。",
    en: "Fill in the white cells. Grey cells cannot be changed.",
  },
  instructionsSheet: { ja: "記入方法", en: "Instructions" },
  title: { ja: "{plan} 進捗照会（{period}）", en: "{plan}: progress survey ({period})" },
  fileTitle: {
    ja: "進捗照会_{division}_{fy}_{period}",
    en: "progress-survey_{division}_{fy}_{period}",
  },
  division: { ja: "回答する所属", en: "Division" },
  due: { ja: "提出期限", en: "Due" },
  rows: { ja: "回答する取組", en: "Measures to answer" },
  rowsValue: { ja: "{count} 件（「{sheet}」シート）", en: "{count} (sheet “{sheet}”)" },
  contact: { ja: "問い合わせ先", en: "Contact" },
  exportedAt: { ja: "作成日時", en: "Created" },
  howTo: { ja: "記入方法", en: "How to answer" },
  step1: {
    ja: "1. 「{sheet}」シートの白いセル（{editable}）に、{period}の状況を入力してください。",
    en: "1. On the “{sheet}” sheet, fill in the white cells ({editable}) for {period}.",
  },
  step2: {
    ja: "2. 灰色のセル（{locked}）は変更できません。行の追加・削除・並べ替えもしないでください。",
    en: "2. Grey cells ({locked}) cannot be changed. Do not add, delete or reorder rows.",
  },
  step3: {
    ja: "3. 評価・PDCA・状態は、セルの一覧から選んでください。数値は半角数字だけで入力してください（単位は不要です）。",
    en: "3. Pick 評価, PDCA and 状態 from the cell's list. Enter numbers as plain digits without units.",
  },
  step4: {
    ja: "4. 入力が終わったら、ファイル名を変えずに{due}までに返送してください。取り込んだ行は「提出済」になります。",
    en: "4. When done, send the file back unrenamed by {due}. Imported rows become 提出済 (submitted).",
  },
  step5: {
    ja: "5. 「{stamp}」という隠しシートは取り込みの確認に使います。表示・変更しないでください。",
    en: "5. The hidden sheet “{stamp}” is used to check the answer on import. Do not show or change it.",
  },
  outputKind: { ja: "照会ファイル", en: "Survey file" },
  mailLink: {
    ja: "回答用の照会ファイル（{name}）はこちらです。記入が終わったらお知らせください。",
    en: "Your answer file ({name}) is here; let us know when it is filled in.",
  },
  mailAttached: {
    ja: "回答用の照会ファイル（{name}）を添付しました。記入して返送してください。",
    en: "Your answer file ({name}) is attached; please fill it in and send it back.",
  },
} as const satisfies Record<string, { ja: string; en: string }>;

export type SurveyTextKey = keyof typeof SURVEY_TEXT;

export function surveyText(
  key: SurveyTextKey,
  lang: "ja" | "en",
  params: Readonly<Record<string, string | number>> = {},
): string {
  return SURVEY_TEXT[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
