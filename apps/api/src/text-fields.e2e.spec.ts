import { customerBody, orderBody, people } from './testing/fixtures.js';
import { startTestApi, type TestApi } from './testing/test-app.js';

// Issue 17, abuse 8: a lone UTF-16 surrogate in a text field was accepted and read back as U+FFFD.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await api.call('POST', '/customers', { actor: people.rep, body: customerBody('c-1') });
});
afterAll(() => api.close());

describe('text fields refuse lone surrogates with 400 naming the field', () => {
  it.each([
    [
      'a high surrogate alone in a personal field',
      '/customers',
      () => ({ ...customerBody('c-2'), contact: { ...customerBody('c-2').contact, name: 'Li \ud83d Lei' } }),
      ['contact', 'name'],
    ],
    [
      'a low surrogate alone in the company name',
      '/customers',
      () => ({ ...customerBody('c-3'), companyName: '\udc00Co' }),
      ['companyName'],
    ],
    [
      'a surrogate in a line description',
      '/orders',
      () => ({ ...orderBody('o-9', 'c-1'), lines: [{ ...orderBody('o-9', 'c-1').lines[0], description: 'x\ud800' }] }),
      ['lines', 0, 'description'],
    ],
  ])('%s', async (_name, path, body, field) => {
    const before = await api.store.headPosition();
    const response = await api.call('POST', path, { actor: people.rep, body: body() });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('INVALID_INPUT');
    expect(response.body.issues).toContainEqual(
      expect.objectContaining({ in: 'body', path: field, message: expect.stringMatching(/surrogate/) }),
    );
    expect(await api.store.headPosition()).toBe(before);
  });

  it('takes a surrogate pair (an emoji) and reads it back unchanged', async () => {
    const name = 'Li Lei 🙂';
    const created = await api.call('POST', '/customers', {
      actor: people.rep,
      body: { ...customerBody('c-4'), contact: { ...customerBody('c-4').contact, name } },
    });
    expect(created.status).toBe(201);
    const read = await api.call('GET', '/audit/streams/customer-c-4/events', { actor: people.manager });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).toContain(name);
  });
});
