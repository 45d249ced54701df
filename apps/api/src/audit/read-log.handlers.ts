import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PersonalDataRead } from '@salesbook/personal-data';
import { PersonalDataAccess } from '../infrastructure/personal-data-access.js';
import type { PersonalDataReadsQuery as Filter } from './audit.routes.js';

/** The personal data read log, oldest first; `truncated` when more reads matched than `maxCount`. */
export class PersonalDataReadsQuery extends Query<{ reads: PersonalDataRead[]; truncated: boolean }> {
  constructor(readonly filter: Filter) {
    super();
  }
}

// The log's times are `toISOString()` (milliseconds); a query's `...:00Z` is brought to the same form so text order is time order.
const normalized = (time: string | undefined): string | undefined =>
  time === undefined ? undefined : new Date(time).toISOString();

@QueryHandler(PersonalDataReadsQuery)
export class PersonalDataReadsHandler implements IQueryHandler<PersonalDataReadsQuery> {
  constructor(private readonly personalData: PersonalDataAccess) {}

  async execute({ filter }: PersonalDataReadsQuery) {
    const since = normalized(filter.from);
    const until = normalized(filter.to);
    const listed = await this.personalData.reads.list({
      ...(filter.customerId === undefined ? {} : { customerId: filter.customerId }),
      ...(filter.readerId === undefined ? {} : { actorId: filter.readerId }),
      ...(since === undefined ? {} : { since }),
    });
    const matching = until === undefined ? listed : listed.filter((read) => read.at <= until);
    const maxCount = filter.maxCount ?? 1_000;
    return { reads: matching.slice(0, maxCount), truncated: matching.length > maxCount };
  }
}
