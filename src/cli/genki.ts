/** `genki`: the offline command for an .xlsx copy of the registry. */
import { Command } from "commander";
import { demoCommand } from "./commands/demo";
import { initCommand } from "./commands/init";

const program = new Command()
  .name("genki")
  .description("genki-plan オフライン版: .xlsx の計画登録簿を扱います。")
  .showHelpAfterError();

program.addCommand(initCommand());
program.addCommand(demoCommand());

program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 2;
});
