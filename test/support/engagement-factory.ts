import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database.js';
import type { StaffActor } from '../../src/platform/actor.js';
import { createCampaign } from '../../src/modules/engagement/create-campaign.js';
import type { Campaign } from '../../src/modules/engagement/engagement.table.js';
import type { Initiative } from '../../src/modules/initiatives/initiatives.table.js';
import { postParticipantIdea } from '../../src/modules/ideas/post-idea.js';
import { registerParticipant } from '../../src/modules/participants/register-participant.js';
import { ideaInput } from './idea-factory.js';

const DAY = 24 * 60 * 60 * 1000;

/** A valid campaign text as a form or JSON body, with overrides. */
export function campaignInput(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    subjectEn: 'We miss you',
    bodyEn: 'It has been a while. Come and see what is new.',
    subjectDa: 'Vi savner dig',
    bodyDa: 'Det er længe siden. Kom og se, hvad der er nyt.',
    ...overrides,
  };
}

/** A draft campaign written through the use case. */
export async function buildCampaign(
  db: Db,
  actor: StaffActor,
  overrides: Record<string, string> = {},
): Promise<Campaign> {
  return createCampaign(db, actor, campaignInput(overrides));
}

/**
 * A participant registered by staff (with an address and consent to follow-up unless overridden)
 * who posted an idea, with their idea and joining moved `daysAgo` days into the past: lapsed by default.
 */
export async function buildLapsedParticipant(
  db: Db,
  registrar: StaffActor,
  initiative: Initiative,
  options: { daysAgo?: number; email?: string; followUp?: boolean; locale?: 'en' | 'da' } = {},
): Promise<{ id: string; email: string }> {
  const email = options.email ?? `lapsed-${randomUUID().slice(0, 8)}@example.org`;
  const registered = await registerParticipant(db, registrar, initiative.id, {
    consent: true,
    email,
    followUp: options.followUp ?? true,
    locale: options.locale ?? 'en',
  });
  await postParticipantIdea(db, initiative.organizationId, initiative.slug, registered.id, ideaInput());
  const at = new Date(Date.now() - (options.daysAgo ?? 120) * DAY).toISOString();
  await db.updateTable('ideas').set({ created_at: at }).where('participant_id', '=', registered.id).execute();
  await db
    .updateTable('initiative_participants')
    .set({ joined_at: at, consented_at: at })
    .where('participant_id', '=', registered.id)
    .execute();
  return { id: registered.id, email };
}
