import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import type { Actor } from '../shared/actors.js';
import type { ActorId, RegionId, SubscriptionId } from '../shared/ids.js';
import { registeredAccess } from '../testing/access.js';
import { SubscribeWebhook, type WebhookCommand } from './commands.js';
import { webhookDecider } from './decide.js';
import type { WebhookEvent } from './events.js';

const at = '2026-04-01T08:00:00.000Z';
const who = (id: string, role: Actor['role'], region?: string): Actor => ({
  id: id as ActorId,
  role,
  ...(region === undefined ? {} : { region: region as RegionId }),
});
const manager = who('sm-1', 'sales_manager');
const subscribe = {
  subscriptionId: 'ops' as SubscriptionId,
  url: 'https://hooks.example.com/salesbook',
  kinds: ['order_late' as const],
  region: 'east' as RegionId,
};

const run = (
  type: WebhookCommand['type'],
  data: Record<string, unknown>,
  actor = manager,
  history: readonly WebhookEvent[] = [],
) => {
  const state = history.reduce(webhookDecider.evolve, webhookDecider.initialState());
  // The schemas checked `data` on the way in; the spec passes valid data of the named command.
  const command = { type, data, metadata: { actor, occurredAt: at }, access: registeredAccess(actor) } as Parameters<
    typeof webhookDecider.decide
  >[0];
  return webhookDecider.decide(command, state);
};
const subscribed: WebhookEvent = {
  type: 'WebhookSubscribed',
  data: { ...subscribe, subscribedBy: manager.id, subscribedAt: at },
};

describe('webhook subscription decider', () => {
  it('records a sales manager subscription with who and when', () => {
    expect(run('SubscribeWebhook', subscribe)).toEqual({ _tag: 'Right', right: [subscribed] });
  });

  it('refuses every other role with FORBIDDEN_SCOPE, and a manager the register does not know', () => {
    for (const actor of [
      who('rm-east', 'regional_manager', 'east'),
      who('rep-1', 'sales_rep', 'east'),
      who('fin-1', 'finance'),
      who('an-1', 'market_analyst'),
    ]) {
      const result = run('SubscribeWebhook', subscribe, actor);
      expect(isLeft(result) && result.left.code).toBe('FORBIDDEN_SCOPE');
    }
    const state = webhookDecider.initialState();
    const unknown = webhookDecider.decide(
      {
        type: 'SubscribeWebhook',
        data: SubscribeWebhook.parse(subscribe),
        metadata: { actor: manager, occurredAt: at },
        access: { actor: null },
      },
      state,
    );
    expect(isLeft(unknown) && unknown.left.code).toBe('ACTOR_NOT_REGISTERED');
  });

  it('treats the same subscription again as a no-op and another under its id as a conflict', () => {
    expect(run('SubscribeWebhook', subscribe, manager, [subscribed])).toEqual({ _tag: 'Right', right: [] });
    const other = run('SubscribeWebhook', { ...subscribe, url: 'https://elsewhere.example.com/' }, manager, [
      subscribed,
    ]);
    expect(isLeft(other) && other.left.code).toBe('WEBHOOK_ALREADY_SUBSCRIBED');
  });

  it('cancels once; an unknown subscription is not found', () => {
    const cancelled = run('CancelWebhookSubscription', { subscriptionId: 'ops' }, manager, [subscribed]);
    expect(cancelled).toEqual({
      _tag: 'Right',
      right: [
        { type: 'WebhookSubscriptionCancelled', data: { subscriptionId: 'ops', cancelledBy: 'sm-1', cancelledAt: at } },
      ],
    });
    const history = isRight(cancelled) ? [subscribed, ...cancelled.right] : [];
    expect(run('CancelWebhookSubscription', { subscriptionId: 'ops' }, manager, history)).toEqual({
      _tag: 'Right',
      right: [],
    });
    const missing = run('CancelWebhookSubscription', { subscriptionId: 'nope' });
    expect(isLeft(missing) && missing.left.code).toBe('WEBHOOK_NOT_FOUND');
  });

  it('validates urls and kinds at the schema', () => {
    const issues = (data: unknown) => SubscribeWebhook.safeParse(data).error?.issues.map((issue) => issue.message);
    expect(issues({ ...subscribe, url: 'ftp://example.com/' })).toEqual(['url must be an http or https URL']);
    expect(issues({ ...subscribe, url: 'https://user:pw@example.com/' })).toEqual([
      'url must not carry a user or password',
    ]);
    expect(issues({ ...subscribe, kinds: [] })).toEqual(['kinds must not be empty']);
    expect(issues({ ...subscribe, kinds: ['order_late', 'order_late'] })).toEqual(['kinds must not repeat a kind']);
    expect(issues({ ...subscribe, kinds: ['weather'] })?.[0]).toMatch(/^must be one of sla_acknowledge_due/);
  });
});
