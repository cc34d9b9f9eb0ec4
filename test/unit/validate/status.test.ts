import { describe, expect, it } from "vitest";
import { appendRow, sheetOf, templateSheets } from "../../support/raw-sheets";
import { expectSameInEnglish, render } from "./support";

const base = { measureId: "1-1", fy: 2012, period: "第2四半期" };

describe("status flow on 進捗", () => {
  it("warns about a report marked 提出済 with neither 実績値 nor 実施内容", () => {
    const sheets = templateSheets();
    const row = appendRow(sheets, "progress", { ...base, status: "提出済" });
    expect(render(sheets)).toEqual([
      {
        sheet: "進捗",
        cell: `進捗!L${row}`,
        code: "submitted-empty",
        severity: "warning",
        message:
          "状態が「提出済」ですが、実績値も実施内容も入力されていません。実績値か実施内容を入力するか、状態を「未提出」に戻してください。",
      },
    ]);
  });

  it("accepts a submitted report with only 実績値 (even 0) or only 実施内容, and an empty 未提出 row", () => {
    const sheets = templateSheets();
    appendRow(sheets, "progress", { ...base, actual: 0, status: "提出済" });
    appendRow(sheets, "progress", {
      ...base,
      period: "第3四半期",
      done: "説明会を開催しました。",
      status: "提出済",
    });
    appendRow(sheets, "progress", { ...base, period: "第4四半期", status: "未提出" });
    expect(render(sheets)).toEqual([]);
  });

  it("warns about a 確認済 report without 評価, listing the grades", () => {
    const sheets = templateSheets();
    const row = appendRow(sheets, "progress", { ...base, actual: 3, status: "確認済" });
    expect(render(sheets)).toEqual([
      {
        sheet: "進捗",
        cell: `進捗!E${row}`,
        code: "confirmed-without-grade",
        severity: "warning",
        message:
          "状態が「確認済」ですが、評価が入力されていません。「A」「B」「C」「D」のいずれかを入力してください。",
      },
    ]);
    expect(render(sheets, "en")[0]?.message).toBe(
      "The report is confirmed (確認済) but has no grade. Enter one of “A”, “B”, “C”, “D”.",
    );
  });

  it("does not add a status warning to a grade that is already reported as invalid", () => {
    const sheets = templateSheets();
    appendRow(sheets, "progress", { ...base, actual: "三件", grade: "S", status: "確認済" });
    expect(render(sheets).map((p) => p.code)).toEqual(["not-a-number", "invalid-grade"]);
  });

  it("reports a 報告日 after today only when the run knows today", () => {
    const sheets = templateSheets();
    const row = appendRow(sheets, "progress", {
      ...base,
      done: "実施",
      reportedOn: "2012/10/20",
      status: "提出済",
    });
    expect(render(sheets)).toEqual([]);
    expect(render(sheets, "ja", { today: "2012-10-15" })).toEqual([
      {
        sheet: "進捗",
        cell: `進捗!K${row}`,
        code: "reported-in-future",
        severity: "error",
        message:
          "報告日 2012/10/20 は今日（2012/10/15）より後の日付です。実際に報告した日を入力してください。",
      },
    ]);
    expect(render(sheets, "ja", { today: "2012-10-20" })).toEqual([]);
    expect(render(sheets, "ja", { today: "いつか" })).toEqual([]);
  });

  it("warns about a 報告日 before its period began, from a Date cell", () => {
    const sheets = templateSheets();
    // Tokyo midnight of 2012-06-20, as Sheets hands a date cell over
    const row = appendRow(sheets, "progress", {
      ...base,
      done: "実施",
      reportedOn: new Date("2012-06-19T15:00:00Z"),
    });
    expect(render(sheets)).toEqual([
      {
        sheet: "進捗",
        cell: `進捗!K${row}`,
        code: "reported-before-period",
        severity: "warning",
        message:
          "報告日 2012/06/20 は平成24年度第2四半期の開始日（2012/07/01）より前です。報告日と、年度・期が正しいか確認してください。",
      },
    ]);
    expect(render(sheets, "en")[0]?.message).toBe(
      "The report date 2012/06/20 is before FY2012 Q2 began (2012/07/01). Check the report date, the fiscal year and the period.",
    );
  });

  it("uses the periods of the configured 報告周期", () => {
    const sheets = templateSheets();
    const cycle = sheetOf(sheets, "settings").values.find((r) => r[0] === "報告周期");
    if (!cycle) throw new Error("no 報告周期 row");
    cycle[1] = "半期";
    appendRow(sheets, "progress", {
      ...base,
      period: "上期",
      done: "実施",
      reportedOn: "2012/09/30",
    });
    const row = appendRow(sheets, "progress", {
      ...base,
      period: "下期",
      done: "実施",
      reportedOn: "2012/09/30",
    });
    expect(render(sheets).map((p) => [p.cell, p.code, p.message])).toEqual([
      [
        `進捗!K${row}`,
        "reported-before-period",
        "報告日 2012/09/30 は平成24年度下期の開始日（2012/10/01）より前です。報告日と、年度・期が正しいか確認してください。",
      ],
    ]);
  });

  it("finds the same cells with English headers and the columns reversed", () => {
    const sheets = templateSheets();
    appendRow(sheets, "progress", { ...base, status: "提出済" });
    appendRow(sheets, "progress", { ...base, period: "第3四半期", actual: 3, status: "確認済" });
    appendRow(sheets, "progress", {
      ...base,
      period: "第4四半期",
      done: "実施",
      reportedOn: "2012/06/20",
    });
    appendRow(sheets, "progress", { ...base, fy: 2013, done: "実施", reportedOn: "2013/10/20" });
    const options = { today: "2013-10-15" };
    expect(expectSameInEnglish(sheets, options).map((p) => p.code)).toEqual([
      "submitted-empty",
      "confirmed-without-grade",
      "reported-before-period",
      "reported-in-future",
    ]);
  });
});
