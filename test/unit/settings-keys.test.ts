import { describe, expect, it } from "vitest";
import { parseGradeRules, parseRegistry, reportDateOf } from "../../src/domain/registry";
import { sheetOf, templateSheets } from "../support/raw-sheets";
import { render } from "./validate/support";

/** The template with 設定 rows changed by name (a missing name is appended). */
function withSettings(values: Record<string, unknown>) {
  const sheets = templateSheets();
  const rows = sheetOf(sheets, "settings").values;
  for (const [name, value] of Object.entries(values)) {
    const row = rows.find((r) => r[0] === name);
    if (row) row[1] = value;
    else rows.push([name, value, ""]);
  }
  return sheets;
}

const settingProblems = (values: Record<string, unknown>, lang: "ja" | "en" = "ja") =>
  render(withSettings(values), lang).filter((p) => p.sheet === "設定");

describe("評価基準 (grade thresholds)", () => {
  it("reads thresholds highest first, the last code taking the rest", () => {
    expect(parseGradeRules("A≥100% B≥80% C≥50% D")).toEqual([
      { code: "A", min: 100 },
      { code: "B", min: 80 },
      { code: "C", min: 50 },
      { code: "D", min: null },
    ]);
  });

  it("accepts S–C and ◎○△× codes, ≧ >= : 以上, 全角 and spaces", () => {
    expect(parseGradeRules("S≧120％ A>=100 B:80%以上 C")).toEqual([
      { code: "S", min: 120 },
      { code: "A", min: 100 },
      { code: "B", min: 80 },
      { code: "C", min: null },
    ]);
    expect(parseGradeRules("◎ ≥ 100%、○ ≥ 80%、△ ≥ 50%、×")).toEqual([
      { code: "◎", min: 100 },
      { code: "○", min: 80 },
      { code: "△", min: 50 },
      { code: "×", min: null },
    ]);
    expect(parseGradeRules("A≥100 B≥0")?.at(-1)).toEqual({ code: "B", min: 0 });
  });

  it("refuses thresholds that rise, a code without a number before the last, repeats and junk", () => {
    expect(parseGradeRules("A≥80% B≥100% C")).toBeNull();
    expect(parseGradeRules("A B≥80% C")).toBeNull();
    expect(parseGradeRules("A≥100% A≥80% C")).toBeNull();
    expect(parseGradeRules("A≥abc C")).toBeNull();
    expect(parseGradeRules("")).toBeNull();
  });

  it("uses the rules typed in 設定, and the default A≥100% B≥80% C≥50% D when the row is empty", () => {
    const typed = parseRegistry(withSettings({ 評価基準: "A≥90% B≥70% C≥40% D" })).registry;
    expect(typed.settings.gradeRules.map((r) => r.min)).toEqual([90, 70, 40, null]);
    const empty = parseRegistry(withSettings({ 評価基準: "" })).registry;
    expect(empty.settings.gradeRules.map((r) => r.min)).toEqual([100, 80, 50, null]);
  });

  it("says where a malformed 評価基準 is and how to write it, in Japanese and English", () => {
    expect(settingProblems({ 評価基準: "A≥80% B≥100% C" })).toEqual([
      expect.objectContaining({
        cell: "設定!B16",
        code: "setting-invalid",
        severity: "error",
        message:
          "設定「評価基準」の値「A≥80% B≥100% C」が正しくありません。「A≥100% B≥80% C≥50% D」のように、評価の記号と達成率の下限を高い順に空白で区切って並べ、最後の記号には数値を付けないでください。",
      }),
    ]);
    expect(settingProblems({ 評価基準: "A≥80% B≥100% C" }, "en")[0]?.message).toContain(
      "highest first",
    );
  });

  it("reports a 評価基準 code that 評価区分 does not define, on the 評価基準 cell", () => {
    expect(settingProblems({ 評価基準: "◎≥100% ○≥80% △≥50% ×" })).toEqual([
      expect.objectContaining({
        cell: "設定!B16",
        code: "grade-rules-unknown-code",
        message:
          "評価基準の記号「◎、○、△、×」は評価区分にありません。評価基準には評価区分の記号（A・B・C・D）を使ってください。",
      }),
    ]);
    expect(
      settingProblems({
        評価区分: "◎:計画以上 ○:計画どおり △:やや遅れ ×:遅れ",
        評価基準: "◎≥100% ○≥80% △≥50% ×",
      }),
    ).toEqual([]);
  });
});

describe("発行課, 報告日, ダイジェスト最大件数", () => {
  it("reads the issuing division, the report date in any accepted form and the digest limit", () => {
    const { settings } = parseRegistry(
      withSettings({ 発行課: "行政経営課", 報告日: "平成25年5月31日", ダイジェスト最大件数: "50" }),
    ).registry;
    expect(settings).toMatchObject({
      issuingDivision: "行政経営課",
      reportDate: "2013-05-31",
      digestLimit: 50,
    });
    expect(reportDateOf(settings, 2012)).toBe("2013-05-31");
  });

  it("defaults the report date to the last day of the reported fiscal year, and the limit to 30", () => {
    const { settings } = parseRegistry(
      withSettings({ 報告日: "", ダイジェスト最大件数: "" }),
    ).registry;
    expect(settings.reportDate).toBeNull();
    expect(reportDateOf(settings, 2012)).toBe("2013-03-31");
    expect(reportDateOf(settings, 2014)).toBe("2015-03-31");
    expect(settings.digestLimit).toBe(30);
  });

  it("locates a bad 報告日 and an out-of-range ダイジェスト最大件数 with what to type", () => {
    const problems = settingProblems({ 報告日: "来年の春", ダイジェスト最大件数: "0" });
    expect(problems.map((p) => [p.cell, p.code, p.message])).toEqual([
      [
        "設定!B18",
        "setting-invalid",
        "設定「報告日」の値「来年の春」が正しくありません。2013/3/31 や 平成25年3月31日 のように入力してください（空欄なら年度末日）。",
      ],
      [
        "設定!B19",
        "setting-invalid",
        "設定「ダイジェスト最大件数」の値「0」が正しくありません。1〜500 の整数を入力してください。",
      ],
    ]);
    const { settings } = parseRegistry(
      withSettings({ 報告日: "来年の春", ダイジェスト最大件数: "0" }),
    ).registry;
    expect([settings.reportDate, settings.digestLimit]).toEqual([null, 30]);
  });
});
