import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Typed configuration of the whole platform; every field has a default that just works. */
export interface Config {
  port: number;
  host: string;
  /** Absolute URL the platform is reached at, used in mails and links. */
  publicUrl: string;
  /** `postgres://…` selects PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl: string | undefined;
  sqlitePath: string;
  /** Secret that signs cookies and CSRF tokens (at least 32 characters). */
  sessionSecret: string;
  /** Session lifetime for staff, in hours. */
  sessionHours: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Whether to seed the demo organization into an empty database on start. */
  seedDemo: boolean;
  /** Cookies marked `Secure` (on by default when PUBLIC_URL is https). */
  secureCookies: boolean;
  logLevel: string;
  /** Max requests a minute per IP on sign-in and public POST routes. */
  rateLimitPerMinute: number;
  /** How often the mail sender looks at the outbox, in milliseconds. */
  mailPollMs: number;
  /** Trust X-Forwarded-* from a reverse proxy (only behind one: otherwise clients could fake their address). */
  trustProxy: boolean;
  /** Minutes a contributor's news must stay unchanged before their follow-up digest is written. */
  followUpQuietMinutes: number;
  /** How often the follow-up digest job runs, in milliseconds. */
  followUpPollMs: number;
}

/** An environment variable as documented in the README's configuration table. */
export interface EnvVar {
  name: string;
  default: string;
  description: string;
}

/** Every environment variable the platform reads (the README's table is generated from the same facts). */
export const environment: EnvVar[] = [
  { name: 'PORT', default: '3000', description: 'HTTP port' },
  { name: 'HOST', default: '0.0.0.0', description: 'interface to listen on' },
  {
    name: 'PUBLIC_URL',
    default: 'http://localhost:$PORT',
    description: 'absolute URL used in mails and links',
  },
  {
    name: 'DATABASE_URL',
    default: '(unset: SQLite)',
    description: '`postgres://user:pass@host/db` selects PostgreSQL',
  },
  {
    name: 'SQLITE_PATH',
    default: './data/engine-room.sqlite',
    description: 'SQLite file when DATABASE_URL is unset',
  },
  {
    name: 'SESSION_SECRET',
    default: 'generated once into ./data/secret',
    description: 'signs cookies and CSRF tokens; set it (32+ characters) in production',
  },
  { name: 'SESSION_HOURS', default: '12', description: 'staff session lifetime' },
  {
    name: 'SMTP_URL',
    default: '(unset: outbox only)',
    description: '`smtp://user:pass@host:port`; unset, mail waits in the outbox, listed at /staff/outbox',
  },
  {
    name: 'MAIL_FROM',
    default: 'Engine Room <no-reply@engine-room.local>',
    description: 'sender of outgoing mail',
  },
  {
    name: 'SEED_DEMO',
    default: 'true',
    description: 'seed the demo organization into an empty database on start',
  },
  { name: 'SECURE_COOKIES', default: 'true when PUBLIC_URL is https', description: 'mark cookies Secure' },
  { name: 'LOG_LEVEL', default: 'info', description: 'pino log level' },
  {
    name: 'RATE_LIMIT_PER_MINUTE',
    default: '20',
    description: 'requests per minute per IP on sign-in and public forms',
  },
  { name: 'MAIL_POLL_MS', default: '5000', description: 'how often the outbox is sent' },
  {
    name: 'TRUST_PROXY',
    default: 'false',
    description:
      'trust X-Forwarded-For from a reverse proxy (set only behind one; rate limits use the client address)',
  },
  {
    name: 'FOLLOW_UP_QUIET_MINUTES',
    default: '10',
    description: 'minutes without new decision links before a contributor gets their follow-up digest',
  },
  { name: 'FOLLOW_UP_POLL_MS', default: '60000', description: 'how often follow-up digests are written' },
];

function secretFor(sqlitePath: string, env: NodeJS.ProcessEnv): string {
  const given = env.SESSION_SECRET;
  if (given) {
    if (given.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters long');
    return given;
  }
  // A generated secret kept beside the database survives restarts, so sessions do too.
  const file = resolve(dirname(sqlitePath), 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** Reads the configuration from the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int('PORT', env.PORT, 3000);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const sqlitePath = resolve(env.SQLITE_PATH ?? './data/engine-room.sqlite');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// (leave it unset for SQLite)');
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl,
    databaseUrl,
    sqlitePath,
    sessionSecret: secretFor(sqlitePath, env),
    sessionHours: int('SESSION_HOURS', env.SESSION_HOURS, 12),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Engine Room <no-reply@engine-room.local>',
    seedDemo: bool(env.SEED_DEMO, true),
    secureCookies: bool(env.SECURE_COOKIES, publicUrl.startsWith('https://')),
    logLevel: env.LOG_LEVEL ?? 'info',
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 20),
    mailPollMs: int('MAIL_POLL_MS', env.MAIL_POLL_MS, 5000),
    trustProxy: bool(env.TRUST_PROXY, false),
    followUpQuietMinutes: int('FOLLOW_UP_QUIET_MINUTES', env.FOLLOW_UP_QUIET_MINUTES, 10),
    followUpPollMs: int('FOLLOW_UP_POLL_MS', env.FOLLOW_UP_POLL_MS, 60_000),
  };
}
