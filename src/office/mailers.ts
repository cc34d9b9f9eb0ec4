/**
 * Offline mailers on nodemailer: an outbox folder of .eml files (for LGWAN offices that hand
 * mail to another system) and SMTP. Both build the same multipart (text + HTML) message.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type { Mailer, OutgoingMail } from "../ports";

/** The From address when 返信先 is empty: a local name the outbox reader can still show. */
const FALLBACK_FROM = "genki-plan@localhost";

/** A stable Message-ID per key, so a mail system can drop a duplicate of the same digest. */
function messageId(key: string): string {
  return `<${Buffer.from(key, "utf8").toString("base64url")}@genki-plan.invalid>`;
}

function message(mail: OutgoingMail): Mail.Options {
  const from = mail.replyTo || FALLBACK_FROM;
  return {
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
    const info = await this.transport.sendMail(message(mail));
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
    await this.transport.sendMail(message(mail));
  }

  close(): void {
    this.transport.close();
  }
}
