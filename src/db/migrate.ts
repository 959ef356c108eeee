import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as foundation from './migrations/2026-11-24T1200-foundation.js';
import * as surveys from './migrations/2026-11-24T1300-surveys.js';
import * as interviews from './migrations/2026-11-24T1310-interviews.js';
import * as surveyDistribution from './migrations/2026-11-24T1320-survey-distribution.js';
import * as representativeness from './migrations/2026-11-24T1330-representativeness.js';
import * as surveyResponseIndexes from './migrations/2026-11-24T1340-survey-response-indexes.js';
import * as surveyResponseCounts from './migrations/2026-11-24T1350-survey-response-counts.js';
import * as surveyResponseVersionIndex from './migrations/2026-11-24T1360-survey-response-version-index.js';
import * as surveyResponseTallied from './migrations/2026-11-24T1400-survey-response-tallied.js';
import * as conversations from './migrations/2026-11-24T1500-conversations.js';
import * as surveyResponseIngestIndexes from './migrations/2026-11-24T1600-survey-response-ingest-indexes.js';
import * as ideas from './migrations/2026-11-24T1600-ideas.js';
import * as prototypes from './migrations/2026-11-24T1620-prototypes.js';
import * as sprints from './migrations/2026-11-24T1640-sprints.js';
import * as experiments from './migrations/2026-11-24T1660-experiments.js';
import * as decisions from './migrations/2026-11-24T1700-decisions.js';
import * as inputReviews from './migrations/2026-11-24T1720-input-reviews.js';
import * as participantQuoteConsent from './migrations/2026-11-24T1810-participant-quote-consent.js';
import * as followUp from './migrations/2026-11-24T1820-follow-up.js';
import * as influenceSettings from './migrations/2026-11-24T1830-influence-settings.js';
import * as pulse from './migrations/2026-11-24T1840-pulse.js';
import * as engagement from './migrations/2026-11-24T1850-engagement.js';

// Listed statically so the bundled server carries its migrations; names sort by timestamp.
const migrations: Record<string, Migration> = {
  '2026-11-24T1200-foundation': foundation,
  '2026-11-24T1300-surveys': surveys,
  '2026-11-24T1310-interviews': interviews,
  '2026-11-24T1320-survey-distribution': surveyDistribution,
  '2026-11-24T1330-representativeness': representativeness,
  '2026-11-24T1340-survey-response-indexes': surveyResponseIndexes,
  '2026-11-24T1350-survey-response-counts': surveyResponseCounts,
  '2026-11-24T1360-survey-response-version-index': surveyResponseVersionIndex,
  '2026-11-24T1400-survey-response-tallied': surveyResponseTallied,
  '2026-11-24T1500-conversations': conversations,
  '2026-11-24T1600-survey-response-ingest-indexes': surveyResponseIngestIndexes,
  '2026-11-24T1600-ideas': ideas,
  '2026-11-24T1620-prototypes': prototypes,
  '2026-11-24T1640-sprints': sprints,
  '2026-11-24T1660-experiments': experiments,
  '2026-11-24T1700-decisions': decisions,
  '2026-11-24T1720-input-reviews': inputReviews,
  '2026-11-24T1810-participant-quote-consent': participantQuoteConsent,
  '2026-11-24T1820-follow-up': followUp,
  '2026-11-24T1830-influence-settings': influenceSettings,
  '2026-11-24T1840-pulse': pulse,
  '2026-11-24T1850-engagement': engagement,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the latest migration; throws with the failing migration's name on error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
