import { StaffLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import type { ConversationResults } from '../get-results.js';
import type { Conversation } from '../conversations.table.js';
import { OpinionMap } from './opinion-map.js';
import { ConsensusList, DivisiveList, GroupCards } from './results-parts.js';
import { Breadcrumbs } from './staff-parts.js';

function ResultsBody(props: { ctx: PageContext; results: ConversationResults; votes: number }): JSX.Element {
  const { ctx, results } = props;
  const t = ctx.t;
  const analysis = results.analysis;
  if (!analysis)
    return <p safe>{results.stale ? t('conversations:map.updating') : t('conversations:results.none')}</p>;
  const at = results.computedAt
    ? new Intl.DateTimeFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'UTC',
      }).format(new Date(results.computedAt))
    : '';
  return (
    <>
      <p safe>
        {`${t('conversations:results.summary', { votes: props.votes, voters: analysis.voters, included: analysis.participantsIncluded })} ${t('conversations:results.computedAt', { at })}`}
      </p>
      {results.stale ? (
        <p class="hint no-print" safe>
          {t('conversations:map.updating')}
        </p>
      ) : (
        ''
      )}
      <OpinionMap ctx={ctx} analysis={analysis} />
      <GroupCards ctx={ctx} analysis={analysis} statements={results.statements} />
      <ConsensusList ctx={ctx} analysis={analysis} statements={results.statements} showScores />
      <DivisiveList ctx={ctx} analysis={analysis} statements={results.statements} />
    </>
  );
}

/** A conversation's results for staff: the map, the groups, consensus and the most divisive statements. */
export function ResultsPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  conversation: Conversation;
  results: ConversationResults;
  votes: number;
}): JSX.Element {
  const { ctx, conversation } = props;
  const title = ctx.t('conversations:results.title', { question: conversation.question });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Breadcrumbs ctx={ctx} initiative={props.initiative} toList conversation={conversation} />
      <h1 safe>{title}</h1>
      <ResultsBody ctx={ctx} results={props.results} votes={props.votes} />
    </StaffLayout>
  );
}

/** The printable report: the same results laid out for paper (print CSS hides the navigation). */
export function ReportPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  conversation: Conversation;
  results: ConversationResults;
  votes: number;
  imported: boolean;
}): JSX.Element {
  const { ctx, conversation } = props;
  const t = ctx.t;
  const title = t('conversations:results.reportTitle', { question: conversation.question });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <div class="report">
        <Breadcrumbs ctx={ctx} initiative={props.initiative} toList conversation={conversation} />
        <p class="hint no-print" safe>
          {t('conversations:staff.printHint')}
        </p>
        <h1 safe>{title}</h1>
        <p safe>{props.initiative.title}</p>
        {conversation.topic ? <p safe>{conversation.topic}</p> : ''}
        <ResultsBody ctx={ctx} results={props.results} votes={props.votes} />
        {props.imported ? (
          <p class="hint" safe>
            {t('conversations:results.credit')}
          </p>
        ) : (
          ''
        )}
      </div>
    </StaffLayout>
  );
}
