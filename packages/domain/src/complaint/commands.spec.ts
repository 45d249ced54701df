import { complaintCommandSchemas, FileComplaint, ResolveComplaint } from './commands.js';

const issuesOf = (result: {
  success: boolean;
  error?: { issues: readonly { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

const file = {
  complaintId: 'cmp-1',
  customerId: 'cust-1',
  channel: 'email',
  category: 'billing',
  severity: 'high',
  description: 'Invoice INV-9 charges twice for the same delivery.',
};

describe('command schemas', () => {
  it('accept a complete FileComplaint, order optional, and trim free text', () => {
    expect(FileComplaint.parse({ ...file, description: '  Charged twice.  ' })).toEqual({
      ...file,
      description: 'Charged twice.',
    });
    expect(FileComplaint.parse({ ...file, orderId: 'ord-9' }).orderId).toBe('ord-9');
  });

  it.each([
    ['channel', { channel: 'fax' }, 'channel must be one of phone, email, web, visit'],
    ['category', { category: 'weather' }, 'category must be one of product_quality, delivery, billing, service, other'],
    ['severity', { severity: 'urgent' }, 'severity must be one of low, medium, high, critical'],
    ['description', { description: '   ' }, 'description must not be empty'],
    ['description', { description: 'x'.repeat(4_001) }, 'description must be at most 4000 characters'],
    [
      'customerId',
      { customerId: '-bad' },
      'must be 1-64 characters: letters, digits, ".", "_" or "-", starting with a letter or digit',
    ],
  ])('reject a bad %s with an issue naming it', (path, patch, message) => {
    expect(issuesOf(FileComplaint.safeParse({ ...file, ...patch }))).toEqual([{ path, message }]);
  });

  it('reject unknown fields, such as the inputs the handler supplies', () => {
    const result = FileComplaint.safeParse({ ...file, ownerRepId: 'rep-1' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['ownerRepId'] });
  });

  it.each([
    ['AssignComplaint', { complaintId: 'cmp-1' }, 'handlerId'],
    ['AcknowledgeComplaint', {}, 'complaintId'],
    ['RecordInvestigation', { complaintId: 'cmp-1', rootCause: 'weather', findings: 'x' }, 'rootCause'],
    ['RecordInvestigation', { complaintId: 'cmp-1' }, 'findings'],
    ['AwaitCustomer', { complaintId: 'cmp-1', note: '' }, 'note'],
    ['RecordCustomerResponse', { complaintId: 'cmp-1', note: '' }, 'note'],
    ['EscalateComplaint', { complaintId: 'cmp-1', escalateTo: 'rm-east' }, 'reason'],
    ['ResolveComplaint', { complaintId: 'cmp-1' }, 'resolution'],
    [
      'ResolveComplaint',
      { complaintId: 'cmp-1', resolution: 'x', compensation: { amount: 0, currency: 'CNY' } },
      'compensation.amount',
    ],
    [
      'ResolveComplaint',
      { complaintId: 'cmp-1', resolution: 'x', compensation: { amount: 1.5, currency: 'CNY' } },
      'compensation.amount',
    ],
    [
      'ResolveComplaint',
      { complaintId: 'cmp-1', resolution: 'x', compensation: { amount: 5, currency: 'XXX' } },
      'compensation.currency',
    ],
    ['CloseComplaint', { complaintId: 'cmp-1', satisfaction: 6 }, 'satisfaction'],
    ['CloseComplaint', { complaintId: 'cmp-1', satisfaction: 0 }, 'satisfaction'],
    ['CloseComplaint', { complaintId: 'cmp-1', satisfaction: 3.5 }, 'satisfaction'],
    ['ReopenComplaint', { complaintId: 'cmp-1' }, 'reason'],
  ] as const)('%s rejects %j naming %s', (type, data, path) => {
    const result = complaintCommandSchemas[type].safeParse(data);
    expect(issuesOf(result).map((issue) => issue.path)).toContain(path);
  });

  it('accept a resolution with a root cause and compensation', () => {
    const data = {
      complaintId: 'cmp-1',
      resolution: 'Credit note issued.',
      rootCause: 'billing_error',
      compensation: { amount: 5_000, currency: 'CNY' },
    };
    expect(ResolveComplaint.parse(data)).toEqual(data);
  });

  it('reject unknown fields in every command', () => {
    for (const schema of Object.values(complaintCommandSchemas)) {
      expect(schema.safeParse({ complaintId: 'cmp-1', surprise: true }).success).toBe(false);
    }
  });
});
