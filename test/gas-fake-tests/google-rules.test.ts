/**
 * The fake refuses what Google refuses: one test per documented rule (the rule and its reference
 * URL sit beside the code in test/gas-fake).
 */
import { describe, expect, it } from "vitest";
import { ALL_SCOPES, createGasFake } from "../gas-fake";

describe("what Sheets takes for a formula", () => {
  it("reads text starting with = + - or @ as a formula, typed or set as a value", () => {
    const fake = createGasFake();
    fake.seed("t", [["x"]]);
    const sheet = fake.services.SpreadsheetApp.getActive().getSheetByName("t");
    sheet?.getRange("A1:D1").setValues([["=1+2", "+81-3", "-A1", "@SUM(A1)"]]);
    expect(sheet?.getRange("A1:D1").getFormulas()).toEqual([
      ["=1+2", "=+81-3", "=-A1", "=SUM(A1)"],
    ]);
    fake.edit("t", "A2", "+1+1");
    expect(fake.inspect("t", "A2")[0]?.[0]?.formula).toBe("=+1+1");
  });

  it("keeps numbers, a lone sign and apostrophe text as values", () => {
    const fake = createGasFake();
    fake.seed("t", [["x"]]);
    const sheet = fake.services.SpreadsheetApp.getActive().getSheetByName("t");
    sheet?.getRange("A1:D1").setValues([["-3", "+4.5", "-", "'+81-3"]]);
    expect(sheet?.getRange("A1:D1").getValues()).toEqual([[-3, 4.5, "-", "+81-3"]]);
    expect(sheet?.getRange("A1:D1").getFormulas()).toEqual([["", "", "", ""]]);
  });
});

const DRIVE_FILE_ONLY = [
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/drive.file",
];

describe("scopes from the manifest", () => {
  it("refuses DriveApp with drive.file only, in Google's words", () => {
    const fake = createGasFake({ oauthScopes: DRIVE_FILE_ONLY });
    const folder = fake.addFolder("出力");
    expect(() => fake.services.DriveApp.getFolderById(folder.id)).toThrow(
      "You do not have permission to call DriveApp.getFolderById. Required permissions: (https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive)",
    );
    expect(fake.ledger.calls().at(-1)?.error).toContain("You do not have permission");
  });

  it("needs drive itself for a copy, drive.readonly is not enough", () => {
    const fake = createGasFake({
      oauthScopes: ["https://www.googleapis.com/auth/drive.readonly"],
    });
    const doc = fake.addDocument("テンプレート");
    const file = fake.services.DriveApp.getFileById(doc.id);
    expect(() => file.makeCopy("写し")).toThrow(
      "You do not have permission to call File.makeCopy. Required permissions: https://www.googleapis.com/auth/drive",
    );
  });

  it("reads the repository's appsscript.json by default", () => {
    const fake = createGasFake();
    // the manifest grants spreadsheets (照会ファイル opens other spreadsheets) and drive
    expect(() => fake.services.SpreadsheetApp.getActive().getName()).not.toThrow();
    expect(() => fake.services.SpreadsheetApp.openById(fake.spreadsheet.getId())).not.toThrow();
    const doc = fake.addDocument("テンプレート");
    expect(() => fake.services.DriveApp.getFileById(doc.id).makeCopy("写し")).not.toThrow();
    // the same calls under a manifest with spreadsheets.currentonly alone are refused
    const narrow = createGasFake({
      oauthScopes: ["https://www.googleapis.com/auth/spreadsheets.currentonly"],
    });
    expect(() => narrow.services.SpreadsheetApp.openById(narrow.spreadsheet.getId())).toThrow(
      "Required permissions: https://www.googleapis.com/auth/spreadsheets",
    );
  });
});

describe("authorization modes and time limits", () => {
  it("a simple trigger runs LIMITED: the bound sheet yes, mail, triggers and dialogs no", () => {
    const fake = createGasFake({ oauthScopes: ALL_SCOPES });
    fake.startExecution("simple");
    expect(fake.execution.authMode).toBe("LIMITED");
    expect(() => fake.services.SpreadsheetApp.getActive().getSheets()).not.toThrow();
    expect(() => fake.services.CacheService.getScriptCache().put("k", "v")).not.toThrow();
    expect(() => fake.services.MailApp.sendEmail("a@example.jp", "s", "b")).toThrow(
      "You do not have permission to call MailApp.sendEmail",
    );
    expect(() => fake.services.ScriptApp.getProjectTriggers()).toThrow(
      "You do not have permission to call ScriptApp.getProjectTriggers",
    );
    const html = fake.services.HtmlService.createHtmlOutput("<p>x</p>");
    expect(() => fake.services.SpreadsheetApp.getUi().showSidebar(html)).toThrow(
      "You do not have permission to call Ui.showSidebar",
    );
    expect(fake.mail.sent).toHaveLength(0);
  });

  it("stops a simple trigger after 30 s and a menu run after 6 minutes of fake time", () => {
    const fake = createGasFake();
    const props = fake.services.PropertiesService.getScriptProperties();
    fake.startExecution("simple");
    fake.clock.advance(30_001);
    expect(() => props.getProperty("x")).toThrow("Exceeded maximum execution time");
    fake.startExecution("menu");
    fake.clock.advance(5 * 60_000);
    expect(() => props.getProperty("x")).not.toThrow();
    fake.clock.advance(60_000);
    expect(() => props.getProperty("x")).toThrow("Exceeded maximum execution time");
  });

  it("counts the time a person takes to answer a dialog", () => {
    const fake = createGasFake();
    fake.startExecution("menu");
    fake.ui.thinkMs = 6 * 60_000;
    const ui = fake.services.SpreadsheetApp.getUi();
    ui.alert("確認", "よろしいですか。", ui.ButtonSet.YES_NO);
    expect(() => ui.alert("続き")).toThrow("Exceeded maximum execution time");
  });
});

describe("users, domains and triggers", () => {
  const OWNER = "planner@city.example.jp";
  const COLLEAGUE = "kikaku@city.example.jp";
  const OUTSIDER = "consultant@gmail.example.com";

  it("hides the e-mail of an editor outside the domain", () => {
    const fake = createGasFake({ user: OWNER });
    fake.startExecution("trigger", OWNER, COLLEAGUE);
    expect(fake.services.Session.getActiveUser().getEmail()).toBe(COLLEAGUE);
    fake.startExecution("trigger", OWNER, OUTSIDER);
    expect(fake.services.Session.getActiveUser().getEmail()).toBe("");
    expect(fake.services.Session.getEffectiveUser().getEmail()).toBe(OWNER);
  });

  it("lists only the caller's triggers, 20 per user per script", () => {
    const fake = createGasFake({ user: OWNER });
    const { ScriptApp } = fake.services;
    fake.startExecution("menu", OWNER);
    ScriptApp.newTrigger("daily").timeBased().everyDays(1).atHour(9).create();
    fake.startExecution("menu", COLLEAGUE);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`h${i}`).timeBased().after(60_000).create();
    expect(() => ScriptApp.newTrigger("h20").timeBased().after(60_000).create()).toThrow(
      "This script has too many triggers.",
    );
    fake.startExecution("menu", OWNER);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(["daily"]);
    expect(fake.triggers.filter((t) => t.owner === COLLEAGUE)).toHaveLength(20);
  });

  it("fires both the simple and the installable onEdit for one edit, in either order", () => {
    const fake = createGasFake({ user: OWNER });
    fake.seed("進捗", [["実績値"], [1]]);
    fake.startExecution("menu", OWNER);
    fake.services.ScriptApp.newTrigger("onEditInstalled")
      .forSpreadsheet(fake.services.SpreadsheetApp.getActive())
      .onEdit()
      .create();
    fake.endExecution();
    const seen: string[] = [];
    const handlers = {
      onEdit: (e: GoogleAppsScript.Events.SheetsOnEdit) =>
        seen.push(`simple:${String(e.authMode)}:${e.user.getEmail()}:${fake.execution.authMode}`),
      onEditInstalled: (e: GoogleAppsScript.Events.SheetsOnEdit) =>
        seen.push(`installed:${String(e.authMode)}:${e.user.getEmail()}:${fake.execution.user}`),
    };
    expect(fake.fireEdit("進捗", "A2", 2, handlers, { user: OUTSIDER })).toEqual([
      "onEdit",
      "onEditInstalled",
    ]);
    fake.fireEdit("進捗", "A2", 3, handlers, { user: COLLEAGUE, order: "installable-first" });
    expect(seen).toEqual([
      "simple:LIMITED::LIMITED",
      `installed:FULL::${OWNER}`,
      `installed:FULL:${COLLEAGUE}:${OWNER}`,
      `simple:LIMITED:${COLLEAGUE}:LIMITED`,
    ]);
  });
});

describe("locks", () => {
  it("waits for a holder that lets go within the timeout, fails otherwise", () => {
    const fake = createGasFake();
    const lock = fake.services.LockService.getScriptLock();
    const start = fake.clock.nowMs();
    fake.faults.holdLock("script", start + 5 * 60_000);
    expect(lock.tryLock(30_000)).toBe(false);
    expect(() => lock.waitLock(30_000)).toThrow("Lock timeout");
    fake.clock.advance(4 * 60_000);
    expect(lock.tryLock(30_000)).toBe(true);
    // it waited until the holder let go at 5 minutes, not its whole 30 s
    expect(fake.clock.nowMs()).toBeGreaterThanOrEqual(start + 5 * 60_000);
    expect(fake.clock.nowMs()).toBeLessThan(start + 5 * 60_000 + 1000);
  });

  it("keeps script, document and user locks separate; a user lock is per user", () => {
    const fake = createGasFake({ user: "a@city.example.jp" });
    fake.faults.holdLock("script");
    fake.faults.holdLock("user", Number.POSITIVE_INFINITY, "b@city.example.jp");
    const { LockService } = fake.services;
    expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
    expect(LockService.getScriptLock().tryLock(0)).toBe(false);
    fake.startExecution("menu", "b@city.example.jp");
    expect(LockService.getUserLock().tryLock(100)).toBe(false);
  });
});

describe("limits Google counts in bytes, characters and cells", () => {
  it("properties: 9 KB per value and 500 KB per store, in UTF-8 bytes", () => {
    const fake = createGasFake();
    const props = fake.services.PropertiesService.getScriptProperties();
    expect(() => props.setProperty("ja", "計".repeat(3_100))).toThrow("Argument too large: value"); // 9,300 bytes
    expect(() => props.setProperty("ascii", "a".repeat(9_000))).not.toThrow();
    expect(() => {
      for (let i = 0; i < 60; i++) props.setProperty(`k${i}`, "a".repeat(9_000));
    }).toThrow("You have exceeded the property storage quota.");
  });

  it("cache: 100 KB per value in bytes, keys up to 250 characters", () => {
    const cache = createGasFake().services.CacheService.getScriptCache();
    expect(() => cache.put("k", "計".repeat(34_200))).toThrow("Argument too large: value");
    expect(() => cache.put("k", "a".repeat(100 * 1024))).not.toThrow();
    expect(() => cache.put("k".repeat(251), "v")).toThrow("Argument too large: key");
  });

  it("cells: 50,000 characters per cell", () => {
    const fake = createGasFake();
    fake.seed("t", [["x"]]);
    const cell = fake.services.SpreadsheetApp.getActive().getSheetByName("t")?.getRange("A1");
    expect(() => cell?.setValue("あ".repeat(50_001))).toThrow(
      "Your input contains more than the maximum of 50000 characters in a single cell.",
    );
    expect(() => cell?.setValue("あ".repeat(50_000))).not.toThrow();
  });

  it("spreadsheet: 10 million cells over all tabs, empty cells included", () => {
    const fake = createGasFake();
    const ss = fake.services.SpreadsheetApp.getActive();
    const big = ss.insertSheet("big");
    big.insertRowsAfter(1000, 382_000); // 383,000 x 26 + the first tab 26,000 = 9,984,000 cells
    expect(() => ss.insertSheet("one more")).toThrow(
      "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
    );
    big.deleteColumns(2, 25);
    expect(() => ss.insertSheet("one more")).not.toThrow();
  });

  it("mail: 50 recipients and a 200 KB body per message", () => {
    const fake = createGasFake({ oauthScopes: ALL_SCOPES, mailQuota: 1000 });
    const { MailApp } = fake.services;
    const many = Array.from({ length: 51 }, (_, i) => `u${i}@example.jp`).join(",");
    expect(() => MailApp.sendEmail(many, "s", "b")).toThrow(
      "Limit Exceeded: Email Recipients Per Message.",
    );
    expect(() => MailApp.sendEmail("a@example.jp", "s", "本".repeat(70_000))).toThrow(
      "Limit Exceeded: Email Body Size.",
    );
    expect(fake.mail.sent).toHaveLength(0);
    expect(fake.mail.quota).toBe(1000);
  });
});

describe("no method is free by default", () => {
  it("throws for a method missing from the cost table instead of counting it as cheap", async () => {
    const { methodCost } = await import("../gas-fake/costs");
    expect(() => methodCost("Sheet.doSomethingNew")).toThrow(
      "costs.ts has no entry for Sheet.doSomethingNew",
    );
    // an unlisted getter is priced as a metadata read, never as free
    expect(methodCost("Sheet.getSomethingNew").ms).toBeGreaterThan(0);
    expect(() => methodCost("Range.getValues")).not.toThrow();
  });
});
