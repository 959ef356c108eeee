import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { newId, nowIso } from '../../platform/clock.js';
import { AppError, invalid, type FieldError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import type { TSchema, Static } from '@sinclair/typebox';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { loadPrototype, latestVersion } from './prototype-access.js';
import { closingMoment, fileErrors, fileTypeOf, PrototypeInput, VersionInput } from './prototype-input.js';
import { findPrototype, insertPrototype, insertVersion } from './prototypes.repository.js';
import { prototypeRules } from './prototypes.policy.js';
import type { Prototype } from './prototypes.table.js';

/** A file sent with a version. */
export interface VersionFile {
  fileName: string;
  bytes: Buffer;
  truncated?: boolean;
}

function assertWritable(initiative: Initiative): void {
  if (initiative.status === 'archived')
    throw new AppError('invalid_transition', {
      params: { from: ['initiatives:status.archived'], to: ['prototypes:transition.changed'] },
    });
}

/** Checks a round's fields and files together, reporting every problem at once. */
function validate<T extends TSchema>(schema: T, raw: unknown, files: VersionFile[]): Static<T> {
  const errors: FieldError[] = fileErrors(files);
  let input: Static<T> | undefined;
  try {
    input = parseInput(schema, raw);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    errors.unshift(...error.fields);
  }
  const closesOn = (input as { closesOn?: string } | undefined)?.closesOn;
  // A round that has already ended would take no feedback at all.
  if (closesOn && closingMoment(closesOn) < nowIso())
    errors.push({ field: 'closesOn', code: 'prototypes.closesInPast' });
  if (errors.length > 0 || input === undefined) throw invalid(errors);
  return input;
}

const storedFiles = (files: VersionFile[]) =>
  files.map((f) => ({
    fileName: f.fileName.slice(0, 255),
    contentType: fileTypeOf(f.bytes)!,
    bytes: f.bytes,
  }));

/** Publishes a prototype's first version for a feedback round: text, files, questions, closing day. */
export async function publishPrototype(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  raw: unknown,
  files: VersionFile[] = [],
): Promise<Prototype> {
  authorize(actor, prototypeRules.publish);
  const initiative = await getInitiative(db, actor, initiativeId);
  assertWritable(initiative);
  const input = validate(PrototypeInput, raw, files);
  const meta = { createdBy: actor.staffId, now: nowIso() };
  const id = await insertPrototype(db, actor.organizationId, initiative.id, input.title, meta);
  await insertVersion(
    db,
    actor.organizationId,
    id,
    {
      number: 1,
      body: input.body,
      questions: input.questions.map((text) => ({ id: newId(), text })),
      closesAt: closingMoment(input.closesOn),
      files: storedFiles(files),
    },
    meta,
  );
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'prototype.publish',
    subjectType: 'prototype',
    subjectId: id,
  });
  return (await findPrototype(db, actor.organizationId, initiative.id, id))!;
}

/**
 * Publishes a new version of a prototype: a new feedback round. Earlier versions and their
 * feedback stay as they were, so rounds can be compared.
 */
export async function publishNewVersion(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  prototypeId: string,
  raw: unknown,
  files: VersionFile[] = [],
): Promise<Prototype> {
  authorize(actor, prototypeRules.publish);
  const { initiative, prototype } = await loadPrototype(db, actor, initiativeId, prototypeId);
  assertWritable(initiative);
  const input = validate(VersionInput, raw, files);
  const meta = { createdBy: actor.staffId, now: nowIso() };
  const number = latestVersion(prototype).number + 1;
  await insertVersion(
    db,
    actor.organizationId,
    prototype.id,
    {
      number,
      body: input.body,
      questions: input.questions.map((text) => ({ id: newId(), text })),
      closesAt: closingMoment(input.closesOn),
      files: storedFiles(files),
    },
    meta,
  );
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'prototype.version',
    subjectType: 'prototype',
    subjectId: prototype.id,
    details: { number },
  });
  return (await findPrototype(db, actor.organizationId, initiative.id, prototype.id))!;
}
