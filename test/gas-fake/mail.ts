/**
 * MailApp. Quota: GAS's daily mail quota counts recipients, not messages, so every address in
 * to, cc and bcc (comma-separated lists split) uses one unit. A send needing more units than
 * remain throws GAS's "Service invoked too many times for one day: email." and sends nothing.
 */
import { badParameters, GasError } from "./errors";
import type { Runtime } from "./runtime";

type MailOptions = GoogleAppsScript.Mail.MailAdvancedParameters;

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo: string;
  noReply: boolean;
  /** names of attachments, if any */
  attachments: string[];
  /** every address of to, cc and bcc */
  recipients: string[];
  sentAt: Date;
}

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

function addresses(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "")
    .map((a) => /<([^>]+)>\s*$/.exec(a)?.[1] ?? a);
}

export type MailAppMethods = "sendEmail" | "getRemainingDailyQuota";

export class FakeMailApp implements Pick<GoogleAppsScript.Mail.MailApp, MailAppMethods> {
  readonly sent: SentMail[] = [];

  constructor(
    private readonly rt: Runtime,
    public quota: number,
  ) {}

  getRemainingDailyQuota(): number {
    return this.rt.call("MailApp", "MailApp.getRemainingDailyQuota", () => this.quota);
  }

  /**
   * sendEmail(message), sendEmail(to, subject, body), sendEmail(to, subject, body, options),
   * sendEmail(to, replyTo, subject, body)
   */
  sendEmail(a: MailOptions | string, b?: string, c?: string, d?: MailOptions | string): void {
    const message = normalize(a, b, c, d);
    this.rt.call("MailApp", "MailApp.sendEmail", () => this.deliver(message), {
      detail: message.to ?? "",
    });
  }

  private deliver(m: MailOptions): void {
    const to = addresses(m.to);
    const cc = addresses(m.cc);
    const bcc = addresses(m.bcc);
    const recipients = [...to, ...cc, ...bcc];
    if (recipients.length === 0) throw new GasError("Failed to send email: no recipient");
    for (const r of recipients) {
      if (!EMAIL.test(r)) throw new GasError(`Invalid email: ${r}`);
    }
    // Apps Script quotas, "Current limitations": Email body size 200 KB / msg (consumer accounts;
    // 400 KB on Workspace): https://developers.google.com/apps-script/guides/services/quotas
    for (const part of [m.body ?? "", m.htmlBody ?? ""]) {
      if (utf8Bytes(part) > MAIL_BODY_LIMIT_BYTES) {
        throw new GasError("Limit Exceeded: Email Body Size.");
      }
    }
    if (recipients.length > this.quota) {
      throw new GasError("Service invoked too many times for one day: email.");
    }
    this.quota -= recipients.length;
    this.sent.push({
      to: m.to ?? "",
      cc: m.cc ?? "",
      bcc: m.bcc ?? "",
      subject: m.subject ?? "",
      body: m.body ?? "",
      htmlBody: m.htmlBody ?? "",
      name: m.name ?? "",
      replyTo: m.replyTo ?? "",
      noReply: m.noReply === true,
      attachments: (m.attachments ?? []).map((x) => x.getBlob().getName() ?? ""),
      recipients,
      sentAt: this.rt.clock.now(),
    });
  }
}

/** MailApp's per-message body limit (consumer accounts, the stricter of the two). */
export const MAIL_BODY_LIMIT_BYTES = 200 * 1024;

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

function normalize(
  a: MailOptions | string,
  b?: string,
  c?: string,
  d?: MailOptions | string,
): MailOptions {
  if (typeof a === "object" && a !== null && b === undefined) return { ...a };
  if (typeof a !== "string" || typeof b !== "string" || typeof c !== "string") {
    throw badParameters(
      "MailApp.sendEmail",
      [a, b, c, d].filter((x) => x !== undefined),
    );
  }
  if (typeof d === "string") return { to: a, replyTo: b, subject: c, body: d };
  return { ...(d ?? {}), to: a, subject: b, body: c };
}
