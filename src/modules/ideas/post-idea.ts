import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { AppError, invalid, type FieldError } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/http/uploads.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { assertWritable, participantGate } from './idea-access.js';
import { IdeaInput, imageTypeOf, MAX_IMAGE_BYTES } from './idea-input.js';
import { findIdea, insertIdea, insertImage, type Writer } from './ideas.repository.js';
import { ideaRules } from './ideas.policy.js';
import type { Idea } from './ideas.table.js';

/** An image sent with an idea: its bytes as uploaded (cut at the limit when `truncated`). */
export type UploadedImage = Pick<UploadedFile, 'fileName' | 'bytes'> & { truncated?: boolean };

function imageErrors(image: UploadedImage | undefined): FieldError[] {
  if (!image) return [];
  if (image.truncated || image.bytes.length > MAX_IMAGE_BYTES)
    return [{ field: 'image', code: 'ideas.imageTooLarge', params: { max: MAX_IMAGE_BYTES / 1024 / 1024 } }];
  if (!imageTypeOf(image.bytes)) return [{ field: 'image', code: 'ideas.imageType' }];
  return [];
}

async function post(
  db: Db,
  initiative: Initiative,
  writer: Writer,
  raw: unknown,
  image: UploadedImage | undefined,
): Promise<Idea> {
  assertWritable(initiative);
  const errors = imageErrors(image);
  let input: IdeaInput | undefined;
  try {
    input = parseInput(IdeaInput, raw);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    errors.unshift(...error.fields);
  }
  if (errors.length > 0 || !input) throw invalid(errors);
  const now = nowIso();
  const id = await insertIdea(
    db,
    initiative.organizationId,
    initiative.id,
    { title: input.title, description: input.description, problem: input.problem },
    writer,
    now,
  );
  if (image)
    await insertImage(db, initiative.organizationId, id, {
      contentType: imageTypeOf(image.bytes)!,
      alt: input.imageAlt ?? '',
      base64: image.bytes.toString('base64'),
    });
  return (await findIdea(db, initiative.organizationId, initiative.id, id))!;
}

/** A participant who accepted the initiative's current consent posts an idea, optionally with an image. */
export async function postParticipantIdea(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  participantId: string | undefined,
  raw: unknown,
  image?: UploadedImage,
): Promise<Idea> {
  const { initiative, participant } = await participantGate(
    db,
    organizationId,
    initiativeSlug,
    participantId,
  );
  return post(db, initiative, { participantId: participant.id }, raw, image);
}

/** A staff member posts an idea on an initiative's board. */
export async function postStaffIdea(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  raw: unknown,
  image?: UploadedImage,
): Promise<Idea> {
  authorize(actor, ideaRules.contribute);
  const initiative = await getInitiative(db, actor, initiativeId);
  const idea = await post(db, initiative, { staffId: actor.staffId }, raw, image);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'idea.post',
    subjectType: 'idea',
    subjectId: idea.id,
    details: { initiativeId: initiative.id },
  });
  return idea;
}
