/**
 * GAS entry points. Every export here becomes a top-level function in dist/Code.js
 * (scripts/build.mjs writes the stubs), so GAS lists it and menus and triggers can call it.
 */

import { FUJIEDA_PLAN } from "../../sheets-templates/seed-plan";
import { refreshDashboard } from "../app/refresh-dashboard";
import { describeSetup, setupRegistry, setupTriggers } from "../app/setup";
import { validateAll } from "../app/validate-all";
import { formatFiscalYear } from "../domain/calendar";
import { AUDIT_FLUSH_HANDLER } from "./audit-queue";
import {
  flushAuditLog as flushAuditQueued,
  handleInstalledEdit,
  handleSimpleEdit,
} from "./edit-handlers";
import { ProjectTriggers, retiredTrigger } from "./edit-support";
import { clearFollowUps } from "./follow-up";
import { MENU_ITEMS, MENU_TITLE } from "./menu";
import { problemsHtml } from "./problems-view";
import { GasRegistryStore } from "./registry-store";
import {
  continueReminders as continueRemindersRun,
  previewReminders,
  runReminders,
  sendSummary,
} from "./reminders";
import {
  askFiscalYear,
  continueAnnualDeckRun,
  continuePillarDocsRun,
  outputsHtml,
  writeAnnualDeck,
  writePillarDocs,
} from "./reports";
import { NoLock, ToastProgress } from "./services";
import {
  askSurveyPeriod,
  importReportHtml,
  importSurveysFromOutputs,
  writeSurveys,
} from "./survey";
import { reportFailure, runMenuTask } from "./ui";

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item.caption, item.handler);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** Runs onOpen when the script is installed as an add-on or run by hand after creation. */
export function onInstall(): void {
  onOpen();
}

export function menuSetup(): void {
  runMenuTask("初期設定", (ss, ui) => {
    const deps = {
      store: new GasRegistryStore(ss),
      progress: new ToastProgress(ss),
      triggers: new ProjectTriggers(ss),
      audit: { user: Session.getActiveUser().getEmail(), clock: { now: () => new Date() } },
    };
    const result = setupRegistry(deps, FUJIEDA_PLAN);
    return () => {
      ui.alert("初期設定", describeSetup(result), ui.ButtonSet.OK);
      const owned = result.actions.find((a) => a.kind === "triggers-owned");
      if (owned?.kind !== "triggers-owned") return;
      const answer = ui.alert(
        "初期設定",
        `自動処理のトリガーは ${owned.owner} さんが所有しています。あなたが引き継ぎますか。\n「はい」を選ぶと、以後の自動処理はあなたの権限で動き、${owned.owner} さんのトリガーは次の実行時に自動で削除されます（二重には動きません）。`,
        ui.ButtonSet.YES_NO,
      );
      if (answer !== ui.Button.YES) return;
      const taken = setupTriggers(deps.triggers, result.sendHour, { takeOver: true });
      ui.alert("初期設定", describeSetup({ ...result, actions: taken }), ui.ButtonSet.OK);
    };
  });
}

export function menuValidate(): void {
  runMenuTask("全体チェック", (ss, ui) => {
    const deps = {
      store: new GasRegistryStore(ss),
      clock: { now: () => new Date() },
      progress: new ToastProgress(ss),
    };
    const result = validateAll(deps);
    if (result.problems.length === 0) {
      return () => ui.alert("全体チェック", "問題は見つかりませんでした。", ui.ButtonSet.OK);
    }
    const html = HtmlService.createHtmlOutput(problemsHtml(result)).setTitle("全体チェックの結果");
    return () => ui.showSidebar(html);
  });
}

export function menuDashboard(): void {
  runMenuTask("ダッシュボードの更新", (ss) => {
    const deps = {
      store: new GasRegistryStore(ss),
      clock: { now: () => new Date() },
      lock: new NoLock(),
    };
    const dashboard = refreshDashboard(deps);
    const sheet = ss.getSheetByName("ダッシュボード");
    if (sheet) ss.setActiveSheet(sheet);
    const period = dashboard?.period;
    return () =>
      ss.toast(
        period ? `${period.labelJa}の状況を更新しました。` : "ダッシュボードを更新しました。",
        "計画管理",
        5,
      );
  });
}

/** Simple trigger: checks the edited cells as people type (never throws at them). */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    handleSimpleEdit(e);
  } catch (err) {
    console.error("onEdit check failed", err);
  }
}

/** Installable trigger created by 初期設定: 変更履歴 and the 確認済 lock. */
export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    if (retiredTrigger(e as { triggerUid?: string })) return;
    handleInstalledEdit(e);
  } catch (err) {
    console.error("onEditInstalled failed", err);
  }
}

/** One-off follow-up: moves 変更履歴 lines queued while the lock was busy to the sheet. */
export function flushAuditLog(): void {
  try {
    clearFollowUps(AUDIT_FLUSH_HANDLER);
    flushAuditQueued();
  } catch (err) {
    console.error("flushAuditLog failed", err);
  }
}

/** Daily time-driven trigger (created by 初期設定 at 送信時刻). */
export async function runDailyReminders(e?: { triggerUid?: string }): Promise<void> {
  const startedAt = new Date();
  try {
    if (retiredTrigger(e)) return;
    await runReminders(false, startedAt);
  } catch (err) {
    console.error("runDailyReminders failed", err);
  }
}

/** One-off follow-up when a run stopped before the 6-minute limit. */
export async function continueReminders(): Promise<void> {
  const startedAt = new Date();
  try {
    await continueRemindersRun(startedAt);
  } catch (err) {
    console.error("continueReminders failed", err);
  }
}

export async function menuRemindersPreview(): Promise<void> {
  try {
    const html = await previewReminders();
    SpreadsheetApp.getUi().showModalDialog(
      HtmlService.createHtmlOutput(html).setWidth(760).setHeight(560),
      "リマインダーのプレビュー（未送信）",
    );
  } catch (e) {
    reportFailure("リマインダーのプレビュー", e);
  }
}

export async function menuRemindersSend(): Promise<void> {
  // GAS's 6 minutes run from here: the time the confirm dialog stays open counts.
  const startedAt = new Date();
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    "リマインダーを今すぐ送信",
    "本日分のリマインダーを送信します。よろしいですか。",
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return;
  try {
    const result = await runReminders(true, startedAt);
    ui.alert("リマインダーを今すぐ送信", sendSummary(result), ui.ButtonSet.OK);
  } catch (e) {
    reportFailure("リマインダーの送信", e);
  }
}

export async function menuPillarDocs(): Promise<void> {
  // GAS's 6 minutes run from here: the time the year prompt stays open counts.
  const startedAt = new Date();
  const title = "柱別報告書を作成";
  const fy = askFiscalYear(title);
  if (fy === undefined) return;
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const run = await writePillarDocs(ss, fy, startedAt);
    const note =
      run.remaining.length > 0
        ? `${run.outputs.length} 件を作成しました。残り ${run.remaining.length} 件は1分後に自動で続けて作成します。`
        : `${formatFiscalYear(fy, "ja")}の柱別報告書を ${run.outputs.length} 件作成しました。`;
    SpreadsheetApp.getUi().showModalDialog(
      HtmlService.createHtmlOutput(outputsHtml(run.outputs, note)).setWidth(560).setHeight(360),
      title,
    );
  } catch (e) {
    reportFailure(title, e);
  }
}

export async function menuAnnualDeck(): Promise<void> {
  // GAS's 6 minutes run from here: the time the year prompt stays open counts.
  const startedAt = new Date();
  const title = "年次報告スライドを作成";
  const fy = askFiscalYear(title);
  if (fy === undefined) return;
  try {
    const output = await writeAnnualDeck(SpreadsheetApp.getActiveSpreadsheet(), fy, startedAt);
    const note = output.unfinished
      ? `${formatFiscalYear(fy, "ja")}の年次報告スライドを作成中です。残りのスライドは1分後に自動で続けて作成し、完成したら「出力」シートに記録します。`
      : `${formatFiscalYear(fy, "ja")}の年次報告スライドを作成しました。`;
    SpreadsheetApp.getUi().showModalDialog(
      HtmlService.createHtmlOutput(outputsHtml([output], note, !output.unfinished))
        .setWidth(560)
        .setHeight(240),
      title,
    );
  } catch (e) {
    reportFailure(title, e);
  }
}

/** One-off follow-up when pillar documents did not all fit in one run. */
export async function continuePillarDocs(): Promise<void> {
  const startedAt = new Date();
  try {
    await continuePillarDocsRun(startedAt);
  } catch (err) {
    console.error("continuePillarDocs failed", err);
  }
}

/** One-off follow-up when the annual deck did not fit in one run. */
export async function continueAnnualDeck(): Promise<void> {
  const startedAt = new Date();
  try {
    await continueAnnualDeckRun(startedAt);
  } catch (err) {
    console.error("continueAnnualDeck failed", err);
  }
}

/** 照会ファイルを作成: one Google Sheet per division for the period, logged in 出力. */
export async function menuSurveyExport(): Promise<void> {
  const title = "照会ファイルを作成";
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const period = askSurveyPeriod(title, ss);
  if (!period) return;
  try {
    const files = await writeSurveys(ss, period);
    const note = `${formatFiscalYear(period.fy, "ja")} ${period.labelJa}の照会ファイルを ${files.length} 件作成しました。各所属に共有してください。`;
    SpreadsheetApp.getUi().showModalDialog(
      HtmlService.createHtmlOutput(outputsHtml(files, note)).setWidth(560).setHeight(360),
      title,
    );
  } catch (e) {
    reportFailure(title, e);
  }
}

/** 回答を取り込む: merges the period's answer files; the report opens in a sidebar. */
export function menuSurveyImport(): void {
  const title = "回答を取り込む";
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const period = askSurveyPeriod(title, ss);
  if (!period) return;
  runMenuTask(title, (active, ui) => {
    const r = importSurveysFromOutputs(active, period);
    const label = `${formatFiscalYear(period.fy, "ja")} ${period.labelJa}`;
    const html = HtmlService.createHtmlOutput(importReportHtml(r, label)).setTitle(
      "回答の取り込み結果",
    );
    return () => ui.showSidebar(html);
  });
}
