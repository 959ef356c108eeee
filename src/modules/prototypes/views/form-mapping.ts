import { formToInput } from '../../../platform/validation.js';
import { filesOf, type UploadedFile } from '../../../platform/http/uploads.js';

/** A posted round form as use-case input: questions one per line, files apart. */
export function roundFromForm(body: unknown): {
  input: Record<string, unknown>;
  files: UploadedFile[];
  values: Record<string, unknown>;
} {
  const { files, ...rest } = (body ?? {}) as Record<string, unknown>;
  const values = formToInput(rest);
  const input: Record<string, unknown> = { ...values };
  if (typeof values.questions === 'string')
    input.questions = values.questions
      .split(/\r?\n/)
      .map((q) => q.trim())
      .filter(Boolean);
  else input.questions = [];
  return { input, files: filesOf(files), values };
}

/** A posted feedback form as use-case input: `answers.<question id>` fields become `answers`. */
export function feedbackFromForm(body: unknown): {
  input: Record<string, unknown>;
  values: Record<string, unknown>;
} {
  const values = formToInput(body);
  const answers: Record<string, unknown> = {};
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (k.startsWith('answers.')) answers[k.slice('answers.'.length)] = v;
    else input[k] = v;
  }
  input.answers = answers;
  return { input, values };
}
