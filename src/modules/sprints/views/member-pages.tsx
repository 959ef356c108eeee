import { ErrorSummary, Form, Notice, RadioGroup, TextArea } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { VersionView } from '../../prototypes/prototype-view.js';
import { Draft } from '../../prototypes/views/parts.js';
import type { Board, MemberView, SprintView } from '../get-sprint.js';
import { BoardView, SprintBrief, Team } from './sprint-parts.js';

/** Where an external member's sprint workspace lives. */
export const workspacePath = (sprintId: string) => `/x/sprints/${encodeURIComponent(sprintId)}`;

/** The page that asks an invited external member to join the sprint. */
export function InvitationPage(props: {
  ctx: PageContext;
  token: string;
  name: string;
  challenge: string;
}): JSX.Element {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <ParticipantLayout ctx={ctx} title={t('sprints:invitation.title')}>
      <h1 safe>{t('sprints:invitation.title')}</h1>
      <p safe>{t('sprints:invitation.hello', { name: props.name })}</p>
      <p class="prewrap" safe>
        {props.challenge}
      </p>
      <p safe>{t('sprints:invitation.explain')}</p>
      <Form ctx={ctx} action={`/sprint-invitations/${encodeURIComponent(props.token)}`}>
        <button type="submit" class="button primary" safe>
          {t('sprints:invitation.accept')}
        </button>
      </Form>
    </ParticipantLayout>
  );
}

/** The sprint workspace of an external member: brief, team and board, nothing else. */
export function WorkspacePage(props: {
  ctx: PageContext;
  me: { name: string };
  sprint: SprintView;
  members: MemberView[];
  board: Board;
}): JSX.Element {
  const { ctx, sprint } = props;
  const t = ctx.t;
  return (
    <ParticipantLayout ctx={ctx} title={t('sprints:workspace.title')}>
      <h1 safe>{t('sprints:workspace.title')}</h1>
      <p safe>{t('sprints:workspace.welcome', { name: props.me.name })}</p>
      <SprintBrief ctx={ctx} sprint={sprint} />
      <h2 safe>{t('sprints:teamTitle')}</h2>
      <Team ctx={ctx} members={props.members} departments={new Map()} />
      <h2 safe>{t('sprints:boardTitle')}</h2>
      <BoardView
        ctx={ctx}
        board={props.board}
        prototypeHref={(id) => `${workspacePath(sprint.id)}/prototypes/${encodeURIComponent(id)}`}
      />
    </ParticipantLayout>
  );
}

/** A prototype of the sprint board for an external member, with the feedback form while the round is open. */
export function MemberPrototypePage(props: {
  ctx: PageContext;
  sprintId: string;
  title: string;
  prototypeId: string;
  version: VersionView;
  answered: boolean;
  form: FormState;
  notice?: string | undefined;
  problem?: string | undefined;
}): JSX.Element {
  const { ctx, version, form } = props;
  const t = ctx.t;
  const path = `${workspacePath(props.sprintId)}/prototypes/${encodeURIComponent(props.prototypeId)}`;
  const labels: Record<string, string> = {
    works: t('prototypes:fields.works'),
    doesNotWork: t('prototypes:fields.doesNotWork'),
    missing: t('prototypes:fields.missing'),
    rating: t('prototypes:fields.rating'),
  };
  for (const q of version.questions) labels[`answers.${q.id}`] = q.text;
  return (
    <ParticipantLayout ctx={ctx} title={props.title}>
      <p>
        <a href={workspacePath(props.sprintId)} safe>
          {t('sprints:workspace.back')}
        </a>
      </p>
      <h1 safe>{props.title}</h1>
      <Notice text={props.notice} />
      {props.problem ? (
        <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
          <p safe>{props.problem}</p>
        </div>
      ) : (
        ''
      )}
      <Draft ctx={ctx} version={version} fileBase={`${path}/files`} />
      <h2 safe>{t('prototypes:public.feedbackTitle')}</h2>
      {!version.open ? (
        <p safe>{t('errors:round_closed.detail')}</p>
      ) : props.answered ? (
        <p safe>{t('prototypes:public.answered')}</p>
      ) : (
        <Form ctx={ctx} action={`${path}/feedback`}>
          <ErrorSummary ctx={ctx} form={form} labels={labels} />
          {version.questions.map((q) => (
            <TextArea form={form} name={`answers.${q.id}`} label={q.text} rows={3} maxlength={2000} />
          ))}
          <TextArea form={form} name="works" label={labels.works!} rows={3} maxlength={2000} />
          <TextArea form={form} name="doesNotWork" label={labels.doesNotWork!} rows={3} maxlength={2000} />
          <TextArea form={form} name="missing" label={labels.missing!} rows={3} maxlength={2000} />
          <RadioGroup
            form={form}
            name="rating"
            label={labels.rating!}
            options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`prototypes:rating.${n}`) }))}
          />
          <button type="submit" class="button primary" safe>
            {t('prototypes:actions.send')}
          </button>
        </Form>
      )}
    </ParticipantLayout>
  );
}
