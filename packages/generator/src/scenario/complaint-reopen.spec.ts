import type { GeneratedEvent } from '../activity.js';
import { generateActivity } from '../generate.js';
import type { GeneratorOptions } from '../options.js';

/** A data field of a generated event (GeneratedEvent's data is not narrowed by its type). */
const field = (event: GeneratedEvent, key: string): string => String((event.data as Record<string, unknown>)[key]);

interface Reopen {
  readonly complaintId: string;
  readonly reopenedBy: string;
  /** The customer's owner rep when the complaint was filed (whose record the reopening speaks for). */
  readonly ownerAtFiling: string;
  /** The customer's owner rep when it was reopened. */
  readonly ownerNow: string;
  readonly region: string;
}

/** Every reopening of a run, with the customer's owner rep at filing and at reopening, in log order. */
function reopensOf(options: GeneratorOptions): Reopen[] {
  const owners = new Map<string, string>();
  const filed = new Map<string, { customerId: string; ownerRepId: string; region: string }>();
  const reopens: Reopen[] = [];
  for (const batch of generateActivity(options))
    for (const event of batch.commands.flatMap((command) => command.events)) {
      if (event.type === 'CustomerRegistered') owners.set(field(event, 'customerId'), field(event, 'ownerRepId'));
      if (event.type === 'CustomerReassigned') owners.set(field(event, 'customerId'), field(event, 'toRepId'));
      if (event.type === 'ComplaintFiled') {
        const [customerId, ownerRepId, region] = ['customerId', 'ownerRepId', 'region'].map((k) => field(event, k));
        filed.set(field(event, 'complaintId'), { customerId: customerId!, ownerRepId: ownerRepId!, region: region! });
      }
      if (event.type !== 'ComplaintReopened') continue;
      const complaintId = field(event, 'complaintId');
      const complaint = filed.get(complaintId);
      if (complaint === undefined) throw new Error(`${complaintId} was reopened but never filed`);
      const ownerNow = owners.get(complaint.customerId) ?? '';
      const { ownerRepId: ownerAtFiling, region } = complaint;
      reopens.push({ complaintId, reopenedBy: field(event, 'reopenedBy'), ownerAtFiling, ownerNow, region });
    }
  return reopens;
}

describe('reopening a complaint', () => {
  // Seed 7 from July 2025 with the roster a 15-month, 100,000-event run sizes (573 customers): the customer of
  // K000094 is reassigned between its closing and the customer coming back on 2025-11-09. Five months suffice.
  let reopens: Reopen[] = [];
  beforeAll(() => {
    reopens = reopensOf({ seed: 7, start: '2025-07-01', months: 5, customers: 573 });
  });

  it("is done by the complaint's owner rep while they still own the customer, else by the region's manager", () => {
    const wrong = reopens.filter(
      (r) => r.reopenedBy !== (r.ownerNow === r.ownerAtFiling ? r.ownerAtFiling : `rm-${r.region}`),
    );
    expect(wrong).toEqual([]);
    expect(reopens.filter((r) => r.reopenedBy === r.ownerAtFiling).length).toBeGreaterThan(0);
  });

  it("is done by the region's manager when the customer changed hands after filing", () => {
    const handedOver = reopens.filter((r) => r.ownerNow !== r.ownerAtFiling);
    expect(handedOver.map((r) => r.complaintId)).toContain('K000094');
    expect(handedOver.find((r) => r.complaintId === 'K000094')).toMatchObject({
      reopenedBy: 'rm-south',
      ownerAtFiling: 'rep-south-03',
      ownerNow: 'rep-south-02',
    });
  });
});
