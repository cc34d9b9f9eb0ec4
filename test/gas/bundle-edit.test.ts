/** onEdit, onEditInstalled and ダッシュボード through dist/Code.js, with their call budgets. */
import { describe, expect, it } from "vitest";
import { MARK_PREFIX } from "../../src/domain/annotations";
import { loadBundle } from "../support/bundle";

const STAFF = "jinji@city.fujieda.example";

function ready() {
  const bundle = loadBundle();
  bundle.call("menuSetup");
  return bundle;
}

describe("onEdit: checking as people type", () => {
  it("marks a bad cell within 4 service calls and without reading whole sheets", () => {
    const { fake, call } = ready();
    call("menuValidate"); // warms the context cache as a normal day would
    const e = fake.edit("進捗", "A2:D2", [["1-1", 2012, "第1四半期", ""]]);
    call("onEdit", e);
    const typed = fake.edit("進捗", "D2", "１２件");
    const mark = fake.ledger.mark();
    call("onEdit", typed);
    const calls = fake.ledger.since(mark).calls();
    expect(calls.length, calls.map((c) => c.method).join(", ")).toBeLessThanOrEqual(4);
    expect(calls.filter((c) => c.method === "Range.getValues")).toEqual([]);
    const cell = fake.spreadsheet.getSheetByName("進捗")?.getRange("D2");
    expect(cell?.getNote()).toBe(
      `${MARK_PREFIX}「１２件」を数値 12 として読み取りました。単位や全角文字を付けず、半角数字だけで入力してください。`,
    );
    expect(cell?.getBackground()).toBe("#fce8b2");
  });

  it("clears the mark when the cell is fixed, and leaves a clean cell untouched", () => {
    const { fake, call } = ready();
    call("onEdit", fake.edit("進捗", "E2", "S"));
    const cell = fake.spreadsheet.getSheetByName("進捗")?.getRange("E2");
    expect(cell?.getNote()).toContain("評価「S」は評価区分にありません");
    call("onEdit", fake.edit("進捗", "E2", "B"));
    expect(cell?.getNote()).toBe("");
    expect(cell?.getBackground()).toBe("#ffffff");
    const mark = fake.ledger.mark();
    call("onEdit", fake.edit("進捗", "E2", "A"));
    expect(fake.ledger.since(mark).writes()).toEqual([]);
  });

  it("checks references against the cached IDs and every cell of a pasted block", () => {
    const { fake, call } = ready();
    call(
      "onEdit",
      fake.edit("進捗", "A2:C3", [
        ["9-9", 2012, "第1四半期"],
        ["1-1", 2030, "第5四半期"],
      ]),
    );
    const sheet = fake.spreadsheet.getSheetByName("進捗");
    expect(sheet?.getRange("A2").getNote()).toContain("9-9");
    expect(sheet?.getRange("B3").getNote()).toContain(MARK_PREFIX);
    expect(sheet?.getRange("C3").getNote()).toContain("第5四半期");
    expect(sheet?.getRange("A3").getNote()).toBe("");
  });

  it("sees a new 取組 right after it is added (the cached context is refreshed)", () => {
    const { fake, call } = ready();
    call("onEdit", fake.edit("進捗", "A2", "7-1"));
    expect(fake.spreadsheet.getSheetByName("進捗")?.getRange("A2").getNote()).toContain("7-1");
    call("onEdit", fake.edit("取組", "A16:D16", [["7-1", "柱-6", "新しい取組", "財政課"]]));
    call("onEdit", fake.edit("進捗", "A2", "7-1"));
    expect(fake.spreadsheet.getSheetByName("進捗")?.getRange("A2").getNote()).toBe("");
  });
});

describe("onEditInstalled: 変更履歴 and the 確認済 lock", () => {
  it("is created once by 初期設定", () => {
    const { fake, call } = ready();
    call("menuSetup");
    const audit = fake.triggers.filter((t) => t.getHandlerFunction() === "onEditInstalled");
    expect(audit).toHaveLength(1);
    expect(String(audit[0]?.getEventType())).toBe("ON_EDIT");
  });

  it("appends who changed which cell from what to what", () => {
    const { fake, call } = ready();
    fake.edit("進捗", "A2:D2", [["1-1", 2012, "第1四半期", 3]]);
    call("onEditInstalled", fake.edit("進捗", "D2", 5, { user: STAFF, authMode: "FULL" }));
    const log = fake.spreadsheet.getSheetByName("変更履歴")?.getDataRange().getValues() ?? [];
    expect(log).toHaveLength(2);
    expect(log[1]?.slice(1)).toEqual([STAFF, "進捗", "D2", 3, 5]);
    expect(Object.prototype.toString.call(log[1]?.[0])).toBe("[object Date]");
  });

  it("logs formula-like text as text", () => {
    const { fake, call } = ready();
    call("onEditInstalled", fake.edit("進捗", "G2", '\'=IMPORTXML("http://x")', { user: STAFF }));
    const log = fake.spreadsheet.getSheetByName("変更履歴");
    expect(log?.getRange("F2").getFormula()).toBe("");
    expect(log?.getRange("F2").getValue()).toBe('=IMPORTXML("http://x")');
  });

  it("puts back a staff edit to a 確認済 row with a note, and logs both", () => {
    const { fake, call } = ready();
    fake.edit("進捗", "A2:L2", [
      ["1-1", 2012, "第1四半期", 3, "B", "D", "", "", "", "", "", "確認済"],
    ]);
    call("onEditInstalled", fake.edit("進捗", "D2", 9, { user: STAFF }));
    const sheet = fake.spreadsheet.getSheetByName("進捗");
    expect(sheet?.getRange("D2").getValue()).toBe(3);
    expect(sheet?.getRange("D2").getNote()).toContain("「確認済」のため");
    const log = fake.spreadsheet.getSheetByName("変更履歴")?.getDataRange().getValues() ?? [];
    expect(log.map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
      ["利用者", "セル", "旧値", "新値"],
      [STAFF, "D2", 3, 9],
      ["計画管理（自動）", "D2", 9, 3],
    ]);
  });

  it("puts back old formula-like text on a 確認済 row as text, never as a live formula", () => {
    const { fake, call } = ready();
    fake.edit("進捗", "A2:L2", [
      [
        "1-1",
        2012,
        "第1四半期",
        3,
        "B",
        "D",
        '\'=IMPORTXML("http://x","//a")',
        "",
        "",
        "",
        "",
        "確認済",
      ],
    ]);
    call("onEditInstalled", fake.edit("進捗", "G2", "上書き", { user: STAFF }));
    const [cell] = fake.inspect("進捗", "G2")[0] ?? [];
    expect(cell?.formula).toBe("");
    expect(cell?.value).toBe('=IMPORTXML("http://x","//a")');
  });

  it("keeps the status at 確認済 unless an approver changes it", () => {
    const { fake, call } = ready();
    fake.edit("進捗", "A2:L2", [
      ["1-1", 2012, "第1四半期", 3, "B", "D", "", "", "", "", "", "確認済"],
    ]);
    call("onEditInstalled", fake.edit("進捗", "L2", "差戻し", { user: STAFF }));
    const status = fake.spreadsheet.getSheetByName("進捗")?.getRange("L2");
    expect(status?.getValue()).toBe("確認済");
    call("onEditInstalled", fake.edit("進捗", "L2", "差戻し")); // the planner who ran setup
    expect(status?.getValue()).toBe("差戻し");
  });
});

describe("ダッシュボードを更新", () => {
  it("writes per-pillar and per-division counts for the period being reported, in one write", () => {
    const { fake, call } = loadBundle({ now: "2012-10-20T09:00:00+09:00" });
    call("menuSetup");
    fake.edit("進捗", "A2:L3", [
      ["1-1", 2012, "第2四半期", 3, "B", "D", "実施", "", "", "", "", "提出済"],
      ["1-2", 2012, "第2四半期", 1, "A", "D", "実施", "", "", "", "", "確認済"],
    ]);
    const mark = fake.ledger.mark();
    call("menuDashboard");
    const writes = fake.ledger.since(mark).writes("ダッシュボード");
    expect(writes).toHaveLength(1);
    const rows =
      fake.spreadsheet.getSheetByName("ダッシュボード")?.getDataRange().getValues() ?? [];
    expect(rows[1]?.[1]).toBe("平成24年度 第2四半期（提出期限 2012-10-15）");
    expect(rows[2]).toEqual([
      "柱",
      "柱-1 真に市民の役に立つ職員の計画的・戦略的な育成",
      3,
      2,
      1,
      "A:1 B:1",
      0, // 期限後提出
      1, // 未提出(期限超過): 1-3, due 2012-10-15
    ]);
    expect(rows.find((r) => r[1] === "人事課")).toEqual([
      "所属",
      "人事課",
      10,
      2,
      1,
      "A:1 B:1",
      0,
      8,
    ]);
    expect(rows.at(-1)).toEqual(["合計", "全体", 14, 2, 1, "A:1 B:1", 0, 12]);
  });
});

describe("変更履歴 never misses an edit, whoever holds the lock", () => {
  it("logs all 200 edits exactly once while the daily run holds the script lock for 5 minutes", () => {
    const { fake, call, handlers } = ready();
    const start = fake.clock.nowMs();
    fake.faults.holdLock("script", start + 5 * 60_000);
    for (let i = 0; i < 200; i++) {
      const row = 2 + i;
      const e = fake.edit("進捗", `H${row}`, `実施内容 ${i}`, { user: STAFF, authMode: "FULL" });
      call("onEditInstalled", e);
      fake.clock.advance(Math.max(0, start + (i + 1) * 1_000 - fake.clock.nowMs())); // one a second
    }
    expect(fake.clock.nowMs()).toBeLessThan(start + 5 * 60_000); // all arrived while it was held
    fake.clock.advance(5 * 60_000);
    fake.runDueTriggers(handlers);
    const log = fake.values("変更履歴").slice(1);
    const cells = log.filter((r) => r[2] === "進捗").map((r) => String(r[3]));
    expect(cells).toHaveLength(200);
    expect(new Set(cells).size).toBe(200);
    expect(log.filter((r) => r[2] === "進捗").map((r) => r[5])).toEqual(
      Array.from({ length: 200 }, (_, i) => `実施内容 ${i}`),
    );
    // nothing left waiting, and the follow-up trigger is gone
    expect(Object.keys(fake.properties.getScriptProperties().getProperties())).not.toContainEqual(
      expect.stringMatching(/^genki\.audit\./),
    );
    expect(fake.triggers.filter((t) => t.handler === "flushAuditLog" && !t.fired)).toEqual([]);
  });
});

describe("the simple and the installable onEdit fire for the same edit", () => {
  const CONFIRMED = [["1-1", 2012, "第1四半期", 3, "B", "D", "", "", "", "", "", "確認済"]];

  it.each(["simple-first", "installable-first"] as const)(
    "%s: the value is put back, the lock note stays and the put-back value is not marked",
    (order) => {
      const { fake, call, handlers } = ready();
      fake.edit("進捗", "A2:L2", CONFIRMED);
      call("menuValidate");
      const ran = fake.fireEdit("進捗", "D2", "１２件", handlers, { user: STAFF, order });
      expect(ran).toEqual(
        order === "simple-first" ? ["onEdit", "onEditInstalled"] : ["onEditInstalled", "onEdit"],
      );
      const [cell] = fake.inspect("進捗", "D2")[0] ?? [];
      expect(cell?.value).toBe(3);
      expect(cell?.note).toContain("「確認済」のため");
      expect(cell?.background).toBe("#ffffff");
    },
  );
});

describe("editors outside the domain", () => {
  const OUTSIDER = "consultant@gmail.example.com";

  it("logs them as an unknown editor, and puts back their edit to a 確認済 row", () => {
    const { fake, handlers } = ready();
    fake.edit("進捗", "A2:L2", [
      ["1-1", 2012, "第1四半期", 3, "B", "D", "", "", "", "", "", "確認済"],
    ]);
    fake.edit("進捗", "A3:C3", [["1-2", 2012, "第1四半期"]]);
    fake.fireEdit("進捗", "D3", 7, handlers, { user: OUTSIDER });
    fake.fireEdit("進捗", "D2", 9, handlers, { user: OUTSIDER });
    const log = fake.values("変更履歴").filter((r) => r[2] === "進捗");
    expect(log.map((r) => [r[1], r[3], r[5]])).toEqual([
      ["（不明な編集者: 組織外のアカウント）", "D3", 7],
      ["（不明な編集者: 組織外のアカウント）", "D2", 9],
      ["計画管理（自動）", "D2", 3],
    ]);
    expect(fake.values("進捗", "D2")).toEqual([[3]]);
  });
});

describe("the edit context cache counts bytes", () => {
  it("still marks a bad cell when the context is over 100 KB in UTF-8 but under 100,000 characters", () => {
    const { fake, call } = ready();
    fake.edit("設定", "C2", "計画の備考".repeat(8_000)); // 40,000 characters, 120,000 bytes
    call("onEdit", fake.edit("進捗", "E2", "S"));
    expect(fake.inspect("進捗", "E2")[0]?.[0]?.note).toContain("評価「S」は評価区分にありません");
    expect(fake.ledger.calls().filter((c) => c.error?.includes("Argument too large"))).toEqual([]);
  });
});
