/** genki demo: the whole offline job on the bundled plan, everything written under out/demo. */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { DEMO_FY, DEMO_TODAY, FUJIEDA_DEMO } from "../../../sheets-templates";
import { formatFiscalYear } from "../../domain/calendar";
import { parseRegistry } from "../../domain/registry";
import { initRegistry } from "../workbook";
import { remindSummary, runRemind } from "./remind";
import { writeDeck, writeReports } from "./reports";
import { formatProblemLine, runValidate, summarise } from "./validate";

const DEMO_REMINDER_DAY = DEMO_TODAY;

export function demoCommand(): Command {
  return new Command("demo")
    .description("同梱の計画（藤枝市新公共経営実行計画）でデモを実行し、out/demo に出力します。")
    .option("--out <dir>", "出力先フォルダ", "out/demo")
    .action(async (opts: { out: string }) => {
      const file = join(opts.out, "registry.xlsx");
      rmSync(file, { force: true });
      const { store } = await initRegistry(file, false, FUJIEDA_DEMO);
      const { registry } = parseRegistry(store.readAll());
      const s = registry.settings;
      const span =
        s.startFy !== null && s.endFy !== null
          ? `${formatFiscalYear(s.startFy, "ja")}〜${formatFiscalYear(s.endFy, "ja")}（FY${s.startFy}–FY${s.endFy}）`
          : "未設定";
      console.log(`計画名: ${s.planName}`);
      console.log(`計画期間: ${span}　報告周期: ${s.cycle}`);
      console.log(
        `柱: ${registry.pillars.length}　取組: ${registry.measures.length}　年度目標: ${registry.targets.length}　所属: ${registry.divisions.length}　進捗（サンプル）: ${registry.progress.length}`,
      );
      for (const p of registry.pillars) {
        const n = registry.measures.filter((m) => m.pillarId === p.pillarId).length;
        console.log(`  ${p.pillarId} ${p.name}（取組 ${n}）`);
      }
      console.log(`登録簿: ${file}`);
      const { problems, lang } = await runValidate(file, {});
      console.log(`全体チェック: ${summarise(problems, lang)}`);
      for (const p of problems.slice(0, 10)) console.log(`  ${formatProblemLine(p, lang)}`);
      // The demo's sample progress leaves two 第2四半期 reports missing, due 2012-10-15: overdue today.
      const outbox = join(opts.out, "outbox");
      rmSync(outbox, { recursive: true, force: true });
      const reminders = await runRemind(file, { today: DEMO_REMINDER_DAY, outbox });
      console.log(`リマインダー（${DEMO_REMINDER_DAY} 時点）:`);
      for (const line of remindSummary(reminders, false)) console.log(`  ${line}`);
      console.log(`送信メール（.eml）: ${outbox}`);
      const reports = await writeReports(file, DEMO_FY, opts.out);
      const deck = await writeDeck(file, DEMO_FY, opts.out);
      console.log(`柱別報告書（${reports.length} 件）と年次報告スライドを作成しました:`);
      for (const o of [...reports, deck]) console.log(`  ${o.url}`);
    });
}
