import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../../../test/support/databases.js';
import { TestSmtpServer } from '../../../test/support/smtp-server.js';
import { createOrganization } from '../../modules/organizations/create-organization.js';
import { enqueueMail, listOutbox } from './outbox.js';
import { sendDueMail, smtpTransport } from './sender.js';

describe.each(engines)('mail outbox and sender on %s', (engine) => {
  let tdb: TestDatabase;
  let smtp: TestSmtpServer;
  let orgId: string;
  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    smtp = new TestSmtpServer();
    await smtp.start();
    orgId = (await createOrganization(tdb.db, { slug: 'mail-test', name: 'Mail test' })).id;
  });
  afterAll(async () => {
    await smtp.stop();
    await tdb.close();
  });

  it('keeps mail while the SMTP server is down, retries with backoff, and delivers each message exactly once', async () => {
    const transport = smtpTransport(smtp.url);
    await enqueueMail(tdb.db, {
      organizationId: orgId,
      to: 'ada@example.org',
      subject: 'Hello Ada',
      text: 'First',
    });
    await enqueueMail(tdb.db, {
      organizationId: orgId,
      to: 'bo@example.org',
      subject: 'Hello Bo',
      text: 'Second',
    });
    await smtp.stop();

    let clock = new Date('2026-11-24T10:00:00Z');
    const options = {
      from: 'er@example.org',
      messageIdDomain: 'example.org',
      baseDelayMs: 60_000,
      now: () => clock,
    };
    // Fails fast (connection refused): both wait in the outbox with a later next attempt.
    const down = await sendDueMail(tdb.db, transport, { ...options, now: () => new Date() });
    expect(down).toEqual({ sent: 0, failed: 0, retried: 2 });
    let rows = await listOutbox(tdb.db, orgId);
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 1 && r.last_error)).toBe(true);

    await smtp.start();
    // Not due yet: the backoff is respected.
    clock = new Date();
    expect(await sendDueMail(tdb.db, transport, options)).toEqual({ sent: 0, failed: 0, retried: 0 });
    clock = new Date(Date.now() + 61_000);
    expect(await sendDueMail(tdb.db, transport, options)).toEqual({ sent: 2, failed: 0, retried: 0 });
    // A second pass finds nothing to send: exactly once.
    expect(await sendDueMail(tdb.db, transport, options)).toEqual({ sent: 0, failed: 0, retried: 0 });

    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['ada@example.org', 'bo@example.org']);
    expect(smtp.received.find((m) => m.to[0] === 'ada@example.org')?.raw).toContain('Subject: Hello Ada');
    rows = await listOutbox(tdb.db, orgId);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 2 && r.sent_at)).toBe(true);
  });

  it('gives up after the maximum number of attempts', async () => {
    const id = await enqueueMail(tdb.db, {
      organizationId: orgId,
      to: 'cy@example.org',
      subject: 'Never',
      text: 'x',
    });
    const dead = smtpTransport('smtp://127.0.0.1:1');
    const report = await sendDueMail(tdb.db, dead, {
      from: 'er@example.org',
      messageIdDomain: 'example.org',
      maxAttempts: 1,
    });
    expect(report.failed).toBe(1);
    const row = (await listOutbox(tdb.db, orgId)).find((r) => r.id === id);
    expect(row?.status).toBe('failed');
  });
});
