/** genki init FILE.xlsx: a new registry from the bundled plan (or completes an existing one). */
import { existsSync } from "node:fs";
import { Command } from "commander";
import { FUJIEDA_DEMO, FUJIEDA_PLAN } from "../../../sheets-templates";
import { describeSetup } from "../../app/setup";
import { initRegistry } from "../workbook";

export function initCommand(): Command {
  return new Command("init")
    .description(
      "計画登録簿の .xlsx を作成します（既存のファイルには足りないものだけを追加します）。",
    )
    .argument("<file>", "作成または補完する .xlsx")
    .option(
      "--sample",
      "空のシートに（サンプル）の到達目標・指標・年度目標・進捗を入れます（操作の練習用）",
    )
    .action(async (file: string, opts: { sample?: boolean }) => {
      const template = opts.sample ? FUJIEDA_DEMO : FUJIEDA_PLAN;
      const { result } = await initRegistry(file, existsSync(file), template);
      console.log(describeSetup(result));
      console.log(`→ ${file}`);
    });
}
