import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LANG_COOKIE } from '../../platform/http/request-context.js';
import type { Locale } from '../../platform/i18n.js';
import { publicPostLimit } from '../../platform/http/security.js';
import { formToInput } from '../../platform/validation.js';
import { pageContext, sendPage } from '../../ui/page-context.js';
import { getOrganizationBySlug } from '../organizations/get-organization.js';
import { participantIdFrom } from '../participants/participant-cookie.js';
import { changeMyFollowUpMail } from './change-my-follow-up-mail.js';
import { getMyParticipation } from './get-my-participation.js';
import { myParticipationPath, unsubscribePath } from './paths.js';
import { checkUnsubscribeLink, unsubscribeWithLink } from './unsubscribe.js';
import { MyParticipationPage } from './views/my-participation-page.js';
import { UnsubscribePage } from './views/unsubscribe-page.js';

type OrgParams = { Params: { org: string }; Querystring: { notice?: string } };
type TokenParams = { Params: { org: string; token: string } };

const NOTICES = ['mailOn', 'mailOff'] as const;

/** Personal pages must not linger in shared caches or the back-forward cache of a library PC. */
function privatePage(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

/**
 * Someone following a mail's link may be on any device: unless they chose a language here, the page
 * speaks the language their mail was written in.
 */
function speakTheMailsLanguage(req: FastifyRequest, locale: Locale | null): void {
  if (!locale || req.cookies[LANG_COOKIE]) return;
  req.locale = locale;
  req.t = req.server.deps.i18n.getFixedT(locale);
}

/** Participant pages: "My participation" (behind the participant cookie) and the unsubscribe link (no sign-in). */
export async function followUpPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps;
  const limit = publicPostLimit(config.rateLimitPerMinute);

  app.get<OrgParams>('/o/:org/me/participation', async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    // Showing news tells it: the page marks what it shows as told, so it writes in a transaction.
    const data = await db
      .transaction()
      .execute((trx) => getMyParticipation(trx, org.id, participantIdFrom(req)));
    const notice = (NOTICES as readonly unknown[]).includes(req.query.notice)
      ? req.t(`followUp:notice.${req.query.notice}`)
      : undefined;
    privatePage(reply);
    return sendPage(reply, MyParticipationPage({ ctx: pageContext(req, reply), org, data, notice }));
  });

  app.post<OrgParams>('/o/:org/me/participation/mail', { config: limit }, async (req, reply) => {
    const input = formToInput(req.body);
    const org = await getOrganizationBySlug(db, req.params.org);
    const mail = await db
      .transaction()
      .execute((trx) => changeMyFollowUpMail(trx, org.id, participantIdFrom(req), input));
    return reply.redirect(
      `${myParticipationPath(org.slug)}?notice=${mail === 'on' ? 'mailOn' : 'mailOff'}`,
      303,
    );
  });

  app.get<TokenParams>('/o/:org/unsubscribe/:token', async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const link = await checkUnsubscribeLink(db, config.sessionSecret, org.id, req.params.token);
    speakTheMailsLanguage(req, link.locale);
    privatePage(reply);
    return sendPage(
      reply,
      UnsubscribePage({
        ctx: pageContext(req, reply),
        org,
        token: req.params.token,
        state: link.unsubscribed ? 'done' : 'confirm',
      }),
    );
  });

  app.post<TokenParams>('/o/:org/unsubscribe/:token', { config: limit }, async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    await db
      .transaction()
      .execute((trx) => unsubscribeWithLink(trx, config.sessionSecret, org.id, req.params.token));
    return reply.redirect(unsubscribePath(org.slug, req.params.token), 303);
  });
}
