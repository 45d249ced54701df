import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { Actor, answerableInvitation, type CampaignAnswer, type InvitationId } from '@salesbook/domain';
import { StoreUnavailableError } from '@salesbook/eventstore';
import { businessDate } from '@salesbook/projections';
import { CommandGateway } from '../commands/command-gateway.js';
import type { ApiConfig } from '../config/config.js';
import { localeOf, type ApiLocale } from '../i18n/locale.js';
import { API_CONFIG, CLOCK, type Clock } from '../infrastructure/tokens.js';
import { STORE_RETRY_AFTER_SECONDS } from '../http/failures.js';
import { headerOf } from '../http/request.js';
import { readPublicAnswer } from './public-survey.answer.js';
import { formPage, refusalPage, thanksPage } from './public-survey.page.js';
import { REFUSAL_STATUS, type PageRefusal } from './public-survey.texts.js';
import { CampaignAnswerMessage } from './survey-answers.handlers.js';
import { SurveyCampaignReader } from './survey-campaign-reader.js';
import { surveyCampaignRoutes } from './survey-campaigns.routes.js';
import { verifySurveyLink } from './survey-link-token.js';

/** Who records an answer given through a link: the system, on the customer's behalf (no login on the page). */
const LINK_ACTOR: Actor = Actor.parse({ id: 'survey-link', role: 'system' });

/** The page of a refusal a domain code stands for. */
const refusalOf = (code: string): PageRefusal =>
  code === 'CUSTOMER_SURVEY_ALREADY_ANSWERED'
    ? 'answered'
    : code === 'CAMPAIGN_NOT_OPEN'
      ? 'not-open'
      : code.endsWith('_NOT_FOUND')
        ? 'unknown'
        : 'unavailable';

/**
 * The public survey page `/s/:token`, outside the route table (no login, not in the OpenAPI document): the form of one
 * invitation (the company's name and the questions), and its one answer. The token is checked before anything is read,
 * so a forged link gets the same page whatever it names; every refusal is a page with its own status, never JSON, a
 * store that is away included (503 with Retry-After).
 */
@Controller('s')
export class PublicSurveyController {
  constructor(
    private readonly reader: SurveyCampaignReader,
    private readonly commands: CommandGateway,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':token') async form(@Param('token') token: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const locale = localeOf(headerOf(request, 'accept-language'));
    return this.unlessStoreAway(reply, locale, async () => {
      const found = await this.invitation(token);
      if (found._tag === 'Left') return this.refuse(reply, locale, found.left);
      return this.send(reply, locale, 200, formPage(locale, found.right.companyName));
    });
  }

  @Post(':token') async answer(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const locale = localeOf(headerOf(request, 'accept-language'));
    return this.unlessStoreAway(reply, locale, async () => {
      const found = await this.invitation(token);
      if (found._tag === 'Left') return this.refuse(reply, locale, found.left);
      const form = (headerOf(request, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded');
      const answer = readPublicAnswer(request.body, form);
      if (!answer.success)
        return this.send(reply, locale, 400, formPage(locale, found.right.companyName, 'invalid-answer'));
      const recorded = await this.record(found.right.invitationId, answer.data);
      if (recorded._tag === 'Left') return this.refuse(reply, locale, recorded.left);
      return this.send(reply, locale, 201, thanksPage(locale));
    });
  }

  /** Runs a page's work; an event or key store that is away gets the page saying so, not the API's JSON 503. */
  private async unlessStoreAway(
    reply: FastifyReply,
    locale: ApiLocale,
    work: () => Promise<FastifyReply>,
  ): Promise<FastifyReply> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      return this.refuse(reply, locale, 'store-unavailable');
    }
  }

  private refuse(reply: FastifyReply, locale: ApiLocale, refusal: PageRefusal): FastifyReply {
    if (refusal === 'store-unavailable') void reply.header('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
    return this.send(reply, locale, REFUSAL_STATUS[refusal], refusalPage(locale, refusal));
  }

  /** The invitation a token names and the invited company's name, or why the page takes no answer. */
  private async invitation(
    token: string,
  ): Promise<Either<PageRefusal, { invitationId: InvitationId; companyName: string }>> {
    const now = this.clock();
    const verdict = await verifySurveyLink(this.config.surveyLinkSecret, token, now.getTime());
    if ('refused' in verdict) return left(verdict.refused);
    const campaign = await this.reader.campaignOfInvitation(verdict.invitationId);
    const today = businessDate(now.toISOString(), this.config.timeZone);
    const invitation = answerableInvitation(campaign, verdict.invitationId, today);
    if (invitation._tag === 'Left') return left(refusalOf(invitation.left.code));
    const customer = await this.reader.customer(invitation.right.customerId);
    if (customer.status === 'none') return left('unknown');
    if (customer.surveys[invitation.right.campaign.campaignId] !== undefined) return left('answered');
    if (customer.status !== 'active') return left('unavailable');
    return right({ invitationId: verdict.invitationId, companyName: customer.companyName });
  }

  /** Records the answer as the phone route would, through the link's channel; the decider takes one per invitation. */
  private async record(invitationId: InvitationId, answer: CampaignAnswer): Promise<Either<PageRefusal, true>> {
    const sent = await this.commands.send(
      surveyCampaignRoutes.answer,
      {
        params: { id: invitationId },
        actor: LINK_ACTOR,
        idempotencyKey: undefined,
        expectedRevision: undefined,
        occurredAt: undefined,
        payload: { type: 'RecordCampaignAnswer', data: { ...answer, invitationId, channel: 'link' } },
      },
      CampaignAnswerMessage,
    );
    if (sent._tag === 'Right') return right(true);
    return left(sent.left.kind === 'domain' ? refusalOf(sent.left.error.code) : 'unavailable');
  }

  private send(reply: FastifyReply, locale: ApiLocale, status: number, html: string): FastifyReply {
    return reply
      .status(status)
      .headers({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Language': locale,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'X-Robots-Tag': 'noindex',
        Vary: 'Accept-Language',
      })
      .send(html);
  }
}
