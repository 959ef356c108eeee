import type { StaffActor } from '../../platform/actor.js';
import type { StaffMember } from './staff.repository.js';

/** The actor a staff member is when acting in the platform (for the seed, the CLI and tests). */
export function actorOf(member: StaffMember): StaffActor {
  return {
    kind: 'staff',
    staffId: member.id,
    organizationId: member.organizationId,
    role: member.role,
    name: member.name,
    email: member.email,
    via: 'session',
  };
}
