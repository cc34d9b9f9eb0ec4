/** The 計画管理 menu: captions and the top-level handler each item calls. */
export interface MenuItem {
  readonly caption: string;
  readonly handler: string;
}

export const MENU_TITLE = "計画管理";

/** null stands for a separator. Handlers must be exported from main.ts (top level in Code.js). */
export const MENU_ITEMS: readonly (MenuItem | null)[] = [
  { caption: "全体チェック", handler: "menuValidate" },
  { caption: "ダッシュボードを更新", handler: "menuDashboard" },
  null,
  { caption: "リマインダーのプレビュー", handler: "menuRemindersPreview" },
  { caption: "リマインダーを今すぐ送信", handler: "menuRemindersSend" },
  null,
  { caption: "柱別報告書を作成", handler: "menuPillarDocs" },
  { caption: "年次報告スライドを作成", handler: "menuAnnualDeck" },
  null,
  { caption: "照会ファイルを作成", handler: "menuSurveyExport" },
  { caption: "回答を取り込む", handler: "menuSurveyImport" },
  null,
  { caption: "初期設定", handler: "menuSetup" },
];
