import { roles, type Role, type Rule } from '../../platform/actor.js';

/** Who may do what with staff, departments and the organization's records (pages, API and CLI share it). */
export const staffRules = {
  /** See colleagues, their roles and departments: every role, so people know whom to ask. */
  viewTeam: roles,
  /** Invite staff, change roles, departments and status, manage departments. */
  manageTeam: ['admin'],
  /** Read the organization's outgoing mail (the demo works without an SMTP server). */
  viewOutbox: ['admin'],
  /** Read the audit log. */
  viewAudit: ['admin'],
  /** Create personal API tokens carrying one's own rights. */
  manageOwnTokens: roles,
} as const satisfies Record<string, Rule>;

/** What each role is for, in plain words (the README's role table is written from this). */
export const roleDocs: Record<Role, string> = {
  admin:
    'Everything in their organization: staff and invitations, departments, settings, the mail outbox and the audit log, plus everything a facilitator may do.',
  facilitator:
    'Runs initiatives: plans them, opens and closes them, runs the activities and tells participants what happened.',
  analyst: 'Reads results and pseudonymous participant data to make sense of what people said.',
  frontline:
    'Front-line staff: registers participants on their behalf (for example at the counter or by phone) and reads initiatives.',
};
