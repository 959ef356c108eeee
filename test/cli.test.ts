import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, createTestDatabase, type TestDatabase } from './support/databases.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createI18n } from '../src/platform/i18n.js';
import { api } from './support/http-client.js';

const run = promisify(execFile);

function cli(args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: {
      ...process.env,
      SESSION_SECRET: 'cli-test-secret-that-is-long-enough-0123456789',
      LOG_LEVEL: 'silent',
      ...env,
    },
    timeout: 60_000,
  });
}

describe('engine-room --help', () => {
  it('lists the commands', async () => {
    const { stdout } = await cli(['--help'], {});
    for (const command of ['serve', 'migrate', 'seed', 'token create']) expect(stdout).toContain(command);
  });
});

describe.each(engines)('engine-room CLI on %s', (engine) => {
  let tdb: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    env = {
      SQLITE_PATH: tdb.location.sqlitePath,
      ...(tdb.location.databaseUrl ? { DATABASE_URL: tdb.location.databaseUrl } : {}),
    };
  });
  afterAll(async () => tdb.close());

  // Four CLI processes in a row (each starts TypeScript through tsx): generous on a loaded machine.
  it(
    'migrates, seeds the demo once, and prints a token that works on the API',
    { timeout: 120_000 },
    async () => {
      expect((await cli(['migrate'], env)).stdout).toContain('up to date');
      expect((await cli(['seed'], env)).stdout).toContain('seeded demo-kommune');
      expect((await cli(['seed'], env)).stdout).toContain('nothing seeded');

      const { stdout } = await cli(['token', 'create', '--email', 'analyst@demo-kommune.example'], env);
      const token = stdout.trim();
      expect(token).toMatch(/^er_[A-Za-z0-9_-]{40,}$/);
      const app = await buildApp(
        {
          config: loadConfig({ ...env, SESSION_SECRET: 'x'.repeat(40) }),
          db: tdb.db,
          engine,
          i18n: createI18n(),
        },
        { logger: false },
      );
      try {
        const res = await api(app, token, 'GET', '/api/v1/initiatives');
        expect(res.statusCode).toBe(200);
        expect(res.json<{ items: { title: string; status: string }[] }>().items).toEqual([
          expect.objectContaining({ title: 'The library of the future', status: 'open' }),
        ]);
        // The token carries the analyst's rights: reading yes, creating no.
        expect((await api(app, token, 'POST', '/api/v1/initiatives', { title: 'x' })).statusCode).toBe(403);
      } finally {
        await app.close();
      }
    },
  );

  it('refuses a token for an unknown email with a clear message', async () => {
    const failure: unknown = await cli(['token', 'create', '--email', 'nobody@example.org'], env).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeDefined();
    expect((failure as { stderr: string }).stderr).toContain(
      'no active staff member with the email nobody@example.org',
    );
  });
});
