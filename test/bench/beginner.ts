/**
 * The fair baselines: each use case as a competent beginner writes it after reading Google's
 * best practices — one getDataRange().getValues() per tab, the same domain rules, and then one
 * plain call per thing to write (a note and a colour per problem cell, an appendRow per sent mail).
 * They do less than the project (no clearing of old marks, no care for people's own notes and
 * colours, no journal against double sends), so the project should cost no more than they do.
 * They run on the fake's GAS-typed services, outside the bundle, against the same registry.
 */
import { MARK_COLOURS, MARK_PREFIX, marksBySheet } from "../../src/domain/annotations";
import { tokyoDateOf } from "../../src/domain/calendar";
import type { Problem } from "../../src/domain/problem";
import { parseRegistry, type RawSheet } from "../../src/domain/registry";
import { planDigests, renderDigest } from "../../src/domain/reminders";
import { SHEETS, sheetDef, sheetKeyOfName, WRITE_ONLY_SHEETS } from "../../src/domain/schema";
import { validateRegistry } from "../../src/domain/validate";
import type { GasServices } from "../gas-fake";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** One getDataRange().getValues() per tab the rules need (the app-written logs are skipped, as
 * the project skips them). */
function readTabs(ss: Spreadsheet): RawSheet[] {
  return ss.getSheets().flatMap((s) => {
    const key = sheetKeyOfName(s.getName());
    if (!key || WRITE_ONLY_SHEETS.includes(key)) return [];
    return [{ name: s.getName(), values: s.getDataRange().getValues() }];
  });
}

/**
 * How both baselines mark what the check found: setNote + setBackground on each problem cell,
 * one call each (no RangeList, no clearing of old marks, no keeping of people's notes).
 */
export function markCellByCell(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  problems: readonly Problem[],
): number {
  let marks = 0;
  for (const [name, list] of marksBySheet(problems, "ja")) {
    const def = SHEETS.find((s) => s.key === sheetKeyOfName(name));
    const sheet = ss.getSheetByName(name);
    if (!sheet || !def || def.appOwned) continue;
    for (const m of list) {
      const cell = sheet.getRange(m.row, m.col);
      cell.setNote(MARK_PREFIX + m.message);
      cell.setBackground(MARK_COLOURS[m.severity]);
      marks++;
    }
  }
  return marks;
}

/** 全体チェック, beginner: read each tab once, then setNote + setBackground per problem cell. */
export function beginnerFullCheck(services: GasServices, now: Date): { marks: number } {
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  const { problems } = validateRegistry(readTabs(ss), { today: tokyoDateOf(now) });
  const marks = markCellByCell(ss, problems);
  // tells the person what it found, as ours does (a dialog, not a sidebar)
  services.SpreadsheetApp.getUi().alert(`${problems.length} 件の問題に印を付けました。`);
  return { marks };
}

/**
 * リマインダー送信, beginner: read each tab once, plan and render with the same domain code, then
 * per division one MailApp.sendEmail and one appendRow to 送信記録.
 */
export function beginnerReminders(services: GasServices, now: Date): { sent: number } {
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  const { registry } = parseRegistry(readTabs(ss));
  const plan = planDigests(registry, tokyoDateOf(now));
  const log = ss.getSheetByName(registry.sheetNames.sendLog ?? sheetDef("sendLog").ja);
  let sent = 0;
  for (const digest of plan.digests) {
    const mail = renderDigest(digest, registry, { lang: registry.settings.lang });
    services.MailApp.sendEmail({
      to: digest.to,
      subject: mail.subject,
      body: mail.text,
      htmlBody: mail.html,
      ...(digest.cc.length > 0 ? { cc: digest.cc.join(",") } : {}),
    });
    log?.appendRow([
      now,
      digest.key,
      digest.kind,
      digest.division,
      digest.to,
      digest.items.length,
      "送信済",
    ]);
    sent++;
  }
  return { sent };
}
