import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { addHours } from '../../platform/clock.js';
import type { Translate } from '../../platform/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { hashToken, newSecretToken } from '../../platform/secret-token.js';
import { parseInput } from '../../platform/validation.js';
import { getOrganization } from '../organizations/get-organization.js';
import {
  EmailSchema,
  IdSchema,
  NameSchema,
  RoleSchema,
  departmentOf,
  emailTaken,
  normalizeEmail,
} from './staff-input.js';
import { emailExists, insertInvitation, type Invitation } from './staff.repository.js';
import { staffRules } from './staff.policy.js';

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/** Input of the invitation form. */
export const InviteStaffInput = Type.Object({
  email: EmailSchema,
  name: NameSchema,
  role: RoleSchema,
  departmentId: Type.Optional(IdSchema),
});

/** Where the invitation mail points and the language it is written in (the inviting admin's). */
export interface InvitationMailOptions {
  publicUrl: string;
  t: Translate;
}

/**
 * Invites someone to the actor's organization: stores the invitation with only a hash of its
 * token, and puts the mail with the link in the outbox in the same transaction, so there is never
 * an invitation without its mail or the other way round.
 */
export async function inviteStaff(
  db: Db,
  actor: StaffActor | undefined,
  raw: unknown,
  mail: InvitationMailOptions,
): Promise<{ invitation: Invitation; link: string }> {
  authorize(actor, staffRules.manageTeam);
  const input = parseInput(InviteStaffInput, raw);
  const email = normalizeEmail(input.email);
  if (await emailExists(db, email)) throw emailTaken();
  const departmentId = await departmentOf(db, actor.organizationId, input.departmentId);
  const organization = await getOrganization(db, actor.organizationId);
  const token = newSecretToken();
  const invitation = await insertInvitation(db, {
    organizationId: actor.organizationId,
    email,
    name: input.name,
    role: input.role,
    departmentId,
    invitedBy: actor.staffId,
    expiresAt: addHours(new Date(), INVITATION_DAYS * 24),
    tokenHash: hashToken(token),
  });
  const link = `${mail.publicUrl}/invitations/${token}`;
  const values = {
    name: input.name,
    inviter: actor.name,
    organization: organization.name,
    role: mail.t(`staff:roles.${input.role}.name`),
    link,
    days: INVITATION_DAYS,
  };
  await enqueueMail(db, {
    organizationId: actor.organizationId,
    to: email,
    subject: mail.t('staff:invitationMail.subject', values),
    text: mail.t('staff:invitationMail.body', values),
  });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'staff.invite',
    subjectType: 'staff_invitation',
    subjectId: invitation.id,
    details: { email, role: input.role, departmentId },
  });
  return { invitation, link };
}
