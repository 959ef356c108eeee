import type { Db } from '../../db/database.js';
import { NOT_ANSWERED, pulseReport, type PulseAnswer, type PulseReport } from '../../analysis/pulse/index.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { getOrganization } from '../organizations/get-organization.js';
import { PREFER_NOT_TO_SAY } from '../participants/demographic-answers.js';
import { listDemographicAttributes } from '../participants/list-demographic-attributes.js';
import { listInitiativeParticipants } from '../participants/list-initiative-participants.js';
import type { DemographicAttribute } from '../participants/participants.table.js';
import { pulseRules } from './pulse.policy.js';
import { listPulsesOfInitiative } from './pulse.repository.js';
import { activityKinds } from './pulse.table.js';

/** The pulse report of an initiative with what is needed to label it. */
export interface PulseReportView {
  initiative: Initiative;
  attributes: DemographicAttribute[];
  report: PulseReport;
}

/** Each member's segment key per attribute id (category id, prefer-not-to-say or not answered). */
async function segmentsOfMembers(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  attributes: DemographicAttribute[],
): Promise<Map<string, Record<string, string>>> {
  const { participants } = await listInitiativeParticipants(db, actor, initiativeId);
  const out = new Map<string, Record<string, string>>();
  for (const p of participants) {
    const segments: Record<string, string> = {};
    for (const answer of p.demographics) {
      const attribute = attributes.find((a) => a.key === answer.attribute);
      if (!attribute) continue;
      if (answer.preferNotToSay) segments[attribute.id] = PREFER_NOT_TO_SAY;
      else {
        const category = attribute.categories.find((c) => c.key === answer.category);
        segments[attribute.id] = category?.id ?? NOT_ANSWERED;
      }
    }
    out.set(p.id, segments);
  }
  return out;
}

/**
 * An initiative's pulse for staff: per question, everyone, per activity kind and per segment of each
 * of the organization's demographic attributes, with the organization's small-cell suppression
 * (groups of fewer than k show no numbers and no free text). Anonymous (kiosk) answers count as
 * "not answered" in every attribute.
 */
export async function getPulseReport(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<PulseReportView> {
  authorize(actor, pulseRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  const org = await getOrganization(db, actor.organizationId);
  const attributes = await listDemographicAttributes(db, actor.organizationId);
  const pulses = await listPulsesOfInitiative(db, actor.organizationId, initiative.id);
  const segments = await segmentsOfMembers(db, actor, initiative.id, attributes);
  const answers: PulseAnswer[] = pulses.map((p) => ({
    kind: p.activityKind,
    scores: p.scores,
    comment: p.comment,
    segments: (p.participantId && segments.get(p.participantId)) || {},
  }));
  const report = pulseReport(answers, {
    k: org.smallCellK,
    kinds: activityKinds,
    attributes: attributes.map((a) => ({
      id: a.id,
      segments: [...a.categories.map((c) => c.id), PREFER_NOT_TO_SAY, NOT_ANSWERED],
    })),
  });
  return { initiative, attributes, report };
}
