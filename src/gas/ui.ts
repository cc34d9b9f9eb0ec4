import { ScriptLock } from "./services";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Ui = GoogleAppsScript.Base.Ui;

/**
 * Runs a menu task under the script lock: a busy lock gets a polite "try again later", a failure
 * a Japanese dialog (never a stack trace), and the detail goes to the execution log. The task
 * returns what to show; it is shown after the lock is released, since an alert waits for a click.
 */
export function runMenuTask(task: string, fn: (ss: Spreadsheet, ui: Ui) => () => void): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  try {
    const show = new ScriptLock().withLock(() => fn(ss, ui));
    if (show) show();
    else {
      ui.alert(
        "計画管理",
        "ほかの処理が実行中です。しばらくしてからもう一度お試しください。",
        ui.ButtonSet.OK,
      );
    }
  } catch (e) {
    reportFailure(task, e);
  }
}

/** What users see when something goes wrong: a polite Japanese dialog, the detail in the log. */
export function reportFailure(task: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  console.error(`${task} failed`, error);
  // a setting that must be fixed: its message already says what to do
  if (error instanceof Error && error.name === "OutputUnreachable") {
    SpreadsheetApp.getUi().alert(task, detail, SpreadsheetApp.getUi().ButtonSet.OK);
    return;
  }
  SpreadsheetApp.getUi().alert(
    task,
    `${task}を完了できませんでした。時間をおいてもう一度お試しください。解決しない場合は、次の内容を管理者にお知らせください。\n\n${detail}`,
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}
