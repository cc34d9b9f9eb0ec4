/** What users see when something goes wrong: a polite Japanese dialog, the detail in the log. */
export function reportFailure(task: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  console.error(`${task} failed`, error);
  SpreadsheetApp.getUi().alert(
    task,
    `${task}を完了できませんでした。時間をおいてもう一度お試しください。解決しない場合は、次の内容を管理者にお知らせください。\n\n${detail}`,
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}
