import type { PolisComment } from './polis-csv.js';

/**
 * Words that open an opinion rather than a fact about the speaker ("I think …", "I would …", "I am against
 * …"): a statement that starts with them is a view to agree or disagree with, not a demographic question.
 */
const opinionOpening = new RegExp(
  '^(?:' +
    [
      // English
      "i(?:'d| would| will| should| could| can't| cannot| don't| do not| didn't| did not| wouldn't)\\b",
      'i (?:think|believe|feel|support|oppose|agree|disagree|want|wish|hope|prefer|like|love|hate|fear|worry|expect|trust|doubt|suspect|reckon|guess|know|understand|see|find|would|need)\\b',
      "i(?:'m| am) (?:not )?(?:in favou?r|for|against|opposed|worried|concerned|afraid|happy|unhappy|glad|sure|unsure|confident|optimistic|pessimistic|hopeful|tired|sick|fed up|frustrated|angry|disappointed|satisfied|dissatisfied|convinced|willing|unwilling|prepared|ready)\\b",
      // German and Danish, the other languages of conversations this tool is used for
      'ich (?:denke|glaube|finde|meine|will|möchte|würde|hoffe|bin (?:für|gegen|dafür|dagegen))\\b',
      'jeg (?:tror|synes|mener|vil|ville|håber|ønsker|er (?:for|imod))\\b',
    ].join('|') +
    ')',
  'iu',
);

/** Statements about the speaker: "I am 55 or older", "I live in a town", "My ethnicity is …", "English is my first language". */
const selfDescription = new RegExp(
  '^(?:' +
    [
      "i(?:'m|'ve| am| have| was| live| work| voted| identify| consider myself| own| rent| use| access| do| can| speak| had| receive| study| drive| vote)\\b",
      'my\\b',
      '\\S+(?: \\S+)? is my\\b',
      'ich (?:bin|habe|wohne|lebe|arbeite|besitze|nutze|fahre)\\b',
      'meine?\\b',
      'jeg (?:er|har|bor|arbejder|ejer|bruger|kører)\\b',
      'mi[nt]\\b',
    ].join('|') +
    ')',
  'iu',
);

/**
 * Guesses the meta (demographic) statements of a Pol.is conversation from its `comments.csv`, for exports
 * that do not mark them (Pol.is' own exports never do). Pol.is leaves meta statements out of its maths, so
 * analysing them as opinions moves everyone on the map by who they are rather than what they think, and the
 * groups come out different from Pol.is'. A statement counts as meta when the conversation's owner wrote it
 * (the author of the first statement: meta questions are seeded by the moderator, never submitted by
 * participants) and it describes the speaker in the first person ("I am …", "I live …", "My …") without
 * opening as an opinion ("I think …", "I am against …"). Moderated-out statements are excluded anyway.
 * Comments that already carry an `is-meta` flag are taken as they are.
 */
export function inferMetaStatements(comments: readonly PolisComment[]): string[] {
  if (comments.some((c) => c.isMeta !== undefined))
    return comments.filter((c) => c.isMeta === true).map((c) => c.commentId);
  const byTime = [...comments].sort(
    (a, b) =>
      (a.timestamp ?? Infinity) - (b.timestamp ?? Infinity) || Number(a.commentId) - Number(b.commentId),
  );
  const owner = byTime[0]?.authorId;
  if (owner === undefined) return [];
  return comments
    .filter((c) => c.authorId === owner && c.moderated !== -1 && isSelfDescription(c.body))
    .map((c) => c.commentId);
}

/** Whether a statement describes the speaker ("I live in a city") rather than giving a view ("I think …"). */
export function isSelfDescription(body: string): boolean {
  // Seeded statements are sometimes numbered ("12. I am …") or quoted.
  const text = body
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[\d]+[.)]\s*/u, '')
    .replace(/^["'“‘]+/u, '')
    .replace(/[’`]/gu, "'");
  return selfDescription.test(text) && !opinionOpening.test(text);
}

/** The latest comment timestamp (milliseconds since 1970), if any comment has one. */
export function latestCommentTime(comments: readonly PolisComment[]): number | undefined {
  let latest: number | undefined;
  for (const c of comments)
    if (c.timestamp !== null && Number.isFinite(c.timestamp))
      latest = Math.max(latest ?? -Infinity, c.timestamp);
  return latest;
}
