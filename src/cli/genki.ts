/** `genki`: the offline command for an .xlsx copy of the registry. */
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { projectRoot } from "../deploy/bundle";
import { demoCommand } from "./commands/demo";
import { deployCommand } from "./commands/deploy";
import { downloadCommand } from "./commands/download";
import { holidaysCommand } from "./commands/holidays";
import { initCommand } from "./commands/init";
import { remindCommand } from "./commands/remind";
import { deckCommand, reportCommand } from "./commands/reports";
import { surveyCommand } from "./commands/survey";
import { validateCommand } from "./commands/validate";
import { errorText, langOfArgv } from "./error-text";
import type { DeployIo } from "./google-session";

const program = new Command()
  .name("genki")
  .description("genki-plan オフライン版: .xlsx の計画登録簿を扱います。")
  .showHelpAfterError();

program.addCommand(initCommand());
program.addCommand(demoCommand());
program.addCommand(validateCommand());
program.addCommand(remindCommand());
program.addCommand(reportCommand());
program.addCommand(deckCommand());
program.addCommand(holidaysCommand());
program.addCommand(surveyCommand());

const googleIo = (): DeployIo => ({
  env: process.env,
  root: projectRoot(dirname(fileURLToPath(import.meta.url))),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
program.addCommand(deployCommand(googleIo));
program.addCommand(downloadCommand(googleIo));

program.parseAsync(process.argv).catch((e: unknown) => {
  // What stops a command is told in the catalogue's words (exit 2); a bug's own text and stack
  // are shown only when asked for with GENKI_DEBUG=1.
  console.error(errorText(e, langOfArgv(process.argv)));
  if (process.env.GENKI_DEBUG) console.error(e);
  process.exitCode = 2;
});
