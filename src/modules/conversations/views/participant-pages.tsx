import { CsrfField, ErrorSummary, Form, Notice, TextArea } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { ConversationResults } from '../get-results.js';
import type { Conversation, Statement } from '../conversations.table.js';
import { OpinionMap } from './opinion-map.js';
import { ConsensusList, GroupCards } from './results-parts.js';
import { PulseInvite } from '../../pulse/views/pulse-invite.js';

type Org = { slug: string; name: string };

/** Where a participant votes on a conversation. */
export function conversationPath(orgSlug: string, initiativeSlug: string, conversationId: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/i/${encodeURIComponent(initiativeSlug)}/c/${encodeURIComponent(conversationId)}`;
}

function Intro({ conversation }: { conversation: Conversation }): JSX.Element {
  return (
    <>
      <h1 safe>{conversation.question}</h1>
      {conversation.topic ? (
        <p class="lead" safe>
          {conversation.topic}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

/**
 * The card with the statement to vote on: a plain form per vote (POST, then a redirect to the next), which
 * the client island sends in the background and swaps for the next card (`data-swap`), without a reload.
 */
export function VoteCard(props: {
  ctx: PageContext;
  base: string;
  conversation: Conversation;
  next: Statement | undefined;
  voted: number;
  total: number;
  canSeeMap: boolean;
  /** The experience pulse invitation once every statement is voted on, when asked for. */
  pulseHref?: string | null | undefined;
}): JSX.Element {
  const { ctx, base, next } = props;
  const t = ctx.t;
  const needed = Math.max(0, Math.min(7, props.total) - props.voted);
  return (
    <section id="vote-card" class="vote-card" aria-labelledby="vote-card-title" tabindex="-1">
      <p class="progress" role="status" safe>
        {t('conversations:vote.progress', { voted: props.voted, total: props.total })}
      </p>
      {next ? (
        <form method="post" action={`${base}/vote`} class="vote-form" data-swap="#vote-card">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="statementId" value={next.id} />
          <fieldset>
            <legend id="vote-card-title">
              <span class="visually-hidden" safe>
                {`${t('conversations:vote.statementN', { n: next.number + 1 })}: `}
              </span>
              <span class="statement" safe>
                {next.body}
              </span>
            </legend>
            <div class="vote-buttons">
              <button type="submit" name="vote" value="agree" class="button primary" safe>
                {t('conversations:vote.agree')}
              </button>
              <button type="submit" name="vote" value="disagree" class="button primary" safe>
                {t('conversations:vote.disagree')}
              </button>
              <button type="submit" name="vote" value="pass" class="button secondary" safe>
                {t('conversations:vote.pass')}
              </button>
            </div>
          </fieldset>
        </form>
      ) : (
        <p id="vote-card-title" safe>
          {props.conversation.status !== 'open'
            ? t('conversations:vote.closed')
            : props.total === 0
              ? t('conversations:vote.noStatements')
              : t('conversations:vote.allDone')}
        </p>
      )}
      <p>
        {props.canSeeMap ? (
          <a href={`${base}/map`} safe>
            {t('conversations:vote.map')}
          </a>
        ) : props.total > 0 ? (
          <span class="hint" safe>
            {t('conversations:vote.mapLater', { n: needed })}
          </span>
        ) : (
          ''
        )}
      </p>
      {next ? '' : <PulseInvite ctx={ctx} href={props.pulseHref} />}
    </section>
  );
}

/** The vote page: the question, the card, the way to add a statement and one's statements in moderation. */
export function VotePage(props: {
  ctx: PageContext;
  org: Org;
  base: string;
  conversation: Conversation;
  next: Statement | undefined;
  voted: number;
  total: number;
  canSeeMap: boolean;
  waiting: Statement[];
  notice?: string | undefined;
  pulseHref?: string | null | undefined;
}): JSX.Element {
  const { ctx, conversation } = props;
  const t = ctx.t;
  return (
    <ParticipantLayout ctx={ctx} title={conversation.question} org={props.org}>
      <Intro conversation={conversation} />
      <Notice text={props.notice} />
      <VoteCard {...props} />
      {conversation.status === 'open' ? (
        <p>
          <a class="button secondary" href={`${props.base}/statements/new`} safe>
            {t('conversations:vote.add')}
          </a>
        </p>
      ) : (
        ''
      )}
      {props.waiting.length > 0 ? (
        <section aria-labelledby="waiting-title">
          <h2 id="waiting-title" safe>
            {t('conversations:vote.waiting')}
          </h2>
          <ul>
            {props.waiting.map((s) => (
              <li safe>{s.body}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </ParticipantLayout>
  );
}

/** The form to add a statement. */
export function AddStatementPage(props: {
  ctx: PageContext;
  org: Org;
  base: string;
  conversation: Conversation;
  form: FormState;
}): JSX.Element {
  const { ctx, conversation, form } = props;
  const t = ctx.t;
  const title = t('conversations:add.title');
  const labels = { body: t('conversations:fields.body') };
  return (
    <ParticipantLayout ctx={ctx} title={`${title} · ${conversation.question}`} org={props.org}>
      <h1 safe>{title}</h1>
      <p class="lead" safe>
        {conversation.question}
      </p>
      <p safe>{t('conversations:add.intro')}</p>
      {conversation.moderation === 'before' ? <p safe>{t('conversations:add.moderatedBefore')}</p> : ''}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`${props.base}/statements`}>
        <TextArea
          form={form}
          name="body"
          label={labels.body}
          hint={t('conversations:fields.bodyHint', { max: conversation.statementMaxLength })}
          rows={3}
          maxlength={conversation.statementMaxLength}
          required
        />
        <button type="submit" class="button primary" safe>
          {t('conversations:add.submit')}
        </button>
      </Form>
      <p>
        <a href={props.base} safe>
          {t('conversations:add.back')}
        </a>
      </p>
    </ParticipantLayout>
  );
}

/** "Where you stand": the opinion map with "you are here", the groups and the consensus. */
export function WhereYouStandPage(props: {
  ctx: PageContext;
  org: Org;
  base: string;
  conversation: Conversation;
  results?: ConversationResults;
  you?: string;
  voteMore?: { voted: number; needed: number };
}): JSX.Element {
  const { ctx, conversation, results } = props;
  const t = ctx.t;
  const title = t('conversations:map.title');
  return (
    <ParticipantLayout ctx={ctx} title={`${title} · ${conversation.question}`} org={props.org}>
      <h1 safe>{title}</h1>
      <p class="lead" safe>
        {conversation.question}
      </p>
      {props.voteMore ? (
        <p safe>{t('conversations:map.voteMore', props.voteMore)}</p>
      ) : results?.analysis && results.analysis.points.length > 0 ? (
        <>
          {results.stale ? <Notice text={t('conversations:map.updating')} /> : ''}
          <p safe>{t('conversations:map.intro')}</p>
          <OpinionMap ctx={ctx} analysis={results.analysis} you={props.you} />
          <GroupCards ctx={ctx} analysis={results.analysis} statements={results.statements} />
          <ConsensusList ctx={ctx} analysis={results.analysis} statements={results.statements} />
        </>
      ) : (
        <p safe>{results?.stale ? t('conversations:map.updating') : t('conversations:map.notYet')}</p>
      )}
      <p>
        <a href={props.base} safe>
          {t('conversations:map.backToVoting')}
        </a>
      </p>
    </ParticipantLayout>
  );
}
