import { existsSync, readFileSync } from 'node:fs';
import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { changeConversationStatus } from '../conversations/change-conversation-status.js';
import { importPolisConversation } from '../conversations/import-polis-conversation.js';
import { updateConversation } from '../conversations/update-conversation.js';

/** The real Pol.is conversation the demo imports, and the credit its CC BY 4.0 licence asks for. */
export const DEMO_POLIS = {
  question: 'What is the best way to engage more young people in local scrutiny of policing?',
  credit:
    'A real Pol.is conversation (london.youth.policing), imported as a demo. Data was gathered using the Polis software (compdemocracy.org/polis) and is sub-licensed under CC BY 4.0 with Attribution to The Computational Democracy Project: https://compdemocracy.org/case-studies/2022-london-youth-policing',
};

/**
 * The folder of the demo's Pol.is files: beside this file in the sources, `demo-polis/` beside
 * `main.js` in the bundle (scripts/build.mjs copies it there).
 */
function polisFolder(): URL {
  const fromSource = new URL('./polis/london-youth-policing/', import.meta.url);
  return existsSync(fromSource)
    ? fromSource
    : new URL('./demo-polis/london-youth-policing/', import.meta.url);
}

/** Imports the demo conversation through the Pol.is import use case, credits it, and opens it for more votes. */
export async function seedDemoConversation(
  db: Db,
  facilitator: StaffActor,
  initiativeId: string,
): Promise<string> {
  const folder = polisFolder();
  const conversation = await importPolisConversation(db, facilitator, initiativeId, {
    question: DEMO_POLIS.question,
    comments: readFileSync(new URL('comments.csv', folder), 'utf8'),
    votes: readFileSync(new URL('votes.csv', folder), 'utf8'),
  });
  await updateConversation(db, facilitator, initiativeId, conversation.id, {
    question: conversation.question,
    topic: DEMO_POLIS.credit,
    statementMaxLength: conversation.statementMaxLength,
    moderation: 'before',
  });
  await changeConversationStatus(db, facilitator, initiativeId, conversation.id, 'open');
  return conversation.id;
}
