import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import {
  ApprovedStatementFigures,
  commissionStatementDecider,
  commissionStatementEventRegistry,
  commissionStatementStream,
  type CommandPayload,
  type CommissionStatementCommand,
} from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { statementToApprove, type ProjectionHost } from '@salesbook/projections';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE, PROJECTION_RUNNER, READ_MODELS } from '../infrastructure/tokens.js';

/** A CommissionStatement command on the CommandBus: one of its payloads (an approval's figures are added here). */
export class CommissionStatementCommandMessage extends AggregateCommand<CommandPayload<CommissionStatementCommand>> {}

/** Decides CommissionStatement commands on `statement-<month>`; an approval gets the month's statement as it stands now. */
@CommandHandler(CommissionStatementCommandMessage)
export class CommissionStatementCommandHandler implements ICommandHandler<CommissionStatementCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    @Inject(READ_MODELS) private readonly db: Database.Database,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionHost,
  ) {}

  async execute({ request }: CommissionStatementCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const target = {
      decider: commissionStatementDecider,
      registry: commissionStatementEventRegistry,
      streamName: commissionStatementStream(payload.data.month),
    };
    const write = { store: this.store, codec: this.codec };
    if (payload.type === 'ApproveCommissionStatement') {
      const figures = this.figuresOf(payload.data.month);
      return runCommand(write, target, request, { command: { ...payload, metadata, access, inputs: { figures } } });
    }
    return runCommand(write, target, request, { command: { ...payload, metadata, access } });
  }

  /** The statement as the report answers it now, in the event's terms: what the approval freezes. */
  private figuresOf(month: string): ApprovedStatementFigures {
    const read = statementToApprove(this.db, (name) => this.runner.freshness(name).lag, month);
    const rows = read.rows.map((row) => ({
      repId: row.rep_id,
      region: row.region,
      planId: row.plan_id,
      planVersion: row.plan_version,
      currency: row.currency,
      base: row.base,
      target: row.target,
      attainmentBps: row.attainment_bps,
      tier: row.tier,
      rateBps: row.rate_bps,
      commission: row.commission,
      clawbacks: row.clawbacks,
      total: row.total,
    }));
    return ApprovedStatementFigures.parse({ rows, included: read.included, position: read.position });
  }
}
