import { Controller, Inject, Req } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { FastifyRequest } from 'fastify';
import { domainError, type CommandPayload, type WebhookCommand } from '@salesbook/domain';
import type { WebhookSubscriptionRow } from '@salesbook/projections';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import type { ApiConfig } from '../config/config.js';
import { toHttpException, reply } from '../http/failures.js';
import { Input, readCommand, type RouteInput } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { API_CONFIG, READ_MODELS } from '../infrastructure/tokens.js';
import { subscriptionSecret } from './signing.js';
import { WebhookCommandMessage } from './webhooks.handlers.js';
import { webhookRoutes as routes } from './webhooks.routes.js';

const listed = (row: WebhookSubscriptionRow) => ({
  subscriptionId: row.subscription_id,
  url: row.url,
  kinds: JSON.parse(row.kinds) as string[],
  region: row.region,
  subscribedBy: row.subscribed_by,
  subscribedAt: row.subscribed_at,
  cancelledAt: row.cancelled_at,
});

/** Webhook subscriptions over HTTP: sales managers make and cancel them; the secret is derived on request. */
@Controller()
export class WebhooksController {
  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODELS) private readonly db: Database.Database,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  private async send<P extends CommandPayload<WebhookCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), WebhookCommandMessage));
  }

  @Route(routes.subscribe) subscribe(@Req() request: FastifyRequest) {
    return this.send(routes.subscribe, request);
  }
  @Route(routes.cancel) cancel(@Req() request: FastifyRequest) {
    return this.send(routes.cancel, request);
  }
  // @Input validates the (empty) query: an unknown parameter is a 400, as on every route.
  @Route(routes.list) list(@Input() _input: RouteInput) {
    const rows = this.db
      .prepare('SELECT * FROM webhook_subscriptions ORDER BY subscription_id')
      .all() as WebhookSubscriptionRow[];
    return { subscriptions: rows.map(listed) };
  }
  @Route(routes.secret) secret(@Input() input: RouteInput) {
    const { id } = input.params as { id: string };
    const key = this.config.alerts.webhookKey;
    if (key === undefined)
      throw toHttpException({
        kind: 'domain',
        error: domainError(
          'WEBHOOKS_DISABLED',
          'SALESBOOK_WEBHOOK_KEY is not set: webhooks are neither signed nor delivered',
        ),
      });
    const known = this.db.prepare('SELECT 1 FROM webhook_subscriptions WHERE subscription_id = ?').get(id);
    if (known === undefined)
      throw toHttpException({
        kind: 'domain',
        error: domainError('WEBHOOK_NOT_FOUND', `subscription ${id} does not exist`),
      });
    return {
      subscriptionId: id,
      secret: subscriptionSecret(key, id),
      algorithm: 'v1=hex(HMAC-SHA256(secret, "<X-Salesbook-Timestamp>.<X-Salesbook-Delivery>.<raw body>"))',
    };
  }
}
