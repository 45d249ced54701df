import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  monthlyReportDecider,
  monthlyReportEventRegistry,
  monthlyReportStream,
  type CommandPayload,
  type MonthlyReportCommand,
  type MonthlyReportState,
} from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';
import { ReportRows, type MonthlyReportRow } from './monthly-reports.answers.js';
import { ReportFigures } from './report-figures.js';

/** A MonthlyReport command on the CommandBus: one of its payloads (a submission's figures are added here). */
export class MonthlyReportCommandMessage extends AggregateCommand<CommandPayload<MonthlyReportCommand>> {}

/** Decides MonthlyReport commands on `report-<month>-<region>`; a submission gets the region's figures read now. */
@CommandHandler(MonthlyReportCommandMessage)
export class MonthlyReportCommandHandler implements ICommandHandler<MonthlyReportCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    private readonly figures: ReportFigures,
  ) {}

  async execute({ request }: MonthlyReportCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const target = {
      decider: monthlyReportDecider,
      registry: monthlyReportEventRegistry,
      streamName: monthlyReportStream(payload.data.month, payload.data.region),
    };
    const write = { store: this.store, codec: this.codec };
    if (payload.type === 'SubmitMonthlyReport') {
      const figures = this.figures.of(payload.data.month, payload.data.region);
      return runCommand(write, target, request, { command: { ...payload, metadata, access, inputs: { figures } } });
    }
    return runCommand(write, target, request, { command: { ...payload, metadata, access } });
  }
}

/** A region's row of the list: never submitted, or its latest submission. */
export function monthlyReportRow(region: string, state: MonthlyReportState): MonthlyReportRow {
  if (state.status === 'none') {
    return {
      region,
      status: 'none',
      submission: 0,
      commentary: null,
      figures: null,
      submittedBy: null,
      submittedAt: null,
      decidedBy: null,
      decidedAt: null,
      returnReason: null,
    };
  }
  const { status, submission, commentary, figures, submittedBy, submittedAt, decidedBy, decidedAt, returnReason } =
    state;
  const rows = (json: string) => ReportRows.parse(JSON.parse(json));
  const answered = {
    sales: rows(figures.sales),
    collections: rows(figures.collections),
    plan: figures.plan === undefined ? [] : rows(figures.plan),
    position: figures.position,
  };
  return {
    region,
    status,
    submission,
    commentary,
    figures: answered,
    submittedBy,
    submittedAt,
    decidedBy,
    decidedAt,
    returnReason,
  };
}
