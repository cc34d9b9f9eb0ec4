/**
 * GAS entry points. Every export here becomes a top-level function in dist/Code.js
 * (scripts/build.mjs writes the stubs), so GAS lists it and menus and triggers can call it.
 */

import { FUJIEDA_PLAN } from "../../sheets-templates";
import { describeSetup, setupRegistry } from "../app/setup";
import { validateAll } from "../app/validate-all";
import { MENU_ITEMS, MENU_TITLE } from "./menu";
import { problemsHtml } from "./problems-view";
import { GasRegistryStore } from "./registry-store";
import { ScriptLock, ToastProgress } from "./services";
import { reportFailure } from "./ui";

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
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  try {
    const result = new ScriptLock().withLock(() =>
      setupRegistry(
        { store: new GasRegistryStore(ss), progress: new ToastProgress(ss) },
        FUJIEDA_PLAN,
      ),
    );
    if (!result) {
      ui.alert(
        "計画管理",
        "ほかの処理が実行中です。しばらくしてからもう一度お試しください。",
        ui.ButtonSet.OK,
      );
      return;
    }
    ui.alert("初期設定", describeSetup(result), ui.ButtonSet.OK);
  } catch (e) {
    reportFailure("初期設定", e);
  }
}

export function menuValidate(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  try {
    const deps = {
      store: new GasRegistryStore(ss),
      clock: { now: () => new Date() },
      progress: new ToastProgress(ss),
    };
    const result = new ScriptLock().withLock(() => validateAll(deps));
    if (!result) {
      ui.alert(
        "計画管理",
        "ほかの処理が実行中です。しばらくしてからもう一度お試しください。",
        ui.ButtonSet.OK,
      );
      return;
    }
    if (result.problems.length === 0) {
      ui.alert("全体チェック", "問題は見つかりませんでした。", ui.ButtonSet.OK);
      return;
    }
    ui.showSidebar(
      HtmlService.createHtmlOutput(problemsHtml(result)).setTitle("全体チェックの結果"),
    );
  } catch (e) {
    reportFailure("全体チェック", e);
  }
}
