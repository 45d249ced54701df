import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { WithAccess } from '../shared/access.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/domain-error.js';
import { webhookAccess } from './access.js';
import type { CancelWebhookSubscriptionCommand, SubscribeWebhookCommand, WebhookCommand } from './commands.js';
import type { WebhookEvent } from './events.js';
import { evolve, initialState, type WebhookState } from './state.js';

/** Stable codes of the webhook decider's refusals. */
export type WebhookErrorCode = 'WEBHOOK_ALREADY_SUBSCRIBED' | 'WEBHOOK_NOT_FOUND';

/** A refusal of the webhook decider. */
export type WebhookError = DomainError<WebhookErrorCode>;

const refuse = (code: WebhookErrorCode, message: string): Either<WebhookError, never> =>
  left(domainError(code, message));

/** Subscribes once; the same subscription again is a no-op, another one under the same id is refused. */
function subscribeWebhook(
  { data, metadata }: SubscribeWebhookCommand,
  state: WebhookState,
): Either<WebhookError, readonly WebhookEvent[]> {
  const region = data.region ?? null;
  if (state.status !== 'none') {
    const same =
      state.status === 'active' &&
      state.url === data.url &&
      state.region === region &&
      state.kinds.join() === data.kinds.join();
    return same
      ? right([])
      : refuse(
          'WEBHOOK_ALREADY_SUBSCRIBED',
          `subscription ${data.subscriptionId} already exists; cancel it and subscribe under a new id`,
        );
  }
  return right([
    {
      type: 'WebhookSubscribed',
      data: { ...data, region, subscribedBy: metadata.actor.id, subscribedAt: metadata.occurredAt },
    },
  ]);
}

/** Cancels an active subscription; cancelling again is a no-op. */
function cancelWebhookSubscription(
  { data, metadata }: CancelWebhookSubscriptionCommand,
  state: WebhookState,
): Either<WebhookError, readonly WebhookEvent[]> {
  if (state.status === 'none') return refuse('WEBHOOK_NOT_FOUND', `subscription ${data.subscriptionId} does not exist`);
  if (state.status === 'cancelled') return right([]);
  return right([
    {
      type: 'WebhookSubscriptionCancelled',
      data: { subscriptionId: data.subscriptionId, cancelledBy: metadata.actor.id, cancelledAt: metadata.occurredAt },
    },
  ]);
}

/** Decides a webhook command: access rules first, then the state. */
function decide(
  command: WithAccess<WebhookCommand>,
  state: WebhookState,
): Either<DomainError, readonly WebhookEvent[]> {
  const allowed = webhookAccess(command);
  if (isLeft(allowed)) return allowed;
  switch (command.type) {
    case 'SubscribeWebhook':
      return subscribeWebhook(command, state);
    case 'CancelWebhookSubscription':
      return cancelWebhookSubscription(command, state);
    default:
      return assertNever(command);
  }
}

/** A webhook subscription (stream `webhook-<id>`, see `webhookStream`) as a decider. */
export const webhookDecider: Decider<WithAccess<WebhookCommand>, WebhookEvent, WebhookState> = {
  initialState,
  decide,
  evolve,
};
