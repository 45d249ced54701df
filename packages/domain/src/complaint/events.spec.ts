import { z } from 'zod';
import { isRight } from 'fp-ts/lib/Either.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEventRegistry } from '../shared/event-registry.js';
import { COMPLAINT_PERSONAL_DATA_FIELDS, complaintEventDefinitions, ComplaintFiled } from './events.js';
import { ev } from './testing.js';

const golden = JSON.parse(readFileSync(join(__dirname, '../../golden/complaint.json'), 'utf8')) as Array<{
  type: string;
  version: number;
  data: unknown;
}>;
const registry = createEventRegistry(complaintEventDefinitions);

describe('complaint events', () => {
  it('decodes every golden event at its version', () => {
    for (const entry of golden) {
      const decoded = registry.decode(entry.type, entry.data, entry.version);
      expect({ type: entry.type, ok: isRight(decoded) }).toEqual({ type: entry.type, ok: true });
    }
  });

  it('has a golden instance of every event type', () => {
    expect(new Set(golden.map((entry) => entry.type))).toEqual(new Set(registry.types));
  });

  it('validates what the factories build', () => {
    for (const event of [
      ev.filed(),
      ev.assigned(),
      ev.acknowledged(),
      ev.investigated(),
      ev.awaiting(),
      ev.responded(),
      ev.escalated(),
      ev.resolved(1, { amount: 5, currency: 'CNY' }),
      ev.closed(),
      ev.reopened(),
    ]) {
      expect(isRight(registry.decode(event.type, event.data, 1))).toBe(true);
    }
  });

  it('refuses a filing without the owner rep', () => {
    const { ownerRepId: _omitted, ...data } = ev.filed().data;
    expect(ComplaintFiled.safeParse(data).success).toBe(false);
  });

  it('names personal-data fields that exist in the schemas', () => {
    for (const [type, fields] of Object.entries(COMPLAINT_PERSONAL_DATA_FIELDS)) {
      const definition = complaintEventDefinitions.find((d) => d.type === type);
      const schema = definition?.schema;
      for (const field of fields ?? [])
        expect(schema instanceof z.ZodObject ? Object.keys(schema.shape) : []).toContain(field);
    }
  });
});
