/**
 * Reminder runs in GAS: the daily trigger, its follow-up past the 6-minute limit, and the two
 * menu items (preview, send now).
 */
import { type SendRemindersResult, sendReminders } from "../app/send-reminders";
import { renderProblem } from "../domain/problem";
import { digestProblemText, escapeHtml } from "../domain/reminders";
import { sheetDef } from "../domain/schema";
import { clearFollowUps, scheduleFollowUp } from "./follow-up";
import { MailAppMailer } from "./mail";
import { GasRegistryStore } from "./registry-store";
import { ScriptLock, ScriptProperties, ToastProgress } from "./services";

export const DAILY_HANDLER = "runDailyReminders";
export const FOLLOW_UP_HANDLER = "continueReminders";

/** Where a capped digest sends people: the 進捗 tab (its gid), where they filter by 主担当課. */
function progressUrl(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string | undefined {
  const sheet = ss.getSheetByName(sheetDef("progress").ja);
  return sheet ? `${ss.getUrl()}#gid=${sheet.getSheetId()}` : undefined;
}

function links(ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {
  const listUrl = progressUrl(ss);
  return { registryUrl: ss.getUrl(), ...(listUrl ? { listUrl } : {}) };
}

function deps(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, interactive: boolean) {
  return {
    store: new GasRegistryStore(ss),
    mailer: new MailAppMailer(),
    clock: { now: () => new Date() },
    lock: new ScriptLock(),
    journal: new ScriptProperties(),
    ...(interactive ? { progress: new ToastProgress(ss) } : {}),
  };
}

/** `startedAt`: when the execution began, before any dialog (it counts toward 6 minutes) */
export async function runReminders(
  interactive: boolean,
  startedAt: Date,
): Promise<SendRemindersResult> {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const result = await sendReminders(deps(ss, interactive), { ...links(ss), startedAt });
  if (result.unfinished) scheduleFollowUp(FOLLOW_UP_HANDLER);
  return result;
}

export async function continueReminders(startedAt: Date): Promise<void> {
  clearFollowUps(FOLLOW_UP_HANDLER);
  await runReminders(false, startedAt);
}

export async function previewReminders(): Promise<string> {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const result = await sendReminders(deps(ss, true), { dryRun: true, ...links(ss) });
  return previewHtml(result);
}

export function previewHtml(result: SendRemindersResult): string {
  const head = result.closed
    ? `<p>本日（${escapeHtml(result.date)}）は閉庁日（${escapeHtml(result.closed)}）のため、送信するリマインダーはありません。</p>`
    : `<p>本日（${escapeHtml(result.date)}）送信されるリマインダーは ${result.mails.length} 通です。まだ送信していません。</p>`;
  const blocked = result.blocked
    .map((p) => {
      const r = renderProblem(p, "ja");
      return `<li>${escapeHtml(r.cell)}: ${escapeHtml(r.message)}</li>`;
    })
    .join("");
  const problems = result.problems
    .map(
      (p) =>
        `<li>${escapeHtml(p.division || "（主担当課が空欄）")}: ${digestProblemText(p.reason, "ja")}</li>`,
    )
    .join("");
  const mails = result.mails
    .map(
      ({ mail }) =>
        `<section style="border:1px solid #ddd;margin:8px 0;padding:8px"><div><b>宛先:</b> ${escapeHtml(mail.to.join(", "))}${mail.cc.length > 0 ? ` <b>CC:</b> ${escapeHtml(mail.cc.join(", "))}` : ""}</div><div><b>件名:</b> ${escapeHtml(mail.subject)}</div><hr>${mail.html}</section>`,
    )
    .join("");
  return `<div style="font-family:sans-serif;font-size:13px">${head}${blocked ? `<p>送信前に直す必要のある問題があるため、送信できません:</p><ul>${blocked}</ul>` : ""}${problems ? `<p>ご確認ください:</p><ul>${problems}</ul>` : ""}${mails}</div>`;
}

export function sendSummary(result: SendRemindersResult): string {
  if (result.busy) return "ほかの処理が実行中です。しばらくしてからもう一度お試しください。";
  if (result.closed) return `本日は閉庁日（${result.closed}）のため、リマインダーは送信しません。`;
  if (result.blocked.length > 0)
    return [
      "送信前に直す必要のある問題があるため、何も送信していません。直してから、もう一度実行してください。",
      ...result.blocked.map((p) => {
        const r = renderProblem(p, "ja");
        return `${r.cell}: ${r.message}`;
      }),
    ].join("\n");
  const lines = [`送信 ${result.sent.length} 通`];
  if (result.deferred.length > 0)
    lines.push(
      `送信枠不足のため保留 ${result.deferred.length} 通（次回の実行で優先して送信します）`,
    );
  if (result.failed.length > 0)
    lines.push(`送信失敗 ${result.failed.length} 通（送信記録をご確認ください）`);
  if (result.problems.length > 0)
    lines.push(
      `所属シートの確認が必要な所属 ${result.problems.length} 件（プレビューで内容をご確認ください）`,
    );
  if (result.unfinished) lines.push("残りは1分後に自動で続けて送信します。");
  if (result.mails.length === 0) return "本日送信するリマインダーはありません。";
  return lines.join("\n");
}
