/** genki report / genki deck: the pillar reports (.docx) and the annual deck (.pptx) offline. */
import { Command } from "commander";
import { buildAnnualDeck, buildPillarDocs, type WrittenOutput } from "../../app/build-reports";
import { parseFiscalYear } from "../../domain/calendar";
import { DocxReportWriter } from "../../office/reports/docx-writer";
import { PptxDeckWriter } from "../../office/reports/pptx-writer";
import { appendToRegistry, UnreadableFileError } from "../workbook";

function fiscalYear(text: string): number {
  const parsed = parseFiscalYear(text);
  if (!parsed.ok)
    throw new UnreadableFileError(
      `--fy「${text}」は年度として読めません。2012、平成24年度、R7 のように指定してください。`,
    );
  return parsed.fy;
}

const clock = { now: () => new Date() };

export async function writeReports(
  file: string,
  fy: number,
  out: string,
  pillarId?: string,
  asOf?: string,
): Promise<readonly WrittenOutput[]> {
  // The 出力 sheet lists what was written: saved under the registry's lock.
  return appendToRegistry(file, async (store) => {
    const run = await buildPillarDocs(
      { store, clock, writer: new DocxReportWriter(out) },
      { fy, ...(asOf ? { asOf } : {}) },
      { deadlineMs: Number.POSITIVE_INFINITY, ...(pillarId ? { pillarIds: [pillarId] } : {}) },
    );
    if (pillarId && run.outputs.length === 0)
      throw new UnreadableFileError(`柱ID「${pillarId}」は柱シートにありません。`);
    return run.outputs;
  });
}

/** `asOf`: the day submissions are counted for (default today); the demo passes its own day. */
export async function writeDeck(
  file: string,
  fy: number,
  out: string,
  asOf?: string,
): Promise<WrittenOutput> {
  return appendToRegistry(file, async (store) => {
    return buildAnnualDeck(
      { store, clock, writer: new PptxDeckWriter(out) },
      { fy, ...(asOf ? { asOf } : {}) },
    );
  });
}

export function reportCommand(): Command {
  return new Command("report")
    .description("柱別報告書（.docx）を作成します。")
    .argument("<file>", "登録簿の .xlsx")
    .requiredOption("--fy <year>", "年度（2012、平成24年度、R7 など）")
    .option("--pillar <id>", "この柱だけを作成します（例: 柱-1）")
    .requiredOption("--out <dir>", "出力先フォルダ")
    .action(async (file: string, opts: { fy: string; pillar?: string; out: string }) => {
      const outputs = await writeReports(file, fiscalYear(opts.fy), opts.out, opts.pillar);
      for (const o of outputs) console.log(`${o.name}\t${o.url}`);
    });
}

export function deckCommand(): Command {
  return new Command("deck")
    .description("年次報告スライド（.pptx）を作成します。")
    .argument("<file>", "登録簿の .xlsx")
    .requiredOption("--fy <year>", "年度（2012、平成24年度、R7 など）")
    .requiredOption("--out <dir>", "出力先フォルダ")
    .action(async (file: string, opts: { fy: string; out: string }) => {
      const o = await writeDeck(file, fiscalYear(opts.fy), opts.out);
      console.log(`${o.name}\t${o.url}`);
    });
}
