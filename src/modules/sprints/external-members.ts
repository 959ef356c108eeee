import type { Db } from '../../db/database.js';
import { nowIso } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import { hashToken } from '../../platform/secret-token.js';
import {
  getPrototypeFileForGuest,
  getPrototypeForGuest,
  giveGuestFeedback,
} from '../prototypes/guest-feedback.js';
import { sprintDetails } from './get-sprint.js';
import {
  findMember,
  findMemberByInvitation,
  findSprint,
  listItems,
  logActivity,
  markJoined,
} from './sprints.repository.js';

// External members (partners, experts, politicians …) take part in one sprint without a staff
// account: an invitation link makes their browser a member of that sprint, and of nothing else.

/** The sprint an invitation link leads to, for the page that asks to accept it; unknown links are gone. */
export async function openSprintInvitation(db: Db, token: string) {
  const member = await findMemberByInvitation(db, hashToken(token));
  if (!member) throw new AppError('invitation_invalid');
  const sprint = (await findSprint(db, member.organization_id, member.sprint_id))!;
  return { member: { id: member.id, name: member.name }, challenge: sprint.challenge };
}

/** Accepts an invitation: the member has joined; returns who they are and their sprint. */
export async function acceptSprintInvitation(
  db: Db,
  token: string,
): Promise<{ memberId: string; sprintId: string }> {
  const member = await findMemberByInvitation(db, hashToken(token));
  if (!member) throw new AppError('invitation_invalid');
  const now = nowIso();
  if (!member.joined_at) {
    await markJoined(db, member.organization_id, member.id, now);
    await logActivity(
      db,
      member.organization_id,
      member.sprint_id,
      { who: member.name, action: 'joined' },
      now,
    );
  }
  return { memberId: member.id, sprintId: member.sprint_id };
}

/** The external member behind a cookie, if they are a member of this very sprint; otherwise refused. */
async function memberOf(db: Db, memberId: string | undefined, sprintId: string) {
  if (!memberId) throw new AppError('unauthenticated');
  const member = await findMember(db, memberId);
  if (!member || member.role !== 'external' || !member.joined_at) throw new AppError('unauthenticated');
  // Another sprint, even of the same organization, is not theirs to see.
  if (member.sprint_id !== sprintId) throw new AppError('forbidden');
  const sprint = await findSprint(db, member.organization_id, sprintId);
  if (!sprint) throw notFound();
  return { member, sprint };
}

/** The sprint workspace as its external member sees it: challenge, scope, team, board. */
export async function getMemberWorkspace(db: Db, memberId: string | undefined, sprintId: string) {
  const { member, sprint } = await memberOf(db, memberId, sprintId);
  const details = await sprintDetails(db, sprint);
  return { me: { id: member.id, name: member.name }, ...details };
}

/** Whether a prototype is on the member's sprint board (the only prototypes they may open). */
async function prototypeOnBoard(db: Db, memberId: string | undefined, sprintId: string, prototypeId: string) {
  const { member, sprint } = await memberOf(db, memberId, sprintId);
  const items = await listItems(db, sprint.organization_id, sprint.id);
  if (!items.some((i) => i.kind === 'prototype' && i.item_id === prototypeId)) throw notFound();
  return { member, sprint };
}

/** A prototype of the member's sprint board, with its current round. */
export async function getMemberPrototype(
  db: Db,
  memberId: string | undefined,
  sprintId: string,
  prototypeId: string,
) {
  const { member, sprint } = await prototypeOnBoard(db, memberId, sprintId, prototypeId);
  return getPrototypeForGuest(
    db,
    sprint.organization_id,
    sprint.initiative_id,
    prototypeId,
    `m:${member.id}`,
  );
}

/** A file of a prototype of the member's sprint board. */
export async function getMemberPrototypeFile(
  db: Db,
  memberId: string | undefined,
  sprintId: string,
  prototypeId: string,
  fileId: string,
) {
  const { sprint } = await prototypeOnBoard(db, memberId, sprintId, prototypeId);
  return getPrototypeFileForGuest(db, sprint.organization_id, sprint.initiative_id, prototypeId, fileId);
}

/** The member's feedback on a prototype of their sprint board: once per round, while it is open. */
export async function giveMemberFeedback(
  db: Db,
  memberId: string | undefined,
  sprintId: string,
  prototypeId: string,
  raw: unknown,
): Promise<void> {
  const { member, sprint } = await prototypeOnBoard(db, memberId, sprintId, prototypeId);
  await giveGuestFeedback(
    db,
    sprint.organization_id,
    sprint.initiative_id,
    prototypeId,
    `m:${member.id}`,
    raw,
  );
  await logActivity(
    db,
    sprint.organization_id,
    sprint.id,
    { who: member.name, action: 'feedbackGiven' },
    nowIso(),
  );
}
