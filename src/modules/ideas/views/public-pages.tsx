import { Form, Notice, TextArea } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import { LIMITS } from '../idea-input.js';
import type { CommentView, IdeaView } from '../idea-view.js';
import { IdeaForm } from './idea-fields.js';
import { authorLabel, Comments, IdeaBody, StatusLine } from './parts.js';
import { PulseInvite } from '../../pulse/views/pulse-invite.js';

type Org = { slug: string; name: string };

/** Where an initiative's idea board lives for participants. */
export function boardPath(orgSlug: string, initiativeSlug: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/i/${encodeURIComponent(initiativeSlug)}/ideas`;
}

/** The public idea board: ideas most supported first, with the way to post one. */
export function BoardPage(props: {
  ctx: PageContext;
  org: Org;
  initiative: Initiative;
  ideas: IdeaView[];
  mine: Set<string>;
}): JSX.Element {
  const { ctx, org, initiative } = props;
  const t = ctx.t;
  const base = boardPath(org.slug, initiative.slug);
  const title = t('ideas:public.boardTitle', { title: initiative.title });
  return (
    <ParticipantLayout ctx={ctx} title={title} org={org}>
      <p>
        <a href={`/o/${org.slug}/i/${initiative.slug}`} safe>
          {t('ideas:public.backToInitiative', { title: initiative.title })}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <p safe>{t('ideas:public.intro')}</p>
      {initiative.status === 'open' ? (
        <p>
          <a class="button primary" href={`${base}/new`} safe>
            {t('ideas:actions.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      {props.ideas.length === 0 ? (
        <p safe>{t('ideas:public.none')}</p>
      ) : (
        <ul class="cards">
          {props.ideas.map((i) => (
            <li>
              <h2>
                <a href={`${base}/${i.id}`} safe>
                  {i.title}
                </a>
              </h2>
              <p class="muted" safe>
                {`${authorLabel(ctx, i.author)} · ${t('ideas:supportCount', { count: i.supportCount })} · ${t('ideas:commentCount', { count: i.commentCount })}`}
              </p>
              <StatusLine ctx={ctx} idea={i} />
              {i.hiddenReason !== null && props.mine.has(i.id) ? (
                <p class="notice" safe>
                  {t('ideas:hiddenBecause', { reason: i.hiddenReason })}
                </p>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      )}
    </ParticipantLayout>
  );
}

/** The participant's form to post an idea. */
export function NewIdeaPage(props: {
  ctx: PageContext;
  org: Org;
  initiative: Initiative;
  form: FormState;
}): JSX.Element {
  const { ctx, org, initiative } = props;
  const base = boardPath(org.slug, initiative.slug);
  return (
    <ParticipantLayout ctx={ctx} title={ctx.t('ideas:public.newTitle')} org={org}>
      <p>
        <a href={base} safe>
          {ctx.t('ideas:public.backToBoard')}
        </a>
      </p>
      <h1 safe>{ctx.t('ideas:public.newTitle')}</h1>
      <p safe>{ctx.t('ideas:public.newIntro')}</p>
      <IdeaForm ctx={ctx} form={props.form} action={base} />
    </ParticipantLayout>
  );
}

/** One idea for participants: its texts, status, support button and comments. */
export function PublicIdeaPage(props: {
  ctx: PageContext;
  org: Org;
  initiative: Initiative;
  idea: IdeaView;
  comments: CommentView[];
  mine: boolean;
  supported: boolean;
  mergedInto: { id: string; title: string } | undefined;
  commentForm: FormState;
  notice?: string | undefined;
  problem?: string | undefined;
  /** The experience pulse invitation after posting, when asked for. */
  pulseHref?: string | null | undefined;
}): JSX.Element {
  const { ctx, org, initiative, idea } = props;
  const t = ctx.t;
  const base = boardPath(org.slug, initiative.slug);
  const path = `${base}/${idea.id}`;
  const open = initiative.status === 'open' && idea.hiddenReason === null && !props.mergedInto;
  return (
    <ParticipantLayout ctx={ctx} title={idea.title} org={org}>
      <p>
        <a href={base} safe>
          {t('ideas:public.backToBoard')}
        </a>
      </p>
      <h1 safe>{idea.title}</h1>
      <Notice text={props.notice} />
      <PulseInvite ctx={ctx} href={props.pulseHref} />
      {props.problem ? (
        <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
          <p safe>{props.problem}</p>
        </div>
      ) : (
        ''
      )}
      {idea.hiddenReason !== null ? (
        <p class="notice" safe>
          {t('ideas:hiddenBecause', { reason: idea.hiddenReason })}
        </p>
      ) : (
        ''
      )}
      {props.mergedInto ? (
        <p class="notice">
          <span safe>{t('ideas:public.mergedInto')}</span>{' '}
          <a href={`${base}/${props.mergedInto.id}`} safe>
            {props.mergedInto.title}
          </a>
        </p>
      ) : (
        ''
      )}
      <IdeaBody ctx={ctx} idea={idea} imageSrc={`${path}/image`} />
      {open ? (
        props.supported ? (
          <p safe>{t('ideas:public.youSupport')}</p>
        ) : (
          <Form ctx={ctx} action={`${path}/support`} class="inline">
            <button type="submit" class="button primary" safe>
              {t('ideas:actions.support')}
            </button>
          </Form>
        )
      ) : (
        ''
      )}
      <h2 safe>{t('ideas:comments')}</h2>
      <Comments ctx={ctx} comments={props.comments} />
      {open ? (
        <Form ctx={ctx} action={`${path}/comments`}>
          <TextArea
            form={props.commentForm}
            name="body"
            label={t('ideas:fields.comment')}
            required
            rows={3}
            maxlength={LIMITS.comment}
          />
          <button type="submit" class="button secondary" safe>
            {t('ideas:actions.comment')}
          </button>
        </Form>
      ) : (
        ''
      )}
    </ParticipantLayout>
  );
}
