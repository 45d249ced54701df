import { Inject, Injectable } from '@nestjs/common';
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { canReadPersonalData } from '@salesbook/personal-data';
import {
  domainError,
  streamCategory,
  streamId,
  type Actor,
  type CustomerId,
  type DomainError,
  type StreamCategory,
} from '@salesbook/domain';
import { CustomerLookup } from '../customers/customer-lookup.js';
import { PersonalDataAccess } from '../infrastructure/personal-data-access.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';

/** How a reader sees a stream: personal data opened (and each read logged) or masked. */
export interface StreamAccess {
  readonly codec: EventCodec;
  readonly personalData: 'unmasked' | 'masked';
}

/** The customer whose stream this is (its owner rep and home region now), or none (targets). */
interface StreamOwner {
  readonly ownerRepId: string;
  readonly region: string;
}

/** Categories of streams that belong to one customer. */
const CUSTOMER_STREAMS: readonly StreamCategory[] = ['customer', 'order', 'receivable', 'complaint'];
/** Finance works the collections (customers' contacts, receivables' notes and disputes) and closes the months. */
const FINANCE_STREAMS: readonly StreamCategory[] = ['customer', 'receivable', 'period'];

const refused = (actor: Actor, streamName: string): DomainError =>
  domainError(
    'STREAM_NOT_AUTHORIZED',
    `${actor.role} ${actor.id} may not read ${streamName}: not a stream of their customers`,
    { streamName },
  );

/** A rep's own target: `target-<YYYY-MM>-rep-<their id>`. */
const isOwnTarget = (streamName: string, repId: string): boolean =>
  /^target-\d{4}-\d{2}-rep-(.+)$/.exec(streamName)?.[1] === repId;

/** A field of a stream's first event that is never personal data (`customerId`, `region`), if it is a string. */
const fieldOf = (data: unknown, field: string): string | undefined => {
  const value =
    typeof data === 'object' && data !== null && field in data ? (data as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : undefined;
};

/**
 * Who reads what of the audit routes (docs/data-protection.md, API section). Auditors and the system read every
 * stream with personal data masked. Sales managers read every stream unmasked; finance the customer and
 * receivable streams; a regional manager the streams of their region's customers (and their region's targets); a
 * rep the streams of their own customers (and their own targets): unmasked, every read of personal data logged.
 * Other streams are refused to them (a rep never sees another rep's customers), whether or not they exist: a stream
 * that does not exist has no owner in the reader's scope, so the refusal says nothing about what exists.
 */
@Injectable()
export class AuditAccess {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly customers: CustomerLookup,
    private readonly personalData: PersonalDataAccess,
  ) {}

  async of(actor: Actor, streamName: string, purpose: string): Promise<Either<DomainError, StreamAccess>> {
    if (!canReadPersonalData(actor.role)) return right({ codec: this.personalData.masked(), personalData: 'masked' });
    const unmasked: StreamAccess = {
      codec: this.personalData.unmasked({ actorId: actor.id, role: actor.role, purpose }),
      personalData: 'unmasked',
    };
    const category = streamCategory(streamName);
    if (actor.role === 'sales_manager') return right(unmasked);
    if (actor.role === 'finance')
      return category !== undefined && FINANCE_STREAMS.includes(category)
        ? right(unmasked)
        : left(refused(actor, streamName));
    const allowed =
      category === 'target'
        ? await this.ownsTarget(actor, streamName)
        : await this.ownsCustomerStream(actor, streamName, category);
    return allowed ? right(unmasked) : left(refused(actor, streamName));
  }

  /** A rep their own targets; a regional manager every target of their region (a rep's target records its region). */
  private async ownsTarget(actor: Actor, streamName: string): Promise<boolean> {
    if (actor.role === 'sales_rep') return isOwnTarget(streamName, actor.id);
    return actor.role === 'regional_manager' && fieldOf(await this.firstData(streamName), 'region') === actor.region;
  }

  private async firstData(streamName: string): Promise<unknown> {
    const [first] = await this.store.readStream(streamName, { maxCount: 1 });
    return first?.data;
  }

  private async ownsCustomerStream(
    actor: Actor,
    streamName: string,
    category: StreamCategory | undefined,
  ): Promise<boolean> {
    if (category === undefined || !CUSTOMER_STREAMS.includes(category)) return false;
    const owner = await this.ownerOf(streamName, category);
    if (owner === undefined) return false;
    if (actor.role === 'sales_rep') return owner.ownerRepId === actor.id;
    return actor.role === 'regional_manager' && owner.region === actor.region;
  }

  /** The stream's customer now: the customer stream's own id, else the `customerId` of the stream's first event (not personal data). */
  private async ownerOf(streamName: string, category: StreamCategory): Promise<StreamOwner | undefined> {
    const customerId =
      category === 'customer' ? streamId(streamName) : fieldOf(await this.firstData(streamName), 'customerId');
    if (customerId === undefined) return undefined;
    const view = await this.customers.view(customerId as CustomerId);
    return view === null ? undefined : { ownerRepId: view.ownerRepId, region: view.region };
  }
}
