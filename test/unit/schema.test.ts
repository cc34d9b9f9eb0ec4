import { describe, expect, it } from "vitest";
import { mapHeaders, SHEETS, sheetDef, sheetKeyOfName } from "../../src/domain/schema";

describe("schema", () => {
  it("declares every sheet of DESIGN.md once, each with unique column keys and headers", () => {
    expect(SHEETS.map((s) => s.ja)).toEqual([
      "設定",
      "柱",
      "取組",
      "年度目標",
      "進捗",
      "所属",
      "閉庁日",
      "送信記録",
      "変更履歴",
      "出力",
      "ダッシュボード",
    ]);
    for (const s of SHEETS) {
      expect(new Set(s.columns.map((c) => c.key)).size).toBe(s.columns.length);
      expect(new Set(s.columns.map((c) => c.ja)).size).toBe(s.columns.length);
    }
  });

  it("matches the progress headers of DESIGN.md in order", () => {
    expect(sheetDef("progress").columns.map((c) => c.ja)).toEqual([
      "取組ID",
      "年度",
      "期",
      "実績値",
      "評価",
      "PDCA",
      "実施内容",
      "課題",
      "次の対応",
      "報告者",
      "報告日",
      "状態",
    ]);
  });

  it("finds sheets by Japanese or English tab name", () => {
    expect(sheetKeyOfName("進捗")).toBe("progress");
    expect(sheetKeyOfName("Progress")).toBe("progress");
    expect(sheetKeyOfName(" annual targets ")).toBe("targets");
    expect(sheetKeyOfName("メモ")).toBeUndefined();
  });

  it("maps headers by name, in any order, ja or en, tolerant of width and spaces", () => {
    const def = sheetDef("measures");
    const map = mapHeaders(def, [
      "Pillar ID",
      "取組 ＩＤ",
      "メモ",
      "取組内容",
      "Lead division",
      "取組内容",
    ]);
    expect(map.index.get("pillarId")).toBe(0);
    expect(map.index.get("measureId")).toBe(1);
    expect(map.index.get("content")).toBe(3);
    expect(map.index.get("lead")).toBe(4);
    expect(map.unknown).toEqual([{ index: 2, text: "メモ" }]);
    expect(map.duplicates.map((d) => d.column.key)).toEqual(["content"]);
    expect(map.missing).toEqual([]);
  });

  it("reports every required header that is missing", () => {
    const map = mapHeaders(sheetDef("progress"), ["取組ID", "実績値"]);
    expect(map.missing.map((c) => c.ja)).toEqual(["年度", "期"]);
  });
});
