import { randomInt } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { pseudonymTaken } from './participants.repository.js';

// No 0/O, 1/I/L: a pseudonym read aloud at a desk or over the phone must not be misheard.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function code(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)] ?? 'X';
  return out;
}

/** A friendly random pseudonym like "Participant 7F3K", unique within the organization. */
export async function newPseudonym(db: Db, organizationId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = `Participant ${code(4)}`;
    if (!(await pseudonymTaken(db, organizationId, candidate))) return candidate;
  }
  // A crowded organization: a longer code makes another collision vanishingly unlikely.
  return `Participant ${code(8)}`;
}
