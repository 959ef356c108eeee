// The came-back report of a campaign sent in the past, through the use cases on both engines:
// activity inside the 30-day window counts even when later activity hides it from "latest activity".

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { buildCampaign, buildLapsedParticipant } from '../../../test/support/engagement-factory.js';
import { ideaInput } from '../../../test/support/idea-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { AppError } from '../../platform/errors.js';
import { postParticipantIdea } from '../ideas/post-idea.js';
import { getCampaign, listCampaigns } from './get-campaign.js';
import { sendCampaign } from './send-campaign.js';

const DAY = 24 * 60 * 60 * 1000;

describe.each(engines)('campaign report on %s', (engine) => {
  let s: InterviewsSetup;
  beforeAll(async () => {
    s = await setUpInterviews(engine);
  });
  afterAll(async () => s.t.close());

  const mail = () => ({
    publicUrl: 'http://localhost:3000',
    translatorFor: (l: 'en' | 'da') => s.t.app.deps.i18n.getFixedT(l),
  });

  /** Posts an idea as the participant and moves it to `at`. */
  async function ideaAt(participantId: string, at: Date): Promise<void> {
    const idea = await postParticipantIdea(s.t.db, s.org.id, s.initiative.slug, participantId, ideaInput());
    await s.t.db
      .updateTable('ideas')
      .set({ created_at: at.toISOString() })
      .where('id', '=', idea.id)
      .execute();
  }

  it('counts activity inside the window, not before the send nor after the window', async () => {
    const admin = actorOf(s.staff.admin);
    const [inWindowThenLater, onlyLater, before, silent] = [
      await buildLapsedParticipant(s.t.db, admin, s.initiative, { daysAgo: 200 }),
      await buildLapsedParticipant(s.t.db, admin, s.initiative, { daysAgo: 200 }),
      await buildLapsedParticipant(s.t.db, admin, s.initiative, { daysAgo: 200, locale: 'da' }),
      await buildLapsedParticipant(s.t.db, admin, s.initiative, { daysAgo: 200, locale: 'da' }),
    ];
    const sentAt = new Date(Date.now() - 60 * DAY);
    const campaign = await buildCampaign(s.t.db, actorOf(s.staff.facilitator));
    const sent = await sendCampaign(s.t.db, actorOf(s.staff.facilitator), campaign.id, mail(), sentAt);
    expect(sent).toBe(4);

    await ideaAt(inWindowThenLater.id, new Date(sentAt.getTime() + 5 * DAY));
    await ideaAt(inWindowThenLater.id, new Date(sentAt.getTime() + 45 * DAY));
    await ideaAt(onlyLater.id, new Date(sentAt.getTime() + 31 * DAY));
    await ideaAt(before.id, new Date(sentAt.getTime() - 1 * DAY));
    expect(silent).toBeDefined();

    const { report } = await getCampaign(s.t.db, actorOf(s.staff.analyst), campaign.id);
    expect(report).toMatchObject({
      total: { recipients: 4, cameBack: 1 },
      byLocale: { en: { recipients: 2, cameBack: 1 }, da: { recipients: 2, cameBack: 0 } },
      erased: 0,
      windowOpen: false,
    });
    const listed = await listCampaigns(s.t.db, actorOf(s.staff.analyst));
    expect(listed.find((c) => c.campaign.id === campaign.id)?.report?.total).toEqual({
      recipients: 4,
      cameBack: 1,
    });
  });

  it('refuses a second send, a campaign of another organization and roles that may not send', async () => {
    const campaign = await buildCampaign(s.t.db, actorOf(s.staff.admin));
    await buildLapsedParticipant(s.t.db, actorOf(s.staff.admin), s.initiative);
    await sendCampaign(s.t.db, actorOf(s.staff.admin), campaign.id, mail());
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'sent',
        (e: unknown) => (e instanceof AppError ? e.code : 'other'),
      );
    expect(await codeOf(sendCampaign(s.t.db, actorOf(s.staff.admin), campaign.id, mail()))).toBe(
      'campaign_already_sent',
    );
    expect(await codeOf(sendCampaign(s.t.db, actorOf(s.otherAdmin), campaign.id, mail()))).toBe('not_found');
    expect(await codeOf(sendCampaign(s.t.db, actorOf(s.staff.analyst), campaign.id, mail()))).toBe(
      'forbidden',
    );
  });
});
