/**
 * Every sheet and column of the registry, declared once (DESIGN.md "The registry").
 * Parsing, validation, the template, dropdowns and the .xlsx layout are all driven from here.
 */

export type ColumnType =
  | "text" // free text
  | "id" // short identifier typed by people (柱ID, 取組ID)
  | "ref" // a name or ID that must exist in another sheet
  | "refList" // several names separated by 、 or ,
  | "number"
  | "year" // fiscal year: 2012, 平成24年度, H24, R7 ...
  | "period" // 第1四半期 / 上期 / 通期 ... depending on 報告周期
  | "date"
  | "datetime"
  | "enum"
  | "grade" // a code of 評価区分 in 設定
  | "email"
  | "emailList";

export interface ColumnDef {
  /** stable key used in code */
  readonly key: string;
  /** Japanese header, the one the template writes */
  readonly ja: string;
  /** English alias accepted when reading */
  readonly en: string;
  /** further spellings people use for the same header */
  readonly aliases?: readonly string[];
  readonly type: ColumnType;
  readonly required: boolean;
  /** allowed values for enum columns (dropdowns) */
  readonly values?: readonly string[];
  /** which sheet a ref/refList column points into */
  readonly refSheet?: SheetKey;
  /** column width in pixels for the template */
  readonly width: number;
}

export type SheetKey =
  | "settings"
  | "pillars"
  | "measures"
  | "targets"
  | "progress"
  | "divisions"
  | "closures"
  | "sendLog"
  | "auditLog"
  | "outputs"
  | "dashboard";

export type SheetKind =
  /** rows of records with a header row */
  | "table"
  /** 設定: one setting per row (項目, 値, 説明) */
  | "keyValue";

export interface SheetDef {
  readonly key: SheetKey;
  readonly ja: string;
  readonly en: string;
  readonly kind: SheetKind;
  /** written by the app (logs, dashboard); people should not edit it */
  readonly appOwned: boolean;
  /** columns that together identify a row, used for duplicate checks and merging */
  readonly identity: readonly string[];
  readonly columns: readonly ColumnDef[];
  /** tab colour in the template */
  readonly tabColor: string;
}

export const DIRECTIONS = ["増加", "減少", "維持"] as const;
/**
 * How a 指標's quarterly 実績 relate to the year: 累計 adds up over the year (件数, 参加者数), so a
 * quarter is compared with the pro-rated 年度目標; 時点 is a level at that moment (率, 平均, 残高),
 * compared with the whole 年度目標. Blank: decided by 単位 (see grading.isCountUnit).
 */
export const AGGREGATIONS = ["累計", "時点"] as const;
export const PDCA_STEPS = ["P", "D", "C", "A"] as const;
export const STATUSES = ["未提出", "提出済", "確認済", "差戻し"] as const;
export const CYCLES = ["四半期", "半期", "年度"] as const;
export const LANGUAGES = ["ja", "en"] as const;
export const OUTPUT_KINDS = ["柱別報告書", "年次報告スライド"] as const;

export type Direction = (typeof DIRECTIONS)[number];
export type Aggregation = (typeof AGGREGATIONS)[number];
export type PdcaStep = (typeof PDCA_STEPS)[number];
export type Status = (typeof STATUSES)[number];
export type Cycle = (typeof CYCLES)[number];
export type Lang = (typeof LANGUAGES)[number];

const col = (
  key: string,
  ja: string,
  en: string,
  type: ColumnType,
  required: boolean,
  width: number,
  extra: Partial<Pick<ColumnDef, "values" | "refSheet" | "aliases">> = {},
): ColumnDef => ({ key, ja, en, type, required, width, ...extra });

export const SHEETS: readonly SheetDef[] = [
  {
    key: "settings",
    ja: "設定",
    en: "Settings",
    kind: "keyValue",
    appOwned: false,
    identity: ["key"],
    tabColor: "#5f6368",
    columns: [
      col("key", "項目", "Setting", "text", true, 200, { aliases: ["キー", "Key"] }),
      col("value", "値", "Value", "text", false, 320),
      col("note", "説明", "Description", "text", false, 420, { aliases: ["Note"] }),
    ],
  },
  {
    key: "pillars",
    ja: "柱",
    en: "Pillars",
    kind: "table",
    appOwned: false,
    identity: ["pillarId"],
    tabColor: "#1a73e8",
    columns: [
      col("pillarId", "柱ID", "Pillar ID", "id", true, 80),
      col("name", "柱名", "Pillar", "text", true, 320, { aliases: ["Name"] }),
      col("strategy", "戦略", "Strategy", "text", false, 420),
      col("goal", "到達目標", "Goal", "text", false, 320),
      col("owners", "所管課", "Owner divisions", "refList", false, 240, { refSheet: "divisions" }),
    ],
  },
  {
    key: "measures",
    ja: "取組",
    en: "Measures",
    kind: "table",
    appOwned: false,
    identity: ["measureId"],
    tabColor: "#1a73e8",
    columns: [
      col("measureId", "取組ID", "Measure ID", "id", true, 90),
      col("pillarId", "柱ID", "Pillar ID", "ref", true, 80, { refSheet: "pillars" }),
      col("content", "取組内容", "Measure", "text", true, 420, { aliases: ["Content"] }),
      col("lead", "主担当課", "Lead division", "ref", true, 140, { refSheet: "divisions" }),
      col("related", "関係課", "Related divisions", "refList", false, 200, {
        refSheet: "divisions",
      }),
      col("indicator", "指標", "Indicator", "text", false, 220),
      col("unit", "単位", "Unit", "text", false, 70),
      col("direction", "方向", "Direction", "enum", false, 80, { values: DIRECTIONS }),
      col("baseline", "基準値", "Baseline", "number", false, 90),
      col("baselineFy", "基準年度", "Baseline FY", "year", false, 100),
      col("finalTarget", "最終目標値", "Final target", "number", false, 100),
      col("aggregation", "集計方法", "Aggregation", "enum", false, 90, { values: AGGREGATIONS }),
    ],
  },
  {
    key: "targets",
    ja: "年度目標",
    en: "Annual targets",
    kind: "table",
    appOwned: false,
    identity: ["measureId", "fy"],
    tabColor: "#1a73e8",
    columns: [
      col("measureId", "取組ID", "Measure ID", "ref", true, 90, { refSheet: "measures" }),
      col("fy", "年度", "Fiscal year", "year", true, 110, { aliases: ["FY"] }),
      col("targetText", "取組目標", "Target", "text", true, 420),
      col("targetValue", "目標値", "Target value", "number", false, 90),
    ],
  },
  {
    key: "progress",
    ja: "進捗",
    en: "Progress",
    kind: "table",
    appOwned: false,
    identity: ["measureId", "fy", "period"],
    tabColor: "#188038",
    columns: [
      col("measureId", "取組ID", "Measure ID", "ref", true, 90, { refSheet: "measures" }),
      col("fy", "年度", "Fiscal year", "year", true, 110, { aliases: ["FY"] }),
      col("period", "期", "Period", "period", true, 100),
      col("actual", "実績値", "Actual", "number", false, 90),
      col("grade", "評価", "Grade", "grade", false, 70),
      col("pdca", "PDCA", "PDCA", "enum", false, 60, { values: PDCA_STEPS }),
      col("done", "実施内容", "What was done", "text", false, 320),
      col("issues", "課題", "Issues", "text", false, 260),
      col("next", "次の対応", "Next steps", "text", false, 260),
      col("reporter", "報告者", "Reporter", "text", false, 120),
      col("reportedOn", "報告日", "Reported on", "date", false, 110),
      col("status", "状態", "Status", "enum", false, 90, { values: STATUSES }),
    ],
  },
  {
    key: "divisions",
    ja: "所属",
    en: "Divisions",
    kind: "table",
    appOwned: false,
    identity: ["name"],
    tabColor: "#e37400",
    columns: [
      col("name", "所属名", "Division", "id", true, 140),
      col("department", "部", "Department", "text", false, 140),
      col("head", "所属長", "Head", "text", false, 120),
      col("email", "メール", "Email", "email", true, 240, { aliases: ["E-mail", "Mail"] }),
      col("cc", "CC", "CC", "emailList", false, 240),
      col("escalationEmail", "上位責任者メール", "Escalation email", "email", false, 240),
    ],
  },
  {
    key: "closures",
    ja: "閉庁日",
    en: "Closed days",
    kind: "table",
    appOwned: false,
    identity: ["date"],
    tabColor: "#e37400",
    columns: [
      col("date", "日付", "Date", "date", true, 120),
      col("name", "名称", "Name", "text", false, 240),
    ],
  },
  {
    key: "sendLog",
    ja: "送信記録",
    en: "Send log",
    kind: "table",
    appOwned: true,
    identity: ["key"],
    tabColor: "#9aa0a6",
    columns: [
      col("at", "日時", "Timestamp", "datetime", true, 150),
      col("key", "キー", "Key", "text", true, 260),
      col("kind", "種類", "Kind", "text", true, 100),
      col("division", "所属", "Division", "text", true, 140),
      col("to", "宛先", "To", "text", false, 240),
      col("count", "件数", "Items", "number", false, 60),
      col("result", "結果", "Result", "text", true, 160),
    ],
  },
  {
    key: "auditLog",
    ja: "変更履歴",
    en: "Change log",
    kind: "table",
    appOwned: true,
    identity: [],
    tabColor: "#9aa0a6",
    columns: [
      col("at", "日時", "Timestamp", "datetime", true, 150),
      col("user", "利用者", "User", "text", false, 200),
      col("sheet", "シート", "Sheet", "text", true, 100),
      col("cell", "セル", "Cell", "text", true, 80),
      col("oldValue", "旧値", "Old value", "text", false, 240),
      col("newValue", "新値", "New value", "text", false, 240),
    ],
  },
  {
    key: "outputs",
    ja: "出力",
    en: "Outputs",
    kind: "table",
    appOwned: true,
    identity: [],
    tabColor: "#9aa0a6",
    columns: [
      col("at", "日時", "Timestamp", "datetime", true, 150),
      col("kind", "種類", "Kind", "text", true, 140),
      col("fy", "年度", "Fiscal year", "year", false, 110),
      col("pillarId", "柱", "Pillar", "text", false, 80),
      col("name", "名前", "Name", "text", true, 320),
      col("url", "URL", "URL", "text", true, 360),
    ],
  },
  {
    key: "dashboard",
    ja: "ダッシュボード",
    en: "Dashboard",
    kind: "table",
    appOwned: true,
    identity: [],
    tabColor: "#9334e6",
    columns: [
      col("scope", "区分", "Scope", "text", true, 80),
      col("name", "名称", "Name", "text", true, 320),
      col("due", "報告対象", "Due", "number", false, 80),
      col("submitted", "提出済", "Submitted", "number", false, 80),
      col("confirmed", "確認済", "Confirmed", "number", false, 80),
      col("grades", "評価内訳", "Grades", "text", false, 240),
      col("late", "期限後提出", "Late", "number", false, 90),
      col("missing", "未提出(期限超過)", "Overdue", "number", false, 120),
    ],
  },
];

export function sheetDef(key: SheetKey): SheetDef {
  const def = SHEETS.find((s) => s.key === key);
  if (!def) throw new Error(`unknown sheet key ${key}`);
  return def;
}

export function columnDef(sheet: SheetKey, key: string): ColumnDef {
  const def = sheetDef(sheet).columns.find((c) => c.key === key);
  if (!def) throw new Error(`unknown column ${sheet}.${key}`);
  return def;
}

/** App-written tabs that no check, dashboard or report reads (they only grow). */
export const WRITE_ONLY_SHEETS: readonly SheetKey[] = ["auditLog", "outputs", "dashboard"];
