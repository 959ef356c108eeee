import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';

/** Name of the signed cookie that remembers a participant (one per organization, by its path). */
export const PARTICIPANT_COOKIE = 'er_participant';

const YEAR = 365 * 24 * 3600;

/** The participant id from a validly signed cookie; a missing or tampered cookie gives undefined. */
export function participantIdFrom(req: FastifyRequest): string | undefined {
  const raw = req.cookies[PARTICIPANT_COOKIE];
  if (!raw) return undefined;
  const result = req.unsignCookie(raw);
  return result.valid && result.value ? result.value : undefined;
}

/** Remembers the participant for this organization only: the cookie's path is the organization's. */
export function setParticipantCookie(
  reply: FastifyReply,
  config: Config,
  orgSlug: string,
  participantId: string,
): void {
  reply.setCookie(PARTICIPANT_COOKIE, participantId, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: `/o/${orgSlug}`,
    maxAge: YEAR,
  });
}

/** Forgets the participant (after erasure). */
export function clearParticipantCookie(reply: FastifyReply, config: Config, orgSlug: string): void {
  reply.clearCookie(PARTICIPANT_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: `/o/${orgSlug}`,
  });
}
