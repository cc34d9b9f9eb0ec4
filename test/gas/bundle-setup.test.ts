/**
 * dist/Code.js as GAS runs it: loaded with gas-local into a context holding only the fake's
 * globals, driven through its top-level functions the way the menu and triggers call them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHEETS } from "../../src/domain/schema";
import { MENU_ITEMS } from "../../src/gas/menu";
import { DIST, loadBundle, topLevelFunctions } from "../support/bundle";

const SHEET_NAMES = SHEETS.map((s) => s.ja);

/** calls that write cell content: values, formulas, rich text, appended rows */
const CONTENT_WRITE =
  /^(Range\.(setValues?|setFormulas?|setFormulasR1C1|setFormulaR1C1|setRichTextValues?)|Sheet\.appendRow)$/;

describe("dist/Code.js", () => {
  it("declares onOpen and every menu handler as a top-level function", () => {
    const top = topLevelFunctions();
    const handlers = MENU_ITEMS.flatMap((i) => (i ? [i.handler] : []));
    for (const name of ["onOpen", ...handlers]) expect(top).toContain(name);
    const entryPoints = JSON.parse(
      readFileSync(join(DIST, "entrypoints.json"), "utf8"),
    ) as string[];
    for (const name of entryPoints) expect(top).toContain(name);
  });

  it("uses no Node API and ships the manifest with Tokyo time, V8 and the scopes README argues", () => {
    const code = readFileSync(join(DIST, "Code.js"), "utf8");
    expect(code).not.toMatch(/\brequire\(|process\.env|Buffer\./);
    const manifest = JSON.parse(readFileSync(join(DIST, "appsscript.json"), "utf8"));
    expect(manifest.timeZone).toBe("Asia/Tokyo");
    expect(manifest.runtimeVersion).toBe("V8");
    // 照会ファイル creates and reopens per-division spreadsheets (SpreadsheetApp.create /
    // openByUrl), which spreadsheets.currentonly does not allow:
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String)
    expect(manifest.oauthScopes).toContain("https://www.googleapis.com/auth/spreadsheets");
    expect(manifest.oauthScopes).not.toContain(
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
    );
    // drive, not drive.file: 出力フォルダID, the spreadsheet's folder and the templates are files
    // the app did not create (README, "Permissions"); drive.readonly could not copy templates.
    expect(manifest.oauthScopes).toContain("https://www.googleapis.com/auth/drive");
    expect(manifest.oauthScopes).not.toContain("https://www.googleapis.com/auth/drive.file");
    expect(manifest.dependencies.enabledAdvancedServices).toContainEqual(
      expect.objectContaining({ userSymbol: "Slides", serviceId: "slides" }),
    );
  });
});

describe("onOpen and 初期設定 through the bundle", () => {
  it("adds the 計画管理 menu with the setup item", () => {
    const { fake, call } = loadBundle();
    call("onOpen");
    const menu = fake.ui.menus.find((m) => m.title === "計画管理");
    expect(menu?.items).toContainEqual(
      expect.objectContaining({ caption: "初期設定", functionName: "menuSetup" }),
    );
  });

  it("creates every sheet with bold frozen headers, dropdowns and the seed plan on a blank spreadsheet", () => {
    const { fake, call } = loadBundle();
    call("menuSetup");
    const ss = fake.spreadsheet;
    const names = ss.getSheets().map((s) => s.getName());
    for (const name of SHEET_NAMES) expect(names).toContain(name);

    const measures = ss.getSheetByName("取組");
    expect(measures?.getFrozenRows()).toBe(1);
    const header = measures?.getRange(1, 1, 1, 11);
    expect(header?.getValues()[0]?.slice(0, 4)).toEqual(["取組ID", "柱ID", "取組内容", "主担当課"]);
    expect(header?.getFontWeights()[0]?.[0]).toBe("bold");
    const rows = measures?.getRange(2, 1, 14, 4).getValues() ?? [];
    expect(rows.map((r) => r[0])).toEqual([
      "1-1",
      "1-2",
      "1-3",
      "2-1",
      "2-2",
      "3-1",
      "3-2",
      "4-1",
      "4-2",
      "4-3",
      "5-1",
      "5-2",
      "6-1",
      "6-2",
    ]);
    expect(rows[2]?.[2]).toBe(
      "新採10年で3か所の経験(ジェネラリスト)と職の公募制(スペシャリスト)で適正配置",
    );
    expect(measures?.getLastRow()).toBe(15);
    expect(ss.getSheetByName("柱")?.getLastRow()).toBe(7);

    const progress = ss.getSheetByName("進捗");
    const period = progress?.getRange("C2").getDataValidation();
    expect(period?.getCriteriaValues()[0]).toEqual([
      "第1四半期",
      "第2四半期",
      "第3四半期",
      "第4四半期",
    ]);
    const status = progress?.getRange("L500").getDataValidation();
    expect(status?.getCriteriaValues()[0]).toEqual(["未提出", "提出済", "確認済", "差戻し"]);
    const lead = measures?.getRange("D2").getDataValidation();
    expect(String(lead?.getCriteriaType())).toBe("VALUE_IN_RANGE");

    const dialog = fake.ui.alerts.at(-1);
    expect(String(dialog?.message ?? "")).toContain("「取組」シートを作成しました（14行）。");
  });

  it("writes each sheet's data in one batched setValues", () => {
    const { fake, call } = loadBundle();
    call("menuSetup");
    for (const name of SHEET_NAMES) {
      // every call that writes cell content counts, single-cell ones included
      const writes = fake.ledger
        .calls()
        .filter((e) => CONTENT_WRITE.test(e.method) && e.sheet === name);
      expect(
        writes.map((e) => e.method),
        name,
      ).toEqual(writes.length === 0 ? [] : ["Range.setValues"]);
    }
    const reads = fake.ledger.reads();
    expect(reads).toEqual([]);
  });

  it("is idempotent: a second run adds nothing and keeps what people typed", () => {
    const { fake, call } = loadBundle();
    call("menuSetup");
    fake.edit("進捗", "A2:E2", [["'1-1", 2012, "第1四半期", 3, "B"]]);
    fake.edit("柱", "D2", "（入力）職員が誇りを持てる市役所");
    const snapshot = () =>
      fake.spreadsheet.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()] as const);
    const before = snapshot();
    const mark = fake.ledger.mark();
    call("menuSetup");
    expect(snapshot()).toEqual(before);
    expect(
      fake.ledger
        .since(mark)
        .calls()
        .filter((e) => e.method === "Range.setValues"),
    ).toEqual([]);
    expect(fake.spreadsheet.getSheets()).toHaveLength(before.length);
    expect(String(fake.ui.alerts.at(-1)?.message ?? "")).toContain("登録簿はすでに整っています");
  });

  it("adds a deleted sheet back without touching the others", () => {
    const { fake, call } = loadBundle();
    call("menuSetup");
    const closures = fake.spreadsheet.getSheetByName("閉庁日");
    if (closures) fake.spreadsheet.deleteSheet(closures);
    call("menuSetup");
    expect(fake.spreadsheet.getSheetByName("閉庁日")?.getRange(1, 1, 1, 2).getValues()).toEqual([
      ["日付", "名称"],
    ]);
    expect(fake.spreadsheet.getSheetByName("取組")?.getLastRow()).toBe(15);
  });

  it("tells the user politely, in Japanese, when another run holds the lock", () => {
    const { fake, call } = loadBundle();
    fake.faults.holdLock();
    call("menuSetup");
    expect(String(fake.ui.alerts.at(-1)?.message ?? "")).toContain("ほかの処理が実行中です");
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).not.toContain("取組");
  });

  it("reports a failure in a Japanese dialog instead of a stack trace", () => {
    const { fake, call } = loadBundle();
    fake.faults.throwOn("Spreadsheet.insertSheet", 3);
    expect(() => call("menuSetup")).not.toThrow();
    expect(String(fake.ui.alerts.at(-1)?.message ?? "")).toContain(
      "初期設定を完了できませんでした",
    );
  });
});

describe("初期設定 on an existing registry", () => {
  it("logs what it changed to 変更履歴 (script edits are logged by the code that makes them)", () => {
    const { fake, call } = loadBundle();
    call("menuSetup");
    fake.edit("進捗", "K1", "");
    call("menuSetup");
    const log = fake.spreadsheet.getSheetByName("変更履歴")?.getDataRange().getValues() ?? [];
    expect(log.slice(1).map((r) => [r[1], r[2], r[5]])).toEqual([
      ["planner@example.jp", "進捗", "初期設定: 「進捗」に見出し「報告日」を追加しました。"],
    ]);
  });
});

describe("one trigger owner per spreadsheet", () => {
  const OWNER = "planner@city.fujieda.example";
  const COLLEAGUE = "kikaku2@city.fujieda.example";

  function ownedBy(fake: ReturnType<typeof loadBundle>["fake"]) {
    const text = fake.properties.getScriptProperties().getProperty("genki.triggers");
    return JSON.parse(text ?? "null") as { owner: string; ids: string[] } | null;
  }

  it("records the owner and the trigger IDs; a colleague's 初期設定 says who owns them and adds none", () => {
    const { fake, callAs } = loadBundle({ user: OWNER });
    callAs(OWNER, "menuSetup");
    expect(ownedBy(fake)).toEqual({ owner: OWNER, ids: fake.triggers.map((t) => t.uid) });
    fake.ui.respond("OK", "NO");
    callAs(COLLEAGUE, "menuSetup");
    expect(fake.triggers).toHaveLength(2);
    expect(fake.triggers.every((t) => t.owner === OWNER)).toBe(true);
    const messages = fake.ui.alerts.slice(-2).map((a) => a.message);
    expect(messages[0]).toContain(`${OWNER} さんが所有しているため、変更していません`);
    expect(messages[1]).toContain("あなたが引き継ぎますか");
  });

  it("takes over when asked: one set of triggers fires, the former owner's retire themselves", () => {
    const { fake, callAs, handlers } = loadBundle({ user: OWNER });
    callAs(OWNER, "menuSetup");
    fake.ui.respond("OK", "YES", "OK");
    callAs(COLLEAGUE, "menuSetup");
    expect(ownedBy(fake)?.owner).toBe(COLLEAGUE);
    expect(fake.ui.alerts.at(-1)?.message).toContain(`${OWNER} さんから引き継ぎました`);
    fake.fireEdit("進捗", "H2", "実施しました", handlers, { user: COLLEAGUE });
    const logged = fake.values("変更履歴").filter((r) => r[2] === "進捗" && r[3] === "H2");
    expect(logged).toHaveLength(1);
    // the former owner's onEdit trigger deleted itself; the new owner's pair remains
    const onEdits = fake.triggers.filter((t) => t.handler === "onEditInstalled");
    expect(onEdits.map((t) => t.owner)).toEqual([COLLEAGUE]);
    expect(fake.triggers.filter((t) => t.owner === COLLEAGUE)).toHaveLength(2);
  });
});

describe("new tabs spend only the cells they need", () => {
  it("trims every tab 初期設定 creates to its columns, so a log row costs its own width", () => {
    const { fake, call } = loadBundle();
    call("menuSetup");
    const widths = Object.fromEntries(
      fake.spreadsheet.sheets
        .filter((s) => SHEET_NAMES.includes(s.name))
        .map((s) => [s.name, s.maxColumns]),
    );
    expect(widths["変更履歴"]).toBe(6);
    expect(widths["出力"]).toBe(6);
    expect(widths["送信記録"]).toBe(7);
    for (const s of fake.spreadsheet.sheets.filter((t) => SHEET_NAMES.includes(t.name))) {
      expect(s.maxColumns, s.name).toBe(Math.max(s.grid.lastColumn(), 1));
    }
  });
});
