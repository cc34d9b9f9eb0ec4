import { describe, expect, it } from "vitest";
import { renderProblem } from "../../src/domain/problem";
import { parseRegistry } from "../../src/domain/registry";
import {
  appendRow,
  reorderedEnglish,
  setCell,
  sheetOf,
  templateSheets,
} from "../support/raw-sheets";

const render = (sheets: ReturnType<typeof templateSheets>, lang: "ja" | "en" = "ja") =>
  parseRegistry(sheets).problems.map((p) => renderProblem(p, lang));

describe("parseRegistry", () => {
  it("reads the bundled plan without a problem", () => {
    const { registry, problems } = parseRegistry(templateSheets());
    expect(problems).toEqual([]);
    expect(registry.settings).toMatchObject({
      planName: "藤枝市新公共経営実行計画",
      startFy: 2012,
      endFy: 2014,
      cycle: "四半期",
      dueBusinessDays: 10,
      lang: "ja",
      sendHour: 8,
    });
    expect(registry.settings.grades.map((g) => g.code)).toEqual(["A", "B", "C", "D"]);
    expect(registry.pillars).toHaveLength(6);
    expect(registry.measures).toHaveLength(14);
    expect(registry.targets).toHaveLength(42);
    expect(registry.divisions.map((d) => d.name)).toContain("広報課");
    expect(registry.measures[0]).toMatchObject({
      row: 2,
      measureId: "1-1",
      pillarId: "柱-1",
      lead: "人事課",
      related: ["行政経営課"],
    });
  });

  it("reads the same registry from English headers with the columns reordered", () => {
    const original = parseRegistry(templateSheets());
    const english = parseRegistry(reorderedEnglish(templateSheets()));
    expect(english.problems).toEqual([]);
    const strip = (r: typeof original.registry) => ({ ...r, sheetNames: {} });
    expect(strip(english.registry)).toEqual(strip(original.registry));
  });

  it("reads progress rows: 和暦 years, period labels, grades by code or label, 全角 PDCA", () => {
    const sheets = templateSheets();
    const row = appendRow(sheets, "progress", {
      measureId: "1-1",
      fy: "平成24年度",
      period: "第2四半期",
      actual: 12,
      grade: "B:計画どおり",
      pdca: "Ｄ",
      status: "提出済",
      reportedOn: new Date("2012-10-09T15:00:00Z"),
    });
    const { registry, problems } = parseRegistry(sheets);
    expect(problems).toEqual([]);
    expect(registry.progress[0]).toMatchObject({
      row,
      fy: 2012,
      period: 2,
      actual: 12,
      grade: "B",
      pdca: "D",
      status: "提出済",
      reportedOn: "2012-10-10",
    });
  });

  it("normalises 全角 digits, commas and units with a located warning", () => {
    const sheets = templateSheets();
    const row = appendRow(sheets, "progress", {
      measureId: "1-1",
      fy: 2012,
      period: "第1四半期",
      actual: "１,２００件",
    });
    const { registry } = parseRegistry(sheets);
    expect(registry.progress[0]?.actual).toBe(1200);
    expect(render(sheets)).toEqual([
      {
        sheet: "進捗",
        cell: `進捗!D${row}`,
        code: "number-normalised",
        severity: "warning",
        message:
          "「１,２００件」を数値 1200 として読み取りました。単位や全角文字を付けず、半角数字だけで入力してください。",
      },
    ]);
  });

  it("rejects text in a number column, keeping the row", () => {
    const sheets = templateSheets();
    const row = appendRow(sheets, "progress", {
      measureId: "1-1",
      fy: 2012,
      period: 1,
      actual: "未集計",
    });
    const { registry } = parseRegistry(sheets);
    expect(registry.progress).toHaveLength(1);
    expect(registry.progress[0]?.actual).toBeNull();
    expect(render(sheets, "en")).toEqual([
      expect.objectContaining({
        cell: `進捗!D${row}`,
        code: "not-a-number",
        severity: "error",
        message: "“未集計” is not a number. Enter digits only (e.g. 120).",
      }),
    ]);
  });

  it("explains an ID the spreadsheet turned into a date", () => {
    const sheets = templateSheets();
    setCell(sheets, "measures", 3, "measureId", new Date("2026-01-01T15:00:00Z"));
    expect(render(sheets)).toEqual([
      expect.objectContaining({
        cell: "取組!A3",
        code: "id-became-date",
        message:
          "「取組ID」が日付（2026/01/02）に変換されています。先頭に ' を付けて入力し直してください（例: '1-1）。",
      }),
    ]);
  });

  it("locates bad enums, grades, periods, years, dates and e-mail addresses", () => {
    const sheets = templateSheets();
    const row = appendRow(sheets, "progress", {
      measureId: "1-1",
      fy: "平成99年度x",
      period: "第5四半期",
      grade: "S",
      pdca: "X",
      reportedOn: "2013/2/30",
      status: "完了",
    });
    setCell(sheets, "divisions", 2, "email", "jinji＠city");
    const codes = render(sheets).map((p) => [p.cell, p.code]);
    expect(codes).toEqual([
      [`進捗!B${row}`, "invalid-year"],
      [`進捗!C${row}`, "invalid-period"],
      [`進捗!E${row}`, "invalid-grade"],
      [`進捗!F${row}`, "invalid-enum"],
      [`進捗!K${row}`, "invalid-date"],
      [`進捗!L${row}`, "invalid-enum"],
      ["所属!D2", "invalid-email"],
    ]);
    const grade = render(sheets).find((p) => p.code === "invalid-grade");
    expect(grade?.message).toBe(
      "評価「S」は評価区分にありません。「A」「B」「C」「D」のいずれかを選んでください（評価区分は設定シートで変更できます）。",
    );
  });

  it("reports a missing sheet and a renamed header by name, and reads nothing from that tab", () => {
    const sheets = templateSheets().filter((s) => s.name !== "所属");
    const measures = sheetOf(sheets, "measures");
    (measures.values[0] as unknown[])[3] = "担当課";
    const { registry } = parseRegistry(sheets);
    expect(registry.measures).toEqual([]);
    const messages = render(sheets);
    expect(messages).toContainEqual(
      expect.objectContaining({
        cell: "取組!1:1",
        code: "header-missing",
        message:
          "1行目に見出し「主担当課」がありません。列名を「主担当課」に戻すか、列を追加してください。",
      }),
    );
    expect(messages).toContainEqual(
      expect.objectContaining({ cell: "取組!D1", code: "header-unknown" }),
    );
    expect(messages).toContainEqual(
      expect.objectContaining({
        cell: "所属",
        code: "sheet-missing",
        message:
          "「所属」シートが見つかりません。メニュー「計画管理」→「初期設定」を実行すると作成されます。",
      }),
    );
  });

  it("locates malformed and missing settings and falls back to defaults", () => {
    const sheets = templateSheets();
    const settings = sheetOf(sheets, "settings");
    settings.values = settings.values.filter((r) => r[0] !== "計画名");
    const cycleRow = settings.values.findIndex((r) => r[0] === "報告周期") + 1;
    (settings.values[cycleRow - 1] as unknown[])[1] = "毎月";
    const { registry } = parseRegistry(sheets);
    expect(registry.settings.cycle).toBe("四半期");
    const messages = render(sheets);
    expect(messages).toContainEqual(
      expect.objectContaining({
        cell: `設定!B${cycleRow}`,
        code: "setting-invalid",
        message:
          "設定「報告周期」の値「毎月」が正しくありません。「四半期」「半期」「年度」のいずれかを入力してください。",
      }),
    );
    expect(messages).toContainEqual(
      expect.objectContaining({
        cell: "設定",
        code: "setting-missing",
        message: expect.stringContaining("設定「計画名」がありません"),
      }),
    );
  });

  it("never throws on odd cell content", () => {
    const sheets = templateSheets();
    const odd: unknown[] = [
      null,
      undefined,
      true,
      Number.NaN,
      {},
      [],
      new Date(Number.NaN),
      "=1+1",
      1e308,
      -0,
    ];
    for (const v of odd)
      appendRow(sheets, "progress", {
        measureId: v,
        fy: v,
        period: v,
        actual: v,
        grade: v,
        pdca: v,
        reportedOn: v,
        status: v,
      });
    expect(() => parseRegistry(sheets)).not.toThrow();
  });
});
