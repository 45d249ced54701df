import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerBody, orderBody, people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi, ORDERS_PLACED_AT } from '../testing/test-app.js';
import { readDashboardFile } from './dashboard-files.js';

// rep-1 (east) and rep-3 (west) each confirm one order on 2026-03-01; rep-1's customer files a delivery complaint.
let api: TestApi;
let last: string;
const westRep = actor('rep-3', 'sales_rep', 'west');

async function post(path: string, body: unknown, who = people.rep): Promise<void> {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
}

beforeAll(async () => {
  api = await startTestApi();
  await post('/customers', customerBody('c-1'));
  await post('/customers', { ...customerBody('c-2'), region: 'west', ownerRepId: 'rep-3' }, people.manager);
  await api.at(ORDERS_PLACED_AT, () => post('/orders', orderBody('o-1', 'c-1')));
  await post('/orders/o-1/confirmation', {});
  await post('/orders', orderBody('o-2', 'c-2', { repId: 'rep-3' }), people.manager);
  await post('/orders/o-2/confirmation', {}, people.manager);
  await post('/complaints', {
    complaintId: 'k-1',
    customerId: 'c-1',
    orderId: 'o-1',
    channel: 'phone',
    category: 'delivery',
    severity: 'high',
    description: 'late',
  });
  last = String(await api.store.headPosition());
});
afterAll(() => api.close());

const get = (path: string, who = people.manager) =>
  api.call('GET', path, { actor: who, headers: { 'x-min-position': last } });
const ids = (body: { rows: Array<Record<string, unknown>> }, field: string) => body.rows.map((row) => row[field]);

describe('GET /reports/sales/orders', () => {
  it("lists the month's confirmed orders, a rep only their own, a filter narrows", async () => {
    const all = await get('/reports/sales/orders?month=2026-03');
    expect(all.status).toBe(200);
    expect(all.body.rows).toEqual([
      expect.objectContaining({
        order_id: 'o-1',
        rep_id: 'rep-1',
        region: 'east',
        booked: 19_500,
        status: 'confirmed',
        confirmed_on: '2026-03-01',
      }),
      expect.objectContaining({ order_id: 'o-2', rep_id: 'rep-3', region: 'west', booked: 19_500 }),
    ]);
    expect(ids((await get('/reports/sales/orders?month=2026-03', westRep)).body, 'order_id')).toEqual(['o-2']);
    expect(ids((await get('/reports/sales/orders?month=2026-03&region=east')).body, 'order_id')).toEqual(['o-1']);
    expect(ids((await get('/reports/sales/orders?month=2026-02')).body, 'order_id')).toEqual([]);
  });

  it("refuses a filter outside the caller's scope and bad input", async () => {
    expect((await get('/reports/sales/orders?month=2026-03&rep=rep-1', westRep)).body.code).toBe(
      'FILTER_NOT_AUTHORIZED',
    );
    expect((await get('/reports/sales/orders?month=2026-03&region=west', people.eastManager)).status).toBe(403);
    expect((await get('/reports/sales/orders?month=2026-13')).status).toBe(400);
    expect((await get('/reports/sales/orders?month=2026-03', people.finance)).status).toBe(403);
  });
});

describe('GET /reports/complaints/rows', () => {
  it('lists the complaints of a period with their breaches, matching the complaints report', async () => {
    const rows = await get('/reports/complaints/rows?from=2026-03&to=2026-03&category=delivery');
    expect(rows.status).toBe(200);
    expect(rows.body.rows).toEqual([
      expect.objectContaining({
        complaint_id: 'k-1',
        category: 'delivery',
        rep_id: 'rep-1',
        region: 'east',
        acknowledge_breached: expect.any(Boolean),
      }),
    ]);
    const report = await get('/reports/complaints?from=2026-03&to=2026-03&groupBy=category');
    const delivery = report.body.rows.find((row: { group: string }) => row.group === 'delivery');
    expect(rows.body.asOf).toBe(report.body.asOf);
    expect(rows.body.rows.filter((row: { resolve_breached: boolean }) => row.resolve_breached).length).toBe(
      delivery.resolve.breached,
    );
    expect((await get('/reports/complaints/rows?from=2026-03&to=2026-03', westRep)).body.rows).toEqual([]);
    expect((await get('/reports/complaints/rows?from=2026-03&to=2026-03&category=DROP%20TABLE')).status).toBe(400);
  });
});

describe('region and rep filters of the reports', () => {
  it('narrow the monthly sales report and are refused outside the role scope', async () => {
    const east = await get('/reports/sales/monthly?month=2026-03&groupBy=rep&region=east');
    expect(ids(east.body, 'group')).toEqual(['rep-1']);
    expect(ids((await get('/reports/sales/monthly?month=2026-03&groupBy=region&rep=rep-3')).body, 'group')).toEqual([
      'west',
    ]);
    expect((await get('/reports/sales/monthly?month=2026-03&groupBy=rep&rep=rep-3', people.rep)).body.code).toBe(
      'FILTER_NOT_AUTHORIZED',
    );
    expect((await get('/reports/sales/monthly?month=2026-03&groupBy=rep&rep=rep-1', people.rep)).status).toBe(200);
    expect(
      ids((await get('/reports/complaints?from=2026-03&to=2026-03&groupBy=region&region=west')).body, 'group'),
    ).toEqual([]);
    expect((await get('/reports/collections/aging?asOf=2026-03-01&region=bad%20id')).status).toBe(400);
  });
});

describe('GET /dashboard', () => {
  it('serves the page without a token, with a CSP that allows only this origin, and no other file', async () => {
    const page = await api.call('GET', '/dashboard');
    // Built by `npm test` before the API's tests; without a build the route says how to make one.
    if (page.status === 404) expect(page.body.message).toContain('nx run @salesbook/dashboard:build');
    else {
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(page.headers.get('content-security-policy')).not.toMatch(/https?:|\*/);
    }
    for (const path of [
      '/dashboard/../package.json',
      '/dashboard/%2e%2e/package.json',
      '/dashboard/assets/none.js',
      '/dashboard/x.exe',
    ]) {
      expect((await api.call('GET', path)).status).toBe(404);
    }
    const document = await api.call('GET', '/docs/openapi.json');
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/reports/sales/orders', '/reports/complaints/rows']),
    );
    expect(Object.keys(document.body.paths).filter((path) => path.startsWith('/dashboard'))).toEqual([]);
  });

  it('reads only regular files the build could name, never through a link out of the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesbook-dashboard-files-'));
    try {
      mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
      writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
      writeFileSync(join(dir, 'secret.js'), 'secret');
      symlinkSync(join(dir, 'secret.js'), join(dir, 'dist', 'assets', 'link.js'));
      const root = join(dir, 'dist');
      expect(readDashboardFile(root, '')?.type).toBe('text/html; charset=utf-8');
      expect(readDashboardFile(root, 'assets/link.js')).toBeUndefined();
      expect(readDashboardFile(root, '../secret.js')).toBeUndefined();
      expect(readDashboardFile(root, 'assets')).toBeUndefined();
      expect(readDashboardFile(root, 'assets/../index.html')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
