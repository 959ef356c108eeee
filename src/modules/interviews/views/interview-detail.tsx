import { Form, Notice } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import type { InterviewView } from '../interview-view.js';
import { Breadcrumbs, Day, Paragraphs, timeSpan } from './parts.js';

function Transcript({ ctx, view }: { ctx: PageContext; view: InterviewView }): JSX.Element {
  const t = ctx.t;
  const transcript = view.transcript;
  if (!transcript) return <p safe>{t('interviews:staff.noTranscript')}</p>;
  return (
    <>
      <p class="muted" safe>
        {t('interviews:staff.transcriptSummary', {
          format: t(`interviews:formats.${transcript.format}`),
          segments: transcript.segments.length,
        })}
      </p>
      <ol class="transcript">
        {transcript.segments.map((s) => {
          const span = timeSpan(s.start, s.end);
          return (
            <li id={`segment-${s.id}`}>
              <p>
                {span ? (
                  <span class="muted" safe>
                    {`[${span}] `}
                  </span>
                ) : (
                  ''
                )}
                {s.speaker ? <strong safe>{`${s.speaker}: `}</strong> : ''}
                <span safe>{s.text}</span>
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** One interview for staff: the facts, the notes, the key quotes and the transcript, readable. */
export function InterviewDetailPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  view: InterviewView;
  canManage: boolean;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, initiative, view } = props;
  const t = ctx.t;
  const base = `/staff/initiatives/${initiative.id}/interviews/${view.id}`;
  const title = t(`interviews:methods.${view.method}`);
  const writable = props.canManage && initiative.status !== 'archived';
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Breadcrumbs ctx={ctx} initiative={initiative} toList />
      <Notice text={props.notice} />
      <h1>
        <span safe>{`${title}, `}</span>
        <Day ctx={ctx} iso={view.heldOn} />
      </h1>
      {writable ? (
        <div class="actions">
          <a class="button" href={`${base}/edit`} safe>
            {t('interviews:actions.edit')}
          </a>
          <a class="button danger" href={`${base}/delete`} safe>
            {t('interviews:actions.delete')}
          </a>
        </div>
      ) : (
        ''
      )}
      <dl class="facts">
        <dt safe>{t('interviews:fields.method')}</dt>
        <dd safe>{title}</dd>
        <dt safe>{t('interviews:fields.heldOn')}</dt>
        <dd>
          <Day ctx={ctx} iso={view.heldOn} />
        </dd>
        <dt safe>{t('interviews:fields.interviewerId')}</dt>
        <dd safe>{view.interviewer?.name ?? ''}</dd>
        <dt safe>{t('interviews:fields.place')}</dt>
        <dd safe>{view.place}</dd>
        <dt safe>{t('interviews:fields.participantId')}</dt>
        <dd safe>{view.participant?.pseudonym ?? t('interviews:staff.anonymous')}</dd>
      </dl>
      <section aria-labelledby="notes-title">
        <h2 id="notes-title" safe>
          {t('interviews:fields.notes')}
        </h2>
        {view.notes.length === 0 ? (
          <p safe>{t('interviews:staff.noNotes')}</p>
        ) : (
          view.notes.map((n, i) => (
            <div id={`note-${n.id}`}>
              <h3 safe>{n.heading || t('interviews:fields.noteN', { n: i + 1 })}</h3>
              <Paragraphs text={n.text} />
            </div>
          ))
        )}
      </section>
      <section aria-labelledby="quotes-title">
        <h2 id="quotes-title" safe>
          {t('interviews:fields.quotes')}
        </h2>
        {view.quotes.length === 0 ? (
          <p safe>{t('interviews:staff.noQuotes')}</p>
        ) : (
          view.quotes.map((q) => (
            <blockquote id={`quote-${q.id}`}>
              <Paragraphs text={q.text} />
            </blockquote>
          ))
        )}
      </section>
      <section aria-labelledby="transcript-title">
        <h2 id="transcript-title" safe>
          {t('interviews:fields.transcript')}
        </h2>
        <Transcript ctx={ctx} view={view} />
      </section>
    </StaffLayout>
  );
}

/** Asks before deleting an interview for good. */
export function DeleteInterviewPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  view: InterviewView;
}): JSX.Element {
  const { ctx, initiative, view } = props;
  const t = ctx.t;
  const base = `/staff/initiatives/${initiative.id}/interviews/${view.id}`;
  const heading = t('interviews:staff.deleteTitle');
  return (
    <StaffLayout ctx={ctx} title={heading}>
      <Breadcrumbs ctx={ctx} initiative={initiative} toList />
      <h1 safe>{heading}</h1>
      <p>
        <span safe>{`${t(`interviews:methods.${view.method}`)}, `}</span>
        <Day ctx={ctx} iso={view.heldOn} />
        {view.place ? <span safe>{`, ${view.place}`}</span> : ''}
      </p>
      <p safe>{t('interviews:staff.deleteExplain')}</p>
      <Form ctx={ctx} action={`${base}/delete`}>
        <div class="actions">
          <button type="submit" class="button danger" safe>
            {t('interviews:actions.confirmDelete')}
          </button>
          <a href={base} safe>
            {t('form.cancel')}
          </a>
        </div>
      </Form>
    </StaffLayout>
  );
}
