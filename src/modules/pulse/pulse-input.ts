import { Type, type Static } from '@sinclair/typebox';
import { PULSE_SCALE } from '../../analysis/pulse/index.js';

/** Longest free text a pulse keeps. */
export const PULSE_COMMENT_MAX = 1000;

const Point = Type.Optional(
  Type.Integer({
    minimum: PULSE_SCALE.min,
    maximum: PULSE_SCALE.max,
    description: '1 (lowest) to 5 (highest)',
  }),
);

/** A pulse as answered: each question optional, at least one answered (checked by the use case). */
export const PulseInput = Type.Object(
  {
    heard: Point,
    easy: Point,
    again: Point,
    comment: Type.String({ maxLength: PULSE_COMMENT_MAX, default: '' }),
  },
  { additionalProperties: false },
);
export type PulseInput = Static<typeof PulseInput>;
