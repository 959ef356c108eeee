import type { RoundSummary } from '../../../analysis/prototype-rounds/compare-rounds.js';
import { CsrfField, ErrorSummary, Notice, TextArea, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import { MAX_QUESTIONS } from '../prototype-input.js';
import type { PrototypeView } from '../prototype-view.js';
import { Draft } from './parts.js';

/** Where an initiative's prototypes live for staff. */
export const staffPrototypesPath = (initiativeId: string) =>
  `/staff/initiatives/${encodeURIComponent(initiativeId)}/prototypes`;

function Crumbs({ ctx, initiative, toList }: { ctx: PageContext; initiative: Initiative; toList: boolean }) {
  return (
    <nav aria-label={ctx.t('ideas:staff.breadcrumbs')}>
      <p>
        <a href={`/staff/initiatives/${initiative.id}`} safe>
          {initiative.title}
        </a>
        {toList ? (
          <>
            {' › '}
            <a href={staffPrototypesPath(initiative.id)} safe>
              {ctx.t('prototypes:staff.listShort')}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
    </nav>
  );
}

/** An initiative's prototypes for staff. */
export function StaffPrototypesPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  prototypes: PrototypeView[];
  canPublish: boolean;
}): JSX.Element {
  const { ctx, initiative } = props;
  const t = ctx.t;
  const base = staffPrototypesPath(initiative.id);
  const title = t('prototypes:staff.listTitle', { title: initiative.title });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Crumbs ctx={ctx} initiative={initiative} toList={false} />
      <h1 safe>{title}</h1>
      <p safe>{t('prototypes:staff.intro')}</p>
      {props.canPublish && initiative.status !== 'archived' ? (
        <p>
          <a class="button primary" href={`${base}/new`} safe>
            {t('prototypes:actions.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      {props.prototypes.length === 0 ? (
        <p safe>{t('prototypes:public.none')}</p>
      ) : (
        <ul>
          {props.prototypes.map((p) => {
            const v = p.versions[p.versions.length - 1]!;
            return (
              <li>
                <a href={`${base}/${p.id}`} safe>
                  {p.title}
                </a>{' '}
                <span class="muted" safe>
                  {`${t('prototypes:versionLabel', { number: v.number })} · ${v.open ? t('prototypes:roundOpen') : t('prototypes:roundClosed')}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </StaffLayout>
  );
}

/** The form for a prototype's first version or a new one: draft, files, questions, closing day. */
export function RoundFormPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  heading: string;
  withTitle: boolean;
  action: string;
  form: FormState;
}): JSX.Element {
  const { ctx, initiative, form } = props;
  const t = ctx.t;
  const labels: Record<string, string> = {
    title: t('prototypes:fields.title'),
    body: t('prototypes:fields.body'),
    files: t('prototypes:fields.files'),
    questions: t('prototypes:fields.questions'),
    closesOn: t('prototypes:fields.closesOn'),
  };
  const fileError = form.errors.files;
  return (
    <StaffLayout ctx={ctx} title={props.heading}>
      <Crumbs ctx={ctx} initiative={initiative} toList />
      <h1 safe>{props.heading}</h1>
      <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} form={form} labels={labels} />
        {props.withTitle ? (
          <TextField form={form} name="title" label={labels.title!} required maxlength={200} />
        ) : (
          ''
        )}
        <TextArea
          form={form}
          name="body"
          label={labels.body!}
          hint={t('prototypes:hints.body')}
          required
          rows={8}
          maxlength={20000}
        />
        <div class={fileError ? 'field has-error' : 'field'}>
          <label for="f-files" safe>
            {labels.files}
          </label>
          <p class="hint" id="f-files-hint" safe>
            {t('prototypes:hints.files')}
          </p>
          {fileError ? (
            <p class="field-error" id="f-files-error" safe>
              {fileError}
            </p>
          ) : (
            ''
          )}
          <input
            id="f-files"
            name="files"
            type="file"
            multiple
            accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? 'f-files-hint f-files-error' : 'f-files-hint'}
          />
        </div>
        <TextArea
          form={form}
          name="questions"
          label={labels.questions!}
          hint={t('prototypes:hints.questions', { max: MAX_QUESTIONS })}
          required
          rows={5}
        />
        <TextField
          form={form}
          name="closesOn"
          type="date"
          label={labels.closesOn!}
          hint={t('prototypes:hints.closesOn')}
          required
        />
        <button type="submit" class="button primary" safe>
          {t('prototypes:actions.publish')}
        </button>
      </form>
    </StaffLayout>
  );
}

function Remarks({ items }: { items: string[] }): JSX.Element {
  if (items.length === 0) return <>–</>;
  return (
    <ul>
      {items.map((s) => (
        <li class="prewrap" safe>
          {s}
        </li>
      ))}
    </ul>
  );
}

/** One prototype for staff: the rounds compared side by side, then each version's draft (the history). */
export function StaffPrototypePage(props: {
  ctx: PageContext;
  initiative: Initiative;
  prototype: PrototypeView;
  rounds: RoundSummary[];
  canPublish: boolean;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, initiative, prototype, rounds } = props;
  const t = ctx.t;
  const path = `${staffPrototypesPath(initiative.id)}/${prototype.id}`;
  const row = (label: string, cell: (r: RoundSummary) => JSX.Element | string) => (
    <tr>
      <th scope="row" safe>
        {label}
      </th>
      {rounds.map((r) => (
        <td>{cell(r)}</td>
      ))}
    </tr>
  );
  return (
    <StaffLayout ctx={ctx} title={prototype.title}>
      <Crumbs ctx={ctx} initiative={initiative} toList />
      <h1 safe>{prototype.title}</h1>
      <Notice text={props.notice} />
      {props.canPublish && initiative.status !== 'archived' ? (
        <p>
          <a class="button primary" href={`${path}/versions/new`} safe>
            {t('prototypes:actions.newVersion')}
          </a>
        </p>
      ) : (
        ''
      )}
      <h2 safe>{t('prototypes:staff.compare')}</h2>
      <table>
        <caption safe>{t('prototypes:staff.compareCaption')}</caption>
        <thead>
          <tr>
            <td></td>
            {rounds.map((r) => (
              <th scope="col" safe>
                {t('prototypes:versionLabel', { number: r.number })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row(t('prototypes:staff.responses'), (r) => String(r.responses))}
          {row(t('prototypes:staff.meanRating'), (r) => (r.meanRating === null ? '–' : String(r.meanRating)))}
          {row(t('prototypes:fields.works'), (r) => (
            <Remarks items={r.works} />
          ))}
          {row(t('prototypes:fields.doesNotWork'), (r) => (
            <Remarks items={r.doesNotWork} />
          ))}
          {row(t('prototypes:fields.missing'), (r) => (
            <Remarks items={r.missing} />
          ))}
          {row(t('prototypes:staff.questionsAndAnswers'), (r) => (
            <dl>
              {r.questions.map((q) => (
                <>
                  <dt safe>{q.text}</dt>
                  <dd>
                    <Remarks items={q.answers} />
                  </dd>
                </>
              ))}
            </dl>
          ))}
        </tbody>
      </table>
      <h2 safe>{t('prototypes:staff.history')}</h2>
      {[...prototype.versions].reverse().map((v) => (
        <section aria-labelledby={`v-${v.id}`}>
          <h3 id={`v-${v.id}`} safe>
            {t('prototypes:versionLabel', { number: v.number })}
          </h3>
          <Draft ctx={ctx} version={v} fileBase={`${path}/files`} />
          <p safe>{t('prototypes:staff.questionsAsked')}</p>
          <ul>
            {v.questions.map((q) => (
              <li safe>{q.text}</li>
            ))}
          </ul>
        </section>
      ))}
    </StaffLayout>
  );
}
