import { Command } from 'commander';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { connect, type Connection } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { createI18n } from './platform/i18n.js';
import { startMailLoop } from './platform/mail/mail-loop.js';
import { startTallyLoop } from './modules/surveys/tally-loop.js';
import { startFollowUpLoop } from './modules/follow-up/follow-up-loop.js';
import { AppError } from './platform/errors.js';
import { seedDemo, DEMO_PASSWORD } from './modules/demo/seed-demo.js';
import { createApiTokenForEmail } from './modules/staff/create-api-token.js';
import { registerAnalyse } from './cli/analyse.js';

async function open(config: Config): Promise<Connection> {
  const connection = connect(config);
  await migrateToLatest(connection.db);
  return connection;
}

function describeFailure(error: unknown): string {
  if (error instanceof AppError) {
    const fields = error.fields.map((f) => `${f.field}: ${f.code}`).join(', ');
    return `${error.code}${fields ? ` (${fields})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

const program = new Command('engine-room')
  .description('Engine Room: let your users into the engine room.')
  .showHelpAfterError();

program
  .command('serve')
  .description('migrate, seed the demo into an empty database, and serve the platform')
  .action(async () => {
    const config = loadConfig();
    const { db, engine } = await open(config);
    let demo: Awaited<ReturnType<typeof seedDemo>> | undefined;
    if (config.seedDemo) demo = await seedDemo(db);
    const app = await buildApp({ config, db, engine, i18n: createI18n() });
    const stopMail = startMailLoop(db, config, app.log);
    const stopTallies = startTallyLoop(db, app.log);
    const stopFollowUp = startFollowUpLoop(db, config, app.deps.i18n, app.log);
    app.addHook('onClose', async () => {
      await stopMail();
      await stopTallies();
      await stopFollowUp();
      await db.destroy();
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void app.close().then(() => process.exit(0)));
    }
    await app.listen({ port: config.port, host: config.host });
    const lines = [
      '',
      `Engine Room is running at ${config.publicUrl} (${engine === 'sqlite' ? `SQLite ${config.sqlitePath}` : 'PostgreSQL'})`,
    ];
    if (demo) {
      lines.push(`Demo organization: ${config.publicUrl}/o/${demo.organizationSlug}`);
      lines.push(
        `Demo sign-in: ${config.publicUrl}/signin  email ${demo.staff.admin}  password ${DEMO_PASSWORD}`,
      );
      lines.push(
        `Other demo staff (same password): ${[demo.staff.facilitator, demo.staff.analyst, demo.staff.frontline].join(', ')}`,
      );
    }
    if (!config.smtpUrl)
      lines.push(`No SMTP_URL set: mail waits in the outbox at ${config.publicUrl}/staff/outbox`);
    console.log(lines.join('\n'));
  });

program
  .command('migrate')
  .description('bring the database schema to the latest version')
  .action(async () => {
    const config = loadConfig();
    const { db } = connect(config);
    try {
      const applied = await migrateToLatest(db);
      console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'the database is up to date');
    } finally {
      await db.destroy();
    }
  });

program
  .command('seed')
  .description('seed the demo organization into an empty database')
  .action(async () => {
    const config = loadConfig();
    const { db } = await open(config);
    try {
      const demo = await seedDemo(db);
      console.log(
        demo
          ? `seeded ${demo.organizationSlug}; sign in as ${demo.staff.admin} / ${DEMO_PASSWORD}`
          : 'the database already has data; nothing seeded',
      );
    } finally {
      await db.destroy();
    }
  });

const token = program
  .command('token')
  .description('token create --email <email>: print a personal API token');
token
  .command('create')
  .description('print a new personal API token (Bearer) with the rights of the staff member')
  .requiredOption('--email <email>', 'email of an active staff member')
  .option('--name <name>', 'a name to recognise the token by', 'CLI')
  .action(async (options: { email: string; name: string }) => {
    const config = loadConfig();
    const { db } = await open(config);
    try {
      const secret = await db
        .transaction()
        .execute((trx) => createApiTokenForEmail(trx, options.email, options.name));
      console.log(secret);
    } catch (error) {
      console.error(
        error instanceof AppError && error.code === 'not_found'
          ? `no active staff member with the email ${options.email}`
          : describeFailure(error),
      );
      process.exitCode = 1;
    } finally {
      await db.destroy();
    }
  });

registerAnalyse(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`engine-room: ${describeFailure(error)}`);
  process.exit(1);
});
