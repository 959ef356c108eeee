import type { PageContext } from '../../../ui/page-context.js';
import type { Board, MemberView, SprintView } from '../get-sprint.js';

/** The challenge, the scope and the timebox of a sprint. */
export function SprintBrief({ ctx, sprint }: { ctx: PageContext; sprint: SprintView }): JSX.Element {
  const t = ctx.t;
  return (
    <dl class="facts">
      <dt safe>{t('sprints:fields.challenge')}</dt>
      <dd class="prewrap" safe>
        {sprint.challenge}
      </dd>
      <dt safe>{t('sprints:fields.inScope')}</dt>
      <dd class="prewrap" safe>
        {sprint.inScope}
      </dd>
      <dt safe>{t('sprints:fields.outOfScope')}</dt>
      <dd class="prewrap" safe>
        {sprint.outOfScope}
      </dd>
      <dt safe>{t('sprints:fields.timebox')}</dt>
      <dd safe>{`${sprint.startsOn} – ${sprint.endsOn}`}</dd>
      <dt safe>{t('sprints:fields.stage')}</dt>
      <dd safe>{t(`sprints:stages.${sprint.stage}`)}</dd>
    </dl>
  );
}

/** The team with roles (and kinds of external stakeholder). */
export function Team({
  ctx,
  members,
  departments,
}: {
  ctx: PageContext;
  members: MemberView[];
  departments: Map<string, string>;
}): JSX.Element {
  const t = ctx.t;
  const departmentOf = (id: string | null): string => (id ? (departments.get(id) ?? '') : '');
  if (members.length === 0) return <p safe>{t('sprints:noMembers')}</p>;
  return (
    <table>
      <caption safe>{t('sprints:teamCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('sprints:fields.name')}
          </th>
          <th scope="col" safe>
            {t('sprints:fields.role')}
          </th>
          <th scope="col" safe>
            {t('sprints:fields.departmentId')}
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr>
            <td safe>{m.joined ? m.name : `${m.name} (${t('sprints:invited')})`}</td>
            <td safe>
              {m.externalKind
                ? `${t('sprints:roles.external')}: ${t(`sprints:kinds.${m.externalKind}`)}`
                : t(`sprints:roles.${m.role}`)}
            </td>
            <td safe>{departmentOf(m.departmentId)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The board: one column per stage with what is at it; prototypes link where `prototypeHref` says. */
export function BoardView({
  ctx,
  board,
  prototypeHref,
}: {
  ctx: PageContext;
  board: Board;
  prototypeHref?: (id: string) => string;
}): JSX.Element {
  const t = ctx.t;
  return (
    <ol class="cards">
      {board.map((column) => (
        <li>
          <h3 safe>{t(`sprints:stages.${column.stage}`)}</h3>
          {column.items.length === 0 ? (
            <p class="muted" safe>
              {t('sprints:emptyStage')}
            </p>
          ) : (
            <ul>
              {column.items.map((i) => (
                <li>
                  <span safe>{`${t(`sprints:kindsOfItem.${i.kind}`)}: `}</span>
                  {i.kind === 'prototype' && prototypeHref ? (
                    <a href={prototypeHref(i.id)} safe>
                      {i.title}
                    </a>
                  ) : (
                    <span safe>{i.title}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
