import {
  ActionButton,
  CheckboxField,
  ErrorSummary,
  Form,
  Notice,
  RadioGroup,
  TextArea,
  TextField,
} from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import { allQuestions, localized, type SurveyDefinition } from '../survey-definition.js';
import type { Survey, SurveyVersion } from '../surveys.repository.js';
import { surveyLayouts } from '../surveys.table.js';
import { QuestionForm, type AttributeChoice } from './question-form.js';
import { surveyTitle } from './respond-pages.js';

/** The settings form's labels (for its error summary). */
export function settingsLabels(ctx: PageContext): Record<string, string> {
  return {
    titleEn: ctx.t('surveys:settings.titleEn'),
    titleDa: ctx.t('surveys:settings.titleDa'),
    introEn: ctx.t('surveys:settings.introEn'),
    introDa: ctx.t('surveys:settings.introDa'),
    layout: ctx.t('surveys:settings.layout'),
    allowMultiple: ctx.t('surveys:settings.allowMultiple'),
  };
}

/** The survey's settings as a form. */
export function SettingsFields({ ctx, form }: { ctx: PageContext; form: FormState }): JSX.Element {
  const t = ctx.t;
  return (
    <>
      <TextField form={form} name="titleEn" label={t('surveys:settings.titleEn')} required maxlength={200} />
      <TextField form={form} name="titleDa" label={t('surveys:settings.titleDa')} maxlength={200} />
      <TextArea form={form} name="introEn" label={t('surveys:settings.introEn')} rows={3} maxlength={4000} />
      <TextArea form={form} name="introDa" label={t('surveys:settings.introDa')} rows={3} maxlength={4000} />
      <RadioGroup
        form={form}
        name="layout"
        label={t('surveys:settings.layout')}
        options={surveyLayouts.map((l) => ({ value: l, label: t(`surveys:layouts.${l}`) }))}
      />
      <CheckboxField form={form} name="allowMultiple" label={t('surveys:settings.allowMultiple')} />
    </>
  );
}

/** A survey's values for the settings form. */
export function settingsValues(survey: Survey): Record<string, unknown> {
  return {
    titleEn: survey.titleEn,
    titleDa: survey.titleDa,
    introEn: survey.introEn,
    introDa: survey.introDa,
    layout: survey.layout,
    allowMultiple: survey.allowMultiple,
  };
}

/** The page for a new survey in an initiative. */
export function NewSurveyPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  form: FormState;
}): JSX.Element {
  const { ctx, initiative, form } = props;
  return (
    <StaffLayout ctx={ctx} title={ctx.t('surveys:builder.newTitle')}>
      <p>
        <a href={`/staff/initiatives/${initiative.id}`} safe>
          {initiative.title}
        </a>
      </p>
      <h1 safe>{ctx.t('surveys:builder.newTitle')}</h1>
      <Form ctx={ctx} action={`/staff/initiatives/${initiative.id}/surveys`}>
        <ErrorSummary ctx={ctx} form={form} labels={settingsLabels(ctx)} />
        <SettingsFields ctx={ctx} form={form} />
        <button type="submit" class="button primary" safe>
          {ctx.t('surveys:builder.create')}
        </button>
      </Form>
    </StaffLayout>
  );
}

/** What the builder page shows besides the survey. */
export interface BuilderState {
  initiative: Initiative;
  orgSlug: string;
  current: SurveyVersion | undefined;
  currentResponses: number;
  attributes: AttributeChoice[];
  canManage: boolean;
  canExport: boolean;
  notice: string | undefined;
  problem: string | undefined;
  settingsForm: FormState;
  questionForm: FormState;
  sectionForm: FormState;
  unpublishedChanges: boolean;
}

function conditionSummary(ctx: PageContext, definition: SurveyDefinition, questionId: string): string {
  const q = allQuestions(definition).find((x) => x.id === questionId);
  if (!q?.condition) return '';
  const source = allQuestions(definition).find((x) => x.id === q.condition!.questionId);
  if (!source) return '';
  const options = source.options
    .filter((o) => q.condition!.optionIds.includes(o.id))
    .map((o) => localized(o.label, ctx.locale))
    .join(ctx.t('surveys:respond.or'));
  return ctx.t('surveys:builder.shownWhen', { code: source.code, options });
}

/** The builder: settings, sections and questions of the draft, publishing, links to results. */
export function BuilderPage(props: { ctx: PageContext; survey: Survey; state: BuilderState }): JSX.Element {
  const { ctx, survey, state } = props;
  const t = ctx.t;
  const base = `/staff/surveys/${survey.id}`;
  const draft = survey.draft;
  const publicLink = `/o/${state.orgSlug}/i/${state.initiative.slug}/s/${survey.id}`;
  let number = 0;
  return (
    <StaffLayout ctx={ctx} title={surveyTitle(survey, ctx.locale)}>
      <p>
        <a href={`/staff/initiatives/${state.initiative.id}`} safe>
          {state.initiative.title}
        </a>
      </p>
      <Notice text={state.notice} />
      {state.problem ? (
        <div class="error-summary" role="alert" id="error-summary" tabindex="-1">
          <p safe>{state.problem}</p>
        </div>
      ) : (
        ''
      )}
      <h1 safe>{surveyTitle(survey, ctx.locale)}</h1>
      <p>
        <span class={`tag status-${survey.status}`} safe>
          {t(`surveys:status.${survey.status}`)}
        </span>{' '}
        {state.current ? (
          <span safe>
            {t('surveys:builder.versionInfo', {
              version: state.current.version,
              count: state.currentResponses,
            })}
          </span>
        ) : (
          <span safe>{t('surveys:builder.neverPublished')}</span>
        )}
      </p>
      {state.unpublishedChanges ? (
        <p class="hint" safe>
          {state.currentResponses > 0
            ? t('surveys:builder.changesNewVersion')
            : t('surveys:builder.changesSameVersion')}
        </p>
      ) : (
        ''
      )}
      <div class="actions">
        <a class="button" href={`${base}/preview`} safe>
          {t('surveys:builder.preview')}
        </a>
        {state.canManage && (survey.status !== 'published' || state.unpublishedChanges) ? (
          <ActionButton
            ctx={ctx}
            action={`${base}/publish`}
            label={
              survey.status === 'draft' ? t('surveys:builder.publish') : t('surveys:builder.publishChanges')
            }
            kind="primary"
          />
        ) : (
          ''
        )}
        {state.canManage && survey.status === 'published' ? (
          <ActionButton ctx={ctx} action={`${base}/close`} label={t('surveys:builder.close')} />
        ) : (
          ''
        )}
        {survey.currentVersionId ? (
          <a class="button" href={`${base}/results`} safe>
            {t('surveys:builder.results')}
          </a>
        ) : (
          ''
        )}
        <a class="button" href={`${base}/distribute`} safe>
          {t('surveys:distribution.link')}
        </a>
      </div>
      {survey.status === 'published' ? (
        <p>
          <span safe>{t('surveys:builder.publicLink')}</span>{' '}
          <a href={publicLink} safe>
            {publicLink}
          </a>
        </p>
      ) : (
        ''
      )}

      <h2 safe>{t('surveys:builder.questionsTitle')}</h2>
      {allQuestions(draft).length === 0 ? <p safe>{t('surveys:builder.noQuestions')}</p> : ''}
      {draft.sections.map((section, si) => (
        <section class="builder-section" aria-labelledby={`section-${section.id}`}>
          <h3 id={`section-${section.id}`} safe>
            {localized(section.title, ctx.locale) || t('surveys:builder.sectionNumber', { number: si + 1 })}
          </h3>
          {state.canManage ? (
            <details class="section-edit">
              <summary safe>{t('surveys:builder.editSection', { number: si + 1 })}</summary>
              <Form ctx={ctx} action={`${base}/sections/${section.id}`}>
                <div class="field">
                  <label for={`section-${section.id}-en`} safe>
                    {t('surveys:builder.sectionTitleEn')}
                  </label>
                  <input
                    id={`section-${section.id}-en`}
                    name="titleEn"
                    value={section.title.en}
                    maxlength="300"
                  />
                </div>
                <div class="field">
                  <label for={`section-${section.id}-da`} safe>
                    {t('surveys:builder.sectionTitleDa')}
                  </label>
                  <input
                    id={`section-${section.id}-da`}
                    name="titleDa"
                    value={section.title.da}
                    maxlength="300"
                  />
                </div>
                <button type="submit" class="button secondary" safe>
                  {t('surveys:builder.renameSection')}
                </button>
              </Form>
              {draft.sections.length > 1 ? (
                <ActionButton
                  ctx={ctx}
                  action={`${base}/sections/${section.id}/delete`}
                  label={t('surveys:builder.deleteSection', { number: si + 1 })}
                  kind="danger"
                />
              ) : (
                ''
              )}
            </details>
          ) : (
            ''
          )}
          <ol class="question-list" start={String(number + 1)}>
            {section.questions.map((q) => {
              number += 1;
              const condition = conditionSummary(ctx, draft, q.id);
              return (
                <li>
                  <p>
                    <strong safe>{`${q.code}. ${localized(q.text, ctx.locale)}`}</strong>{' '}
                    <span class="tag" safe>
                      {t(`surveys:kinds.${q.kind}`)}
                    </span>{' '}
                    {q.required ? (
                      <span class="tag" safe>
                        {t('surveys:respond.required')}
                      </span>
                    ) : (
                      ''
                    )}
                  </p>
                  {q.options.length > 0 ? (
                    <p class="hint" safe>
                      {q.options.map((o) => localized(o.label, ctx.locale)).join(' · ')}
                    </p>
                  ) : (
                    ''
                  )}
                  {condition ? (
                    <p class="hint" safe>
                      {condition}
                    </p>
                  ) : (
                    ''
                  )}
                  {state.canManage ? (
                    <div class="actions">
                      <a class="button" href={`${base}/questions/${q.id}`} safe>
                        {t('surveys:builder.editQuestion', { code: q.code })}
                      </a>
                      <Form ctx={ctx} action={`${base}/questions/${q.id}/move`} class="inline">
                        <button type="submit" name="direction" value="up" class="button secondary" safe>
                          {t('surveys:builder.moveUp', { code: q.code })}
                        </button>
                        <button type="submit" name="direction" value="down" class="button secondary" safe>
                          {t('surveys:builder.moveDown', { code: q.code })}
                        </button>
                      </Form>
                      <ActionButton
                        ctx={ctx}
                        action={`${base}/questions/${q.id}/delete`}
                        label={t('surveys:builder.deleteQuestion', { code: q.code })}
                        kind="danger"
                      />
                    </div>
                  ) : (
                    ''
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ))}

      {state.canManage ? (
        <>
          <h2 id="add-question" safe>
            {t('surveys:builder.addQuestion')}
          </h2>
          <QuestionForm
            ctx={ctx}
            definition={draft}
            form={state.questionForm}
            action={`${base}/questions`}
            submit={t('surveys:builder.addQuestion')}
            attributes={state.attributes}
            showSections
          />
          <h2 safe>{t('surveys:builder.addSection')}</h2>
          <Form ctx={ctx} action={`${base}/sections`}>
            <TextField
              form={state.sectionForm}
              name="titleEn"
              label={t('surveys:builder.sectionTitleEn')}
              required
            />
            <TextField form={state.sectionForm} name="titleDa" label={t('surveys:builder.sectionTitleDa')} />
            <button type="submit" class="button" safe>
              {t('surveys:builder.addSection')}
            </button>
          </Form>
          <h2 safe>{t('surveys:builder.settingsTitle')}</h2>
          <Form ctx={ctx} action={`${base}/settings`}>
            <ErrorSummary ctx={ctx} form={state.settingsForm} labels={settingsLabels(ctx)} />
            <SettingsFields ctx={ctx} form={state.settingsForm} />
            <button type="submit" class="button" safe>
              {t('form.save')}
            </button>
          </Form>
        </>
      ) : (
        ''
      )}
    </StaffLayout>
  );
}

/** The page to edit one question. */
export function EditQuestionPage(props: {
  ctx: PageContext;
  survey: Survey;
  questionId: string;
  code: string;
  form: FormState;
  attributes: AttributeChoice[];
}): JSX.Element {
  const { ctx, survey } = props;
  const title = ctx.t('surveys:builder.editQuestion', { code: props.code });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href={`/staff/surveys/${survey.id}`} safe>
          {surveyTitle(survey, ctx.locale)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <QuestionForm
        ctx={ctx}
        definition={survey.draft}
        form={props.form}
        action={`/staff/surveys/${survey.id}/questions/${props.questionId}`}
        submit={ctx.t('form.save')}
        attributes={props.attributes}
        questionId={props.questionId}
      />
    </StaffLayout>
  );
}
