import nodemailer from 'nodemailer';
import { MailRefusedError, type MailTransport } from '../app/deliver-outbox.ts';
import type { SmtpSettings } from '../config.ts';

/** Time limits per mail, together far below a claim's five minutes (`deliveryRules.claimMs`). */
const limits = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * The outbox through a mail server (SMTP_*; ADR 020), with nodemailer: one connection per mail, which
 * is plenty for a few hundred mails a day. nodemailer's own logging stays off, since it would write
 * addresses. A 5xx answer (other than to the log-in) means the mail will never be accepted.
 */
export function createSmtpTransport(settings: SmtpSettings): MailTransport {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.auth ? { auth: { user: settings.auth.user, pass: settings.auth.password } } : {}),
    ...limits,
    logger: false,
    debug: false,
  });
  const domain = /@([^\s<>@]+?)>?\s*$/.exec(settings.from)?.[1] ?? 'tilbudsvifte.local';
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        await transporter.sendMail({
          from: settings.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          // The outbox id as Message-ID: a receiving server that sees the same mail twice can tell.
          messageId: `<${mail.id}@${domain}>`,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        const code = (error as { responseCode?: unknown; code?: unknown }).responseCode;
        const kind = (error as { code?: unknown }).code;
        if (typeof code === 'number' && code >= 500 && code < 600 && kind !== 'EAUTH') {
          throw new MailRefusedError(error instanceof Error ? error.message : String(error));
        }
        throw error;
      }
    },
    async close() {
      transporter.close();
    },
  };
}
