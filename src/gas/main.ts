/**
 * GAS entry points. Every export here becomes a top-level function in dist/Code.js
 * (scripts/build.mjs writes the stubs), so GAS lists it and menus and triggers can call it.
 */

import { FUJIEDA_PLAN } from "../../sheets-templates";
import { refreshDashboard } from "../app/refresh-dashboard";
import { describeSetup, setupRegistry } from "../app/setup";
import { validateAll } from "../app/validate-all";
import { handleInstalledEdit, handleSimpleEdit } from "./edit-handlers";
import { ProjectTriggers } from "./edit-support";
import { MENU_ITEMS, MENU_TITLE } from "./menu";
import { problemsHtml } from "./problems-view";
import { GasRegistryStore } from "./registry-store";
import { NoLock, ToastProgress } from "./services";
import { runMenuTask } from "./ui";

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
    return () => ui.alert("初期設定", describeSetup(result), ui.ButtonSet.OK);
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
    handleInstalledEdit(e);
  } catch (err) {
    console.error("onEditInstalled failed", err);
  }
}
