import { Notice } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import type { InterviewSummaryView } from '../interview-view.js';
import { Breadcrumbs, Day } from './parts.js';

/** An initiative's interviews and observations for staff, with the way to record a new one. */
export function InterviewListPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  interviews: InterviewSummaryView[];
  canRecord: boolean;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, initiative, interviews } = props;
  const t = ctx.t;
  const base = `/staff/initiatives/${initiative.id}/interviews`;
  const title = t('interviews:staff.listTitle', { title: initiative.title });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Breadcrumbs ctx={ctx} initiative={initiative} toList={false} />
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      <p safe>{t('interviews:staff.intro')}</p>
      {initiative.status === 'archived' ? (
        <p class="hint" safe>
          {t('interviews:staff.archived')}
        </p>
      ) : (
        ''
      )}
      {props.canRecord ? (
        <p>
          <a class="button primary" href={`${base}/new`} safe>
            {t('interviews:actions.record')}
          </a>
        </p>
      ) : (
        ''
      )}
      {interviews.length === 0 ? (
        <p safe>{t('interviews:staff.none')}</p>
      ) : (
        <table>
          <caption safe>{t('interviews:staff.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('interviews:fields.heldOn')}
              </th>
              <th scope="col" safe>
                {t('interviews:fields.method')}
              </th>
              <th scope="col" safe>
                {t('interviews:fields.interviewerId')}
              </th>
              <th scope="col" safe>
                {t('interviews:fields.place')}
              </th>
              <th scope="col" safe>
                {t('interviews:fields.participantId')}
              </th>
              <th scope="col" safe>
                {t('interviews:staff.contents')}
              </th>
            </tr>
          </thead>
          <tbody>
            {interviews.map((i) => (
              <tr>
                <td>
                  <a href={`${base}/${i.id}`}>
                    <Day ctx={ctx} iso={i.heldOn} />
                  </a>
                </td>
                <td safe>{t(`interviews:methods.${i.method}`)}</td>
                <td safe>{i.interviewer?.name ?? ''}</td>
                <td safe>{i.place}</td>
                <td safe>{i.participant?.pseudonym ?? t('interviews:staff.anonymous')}</td>
                <td safe>
                  {t('interviews:staff.counts', {
                    notes: i.noteCount,
                    quotes: i.quoteCount,
                    segments: i.segmentCount,
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffLayout>
  );
}
