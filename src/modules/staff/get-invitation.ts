import type { Db } from '../../db/database.js';
import { nowIso } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { hashToken } from '../../platform/secret-token.js';
import { getOrganization, type Organization } from '../organizations/get-organization.js';
import { findInvitationByTokenHash, type Invitation } from './staff.repository.js';

/** An invitation that can still be accepted, with the organization it leads into. */
export interface OpenInvitation {
  invitation: Invitation;
  organization: Organization;
}

/**
 * The invitation behind a link's token if it is unused and unexpired; otherwise `invitation_invalid`
 * (410), the same for unknown, expired and used tokens so a link reveals nothing about others.
 */
export async function getOpenInvitation(db: Db, token: string): Promise<OpenInvitation> {
  const invitation = token.length <= 200 ? await findInvitationByTokenHash(db, hashToken(token)) : undefined;
  if (!invitation || invitation.acceptedAt !== null || invitation.expiresAt <= nowIso()) {
    throw new AppError('invitation_invalid');
  }
  return { invitation, organization: await getOrganization(db, invitation.organizationId) };
}
