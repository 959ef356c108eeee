import type { Db } from '../../db/database.js';
import { nowIso } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { checkedStatementBody } from './conversation-access.js';
import { countStatementsSince, insertStatement } from './conversations.repository.js';
import type { Conversation, Statement } from './conversations.table.js';
import { requireContributor } from './participant-conversation.js';

/** At most this many statements per participant and conversation in `FLOOD_WINDOW_MINUTES`. */
export const FLOOD_LIMIT = 5;
export const FLOOD_WINDOW_MINUTES = 10;

/**
 * A participant adds a statement to an open conversation: checked for length and duplicates, limited to
 * a few per participant in a short time (a flood is `rate_limited`), and either waiting in the
 * moderation queue (moderation before publication) or shown at once (moderation after).
 */
export async function submitStatement(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  conversationId: string,
  participantId: string | undefined,
  raw: unknown,
  now: Date = new Date(),
): Promise<{ conversation: Conversation; statement: Statement }> {
  const { conversation, participant } = await requireContributor(
    db,
    organizationId,
    initiativeSlug,
    conversationId,
    participantId,
  );
  return {
    conversation,
    statement: await addParticipantStatement(db, conversation, participant.id, raw, now),
  };
}

/** The shared part of a participant's statement (pages and API): checks, flood limit, storage. */
export async function addParticipantStatement(
  db: Db,
  conversation: Conversation,
  participantId: string,
  raw: unknown,
  now: Date = new Date(),
): Promise<Statement> {
  const body = await checkedStatementBody(db, conversation, raw);
  const since = nowIso(new Date(now.getTime() - FLOOD_WINDOW_MINUTES * 60_000));
  const recent = await countStatementsSince(
    db,
    conversation.organizationId,
    conversation.id,
    participantId,
    since,
  );
  if (recent >= FLOOD_LIMIT)
    throw new AppError('rate_limited', { params: { after: `${FLOOD_WINDOW_MINUTES} min` } });
  return insertStatement(db, conversation.organizationId, conversation.id, {
    body,
    source: 'participant',
    authorParticipantId: participantId,
    status: conversation.moderation === 'before' ? 'pending' : 'approved',
    createdAt: nowIso(now),
  });
}
