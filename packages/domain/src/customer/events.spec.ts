import { isLeft } from 'fp-ts/lib/Either.js';
import { createEventRegistry } from '../shared/event-registry.js';
import { CustomerRegisteredV1, customerEventDefinitions, upcastCustomerRegisteredV1 } from './events.js';
import * as t from './testing.js';

const registry = createEventRegistry(customerEventDefinitions);

const v1 = {
  customerId: 'c-legacy',
  companyName: 'Hangzhou Valve Works',
  contactName: 'Zhao Min',
  phone: '0571-8888 1234',
  email: 'zhao.min@example.cn',
  region: 'east',
  ownerRepId: 'rep-1',
  businessScope: 'Industrial valves',
  registeredAt: '2024-05-06T02:00:00Z',
};

describe('Customer event schemas', () => {
  it('write CustomerRegistered at version 2 and the others at version 1', () => {
    expect(registry.versionOf('CustomerRegistered')).toBe(2);
    expect(
      registry.types.filter((type) => type !== 'CustomerRegistered').map((type) => registry.versionOf(type)),
    ).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('upcast a v1 registration (flat contact, no segment) into the v2 shape, segment `unassigned`', () => {
    expect(CustomerRegisteredV1.safeParse(v1).success).toBe(true);
    expect(registry.decode('CustomerRegistered', v1, 1)).toEqual({
      _tag: 'Right',
      right: {
        type: 'CustomerRegistered',
        data: {
          customerId: 'c-legacy',
          companyName: 'Hangzhou Valve Works',
          contact: { name: 'Zhao Min', phone: '0571-8888 1234', email: 'zhao.min@example.cn' },
          region: 'east',
          segment: 'unassigned',
          ownerRepId: 'rep-1',
          size: null,
          businessScope: 'Industrial valves',
          purchasingHabits: null,
          registeredAt: '2024-05-06T02:00:00Z',
        },
      },
    });
  });

  it('read v2 data as is, and refuse v2 data in the v1 shape', () => {
    expect(registry.decode('CustomerRegistered', t.customerRegistered().data, 2)).toEqual({
      _tag: 'Right',
      right: t.customerRegistered(),
    });
    const result = registry.decode('CustomerRegistered', v1, 2);
    expect(isLeft(result) && result.left.code).toBe('EVENT_DATA_INVALID');
  });

  it('refuse a v1 record that is not an object or lacks the contact, naming the field', () => {
    expect(upcastCustomerRegisteredV1(null)).toMatchObject({ segment: 'unassigned' });
    const { contactName: _name, ...noName } = v1;
    const result = registry.decode('CustomerRegistered', noName, 1);
    expect(isLeft(result) && result.left.details?.['issues']).toEqual([
      { path: 'contact.name', message: 'Invalid input: expected string, received undefined' },
    ]);
  });

  it('decode every event the factories build', () => {
    const events = [
      t.customerRegistered(),
      t.contactChanged(),
      t.reassigned(),
      t.creditLimitSet(),
      t.surveyRecorded(),
      t.personalDataForgotten(),
      t.deactivated(),
    ];
    for (const event of events)
      expect(
        registry.decode(event.type, JSON.parse(JSON.stringify(event.data)), registry.versionOf(event.type) ?? 0),
      ).toEqual({ _tag: 'Right', right: event });
  });
});
