/**
 * Offline mailers on nodemailer: an outbox folder of .eml files (for LGWAN offices that hand
 * mail to another system) and SMTP. Both build the same multipart (text + HTML) message.
 * Failures are reported in the catalogue's words, never in the library's.
 */
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { offlineText } from "../domain/i18n";
import type { Lang } from "../domain/schema";
import type { Mailer, MailTable, OutgoingMail, SendReceipt } from "../ports";
import { crashPoint } from "./crash-points";
import { writeDurably } from "./durable-fs";
import { besideFile, uniqueName } from "./file-names";
import { errnoCode } from "./offline-error";

/** The From address when 返信先 is empty: a local name the outbox reader can still show. */
const FALLBACK_FROM = "genki-plan@localhost";

/** A stable Message-ID per key, so a mail system can drop a duplicate of the same digest. */
function messageId(key: string): string {
  return `<${Buffer.from(key, "utf8").toString("base64url")}@genki-plan.invalid>`;
}

/** A capped digest's full list as a one-sheet .xlsx, header row bold and frozen. */
async function xlsxOf(table: MailTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("一覧", { views: [{ state: "frozen", ySplit: 1 }] });
  for (const row of table.rows) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c, i) => {
    c.width = i === 1 ? 48 : 16;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function message(mail: OutgoingMail): Promise<Mail.Options> {
  const from = mail.replyTo || FALLBACK_FROM;
  // both kinds travel together: the capped digest's full list and the division's answer file
  const attachments: Mail.Attachment[] = [
    ...(mail.attachment
      ? [
          {
            filename: mail.attachment.filename,
            content: await xlsxOf(mail.attachment),
            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          },
        ]
      : []),
    ...(mail.attachments ?? []).map((a) => ({ filename: a.filename, path: a.path })),
  ];
  return {
    ...(attachments.length > 0 ? { attachments } : {}),
    from: { name: mail.senderName, address: from },
    to: [...mail.to],
    cc: [...mail.cc],
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: messageId(mail.key),
    // The Date header is the send time on the digest's day, as the body's 本日 says.
    date: mail.sentAt ?? new Date(),
  };
}

/** A send failure whose message is already in the reader's language. */
export class MailerError extends Error {}

/** The .eml name of a key: separators and characters no file system takes become "_". */
export function emlStem(key: string): string {
  return key.normalize("NFC").replace(/[^\p{L}\p{N}._-]+/gu, "_");
}

/** Writes one .eml per mail into a folder; no network. */
export class OutboxMailer implements Mailer {
  private readonly transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  readonly written: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly lang: Lang = "ja",
  ) {
    mkdirSync(dir, { recursive: true });
  }

  remainingQuota(): number {
    return Number.POSITIVE_INFINITY;
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail(await message(mail));
    // Two keys may map to one name (総務部/人事課 and 総務部 人事課): the second gets -2.
    const name = uniqueName(this.dir, emlStem(mail.key), ".eml");
    const file = join(this.dir, name);
    const temp = besideFile(file, "eml");
    try {
      // Written whole, then renamed: a reader of the outbox never picks up half a mail.
      writeDurably(temp, info.message as Buffer);
      renameSync(temp, file);
    } catch (e) {
      rmSync(temp, { force: true });
      throw new MailerError(
        offlineText("mail-outbox-write", { code: errnoCode(e) ?? "?" }, this.lang),
      );
    }
    this.written.push(file);
    crashPoint("mail:accepted");
  }
}

/** True for smtp:// and smtps:// URLs with a host: anything else is refused before use. */
export function isSmtpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === "smtp:" || u.protocol === "smtps:") && u.hostname !== "";
  } catch {
    return false;
  }
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  rejected?: unknown;
}

/** Sends through an SMTP server given as a URL (smtp://user:pass@host:port). */
export class SmtpMailer implements Mailer {
  private readonly transport: nodemailer.Transporter;
  private readonly host: string;

  constructor(
    url: string,
    private readonly lang: Lang = "ja",
  ) {
    this.transport = nodemailer.createTransport(url);
    this.host = new URL(url).host;
  }

  remainingQuota(): number {
    return Number.POSITIVE_INFINITY;
  }

  async send(mail: OutgoingMail): Promise<SendReceipt> {
    let info: { rejected?: unknown };
    try {
      info = await this.transport.sendMail(await message(mail));
    } catch (e) {
      throw new MailerError(this.explain(e as SmtpFailure));
    }
    crashPoint("mail:accepted");
    return { rejected: addresses(info.rejected) };
  }

  private explain(e: SmtpFailure): string {
    const rejected = addresses(e.rejected);
    if (e.code === "EENVELOPE" && rejected.length > 0)
      return offlineText("mail-all-rejected", { addresses: rejected.join(", ") }, this.lang);
    if (e.code === "EAUTH") return offlineText("mail-auth", {}, this.lang);
    if (
      e.code === "ECONNECTION" ||
      e.code === "ESOCKET" ||
      e.code === "ETIMEDOUT" ||
      e.code === "EDNS"
    )
      return offlineText("mail-connect", { host: this.host }, this.lang);
    return offlineText("mail-refused", { code: e.responseCode ?? e.code ?? "?" }, this.lang);
  }

  close(): void {
    this.transport.close();
  }
}

function addresses(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((a) =>
    typeof a === "string" ? a : String((a as { address?: string }).address ?? a),
  );
}
