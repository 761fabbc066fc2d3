import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, beforeEach, describe, it } from 'node:test';
import { testNow } from '../../test/support/app.ts';
import { createTestDatabase, databaseKind, secondHandle } from '../../test/support/database.ts';
import { startFakeSmtpServer } from '../../test/support/fake-smtp-server.ts';
import { abandonedText, deliverOutbox, deliveryRules, MailRefusedError, type MailTransport, maxAttempts, tooOldText } from '../app/deliver-outbox.ts';
import { createAccessStore } from '../db/access-store.ts';
import type { Database } from '../db/database.ts';
import { createJobStore } from '../db/job-store.ts';
import { createOutboxStore } from '../db/outbox-store.ts';
import { createLogger } from '../logger.ts';
import { createLogTransport } from '../mail/log-transport.ts';
import { createSmtpTransport } from '../mail/smtp-transport.ts';
import { outboxDeliveryJob } from './outbox-delivery.ts';
import { startJobRunner } from './runner.ts';

let database: Database;
const minute = 60_000;

before(async () => {
  database = await createTestDatabase({ seed: false });
});
after(() => database.close());
beforeEach(async () => {
  await database.db.deleteFrom('outbox').execute();
  await database.db.deleteFrom('job_schedule').execute();
});

const queue = (mail: { recipient: string; subject?: string; body?: string; createdAt?: Date }) =>
  createAccessStore(database.db).queueMail({ subject: 'Emne', body: 'Tekst', createdAt: testNow, ...mail });

/** A transport that records what it was given, after a pause, so two senders interleave. */
function recordingTransport(fail?: (to: string) => Error | null): MailTransport & { sent: string[] } {
  const sent: string[] = [];
  return {
    kind: 'log',
    sent,
    async send(mail) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      const error = fail?.(mail.to);
      if (error) throw error;
      sent.push(mail.id);
    },
    async close() {},
  };
}

const rows = () => database.db.selectFrom('outbox').selectAll().orderBy('created_at').execute();

describe(`Delivering the outbox (${databaseKind})`, () => {
  it('sends every mail exactly once with two senders at work on the same outbox, each with its own connection', async () => {
    for (let index = 0; index < 40; index++) await queue({ recipient: `person${index}@kk.dk`, createdAt: new Date(testNow.getTime() - index) });
    const other = await secondHandle(database);
    try {
      const transport = recordingTransport();
      const runs = await Promise.all([
        deliverOutbox({ store: createOutboxStore(database.db), transport, clock: () => testNow }),
        deliverOutbox({ store: createOutboxStore(other.db), transport, clock: () => testNow }),
      ]);
      assert.equal(transport.sent.length, 40);
      assert.equal(new Set(transport.sent).size, 40, 'no mail was sent twice');
      assert.equal(runs[0]!.sent + runs[1]!.sent, 40);
      assert.ok(runs[0]!.sent > 0 && runs[1]!.sent > 0, `both senders sent some (${runs[0]!.sent} and ${runs[1]!.sent})`);
      const stored = await rows();
      assert.ok(stored.every((row) => row.sent_at !== null && row.attempts === 1 && row.body === ''), 'each sent once, body emptied');
      // A third run finds nothing.
      const again = await deliverOutbox({ store: createOutboxStore(database.db), transport, clock: () => testNow });
      assert.equal(again.sent, 0);
    } finally {
      await other.close();
    }
  });

  it('tries a failing mail again after 1, 5, 15, 60 and 240 minutes, then gives up, keeping the error without the address', async () => {
    await queue({ recipient: 'anna@kk.dk' });
    const transport = recordingTransport((to) => new Error(`Connection closed while talking about <${to}>`));
    const store = createOutboxStore(database.db);
    let now = testNow;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const outcome = await deliverOutbox({ store, transport, clock: () => now });
      assert.equal(outcome.retrying + outcome.failed, 1, `attempt ${attempt} was made`);
      const [row] = await rows();
      assert.equal(row!.attempts, attempt);
      assert.doesNotMatch(row!.last_error ?? '', /anna@kk\.dk/);
      if (attempt < maxAttempts) {
        const delay = deliveryRules.retryDelaysMinutes[attempt - 1]! * minute;
        assert.equal(new Date(row!.next_attempt_at!).getTime(), now.getTime() + delay);
        // Not before its time.
        const early = await deliverOutbox({ store, transport, clock: () => new Date(now.getTime() + delay - 1000) });
        assert.equal(early.retrying + early.failed, 0);
        now = new Date(now.getTime() + delay);
      } else {
        assert.equal(outcome.failed, 1);
        assert.notEqual(row!.failed_at, null);
        assert.equal(row!.body, '');
      }
    }
    const summary = await store.summary(10);
    assert.deepEqual({ waiting: summary.waiting, sent: summary.sent, failed: summary.failed }, { waiting: 0, sent: 0, failed: 1 });
    assert.match(summary.problems[0]!.lastError, /\[adresse\]/);
  });

  it('gives up at once when the mail server refuses a mail for good', async () => {
    await queue({ recipient: 'ukendt@kk.dk' });
    const outcome = await deliverOutbox({
      store: createOutboxStore(database.db),
      transport: recordingTransport(() => new MailRefusedError('550 5.1.1 Recipient address rejected')),
      clock: () => testNow,
    });
    assert.deepEqual([outcome.failed, outcome.retrying], [1, 0]);
    const [row] = await rows();
    assert.equal(row!.attempts, 1);
    assert.notEqual(row!.failed_at, null);
  });

  it('never sends a mail whose sender stopped mid-send, and gives up mails too old to be worth sending', async () => {
    await queue({ recipient: 'afbrudt@kk.dk' });
    await queue({ recipient: 'gammel@kk.dk', createdAt: new Date(testNow.getTime() - (deliveryRules.maxAgeDays * 24 * 60 + 1) * minute) });
    const store = createOutboxStore(database.db);
    // A sender claims the oldest mail (the old one), then "dies".
    const claimed = await store.claimNext(crypto.randomUUID(), testNow, deliveryRules.claimMs);
    assert.equal(claimed?.recipient, 'gammel@kk.dk');
    const transport = recordingTransport();
    const during = await deliverOutbox({ store, transport, clock: () => testNow });
    assert.equal(during.sent, 1, 'the other mail goes out');
    assert.equal(during.abandoned, 0, 'the claim still holds');
    const later = new Date(testNow.getTime() + deliveryRules.claimMs + 1);
    const outcome = await deliverOutbox({ store, transport, clock: () => later });
    assert.equal(outcome.abandoned, 1);
    assert.equal(transport.sent.length, 1);
    const old = (await rows()).find((row) => row.recipient === 'gammel@kk.dk')!;
    assert.equal(old.last_error, abandonedText);
    assert.equal(old.sent_at, null);
    // And a mail queued long ago that nobody claimed is given up, not sent.
    await queue({ recipient: 'glemt@kk.dk', createdAt: new Date(testNow.getTime() - 4 * 24 * 60 * minute) });
    const stale = await deliverOutbox({ store, transport, clock: () => later });
    assert.equal(stale.tooOld, 1);
    assert.equal((await rows()).find((row) => row.recipient === 'glemt@kk.dk')!.last_error, tooOldText);
    assert.equal(transport.sent.length, 1);
  });
});

describe(`What delivery writes to the log (${databaseKind})`, () => {
  /** The server's own logger, writing into a string. */
  function capturedLogger() {
    let written = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    return { logger: createLogger('debug', stream), text: () => written };
  }

  const secretBody = 'Hej Birgitte Bondesen\n\nBrug linket: http://127.0.0.1:3000/admin/adgangskode/hemmelig-engangsnoegle-123\n';

  it('names a delivered mail by its id and subject only: never its recipient or body', async () => {
    await queue({ recipient: 'birgitte.bondesen@kk.dk', subject: 'Vælg en adgangskode til Tilbudsvifte', body: secretBody });
    const { logger, text } = capturedLogger();
    const runner = startJobRunner([outboxDeliveryJob({ store: createOutboxStore(database.db), transport: createLogTransport(logger), logger })], {
      store: createJobStore(database.db),
      now: () => testNow,
      logger,
      timers: false,
    });
    await runner.runDue();
    await runner.stop();
    const log = text();
    assert.match(log, /mail delivered to the log/);
    assert.match(log, /"sent":1/);
    for (const secret of ['birgitte.bondesen@kk.dk', 'Birgitte', 'hemmelig-engangsnoegle-123']) assert.ok(!log.includes(secret), `${secret} is not in the log`);
  });

  it('logs a refusal by the mail server without the address the server named', async () => {
    const server = await startFakeSmtpServer({ answerTo: (address) => `550 5.1.1 <${address}>: Recipient address rejected: User unknown` });
    const transport = createSmtpTransport({ host: '127.0.0.1', port: server.port, security: 'none', auth: undefined, from: 'tilbudsvifte@kk.dk' });
    try {
      await queue({ recipient: 'birgitte.bondesen@kk.dk', subject: 'Vælg en adgangskode til Tilbudsvifte', body: secretBody });
      const { logger, text } = capturedLogger();
      const runner = startJobRunner([outboxDeliveryJob({ store: createOutboxStore(database.db), transport, logger })], {
        store: createJobStore(database.db),
        now: () => testNow,
        logger,
        timers: false,
      });
      await runner.runDue();
      await runner.stop();
      const log = text();
      assert.match(log, /mail not delivered/);
      assert.match(log, /Recipient address rejected/);
      for (const secret of ['birgitte.bondesen@kk.dk', 'Birgitte', 'hemmelig-engangsnoegle-123']) assert.ok(!log.includes(secret), `${secret} is not in the log`);
      const [row] = await rows();
      assert.ok(row!.failed_at && !row!.last_error?.includes('birgitte'));
    } finally {
      await transport.close();
      await server.close();
    }
  });

  it('redacts a recipient or body that reaches a log line by mistake', () => {
    const { logger, text } = capturedLogger();
    logger.info({ recipient: 'a@kk.dk', mail: { to: 'b@kk.dk', body: 'Hej Birgitte', text: 'Hej Birgitte' } }, 'careless');
    assert.doesNotMatch(text(), /a@kk\.dk|b@kk\.dk|Birgitte/);
    assert.match(text(), /\[skjult\]/);
  });
});
