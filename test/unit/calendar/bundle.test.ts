/**
 * The calendar, holiday data included, must bundle with esbuild into plain script that runs
 * where there is no require, process or module system (the GAS V8 runtime).
 */
import { createContext, runInContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("bundled calendar", () => {
  it("bundles the holiday data and runs without Node globals", async () => {
    const out = await build({
      stdin: {
        contents: 'export * from "./src/domain/calendar";',
        resolveDir: process.cwd(),
        loader: "ts",
      },
      bundle: true,
      write: false,
      format: "iife",
      globalName: "Calendar",
      platform: "neutral",
      mainFields: ["module", "main"],
      target: "es2020",
      logLevel: "silent",
    });
    const code = out.outputFiles[0]?.text ?? "";
    expect(code).toContain("Enthronement Ceremony Day");
    expect(code).toContain('"2050:'); // the last year of the holiday data
    expect(code).not.toMatch(/\brequire\(/);

    const context = createContext({});
    runInContext(
      `${code}
      var cal = Calendar.createBusinessCalendar();
      var result = {
        holiday: Calendar.nationalHoliday("2021-08-09").name,
        next: cal.addBusinessDays("2024-12-27", 1),
        label: Calendar.formatFiscalYear(2019, "ja"),
        parsed: Calendar.parseDate(new Date(Date.UTC(2013, 6, 9, 15))).date,
      };`,
      context,
    );
    expect(runInContext("JSON.stringify(result)", context)).toBe(
      JSON.stringify({
        holiday: "振替休日",
        next: "2025-01-06",
        label: "令和元年度",
        parsed: "2013-07-10",
      }),
    );
  });
});
