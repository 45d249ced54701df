import type { ApiClient, ApiError } from './api.js';
import { describe } from './context.js';
import { dateLabel, money } from './format.js';
import { t, term, type MessageKey } from './i18n/i18n.js';
import { columns, rowsTable, type Cell, type ColumnField, type Row } from './panel.js';
import { Approvals, CommandAnswer, CustomerList, MyDay, type WorkApproval } from './work-schemas.js';

type Cells = Readonly<Record<string, Cell>>;

const text = (value: string | null): Cell => ({ value, text: value ?? '—' });
const day = (value: string | null): Cell => ({ value, text: value === null ? '—' : dateLabel(value) });
const amount = (minor: number, currency: string): Cell => ({ value: minor, text: money(minor, currency) });

/** A section of the Work page: a title and a table (or a note when empty, or the API's refusal). */
function section(
  root: HTMLElement,
  id: string,
  title: string,
  fields: readonly ColumnField[],
  rows: readonly Row[],
  more = false,
): HTMLElement {
  let node = root.querySelector<HTMLElement>(`section[data-panel="${id}"]`);
  if (node === null) {
    node = document.createElement('section');
    node.className = 'panel';
    node.dataset['panel'] = id;
    root.append(node);
  }
  const heading = document.createElement('h2');
  heading.textContent = title;
  const note = document.createElement('p');
  note.className = 'note';
  note.textContent = rows.length === 0 ? t('work.empty') : more ? t('work.more') : '';
  node.replaceChildren(heading, note, rowsTable({ id, title, columns: columns(...fields), rows }));
  return node;
}

function failed(root: HTMLElement, id: string, title: string, error: ApiError): void {
  const node = section(root, id, title, [], []);
  const paragraph = document.createElement('p');
  paragraph.className = 'error';
  paragraph.dataset['error'] = id;
  paragraph.textContent = describe(error);
  node.replaceChildren(node.firstChild ?? '', paragraph);
}

const row = (key: string, cells: Cells, drill?: Row['drill']): Row => ({
  keys: { id: key },
  cells,
  ...(drill === undefined ? {} : { drill }),
});

async function renderDay(api: ApiClient, root: HTMLElement, minPosition?: string): Promise<void> {
  const answer = await api.get('/my-day', {}, MyDay, minPosition);
  const title = (key: MessageKey) => t(key);
  if (!answer.ok) return failed(root, 'work-day', title('work.day'), answer.error);
  const d = answer.data;
  const receivable = (r: (typeof d.followUps.items)[number]) =>
    row(r.receivableId, {
      receivable_id: text(r.receivableId),
      customer_id: text(r.customerId),
      next_due_on: day(r.nextDueOn),
      outstanding: amount(r.outstanding, r.currency),
    });
  const order = (o: (typeof d.lateOrders.items)[number]) =>
    row(o.orderId, {
      order_id: text(o.orderId),
      customer_id: text(o.customerId),
      status: { value: o.status, text: term('orderStatus', o.status) },
      promised_on: day(o.promisedOn),
      total: amount(o.total, o.currency),
    });
  section(
    root,
    'work-follow-ups',
    title('work.followUps'),
    ['receivable_id', 'customer_id', 'next_due_on', 'outstanding'],
    d.followUps.items.map(receivable),
    d.followUps.more,
  );
  section(
    root,
    'work-promises',
    title('work.promisesDue'),
    ['receivable_id', 'customer_id', 'next_due_on', 'outstanding'],
    d.promisesDue.items.map(receivable),
    d.promisesDue.more,
  );
  section(
    root,
    'work-deliveries',
    title('work.deliveriesDue'),
    ['order_id', 'customer_id', 'status', 'promised_on', 'total'],
    d.deliveriesDue.items.map(order),
    d.deliveriesDue.more,
  );
  section(
    root,
    'work-late',
    title('work.lateOrders'),
    ['order_id', 'customer_id', 'status', 'promised_on', 'total'],
    d.lateOrders.items.map(order),
    d.lateOrders.more,
  );
  section(
    root,
    'work-complaints',
    title('work.complaints'),
    ['complaint_id', 'customer_id', 'severity', 'deadline', 'deadline_at'],
    d.complaints.items.map((c) =>
      row(c.complaintId, {
        complaint_id: text(c.complaintId),
        customer_id: text(c.customerId),
        severity: { value: c.severity, text: term('severity', c.severity) },
        deadline: {
          value: c.deadline,
          text: `${term('deadline', c.deadline)}${c.breached ? ` (${t('work.breached')})` : ''}`,
        },
        deadline_at: text(c.deadlineAt),
      }),
    ),
    d.complaints.more,
  );
  section(
    root,
    'work-profiles',
    title('work.profilesDue'),
    ['customer_id', 'company_name', 'review_due_on'],
    d.profilesDue.items.map((p) =>
      row(p.customerId, {
        customer_id: text(p.customerId),
        company_name: text(p.companyName),
        review_due_on: day(p.reviewDueOn),
      }),
    ),
    d.profilesDue.more,
  );
}

/** Sends the approval or rejection, then draws the page again as fresh as the command (or shows the refusal). */
async function decide(
  api: ApiClient,
  root: HTMLElement,
  path: string,
  body: object,
  again: (position: string) => Promise<void>,
): Promise<void> {
  const answer = await api.post(path, body, CommandAnswer);
  if (!answer.ok) return failed(root, 'work-approvals', t('work.approvals'), answer.error);
  await again(answer.data.position);
}

/** A compensation's Reject button: asks why (the rejection needs a reason) and sends it; a cancelled or empty answer sends nothing. */
function rejectAction(
  api: ApiClient,
  root: HTMLElement,
  item: WorkApproval,
  again: (position: string) => Promise<void>,
): NonNullable<Row['actions']> {
  const reject = item.reject;
  if (reject === null) return [];
  const open = (): void => {
    const reason = window.prompt(t('work.rejectReason'))?.trim() ?? '';
    if (reason !== '') void decide(api, root, reject.path, { reason }, again);
  };
  return [{ action: 'reject', label: t('work.reject'), open }];
}

async function renderApprovals(
  api: ApiClient,
  root: HTMLElement,
  again: (position: string) => Promise<void>,
  minPosition?: string,
): Promise<void> {
  const answer = await api.get('/approvals', {}, Approvals, minPosition);
  if (!answer.ok) return failed(root, 'work-approvals', t('work.approvals'), answer.error);
  const rows = answer.data.rows.map((a) => ({
    ...row(
      `${a.kind}:${a.id}`,
      {
        kind: { value: a.kind, text: term('approval', a.kind) },
        id: text(a.id),
        customer_id: text(a.customerId),
        asked_by: text(a.askedBy),
        asked_at: text(a.askedAt),
        amount: amount(a.amount, a.currency),
      },
      {
        label: t('work.approve'),
        open: () => void decide(api, root, a.approve.path, {}, again),
      },
    ),
    actions: rejectAction(api, root, a, again),
  }));
  section(
    root,
    'work-approvals',
    t('work.approvals'),
    ['kind', 'id', 'customer_id', 'asked_by', 'asked_at', 'amount'],
    rows,
  );
}

/** Searches customers by company name or id and lists them in the search section. */
export async function searchCustomers(api: ApiClient, root: HTMLElement, q: string): Promise<void> {
  const answer = await api.get('/customers', { q, limit: '50' }, CustomerList);
  if (!answer.ok) return failed(root, 'work-search', t('work.search'), answer.error);
  const rows = answer.data.rows.map((c) =>
    row(c.customerId, {
      customer_id: text(c.customerId),
      company_name: text(c.companyName),
      region: text(c.region),
      rep_id: text(c.ownerRepId),
    }),
  );
  section(
    root,
    'work-search',
    t('work.search'),
    ['customer_id', 'company_name', 'region', 'rep_id'],
    rows,
    answer.data.nextCursor !== null,
  );
}

const APPROVERS = ['sales_manager', 'regional_manager'];
const WITH_A_DAY = [...APPROVERS, 'sales_rep'];

/**
 * The Work page for the signed-in role: the approvals inbox (managers), then "my day" (reps and managers); other roles
 * have search only. `minPosition` reads them at least as fresh as a command just sent.
 */
export async function renderWork(api: ApiClient, root: HTMLElement, role: string, minPosition?: string): Promise<void> {
  delete root.dataset['loaded'];
  const again = (position: string): Promise<void> => renderWork(api, root, role, position);
  if (!WITH_A_DAY.includes(role)) {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = t('work.searchOnly');
    root.replaceChildren(note);
  }
  await Promise.all([
    APPROVERS.includes(role) ? renderApprovals(api, root, again, minPosition) : undefined,
    WITH_A_DAY.includes(role) ? renderDay(api, root, minPosition) : undefined,
  ]);
  root.dataset['loaded'] = minPosition ?? 'yes';
}
