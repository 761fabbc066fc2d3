import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeSmtpServer } from '../../test/support/fake-smtp-server.ts';
import { MailRefusedError } from '../app/deliver-outbox.ts';
import { errorText } from '../logger.ts';
import { createSmtpTransport } from './smtp-transport.ts';

describe('the SMTP transport (against a fake mail server on 127.0.0.1)', () => {
  let server: Awaited<ReturnType<typeof startFakeSmtpServer>>;
  let transport: ReturnType<typeof createSmtpTransport>;

  before(async () => {
    server = await startFakeSmtpServer({
      answerTo: (address) =>
        address.startsWith('ukendt') ? `550 5.1.1 <${address}>: Recipient address rejected` : address.startsWith('travl') ? '451 4.3.0 try again later' : null,
    });
    transport = createSmtpTransport({ host: '127.0.0.1', port: server.port, security: 'none', auth: undefined, from: 'Tilbudsvifte <tilbudsvifte@kk.dk>' });
  });
  after(async () => {
    await transport.close();
    await server.close();
  });

  it('hands a Danish mail to the server with the outbox id as Message-ID', async () => {
    const id = crypto.randomUUID();
    await transport.send({ id, to: 'anna@kk.dk', subject: 'Vælg en adgangskode til Tilbudsvifte', text: 'Hej Anna\n\nBrug linket: https://tilbud.kk.dk/admin/adgangskode/abc\n' });
    const mail = server.received.at(-1)!;
    assert.equal(mail.from, 'tilbudsvifte@kk.dk');
    assert.deepEqual(mail.to, ['anna@kk.dk']);
    assert.match(mail.data, new RegExp(`Message-ID: <${id}@kk\\.dk>`, 'i'));
    assert.match(mail.data, /Auto-Submitted: auto-generated/);
    // Non-ASCII subjects are encoded (RFC 2047); the body arrives whole.
    assert.match(mail.data, /Subject: =\?UTF-8\?/);
    assert.match(mail.data.replace(/=\r\n/g, ''), /admin\/adgangskode\/abc/);
  });

  it('says a 5xx refusal of the recipient will never pass, and a 4xx answer may', async () => {
    const refused = await transport.send({ id: crypto.randomUUID(), to: 'ukendt@kk.dk', subject: 'x', text: 'x' }).catch((error: unknown) => error);
    assert.ok(refused instanceof MailRefusedError);
    // The server's answer names the recipient; the text kept for the log and the page does not.
    assert.doesNotMatch(errorText(refused), /ukendt@kk\.dk/);
    assert.match(errorText(refused), /\[adresse\]/);
    const busy = await transport.send({ id: crypto.randomUUID(), to: 'travl@kk.dk', subject: 'x', text: 'x' }).catch((error: unknown) => error);
    assert.ok(busy instanceof Error && !(busy instanceof MailRefusedError));
  });

  it('fails, and may be tried again, when no server answers', async () => {
    const closed = createSmtpTransport({ host: '127.0.0.1', port: 1, security: 'none', auth: undefined, from: 'tilbudsvifte@kk.dk' });
    const error = await closed.send({ id: crypto.randomUUID(), to: 'anna@kk.dk', subject: 'x', text: 'x' }).catch((caught: unknown) => caught);
    assert.ok(error instanceof Error && !(error instanceof MailRefusedError));
    await closed.close();
  });
});
