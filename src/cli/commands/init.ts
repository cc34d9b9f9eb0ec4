/** genki init FILE.xlsx: a new registry from the bundled plan (or completes an existing one). */
import { existsSync } from "node:fs";
import { Command } from "commander";
import { describeSetup } from "../../app/setup";
import { initRegistry } from "../workbook";

export function initCommand(): Command {
  return new Command("init")
    .description(
      "計画登録簿の .xlsx を作成します（既存のファイルには足りないものだけを追加します）。",
    )
    .argument("<file>", "作成または補完する .xlsx")
    .action(async (file: string) => {
      const { result } = await initRegistry(file, existsSync(file));
      console.log(describeSetup(result));
      console.log(`→ ${file}`);
    });
}
