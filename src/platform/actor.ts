import { AppError } from './errors.js';

/** Staff roles; what each may do is declared in the modules' `*.policy.ts` files and the README. */
export const roles = ['admin', 'facilitator', 'analyst', 'frontline'] as const;
export type Role = (typeof roles)[number];

/** A signed-in staff member (by session cookie or API token). */
export interface StaffActor {
  kind: 'staff';
  staffId: string;
  organizationId: string;
  role: Role;
  name: string;
  email: string;
  via: 'session' | 'token';
}

/** A permission rule: the roles allowed to do one thing. */
export type Rule = readonly Role[];

/** Whether the actor's role is in the rule. */
export function can(actor: StaffActor | undefined, rule: Rule): actor is StaffActor {
  return !!actor && rule.includes(actor.role);
}

/** Throws `unauthenticated` without an actor and `forbidden` when the role is not allowed. */
export function authorize(actor: StaffActor | undefined, rule: Rule): asserts actor is StaffActor {
  if (!actor) throw new AppError('unauthenticated');
  if (!rule.includes(actor.role)) throw new AppError('forbidden');
}
