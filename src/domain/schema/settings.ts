/** The rows of 設定, declared once: the key people see, its English alias, type and default. */
import { CYCLES, LANGUAGES } from "./columns";

export type SettingType =
  | "text"
  | "year"
  | "integer"
  | "enum"
  | "email"
  | "emails"
  | "grades"
  | "thresholds"
  | "date"
  | "hour";

export interface SettingDef {
  readonly key: SettingKey;
  readonly ja: string;
  readonly en: string;
  readonly type: SettingType;
  readonly required: boolean;
  readonly values?: readonly string[];
  /** value the template writes and the app assumes when the row is empty */
  readonly defaultValue: string;
  readonly min?: number;
  readonly max?: number;
  readonly noteJa: string;
  readonly noteEn: string;
}

export type SettingKey =
  | "planName"
  | "startFy"
  | "endFy"
  | "cycle"
  | "dueBusinessDays"
  | "preNoticeDays"
  | "reminderInterval"
  | "escalationDays"
  | "senderName"
  | "replyTo"
  | "outputFolderId"
  | "docsTemplateId"
  | "slidesTemplateId"
  | "grades"
  | "lang"
  | "sendHour"
  | "approvers"
  | "gradeRules"
  | "issuingDivision"
  | "reportDate"
  | "digestLimit";

export const DEFAULT_GRADES = "A:計画以上 B:計画どおり C:やや遅れ D:遅れ";
/** 達成率 thresholds per grade, highest first; the last code without a number takes the rest. */
export const DEFAULT_GRADE_RULES = "A≥100% B≥80% C≥50% D";
export const DEFAULT_DIGEST_LIMIT = 30;

export const SETTINGS: readonly SettingDef[] = [
  {
    key: "planName",
    ja: "計画名",
    en: "Plan name",
    type: "text",
    required: true,
    defaultValue: "",
    noteJa: "計画の正式名称です。報告書とスライドの表題に使います。",
    noteEn: "Official name of the plan, used as the title of reports and slides.",
  },
  {
    key: "startFy",
    ja: "開始年度",
    en: "First fiscal year",
    type: "year",
    required: true,
    defaultValue: "",
    noteJa: "計画の初年度です（2012、平成24年度、H24 のいずれでも入力できます）。",
    noteEn: "First fiscal year of the plan (2012, 平成24年度 or H24).",
  },
  {
    key: "endFy",
    ja: "終了年度",
    en: "Last fiscal year",
    type: "year",
    required: true,
    defaultValue: "",
    noteJa: "計画の最終年度です。",
    noteEn: "Last fiscal year of the plan.",
  },
  {
    key: "cycle",
    ja: "報告周期",
    en: "Reporting cycle",
    type: "enum",
    values: CYCLES,
    required: true,
    defaultValue: "四半期",
    noteJa: "進捗を報告する周期です（四半期・半期・年度）。",
    noteEn: "How often progress is reported (四半期 quarterly, 半期 half-yearly, 年度 yearly).",
  },
  {
    key: "dueBusinessDays",
    ja: "提出期限(期末から営業日)",
    en: "Due (business days after period end)",
    type: "integer",
    required: true,
    min: 0,
    max: 60,
    defaultValue: "10",
    noteJa: "期末から何営業日後を提出期限とするかです。",
    noteEn: "Reports are due this many business days after the period ends.",
  },
  {
    key: "preNoticeDays",
    ja: "事前通知(営業日前)",
    en: "Pre-notice (business days before)",
    type: "integer",
    required: false,
    min: 0,
    max: 30,
    defaultValue: "3",
    noteJa: "期限の何営業日前に事前通知を送るかです（0 で送りません）。",
    noteEn: "Send a pre-notice this many business days before the due date (0: none).",
  },
  {
    key: "reminderInterval",
    ja: "督促間隔(営業日)",
    en: "Reminder interval (business days)",
    type: "integer",
    required: false,
    min: 1,
    max: 30,
    defaultValue: "3",
    noteJa: "期限を過ぎた後、何営業日ごとに督促するかです。",
    noteEn: "After the due date, remind every this many business days.",
  },
  {
    key: "escalationDays",
    ja: "エスカレーション(期限後営業日)",
    en: "Escalation (business days after due)",
    type: "integer",
    required: false,
    min: 1,
    max: 60,
    defaultValue: "10",
    noteJa: "期限後この営業日数を過ぎると、上位責任者を CC に加えます。",
    noteEn: "After this many business days overdue, the escalation contact is copied.",
  },
  {
    key: "senderName",
    ja: "送信者名",
    en: "Sender name",
    type: "text",
    required: false,
    defaultValue: "行政経営課",
    noteJa: "リマインダーの差出人名です。",
    noteEn: "Sender name of reminder e-mails.",
  },
  {
    key: "replyTo",
    ja: "返信先",
    en: "Reply-to",
    type: "email",
    required: false,
    defaultValue: "",
    noteJa: "リマインダーへの返信先メールアドレスです。",
    noteEn: "Reply-to address of reminder e-mails.",
  },
  {
    key: "outputFolderId",
    ja: "出力フォルダID",
    en: "Output folder ID",
    type: "text",
    required: false,
    defaultValue: "",
    noteJa:
      "報告書・スライドを保存する Google ドライブのフォルダ ID です（空欄ならこのスプレッドシートと同じフォルダ）。",
    noteEn: "Google Drive folder ID for reports and decks (empty: the spreadsheet's folder).",
  },
  {
    key: "docsTemplateId",
    ja: "Docsテンプレート",
    en: "Docs template",
    type: "text",
    required: false,
    defaultValue: "",
    noteJa: "柱別報告書のひな形とする Google ドキュメントの ID です（空欄なら標準レイアウト）。",
    noteEn: "Google Doc ID used as the pillar report template (empty: built-in layout).",
  },
  {
    key: "slidesTemplateId",
    ja: "Slidesテンプレート",
    en: "Slides template",
    type: "text",
    required: false,
    defaultValue: "",
    noteJa: "年次報告スライドのひな形とする Google スライドの ID です（空欄なら標準デザイン）。",
    noteEn: "Google Slides ID used as the annual deck template (empty: built-in design).",
  },
  {
    key: "grades",
    ja: "評価区分",
    en: "Grades",
    type: "grades",
    required: true,
    defaultValue: DEFAULT_GRADES,
    noteJa: "評価の記号と意味を「記号:意味」の形で空白区切りに並べます。",
    noteEn: "Grade codes and meanings as 'code:meaning' separated by spaces.",
  },
  {
    key: "gradeRules",
    ja: "評価基準",
    en: "Grade thresholds",
    type: "thresholds",
    required: false,
    defaultValue: DEFAULT_GRADE_RULES,
    noteJa:
      "達成率から評価を決める基準です。「A≥100% B≥80% C≥50% D」のように高い順に並べ、最後の記号は数値なし（それ未満すべて）にします。記号は評価区分の記号を使います（S〜C、◎○△× なども可）。",
    noteEn:
      "How the grade follows from the achievement rate: 'A≥100% B≥80% C≥50% D', highest first; the last code has no number (everything below). Codes are those of Grades.",
  },
  {
    key: "issuingDivision",
    ja: "発行課",
    en: "Issuing division",
    type: "text",
    required: false,
    defaultValue: "",
    noteJa: "報告書とスライドの表紙に載せる発行元の課名です（空欄なら送信者名）。",
    noteEn: "Division named as the issuer on the report and deck covers (empty: the sender name).",
  },
  {
    key: "reportDate",
    ja: "報告日",
    en: "Report date",
    type: "date",
    required: false,
    defaultValue: "",
    noteJa:
      "報告書とスライドの表紙の日付です（空欄なら報告する年度の末日、例: 平成24年度なら2013年3月31日）。",
    noteEn:
      "Date printed on the report and deck covers (empty: the last day of the reported fiscal year).",
  },
  {
    key: "digestLimit",
    ja: "ダイジェスト最大件数",
    en: "Digest item limit",
    type: "integer",
    required: false,
    min: 1,
    max: 500,
    defaultValue: String(DEFAULT_DIGEST_LIMIT),
    noteJa:
      "リマインダー1通に載せる取組の最大件数です。超えた分は件数と登録簿へのリンクで知らせます。",
    noteEn:
      "Most items listed in one reminder digest; the rest are given as a count and a link to the registry.",
  },
  {
    key: "lang",
    ja: "言語",
    en: "Language",
    type: "enum",
    values: LANGUAGES,
    required: false,
    defaultValue: "ja",
    noteJa: "メッセージの言語です（ja / en）。",
    noteEn: "Language of messages (ja / en).",
  },
  {
    key: "sendHour",
    ja: "送信時刻",
    en: "Send time",
    type: "hour",
    required: false,
    min: 0,
    max: 23,
    defaultValue: "8",
    noteJa: "リマインダーを毎日送る時刻（時、0〜23）です。",
    noteEn: "Hour of the day (0-23) when reminders are sent.",
  },
  {
    key: "approvers",
    ja: "確認者メール",
    en: "Approvers",
    type: "emails",
    required: false,
    defaultValue: "",
    noteJa:
      "進捗を「確認済」にし、確認済の行を修正できる担当者（企画政策課・行政経営課）のメールアドレスです。カンマ区切りで複数入力できます。空欄なら初期設定を行った人だけです。",
    noteEn:
      "E-mail addresses (comma-separated) of the planning staff who confirm progress and may change confirmed rows. Empty: only the person who ran setup.",
  },
];

export function settingDef(key: SettingKey): SettingDef {
  const def = SETTINGS.find((s) => s.key === key);
  if (!def) throw new Error(`unknown setting ${key}`);
  return def;
}
