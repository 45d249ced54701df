import { Controller, Inject } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@salesbook/eventstore';
import type { ProjectionHost } from '@salesbook/projections';
import { Route } from '../http/route-spec.js';
import type { ApiConfig } from '../config/config.js';
import { API_CONFIG, EVENT_STORE, PROJECTION_RUNNER } from '../infrastructure/tokens.js';
import { OrderToReceivablePolicy } from '../policies/order-to-receivable.policy.js';
import { WebhookDispatcher } from '../webhooks/dispatcher.js';
import { operationRoutes as routes } from './operations.routes.js';

/** Liveness, readiness (store and projections; 503 when not ready; policies' lag and parked events shown) and projection and policy status. */
@Controller()
export class OperationsController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionHost,
    private readonly policy: OrderToReceivablePolicy,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  @Route(routes.health) live() {
    return this.health.check([
      () => {
        // A subscription restarting for longer than the bound will not come back by itself: let the orchestrator restart us.
        const session = this.indicators.check('subscriptions');
        const since = [this.runner.downSince(), this.policy.downSince()].filter((value) => value !== undefined);
        const down = since.length === 0 ? 0 : Date.now() - Math.min(...since);
        if (down <= this.config.maxDownMs) return session.up();
        return session.down({
          message: `a subscription has been down for ${down} ms (bound ${this.config.maxDownMs} ms, SALESBOOK_MAX_DOWN_MS)`,
        });
      },
    ]);
  }

  @Route(routes.ready) ready() {
    return this.health.check([
      async () => {
        const session = this.indicators.check('eventStore');
        try {
          const head = await this.store.headPosition();
          return session.up({ head: head === undefined ? null : head.toString() });
        } catch (error) {
          return session.down({ message: error instanceof Error ? error.message : 'unavailable' });
        }
      },
      async () => {
        const session = this.indicators.check('projections');
        const readiness = await this.runner.readiness();
        return readiness.ready ? session.up() : session.down({ reasons: readiness.reasons });
      },
      async () => {
        // Parked events are shown, not gating: a parked refusal needs a person, and taking the instance out of
        // service would not help it. A subscription being restarted gates: the policy is not acting meanwhile.
        const { name, lag, parked, retrying } = await this.policy.status();
        const session = this.indicators.check('policies');
        if (retrying !== null) return session.down({ [name]: { lag, parked: parked.length, resubscribing: retrying } });
        return session.up({ [name]: { lag, parked: parked.length } });
      },
    ]);
  }

  @Route(routes.projections) async projections() {
    return {
      projections: await this.runner.status(),
      policies: [await this.policy.status()],
      webhooks: this.webhooks.status(),
    };
  }
}
