import { roles } from '../../../platform/actor.js';
import type { Translate } from '../../../platform/i18n.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { Department } from '../staff.repository.js';

/** A timestamp in the reader's language; shown in UTC with its zone, since the server knows no better. */
export function formatTime(ctx: PageContext, iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** The roles as choices of a select, in the reader's language. */
export function roleOptions(t: Translate): { value: string; label: string }[] {
  return roles.map((r) => ({ value: r, label: t(`staff:roles.${r}.name`) }));
}

/** The departments as choices of a select, with "no department" first. */
export function departmentOptions(
  t: Translate,
  departments: Department[],
): { value: string; label: string }[] {
  return [
    { value: '', label: t('staff:team.noDepartment') },
    ...departments.map((d) => ({ value: d.id, label: d.name })),
  ];
}

/** A short description list of what each role may do, shown beside role choices. */
export function RoleGuide({ ctx }: { ctx: PageContext }): JSX.Element {
  return (
    <details>
      <summary safe>{ctx.t('staff:roles.guide')}</summary>
      <dl class="facts">
        {roles.map((r) => (
          <>
            <dt safe>{ctx.t(`staff:roles.${r}.name`)}</dt>
            <dd safe>{ctx.t(`staff:roles.${r}.description`)}</dd>
          </>
        ))}
      </dl>
    </details>
  );
}
