import QRCode from 'qrcode';
import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { publicSurveyPath, requireLiveSurvey } from './published-survey.js';
import { surveyRules } from './surveys.policy.js';
import { surveyTitle } from './views/respond-pages.js';

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A QR code (SVG) of a published survey's public link, for posters. It carries a `<title>` naming
 * the survey and the link, so a screen reader (or someone who cannot scan it) gets the address.
 */
export async function surveyQrSvg(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
  publicUrl: string,
  locale: string,
): Promise<{ svg: string; url: string }> {
  const live = await requireLiveSurvey(db, actor, surveyId, surveyRules.view);
  const url = `${publicUrl}${publicSurveyPath(live.org.slug, live.initiative.slug, live.survey.id)}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  const title = `${surveyTitle(live.survey, locale)}: ${url}`;
  const labelled = svg.replace(
    /<svg\b([^>]*)>/,
    (_m, attrs: string) =>
      `<svg${attrs} role="img" aria-labelledby="qr-title"><title id="qr-title">${xml(title)}</title>`,
  );
  return { svg: labelled, url };
}
