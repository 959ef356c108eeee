import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { nowIso } from '../../platform/clock.js';
import type { Locale, Translate } from '../../platform/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import {
  listLinkFacts,
  listLinkFactsOfParticipant,
  markLinksTold,
  type LinkFact,
} from '../decisions/loop-facts.js';
import { listOrganizations, type Organization } from '../organizations/organizations.repository.js';
import { findCurrentParticipant } from '../participants/find-current-participant.js';
import { contributionsOfLinks, isNews } from './contributions.js';
import { writeDigestMail } from './digest-mail.js';
import { findUnsubscribedAt } from './follow-up.repository.js';
import { myParticipationPath, oneClickUnsubscribePath, unsubscribePath } from './paths.js';
import { unsubscribeToken } from './unsubscribe-token.js';

/** How the digest job writes and when it waits. */
export interface DigestOptions {
  /** Absolute URL of the platform, for the links in the mail. */
  publicUrl: string;
  /** Signs the unsubscribe links. */
  secret: string;
  translatorFor: (locale: Locale) => Translate;
  /** A contributor's news waits until nothing of theirs changed for this long, so ten links make one mail. */
  quietMinutes: number;
  now?: Date;
}

/** What one pass of the digest job did. */
export interface DigestReport {
  /** Contributors who got a digest (one mail each). */
  mailed: number;
  /** Contributors whose news is still in its quiet period. */
  waiting: number;
  /** Contributors with news who get no mail: no address, no consent, unsubscribed (their links stay untold). */
  silent: number;
}

/** The moment the contributor's news last changed: a link made or its decision edited. */
function lastChange(facts: readonly LinkFact[]): string {
  return facts.reduce((latest, f) => {
    const changed = f.linkedAt > f.decisionUpdatedAt ? f.linkedAt : f.decisionUpdatedAt;
    return changed > latest ? changed : latest;
  }, '');
}

/**
 * Writes one contributor's digest into the outbox and marks its links told, in the caller's
 * transaction (so nothing is told twice and nothing is lost). Reads the news again inside the
 * transaction. Returns whether a mail was enqueued.
 */
export async function enqueueDigestFor(
  db: Db,
  org: Organization,
  participantId: string,
  options: DigestOptions,
): Promise<boolean> {
  const participant = await findCurrentParticipant(db, org.id, participantId);
  if (!participant?.email || !participant.followUp) return false;
  if ((await findUnsubscribedAt(db, org.id, participant.id)) !== null) return false;
  const news = (await listLinkFactsOfParticipant(db, org.id, participant.id)).filter(isNews);
  if (news.length === 0) return false;
  const initiatives = await contributionsOfLinks(db, org.id, news);
  const told = new Set(
    initiatives.flatMap((g) => g.contributions.flatMap((c) => c.outcomes.map((o) => o.linkId))),
  );
  if (told.size === 0) return false;
  const token = unsubscribeToken(options.secret, org.id, participant.id);
  const mail = writeDigestMail(options.translatorFor(participant.locale), {
    organization: org.name,
    pseudonym: participant.pseudonym,
    initiatives,
    myParticipationUrl: `${options.publicUrl}${myParticipationPath(org.slug)}`,
    unsubscribeUrl: `${options.publicUrl}${unsubscribePath(org.slug, token)}`,
  });
  await enqueueMail(db, {
    organizationId: org.id,
    to: participant.email,
    subject: mail.subject,
    text: mail.text,
    headers: {
      'List-Unsubscribe': `<${options.publicUrl}${oneClickUnsubscribePath(org.slug, token)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  });
  await markLinksTold(db, org.id, [...told], nowIso(options.now));
  return true;
}

/**
 * The digest job: for every organization, each contributor with news about their input (links not
 * yet told, or decisions changed since they were told) whose news has been quiet for
 * `quietMinutes` gets ONE mail listing it all, each in its own transaction. Contributors who did
 * not agree to follow-up, gave no address, unsubscribed or erased their data get nothing, and their
 * links stay untold.
 */
export async function enqueueFollowUpDigests(
  db: Kysely<Database>,
  options: DigestOptions,
): Promise<DigestReport> {
  const now = options.now ?? new Date();
  const quietSince = new Date(now.getTime() - options.quietMinutes * 60_000).toISOString();
  const report: DigestReport = { mailed: 0, waiting: 0, silent: 0 };
  for (const org of await listOrganizations(db)) {
    const byParticipant = new Map<string, LinkFact[]>();
    for (const f of await listLinkFacts(db, org.id, null)) {
      if (f.participantId === null || !isNews(f)) continue;
      byParticipant.set(f.participantId, [...(byParticipant.get(f.participantId) ?? []), f]);
    }
    for (const [participantId, facts] of byParticipant) {
      if (lastChange(facts) > quietSince) {
        report.waiting++;
        continue;
      }
      const mailed = await db
        .transaction()
        .execute((trx) => enqueueDigestFor(trx, org, participantId, { ...options, now }));
      if (mailed) report.mailed++;
      else report.silent++;
    }
  }
  return report;
}
