import type { PageContext } from '../../../ui/page-context.js';
import type { CommentView, IdeaView } from '../idea-view.js';

/** Who wrote something, as readers see it: a pseudonym, "staff" or "erased participant". */
export function authorLabel(ctx: PageContext, author: IdeaView['author']): string {
  if (author.kind === 'participant') return author.pseudonym;
  return ctx.t(`ideas:author.${author.kind}`);
}

/** A moment as the reader's language writes it, machine-readable in `datetime`. */
export function When({ ctx, iso }: { ctx: PageContext; iso: string }): JSX.Element {
  const text = new Intl.DateTimeFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(iso));
  return (
    <time datetime={iso} safe>
      {text}
    </time>
  );
}

/** An idea's status with its public reason. */
export function StatusLine({ ctx, idea }: { ctx: PageContext; idea: IdeaView }): JSX.Element {
  return (
    <p class="status">
      <strong safe>{ctx.t('ideas:fields.status')}:</strong>{' '}
      <span safe>{ctx.t(`ideas:status.${idea.status}`)}</span>
      {idea.statusReason ? <span safe>{` — ${idea.statusReason}`}</span> : ''}
    </p>
  );
}

/** The texts of an idea: description and the problem or need it addresses, and its image. */
export function IdeaBody({
  ctx,
  idea,
  imageSrc,
}: {
  ctx: PageContext;
  idea: IdeaView;
  imageSrc: string;
}): JSX.Element {
  return (
    <>
      <p class="muted">
        <span safe>{ctx.t('ideas:postedBy', { author: authorLabel(ctx, idea.author) })}</span>{' '}
        <When ctx={ctx} iso={idea.createdAt} />
      </p>
      <StatusLine ctx={ctx} idea={idea} />
      <h2 safe>{ctx.t('ideas:fields.description')}</h2>
      <p class="prewrap" safe>
        {idea.description}
      </p>
      <h2 safe>{ctx.t('ideas:fields.problem')}</h2>
      <p class="prewrap" safe>
        {idea.problem}
      </p>
      {idea.hasImage ? (
        <p>
          <img
            src={imageSrc}
            alt={idea.imageAlt || ctx.t('ideas:imageAlt', { title: idea.title })}
            class="idea-image"
          />
        </p>
      ) : (
        ''
      )}
      <p safe>{ctx.t('ideas:supportCount', { count: idea.supportCount })}</p>
    </>
  );
}

/** A list of comments; hidden ones are shown with the moderator's reason (only to those who may see them). */
export function Comments({ ctx, comments }: { ctx: PageContext; comments: CommentView[] }): JSX.Element {
  if (comments.length === 0) return <p safe>{ctx.t('ideas:noComments')}</p>;
  return (
    <ul class="comments">
      {comments.map((c) => (
        <li id={`c-${c.id}`}>
          <p class="muted">
            <span safe>{authorLabel(ctx, c.author)}</span> <When ctx={ctx} iso={c.createdAt} />
          </p>
          <p class="prewrap" safe>
            {c.body}
          </p>
          {c.hiddenReason !== null ? (
            <p class="notice" safe>
              {ctx.t('ideas:hiddenBecause', { reason: c.hiddenReason })}
            </p>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}
