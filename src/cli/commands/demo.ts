/** genki demo: the whole offline job on the bundled plan, everything written under out/demo. */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Command } from "commander";
import { DEMO_FY, DEMO_TODAY, FUJIEDA_DEMO } from "../../../sheets-templates";
import { formatFiscalYear } from "../../domain/calendar";
import { parseRegistry } from "../../domain/registry";
import { OfflineError } from "../../office/offline-error";
import { initRegistry } from "../workbook";
import { remindSummary, runRemind } from "./remind";
import { writeDeck, writeReports } from "./reports";
import { formatProblemLine, runValidate, summarise } from "./validate";

/** The list of files a demo run wrote in its folder: only these are ever replaced or removed. */
const MANIFEST = ".genki-demo.json";

/** Files under `dir` (relative paths), skipping genki's own hidden files (lock, journal). */
function filesUnder(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith(".genki-")) return [];
    return statSync(path).isDirectory() ? filesUnder(path, base) : [relative(base, path)];
  });
}

function readManifest(dir: string): Set<string> {
  try {
    return new Set(JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as string[]);
  } catch {
    return new Set();
  }
}

/**
 * Makes room for a new demo in `dir`: removes what an earlier demo wrote there, and refuses a
 * folder holding anything else unless `force` (then the other files are left alone).
 * Returns the files that are not the demo's.
 */
function prepareFolder(dir: string, force: boolean): Set<string> {
  const ours = readManifest(dir);
  const foreign = filesUnder(dir).filter((f) => !ours.has(f));
  if (foreign.length > 0 && !force) {
    const files = foreign.slice(0, 3).join("、") + (foreign.length > 3 ? " …" : "");
    throw new OfflineError("demo-out-not-empty", { dir, files });
  }
  for (const f of ours) if (!foreign.includes(f)) rmSync(join(dir, f), { force: true });
  return new Set(foreign);
}

export function demoCommand(): Command {
  return new Command("demo")
    .description("同梱の計画（藤枝市新公共経営実行計画）でデモを実行し、out/demo に出力します。")
    .option("--out <dir>", "出力先フォルダ", "out/demo")
    .option(
      "--force",
      "genki が書いたものではないファイルがあるフォルダにも書き出します（それらは削除しません）",
    )
    .action(async (opts: { out: string; force?: boolean }) => {
      const foreign = prepareFolder(opts.out, opts.force === true);
      const file = join(opts.out, "registry.xlsx");
      const remember = () =>
        writeFileSync(
          join(opts.out, MANIFEST),
          JSON.stringify(filesUnder(opts.out).filter((f) => !foreign.has(f))),
        );
      try {
        await runDemo(opts.out, file);
      } finally {
        remember();
      }
    });
}

async function runDemo(out: string, file: string): Promise<void> {
  const { store } = await initRegistry(file, existsSync(file), FUJIEDA_DEMO);
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
  const { problems, lang, submissionSummary } = await runValidate(file, { today: DEMO_TODAY });
  console.log(`全体チェック: ${summarise(problems, lang)}`);
  if (submissionSummary) console.log(`提出状況（${DEMO_TODAY} 時点）: ${submissionSummary}`);
  for (const p of problems.slice(0, 10)) console.log(`  ${formatProblemLine(p, lang)}`);
  // The demo's sample progress leaves two 第2四半期 reports missing, due 2012-10-15: overdue today.
  const outbox = join(out, "outbox");
  const reminders = await runRemind(file, { today: DEMO_TODAY, outbox });
  console.log(`リマインダー（${DEMO_TODAY} 時点）:`);
  for (const line of remindSummary(reminders, false)) console.log(`  ${line}`);
  console.log(`送信メール（.eml）: ${outbox}`);
  const reports = await writeReports(file, DEMO_FY, out, undefined, DEMO_TODAY);
  const deck = await writeDeck(file, DEMO_FY, out, DEMO_TODAY);
  console.log(`柱別報告書（${reports.length} 件）と年次報告スライドを作成しました:`);
  for (const o of [...reports, deck]) console.log(`  ${o.url}`);
}
