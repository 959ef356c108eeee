import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { listPublishedSurveys } from '../surveys/get-survey.js';
import { listOpenConversations } from '../conversations/list-open-conversations.js';
import { listPublicPrototypes } from '../prototypes/list-prototypes.js';
import { isActivityKind, type ActivityKind } from './pulse.table.js';

// Which activity a pulse is about, found through each activity module's public use cases, so a
// made-up or another initiative's activity id is never stored.

/** An activity of an initiative a pulse can follow; `title` is null for the idea board (named by kind). */
export interface PulseActivity {
  kind: ActivityKind;
  id: string;
  title: { en: string; da: string } | null;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads `kind:id` (the `activity` query parameter); anything else is null. */
export function parseActivityRef(raw: unknown): { kind: ActivityKind; id: string } | null {
  if (typeof raw !== 'string' || raw.length > 100) return null;
  const colon = raw.indexOf(':');
  if (colon < 0) return null;
  const kind = raw.slice(0, colon);
  const id = raw.slice(colon + 1);
  if (!isActivityKind(kind) || !ID.test(id)) return null;
  return { kind, id };
}

/** The `activity` query parameter of a pulse link. */
export function activityRef(kind: ActivityKind, id: string): string {
  return `${kind}:${id}`;
}

/** The activity of the initiative the reference names, or `not_found`. */
export async function resolveActivity(
  db: Db,
  initiative: Initiative,
  ref: { kind: ActivityKind; id: string } | null,
): Promise<PulseActivity> {
  if (!ref) throw notFound();
  const orgId = initiative.organizationId;
  switch (ref.kind) {
    case 'ideas':
      if (ref.id !== initiative.id) throw notFound();
      return { kind: 'ideas', id: ref.id, title: null };
    case 'survey': {
      const survey = (await listPublishedSurveys(db, orgId, initiative.id)).find((s) => s.id === ref.id);
      if (!survey) throw notFound();
      return { kind: 'survey', id: survey.id, title: { en: survey.titleEn, da: survey.titleDa } };
    }
    case 'conversation': {
      const found = (await listOpenConversations(db, orgId, initiative.id)).find((c) => c.id === ref.id);
      if (!found) throw notFound();
      return { kind: 'conversation', id: found.id, title: { en: found.question, da: found.question } };
    }
    case 'prototype': {
      const { prototypes } = await listPublicPrototypes(db, orgId, initiative.slug);
      const found = prototypes.find((p) => p.id === ref.id);
      if (!found) throw notFound();
      return { kind: 'prototype', id: found.id, title: { en: found.title, da: found.title } };
    }
  }
}
