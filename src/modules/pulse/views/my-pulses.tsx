import { PULSE_QUESTIONS } from '../../../analysis/pulse/index.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { MyPulse } from '../participant-pulses.js';

/**
 * The pulses a participant answered, on their "My data" page (the participants module places it);
 * everything is also in their download. Nothing is shown when there is none.
 */
export function MyPulsesSection({ ctx, pulses }: { ctx: PageContext; pulses: MyPulse[] }): JSX.Element {
  if (pulses.length === 0) return <></>;
  const t = ctx.t;
  return (
    <section aria-labelledby="my-pulses-title">
      <h2 id="my-pulses-title" safe>
        {t('pulse:me.title')}
      </h2>
      <ul>
        {pulses.map((p) => {
          const answers = PULSE_QUESTIONS.filter((q) => p[q] !== null)
            .map((q) => `${t(`pulse:questions.${q}`)} ${p[q]} – ${t(`pulse:scale.${q}.${p[q]}`)}`)
            .join('; ');
          return <li safe>{`${t(`pulse:kinds.${p.activityKind}`)}: ${answers}`}</li>;
        })}
      </ul>
    </section>
  );
}
