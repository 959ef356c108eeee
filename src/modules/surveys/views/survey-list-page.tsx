import { StaffLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import type { Survey } from '../surveys.repository.js';
import { surveyTitle } from './respond-pages.js';

/** The surveys of an initiative, with a link to start a new one. */
export function SurveyListPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  surveys: Survey[];
  canManage: boolean;
}): JSX.Element {
  const { ctx, initiative } = props;
  const t = ctx.t;
  const title = t('surveys:list.title', { initiative: initiative.title });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href={`/staff/initiatives/${initiative.id}`} safe>
          {initiative.title}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {props.canManage && initiative.status !== 'archived' ? (
        <p>
          <a class="button primary" href={`/staff/initiatives/${initiative.id}/surveys/new`} safe>
            {t('surveys:list.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      {props.surveys.length === 0 ? (
        <p safe>{t('surveys:list.none')}</p>
      ) : (
        <ul class="item-list">
          {props.surveys.map((s) => (
            <li>
              <a href={`/staff/surveys/${s.id}`} safe>
                {surveyTitle(s, ctx.locale)}
              </a>{' '}
              <span class={`tag status-${s.status}`} safe>
                {t(`surveys:status.${s.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </StaffLayout>
  );
}
