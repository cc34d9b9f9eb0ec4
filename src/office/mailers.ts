/**
 * Offline mailers on nodemailer: an outbox folder of .eml files (for LGWAN offices that hand
 * mail to another system) and SMTP. Both build the same multipart (text + HTML) message.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type { Mailer, MailTable, OutgoingMail } from "../ports";

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
  };
}

/** Writes one .eml per mail into a folder; no network. */
export class OutboxMailer implements Mailer {
  private readonly transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  readonly written: string[] = [];

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  remainingQuota(): number {
    return Number.POSITIVE_INFINITY;
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail(await message(mail));
    const file = join(this.dir, `${mail.key.replace(/[^\p{L}\p{N}._-]+/gu, "_")}.eml`);
    writeFileSync(file, info.message as Buffer);
    this.written.push(file);
  }
}

/** Sends through an SMTP server given as a URL (smtp://user:pass@host:port). */
export class SmtpMailer implements Mailer {
  private readonly transport: nodemailer.Transporter;

  constructor(url: string) {
    this.transport = nodemailer.createTransport(url);
  }

  remainingQuota(): number {
    return Number.POSITIVE_INFINITY;
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail(await message(mail));
  }

  close(): void {
    this.transport.close();
  }
}
