import type { Db } from '../../db/database.js';
import { listPublicInitiativesWithResults } from '../initiatives/public-initiatives.js';
import { departmentNames } from '../staff/department-names.js';
import { listDecided } from './experiments.repository.js';
import { decisions, type Decision, type Experiment } from './experiments.table.js';

/** Filters of the learning log; unknown values simply match nothing. */
export interface LearningFilters {
  initiative?: string | undefined;
  department?: string | undefined;
  outcome?: string | undefined;
}

/**
 * The organization's learning log: every decided experiment of its public initiatives (open or
 * closed) with its outcome and what was learned, failures included, filtered by initiative (slug),
 * department and outcome.
 */
export async function getLearningLog(db: Db, organizationId: string, filters: LearningFilters) {
  const initiatives = await listPublicInitiativesWithResults(db, organizationId);
  const departments = await departmentNames(db, organizationId);
  const all = await listDecided(
    db,
    organizationId,
    initiatives.map((i) => i.id),
  );
  const slugOf = new Map(initiatives.map((i) => [i.id, i]));
  const shown = all.filter(
    (e: Experiment) =>
      (!filters.initiative || slugOf.get(e.initiativeId)?.slug === filters.initiative) &&
      (!filters.department || e.departmentId === filters.department) &&
      (!filters.outcome || e.decision === filters.outcome),
  );
  return {
    entries: shown.map((e) => ({
      ...e,
      initiativeTitle: slugOf.get(e.initiativeId)?.title ?? '',
      departmentName: e.departmentId ? (departments.get(e.departmentId) ?? '') : '',
    })),
    options: {
      initiatives: initiatives.map((i) => ({ value: i.slug, label: i.title })),
      departments: [...departments].map(([value, label]) => ({ value, label })),
      outcomes: decisions as readonly Decision[],
    },
  };
}
