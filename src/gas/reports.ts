/** Menu handlers for 柱別報告書 and 年次報告スライド, and the follow-up run for long jobs. */
import {
  buildAnnualDeck,
  buildPillarDocs,
  type DeckRun,
  resumeAnnualDeck,
  resumePillarDocs,
  type WrittenOutput,
} from "../app/build-reports";
import { fiscalYearOf, formatFiscalYear, parseFiscalYear, tokyoDateOf } from "../domain/calendar";
import { escapeHtml } from "../domain/html";
import { GasDocWriter, outputFolder } from "./docs-writer";
import { clearFollowUps, scheduleFollowUp } from "./follow-up";
import { DriveOutputAccess } from "./output-access";
import { GasRegistryStore } from "./registry-store";
import { ScriptProperties, ToastProgress } from "./services";
import { GasDeckWriter } from "./slides-writer";

export const DOCS_FOLLOW_UP_HANDLER = "continuePillarDocs";
export const DECK_FOLLOW_UP_HANDLER = "continueAnnualDeck";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Asks for the fiscal year; undefined when cancelled or unreadable (the user was told). */
export function askFiscalYear(title: string): number | undefined {
  const ui = SpreadsheetApp.getUi();
  const current = fiscalYearOf(tokyoDateOf(new Date()));
  const answer = ui.prompt(
    title,
    `対象の年度を入力してください（例: 2012、平成24年度、R7）。空欄のまま OK を押すと ${formatFiscalYear(current, "ja")} になります。`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return undefined;
  const text = answer.getResponseText().trim();
  if (text === "") return current;
  const parsed = parseFiscalYear(text);
  if (!parsed.ok) {
    ui.alert(
      title,
      `「${text}」は年度として読めません。2012、平成24年度、R7 のように入力してください。`,
      ui.ButtonSet.OK,
    );
    return undefined;
  }
  return parsed.fy;
}

function deps(ss: Spreadsheet) {
  return {
    store: new GasRegistryStore(ss),
    clock: { now: () => new Date() },
    progress: new ToastProgress(ss),
    access: new DriveOutputAccess(),
  };
}

/** `recorded`: the outputs are already rows of 出力 (a deck still being made is not yet) */
export function outputsHtml(
  outputs: readonly { name: string; url: string }[],
  note: string,
  recorded = true,
): string {
  const items = outputs
    .map(
      (o) =>
        `<li><a href="${escapeHtml(o.url)}" target="_blank" rel="noopener">${escapeHtml(o.name)}</a></li>`,
    )
    .join("");
  return `<div style="font-family:sans-serif;font-size:13px"><p>${escapeHtml(note)}</p><ul>${items}</ul>${recorded ? "<p>作成したファイルは「出力」シートにも記録しました。</p>" : ""}</div>`;
}

/** `startedAt`: when the menu execution began, before its dialogs (they count toward 6 min) */
export async function writePillarDocs(
  ss: Spreadsheet,
  fy: number,
  startedAt: Date,
): Promise<{ outputs: readonly WrittenOutput[]; remaining: readonly string[] }> {
  const run = await buildPillarDocs(
    { ...deps(ss), writer: new GasDocWriter(ss), cursor: new ScriptProperties() },
    { fy },
    { startedAt },
  );
  if (run.remaining.length > 0) scheduleFollowUp(DOCS_FOLLOW_UP_HANDLER);
  return run;
}

export async function continuePillarDocsRun(startedAt: Date): Promise<void> {
  clearFollowUps(DOCS_FOLLOW_UP_HANDLER);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const run = await resumePillarDocs(
    { ...deps(ss), writer: new GasDocWriter(ss), cursor: new ScriptProperties() },
    { startedAt },
  );
  if (run.remaining.length > 0) scheduleFollowUp(DOCS_FOLLOW_UP_HANDLER);
}

function deckDeps(ss: Spreadsheet) {
  return {
    ...deps(ss),
    writer: new GasDeckWriter((id) => outputFolder(ss, id)),
    cursor: new ScriptProperties(),
  };
}

/** The deck, continued by a follow-up run when it does not fit this one. */
export async function writeAnnualDeck(
  ss: Spreadsheet,
  fy: number,
  startedAt: Date,
): Promise<DeckRun> {
  const run = await buildAnnualDeck(deckDeps(ss), { fy }, { startedAt });
  if (run.unfinished) scheduleFollowUp(DECK_FOLLOW_UP_HANDLER);
  return run;
}

export async function continueAnnualDeckRun(startedAt: Date): Promise<void> {
  clearFollowUps(DECK_FOLLOW_UP_HANDLER);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const run = await resumeAnnualDeck(deckDeps(ss), { startedAt });
  if (run?.unfinished) scheduleFollowUp(DECK_FOLLOW_UP_HANDLER);
}
