/**
 * The message catalogue. Japanese is written in 敬体 and always says what to do;
 * English says the same. {name} placeholders are filled from the problem's params.
 */
export const MESSAGES = {
  "sheet-missing": {
    ja: "「{sheet}」シートが見つかりません。メニュー「計画管理」→「初期設定」を実行すると作成されます。",
    en: "The sheet “{sheet}” is missing. Run 計画管理 → 初期設定 (Setup) to create it.",
  },
  "header-missing": {
    ja: "1行目に見出し「{header}」がありません。列名を「{header}」に戻すか、列を追加してください。",
    en: "Row 1 has no “{header}” column. Rename the column back to “{header}” or add it.",
  },
  "header-duplicate": {
    ja: "見出し「{header}」が2回あります。最初の列だけを読み込みますので、不要な列を削除してください。",
    en: "The header “{header}” appears twice. Only the first column is read; delete the other one.",
  },
  "header-unknown": {
    ja: "見出し「{header}」は登録簿の項目ではないため読み込みません（入力内容はそのまま残ります）。",
    en: "The header “{header}” is not a registry column and is not read (its contents are kept).",
  },
  required: {
    ja: "「{header}」は必須です。入力してください。",
    en: "“{header}” is required. Please fill it in.",
  },
  "not-a-number": {
    ja: "「{value}」は数値として読めません。半角数字で入力してください（例: 120）。",
    en: "“{value}” is not a number. Enter digits only (e.g. 120).",
  },
  "number-normalised": {
    ja: "「{value}」を数値 {normalised} として読み取りました。単位や全角文字を付けず、半角数字だけで入力してください。",
    en: "“{value}” was read as the number {normalised}. Enter plain digits without units or full-width characters.",
  },
  "invalid-year": {
    ja: "「{value}」は年度として読めません。2012、平成24年度、H24、R7 のように入力してください。",
    en: "“{value}” is not a fiscal year. Write it as 2012, 平成24年度, H24 or R7.",
  },
  "invalid-date": {
    ja: "「{value}」は日付として読めません。2013/7/10 や 令和7年7月10日 のように入力してください。",
    en: "“{value}” is not a date. Write it as 2013/7/10 or 2013-07-10.",
  },
  "invalid-period": {
    ja: "「{value}」は期として読めません。{allowed}のいずれかを選んでください。",
    en: "“{value}” is not a reporting period. Choose one of {allowed}.",
  },
  "invalid-enum": {
    ja: "「{header}」に「{value}」は使えません。{allowed}のいずれかを選んでください。",
    en: "“{value}” is not allowed in “{header}”. Choose one of {allowed}.",
  },
  "invalid-grade": {
    ja: "評価「{value}」は評価区分にありません。{allowed}のいずれかを選んでください（評価区分は設定シートで変更できます）。",
    en: "The grade “{value}” is not defined. Choose one of {allowed} (grades are defined on the Settings sheet).",
  },
  "invalid-email": {
    ja: "「{value}」はメールアドレスとして正しくありません。name@example.jp の形で入力してください。",
    en: "“{value}” is not a valid e-mail address. Use the form name@example.jp.",
  },
  "id-became-date": {
    ja: "「{header}」が日付（{value}）に変換されています。先頭に ' を付けて入力し直してください（例: '1-1）。",
    en: "“{header}” was turned into a date ({value}) by the spreadsheet. Re-enter it with a leading ' (e.g. '1-1).",
  },
  "setting-missing": {
    ja: "設定「{setting}」がありません。設定シートに行を追加して値を入力してください。",
    en: "The setting “{setting}” is missing. Add a row for it on the Settings sheet.",
  },
  "setting-empty": {
    ja: "設定「{setting}」が空欄です。{hint}",
    en: "The setting “{setting}” is empty. {hint}",
  },
  "setting-invalid": {
    ja: "設定「{setting}」の値「{value}」が正しくありません。{hint}",
    en: "The setting “{setting}” has an invalid value “{value}”. {hint}",
  },
  "setting-unknown": {
    ja: "設定「{setting}」は使われていない項目です（そのまま残ります）。",
    en: "The setting “{setting}” is not used by the app (it is kept as is).",
  },
  "setting-duplicate": {
    ja: "設定「{setting}」が2行あります。最初の行だけを使いますので、もう一方を削除してください。",
    en: "The setting “{setting}” appears twice. Only the first row is used; delete the other.",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
