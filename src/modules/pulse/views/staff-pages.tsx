import { NOT_ANSWERED, PULSE_QUESTIONS } from '../../../analysis/pulse/index.js';
import { Form, Notice } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import { PREFER_NOT_TO_SAY } from '../../participants/demographic-answers.js';
import { labelIn, type DemographicAttribute } from '../../participants/participants.table.js';
import type { PulseReportView } from '../get-pulse-report.js';
import type { PulseSwitches } from '../pulse-settings.js';
import { activityKinds } from '../pulse.table.js';
import { Comments, GroupTable, QuestionBlock } from './report-parts.js';

/** The staff page of an initiative's pulse. */
export function pulseReportPath(initiativeId: string): string {
  return `/staff/initiatives/${encodeURIComponent(initiativeId)}/pulse`;
}

function segmentLabel(ctx: PageContext, attribute: DemographicAttribute, key: string): string {
  if (key === PREFER_NOT_TO_SAY) return ctx.t('pulse:staff.preferNotToSay');
  if (key === NOT_ANSWERED) return ctx.t('pulse:staff.notAnswered');
  const category = attribute.categories.find((c) => c.id === key);
  return category ? labelIn(category, ctx.locale) : key;
}

function Settings(props: { ctx: PageContext; path: string; switches: PulseSwitches }): JSX.Element {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <section aria-labelledby="pulse-settings-title">
      <h2 id="pulse-settings-title" safe>
        {t('pulse:staff.settingsTitle')}
      </h2>
      <Form ctx={ctx} action={`${props.path}/settings`}>
        <fieldset>
          <legend safe>{t('pulse:staff.settingsTitle')}</legend>
          <p class="hint" safe>
            {t('pulse:staff.settingsHint')}
          </p>
          {activityKinds.map((kind) => (
            <div class="field choice">
              <input
                type="checkbox"
                id={`f-enabled-${kind}`}
                name="enabled[]"
                value={kind}
                checked={props.switches[kind]}
              />
              <label for={`f-enabled-${kind}`} safe>
                {t(`pulse:kinds.${kind}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button primary" safe>
          {t('pulse:staff.save')}
        </button>
      </Form>
    </section>
  );
}

/** The pulse report: everyone, by activity kind, by one demographic attribute, free texts; and the settings. */
export function PulseReportPage(
  props: PulseReportView & {
    ctx: PageContext;
    switches: PulseSwitches;
    canConfigure: boolean;
    by: DemographicAttribute | undefined;
    notice?: string | undefined;
  },
): JSX.Element {
  const { ctx, report, initiative } = props;
  const t = ctx.t;
  const path = pulseReportPath(initiative.id);
  const kindRows = report.byKind.map((r) => ({ label: t(`pulse:kinds.${r.kind}`), group: r.group }));
  const by = props.by;
  const segmentRows = by
    ? (report.byAttribute.find((a) => a.attributeId === by.id)?.segments ?? []).map((s) => ({
        label: segmentLabel(ctx, by, s.key),
        group: s.group,
      }))
    : [];
  const overall = report.overall;
  return (
    <StaffLayout ctx={ctx} title={t('pulse:staff.title')}>
      <p>
        <a href={`/staff/initiatives/${initiative.id}`} safe>
          {initiative.title}
        </a>
      </p>
      <h1 safe>{t('pulse:staff.title')}</h1>
      <Notice text={props.notice} />
      <p safe>{t('pulse:staff.intro', { k: report.k })}</p>
      {props.canConfigure ? <Settings ctx={ctx} path={path} switches={props.switches} /> : ''}
      <section aria-labelledby="pulse-everyone">
        <h2 id="pulse-everyone" safe>
          {t('pulse:staff.everyone')}
        </h2>
        {report.respondents === 0 ? (
          <p safe>{t('pulse:staff.noAnswers')}</p>
        ) : overall.suppressed ? (
          <p class="suppressed" safe>
            {`${t('pulse:staff.respondents')}: ${t('pulse:staff.fewer', { k: overall.k })}`}
          </p>
        ) : (
          <>
            <p safe>{t('pulse:staff.answers', { count: overall.respondents })}</p>
            {PULSE_QUESTIONS.map((q) => (
              <QuestionBlock
                ctx={ctx}
                id={`chart-${q}`}
                question={q}
                k={report.k}
                result={overall.questions[q]}
              />
            ))}
            <h3 safe>{t('pulse:staff.comments')}</h3>
            {overall.comments.length === 0 ? (
              <p safe>{t('pulse:staff.noComments')}</p>
            ) : (
              <ul class="pulse-comments">
                {overall.comments.map((c) => (
                  <li safe>{c}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="pulse-by-kind">
        <h2 id="pulse-by-kind" safe>
          {t('pulse:staff.byKind')}
        </h2>
        <GroupTable ctx={ctx} caption={t('pulse:staff.meanCaption')} rows={kindRows} />
        {report.byKind.map(({ kind, group }) =>
          group.suppressed ? (
            ''
          ) : (
            <details class="pulse-distribution">
              <summary safe>{t('pulse:staff.distributionOf', { group: t(`pulse:kinds.${kind}`) })}</summary>
              {PULSE_QUESTIONS.map((q) => (
                <QuestionBlock
                  ctx={ctx}
                  id={`chart-${kind}-${q}`}
                  question={q}
                  k={report.k}
                  result={group.questions[q]}
                />
              ))}
            </details>
          ),
        )}
        <Comments ctx={ctx} groups={kindRows} />
      </section>
      <section aria-labelledby="pulse-by-segment">
        <h2 id="pulse-by-segment" safe>
          {by
            ? t('pulse:staff.bySegment', { attribute: labelIn(by, ctx.locale) })
            : t('pulse:staff.segmentForm')}
        </h2>
        <form method="get" action={path} class="inline">
          <label for="f-by" safe>
            {t('pulse:staff.segmentForm')}
          </label>
          <select id="f-by" name="by">
            <option value="" safe>
              {t('pulse:staff.segmentNone')}
            </option>
            {props.attributes.map((a) => (
              <option value={a.id} selected={a.id === by?.id} safe>
                {labelIn(a, ctx.locale)}
              </option>
            ))}
          </select>
          <button type="submit" class="button secondary" safe>
            {t('pulse:staff.show')}
          </button>
        </form>
        {by ? (
          <>
            <GroupTable ctx={ctx} caption={t('pulse:staff.meanCaption')} rows={segmentRows} />
            <Comments ctx={ctx} groups={segmentRows} />
          </>
        ) : (
          ''
        )}
      </section>
    </StaffLayout>
  );
}
