/** genki holidays --fy YEAR: the days the office is closed in a fiscal year, with their names. */
import { Command } from "commander";
import {
  createBusinessCalendar,
  formatFiscalYear,
  formatJapaneseDate,
  parseFiscalYear,
} from "../../domain/calendar";
import { parseRegistry } from "../../domain/registry";
import { openRegistry, UnreadableFileError } from "../workbook";
import { langOption } from "./remind";

interface HolidaysOptions {
  fy: string;
  registry?: string;
  json?: boolean;
  weekends?: boolean;
  lang?: string;
}

export function holidaysCommand(): Command {
  return new Command("holidays")
    .description(
      "年度の閉庁日（祝日・振替休日・国民の休日・年末年始・閉庁日シート）を一覧表示します。",
    )
    .requiredOption("--fy <year>", "年度（2025、令和7年度、R7 など）")
    .option("--registry <file>", "閉庁日シートを読み込む .xlsx")
    .option("--weekends", "土曜日・日曜日も含めます")
    .option("--json", "JSON で出力します")
    .option("--lang <lang>", "表示の言語（ja / en）", "ja")
    .action(async (opts: HolidaysOptions) => {
      const fy = parseFiscalYear(opts.fy);
      if (!fy.ok)
        throw new UnreadableFileError(
          `--fy「${opts.fy}」は年度として読めません。2025、令和7年度、R7 のように指定してください。`,
        );
      const closures = opts.registry
        ? parseRegistry((await openRegistry(opts.registry)).readAll()).registry.closures
        : [];
      const lang = langOption(opts.lang);
      const days = createBusinessCalendar(closures)
        .closedDaysOfFiscalYear(fy.fy)
        .filter((d) => opts.weekends || d.kind !== "weekend");
      if (opts.json) {
        console.log(
          JSON.stringify(
            days.map((d) => ({
              date: d.date,
              kind: d.kind,
              name: lang === "ja" ? d.name : d.nameEn,
            })),
            null,
            2,
          ),
        );
        return;
      }
      console.log(
        lang === "ja"
          ? `${formatFiscalYear(fy.fy, "ja")}の閉庁日（${days.length}日）`
          : `Closed days of ${formatFiscalYear(fy.fy, "en")} (${days.length})`,
      );
      for (const d of days) {
        console.log(
          `${formatJapaneseDate(d.date, lang, { weekday: true })}\t${lang === "ja" ? d.name : d.nameEn}`,
        );
      }
    });
}
