/** Mailer on MailApp: one sendEmail per digest, the daily quota asked once per run. */
import type { Mailer, OutgoingMail } from "../ports";

export class MailAppMailer implements Mailer {
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  send(mail: OutgoingMail): void {
    MailApp.sendEmail({
      to: mail.to.join(","),
      ...(mail.cc.length > 0 ? { cc: mail.cc.join(",") } : {}),
      subject: mail.subject,
      body: mail.text,
      htmlBody: mail.html,
      name: mail.senderName,
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    });
  }
}
