import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { pulseRules } from './pulse.policy.js';
import { disabledKinds, upsertSetting } from './pulse.repository.js';
import { activityKinds, type ActivityKind } from './pulse.table.js';

/** The settings form: the kinds that ask for a pulse (a checkbox each); those left out are switched off. */
export const PulseSettingsInput = Type.Object(
  {
    enabled: Type.Array(Type.Union(activityKinds.map((k) => Type.Literal(k))), {
      maxItems: activityKinds.length,
      default: [],
    }),
  },
  { additionalProperties: false },
);

/** Whether each activity kind asks for a pulse in the initiative (on unless switched off). */
export type PulseSwitches = Record<ActivityKind, boolean>;

/** The switches of an initiative of the organization (no authorization: participant pages ask too). */
export async function pulseSwitchesOf(
  db: Db,
  organizationId: string,
  initiativeId: string,
): Promise<PulseSwitches> {
  const off = await disabledKinds(db, organizationId, initiativeId);
  return Object.fromEntries(activityKinds.map((k) => [k, !off.includes(k)])) as PulseSwitches;
}

/** The pulse settings of an initiative, for staff who may read the pulse. */
export async function getPulseSettings(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<{ initiative: Initiative; switches: PulseSwitches }> {
  authorize(actor, pulseRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  return { initiative, switches: await pulseSwitchesOf(db, actor.organizationId, initiative.id) };
}

/** Switches the pulse on for the kinds listed and off for the others. */
export async function changePulseSettings(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  raw: unknown,
): Promise<PulseSwitches> {
  authorize(actor, pulseRules.configure);
  const initiative = await getInitiative(db, actor, initiativeId);
  const input = parseInput(PulseSettingsInput, raw);
  const at = nowIso();
  for (const kind of activityKinds) {
    await upsertSetting(db, {
      organizationId: actor.organizationId,
      initiativeId: initiative.id,
      activityKind: kind,
      enabled: input.enabled.includes(kind),
      staffId: actor.staffId,
      at,
    });
  }
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'pulse.settings_changed',
    subjectType: 'initiative',
    subjectId: initiative.id,
    details: { enabled: input.enabled },
  });
  return pulseSwitchesOf(db, actor.organizationId, initiative.id);
}
