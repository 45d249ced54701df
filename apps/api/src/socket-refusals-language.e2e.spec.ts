import { connect } from 'node:net';
import { startTestApi, type TestApi } from './testing/test-app.js';

// The three refusals Node's HTTP parser hands to the API before a route runs (a stalled body, headers too large,
// bytes that are not HTTP) are written on the socket; they follow Accept-Language when the client sent one that the
// API could read: noted with the headers of a request whose body then stalls, or found in the bytes that failed.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ SALESBOOK_REQUEST_TIMEOUT_MS: '500' });
});
afterAll(() => api.close());

/** Writes `bytes` in one piece and resolves with everything the server wrote before it closed the connection. */
function raw(bytes: string): Promise<string> {
  const { port } = new URL(api.url);
  return new Promise((resolve) => {
    let text = '';
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(text));
  });
}

const answer = (text: string) => ({
  status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]),
  language: /\r\ncontent-language: ([^\r\n]*)/i.exec(text)?.[1],
  body: JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { code: string; message: string },
});

const stalled = (language: string) =>
  `POST /customers HTTP/1.1\r\nHost: x\r\n${language}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"customerId":`;
const oversized = (language: string) =>
  `GET /health HTTP/1.1\r\nHost: x\r\n${language}X-Padding: ${'a'.repeat(20_000)}\r\n\r\n`;
const garbage = (language: string) => `NOT HTTP AT ALL\r\n${language}\r\n`;

it.each([
  ['a stalled body', stalled, 408, 'REQUEST_TIMEOUT', '请求未能在时限内完整到达'],
  ['headers too large', oversized, 431, 'HEADERS_TOO_LARGE', '请求头过大'],
  ['bytes that are not HTTP', garbage, 400, 'MALFORMED_REQUEST', '请求不是有效的 HTTP'],
])('answers %s in the language asked for, English by default', async (_name, request, status, code, chinese) => {
  const zh = answer(await raw(request('Accept-Language: zh-CN,zh;q=0.9\r\n')));
  expect(zh).toEqual({ status, language: 'zh-CN', body: expect.objectContaining({ code, message: chinese }) });
  const en = answer(await raw(request('')));
  expect(en).toMatchObject({ status, language: 'en', body: { code } });
  expect(en.body.message).toMatch(/^[ -~]+$/);
});

it("does not carry one request's language to the next refusal on the same connection", async () => {
  const { port } = new URL(api.url);
  const text = await new Promise<string>((resolve) => {
    let received = '';
    let sent = false;
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write('GET /health HTTP/1.1\r\nHost: x\r\nAccept-Language: zh-CN\r\n\r\n'),
    );
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      // The first request was answered: the next one on the connection asks for no language, and stalls.
      if (!sent) socket.write(stalled(''));
      sent = true;
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
  const second = text.slice(text.lastIndexOf('HTTP/1.1 '));
  expect(answer(second)).toMatchObject({ status: 408, language: 'en' });
});
