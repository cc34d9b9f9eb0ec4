/**
 * genki survey export / import: the 照会・回答 round trip on .xlsx files.
 * import exits 0 when everything was merged, 1 when a row was rejected or conflicted, 2 when a
 * file cannot be read (then nothing is written).
 */
import { existsSync } from "node:fs";
import { Command } from "commander";
import {
  type ExportedSurvey,
  exportSurveys,
  type ImportResult,
  importSurveys,
  surveyPeriod,
} from "../../app/survey";
import type { ReturnedFile } from "../../domain/survey";
import { readReturnedFile, XlsxSurveyWriter } from "../../office/survey-workbook";
import { openRegistry, saveRegistry, UnreadableFileError } from "../workbook";

const clock = { now: () => new Date() };

export async function runSurveyExport(
  file: string,
  opts: { fy: string; period: string; out: string },
): Promise<ExportedSurvey[]> {
  const store = await openRegistry(file);
  const choice = surveyPeriod(store, opts.fy, opts.period);
  if (!choice.ok) throw new UnreadableFileError(choice.message);
  const out = await exportSurveys(
    { store, clock, writer: new XlsxSurveyWriter(opts.out) },
    choice.period,
  );
  await saveRegistry(store, file); // 出力 lists the files
  return out;
}

async function readAll(files: readonly string[]): Promise<ReturnedFile[]> {
  const read: ReturnedFile[] = [];
  const unreadable: string[] = [];
  for (const f of files) {
    if (!existsSync(f)) {
      unreadable.push(`${f}: ファイルが見つかりません。`);
      continue;
    }
    try {
      read.push(await readReturnedFile(f));
    } catch {
      unreadable.push(
        `${f}: .xlsx 形式として読み取れません（Excel で開き、.xlsx 形式で保存し直してください）。`,
      );
    }
  }
  if (unreadable.length > 0)
    throw new UnreadableFileError(
      `${unreadable.join("\n")}\n読み取れないファイルがあるため、何も取り込んでいません。`,
    );
  return read;
}

export async function runSurveyImport(
  file: string,
  files: readonly string[],
): Promise<ImportResult> {
  const store = await openRegistry(file);
  const returned = await readAll(files);
  const result = importSurveys({ store, clock }, returned);
  if (result.accepted.length > 0) await saveRegistry(store, file);
  return result;
}

export function importJson(r: ImportResult): unknown {
  return { accepted: r.accepted, rejected: r.rejected, conflicts: r.conflicts };
}

export function importSummary(r: ImportResult): string[] {
  const ja = r.lang === "ja";
  const where = (e: { file: string; sheet: string; cell: string }) =>
    `${e.file}\t${e.sheet}${e.cell ? `!${e.cell}` : ""}`;
  return [
    ...r.accepted.map(
      (a) =>
        `${ja ? "取込" : "merged"}\t${where(a)}\t${a.measureId}\t${ja ? `${a.written.length} セル` : `${a.written.length} cell(s)`}`,
    ),
    ...r.rejected.map(
      (e) => `${ja ? "却下" : "rejected"}\t${where(e)}\t${e.measureId}\t${e.message}`,
    ),
    ...r.conflicts.map(
      (c) => `${ja ? "競合" : "conflict"}\t${where(c)}\t${c.measureId}\t${c.message}`,
    ),
    ja
      ? `取込 ${r.accepted.length} 行、却下 ${r.rejected.length} 件、競合 ${r.conflicts.length} 件。`
      : `${r.accepted.length} row(s) merged, ${r.rejected.length} rejected, ${r.conflicts.length} conflict(s).`,
  ];
}

export function surveyCommand(): Command {
  const survey = new Command("survey").description(
    "照会・回答: 所属ごとの照会ファイル（.xlsx）を書き出し、返送された回答を登録簿に取り込みます。",
  );
  survey
    .command("export")
    .description("年度と期を指定して、主担当の取組がある所属ごとに照会ファイルを作成します。")
    .argument("<registry>", "登録簿の .xlsx（出力シートに記録します）")
    .requiredOption("--fy <year>", "年度（2012、H24、平成24年度 など）")
    .requiredOption("--period <period>", "期（Q2、2、第2四半期 など）")
    .requiredOption("--out <dir>", "照会ファイルの出力先フォルダ")
    .action(async (file: string, opts: { fy: string; period: string; out: string }) => {
      const out = await runSurveyExport(file, opts);
      for (const o of out) console.log(`${o.division}\t${o.rows} 件\t${o.url}`);
      console.log(`照会ファイルを ${out.length} 件作成しました。`);
    });
  survey
    .command("import")
    .description("返送された照会ファイルを検査し、登録簿の進捗シートに取り込みます。")
    .argument("<registry>", "登録簿の .xlsx")
    .argument("<files...>", "返送された照会ファイル（.xlsx）")
    .option("--json", "結果を JSON（{accepted, rejected, conflicts}）で出力します")
    .action(async (file: string, files: string[], opts: { json?: boolean }) => {
      const result = await runSurveyImport(file, files);
      if (opts.json) console.log(JSON.stringify(importJson(result), null, 2));
      else for (const line of importSummary(result)) console.log(line);
      process.exitCode = result.rejected.length > 0 || result.conflicts.length > 0 ? 1 : 0;
    });
  return survey;
}
