import type { Translate } from '../../platform/i18n.js';
import type { InitiativeContributions } from './contributions.js';

/** What a digest mail says, in the contributor's language. */
export interface DigestMail {
  subject: string;
  text: string;
}

/**
 * Writes one contributor's digest: each contribution with news and what became of it (decision,
 * status, the reason when not adopted), a link to "My participation" and the unsubscribe link.
 * Plain text only: no HTML, so no tracking pixels and nothing remote to load.
 */
export function writeDigestMail(
  t: Translate,
  values: {
    organization: string;
    pseudonym: string;
    initiatives: readonly InitiativeContributions[];
    myParticipationUrl: string;
    unsubscribeUrl: string;
  },
): DigestMail {
  const lines: string[] = [
    t('followUp:mail.greeting', { name: values.pseudonym }),
    '',
    t('followUp:mail.intro', { organization: values.organization }),
  ];
  for (const group of values.initiatives) {
    lines.push('', group.title, '-'.repeat(Math.min(group.title.length, 60)));
    for (const c of group.contributions) {
      lines.push(t('followUp:mail.contribution', { label: c.label, kind: t(`followUp:kinds.${c.kind}`) }));
      for (const o of c.outcomes) {
        lines.push(
          t('followUp:mail.outcome', { decision: o.title, status: t(`followUp:status.${o.status}`) }),
        );
        if (o.status === 'not_adopted' && o.notAdoptedReason)
          lines.push(t('followUp:mail.reason', { reason: o.notAdoptedReason }));
      }
    }
  }
  lines.push(
    '',
    t('followUp:mail.seeAll', { url: values.myParticipationUrl }),
    '',
    '-- ',
    t('followUp:mail.why', { organization: values.organization }),
    t('followUp:mail.unsubscribe', { url: values.unsubscribeUrl }),
  );
  return {
    subject: t('followUp:mail.subject', { organization: values.organization }),
    text: lines.join('\n'),
  };
}
