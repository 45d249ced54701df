import { left, right, type Either } from 'fp-ts/lib/Either.js';
import {
  domainError,
  type DomainError,
  type EventFieldClassification,
  type PersonalDataOwner,
} from '@salesbook/domain';
import type { Json, NewEvent } from '@salesbook/eventstore';
import type { DataKeyStore } from './data-keys.js';
import { getPath, setPath } from './json-path.js';
import { ERASED_PERSONAL_DATA, isSealed, seal } from './sealed-value.js';

type FieldMap = Readonly<Record<string, EventFieldClassification>>;

/** One personal value to seal: where it is and whose it is. */
interface Pending {
  readonly index: number;
  readonly path: string;
  readonly plaintext: string;
  readonly owner: string;
}

const text = (data: Json, field: string): string | undefined => {
  const value = getPath(data, field);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

/** Subjects (`complaint-<id>`) the batch ties to customers, e.g. by a ComplaintFiled. */
function linksOf(events: readonly NewEvent[], fields: FieldMap): Map<string, string> {
  const links = new Map<string, string>();
  for (const event of events) {
    const link = fields[event.type]?.links;
    const subject = link === undefined ? undefined : text(event.data, link.subjectField);
    const customerId = text(event.data, 'customerId');
    if (link && subject !== undefined && customerId !== undefined)
      links.set(`${link.subjectCategory}-${subject}`, customerId);
  }
  return links;
}

const subjectOf = (owner: PersonalDataOwner, data: Json): string | undefined => {
  if ('customerField' in owner) return undefined;
  const id = text(data, owner.subjectField);
  return id === undefined ? undefined : `${owner.subjectCategory}-${id}`;
};

/** The customer each event's personal data belongs to (through the batch's links, then the key store's). */
async function ownersOf(
  events: readonly NewEvent[],
  fields: FieldMap,
  keys: DataKeyStore,
  links: Map<string, string>,
): Promise<Map<string, string>> {
  const subjects = events.flatMap((event) => {
    const owner = fields[event.type]?.owner;
    const subject = owner === undefined ? undefined : subjectOf(owner, event.data);
    return subject === undefined || links.has(subject) ? [] : [subject];
  });
  const known = subjects.length === 0 ? new Map<string, string>() : await keys.ownersOf([...new Set(subjects)]);
  return new Map([...known, ...links]);
}

/** The personal values of the batch, each with its owner; an event whose owner cannot be told is refused. */
function pendingValues(
  events: readonly NewEvent[],
  fields: FieldMap,
  subjects: Map<string, string>,
): Either<DomainError, Pending[]> {
  const pending: Pending[] = [];
  for (const [index, event] of events.entries()) {
    const entry = fields[event.type];
    if (entry === undefined || entry.personal.length === 0) continue;
    const values = entry.personal.flatMap((path) => {
      const plaintext = text(event.data, path);
      return plaintext === undefined || isSealed(plaintext) ? [] : [{ path, plaintext }];
    });
    if (values.length === 0) continue;
    const owner = entry.owner;
    const subject = owner === undefined ? undefined : subjectOf(owner, event.data);
    const customerId =
      owner === undefined
        ? undefined
        : 'customerField' in owner
          ? text(event.data, owner.customerField)
          : subject && subjects.get(subject);
    if (customerId === undefined) {
      return left(
        domainError(
          'PERSONAL_DATA_OWNER_UNKNOWN',
          `cannot tell whose personal data ${event.type} holds, so it cannot be encrypted`,
          {
            type: event.type,
            eventId: event.eventId,
            subject,
          },
        ),
      );
    }
    pending.push(...values.map((value) => ({ index, ...value, owner: customerId })));
  }
  return right(pending);
}

/**
 * Replaces every personal field of `events` by its sealed form under the owner's data key, or by
 * {@link ERASED_PERSONAL_DATA} when the owner was forgotten (erasure is final: new personal data of a
 * forgotten customer is never stored). Subject links the batch creates are recorded first.
 */
export async function sealEvents(
  events: readonly NewEvent[],
  fields: FieldMap,
  keys: DataKeyStore,
): Promise<Either<DomainError, NewEvent[]>> {
  const links = linksOf(events, fields);
  if (links.size > 0) await keys.linkSubjects(links);
  const pending = pendingValues(events, fields, await ownersOf(events, fields, keys, links));
  if (pending._tag === 'Left') return pending;
  if (pending.right.length === 0) return right([...events]);
  const dataKeys = await keys.keysForWriting([...new Set(pending.right.map((value) => value.owner))]);
  const sealed = [...events];
  for (const value of pending.right) {
    const event = sealed[value.index];
    const key = dataKeys.get(value.owner);
    if (event === undefined || key === undefined) {
      return left(
        domainError('PERSONAL_DATA_KEY_UNAVAILABLE', `the key store gave no key for customer ${value.owner}`, {
          customerId: value.owner,
        }),
      );
    }
    const stored = key === 'forgotten' ? ERASED_PERSONAL_DATA : seal(value.plaintext, key, event.eventId, value.path);
    sealed[value.index] = { ...event, data: setPath(event.data, value.path, stored) };
  }
  return right(sealed);
}
