// The HTTP server's response class: Bolt's text ack (writeHead(200), then end(JSON text)) is labelled
// JSON, which is what lets the bot ack slash commands with JSON it serialised once; nothing else is.
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_CONTENT_TYPE, JsonDefaultResponse } from '../../src/slack/json-response.js';

const routes: Record<string, (res: ServerResponse) => void> = {
  // What Bolt's buildContentResponse does with a string ack body.
  '/text-ack': (res) => {
    res.writeHead(200);
    res.end('{"response_type":"ephemeral","text":"LSTM 4,096 \\u2192 256"}');
  },
  // Bolt's plain ack (buildNoBodyResponse).
  '/empty-ack': (res) => {
    res.writeHead(200);
    res.end();
  },
  '/plain-text-ack': (res) => {
    res.writeHead(200);
    res.end('counting...');
  },
  '/other-header': (res) => {
    res.setHeader('X-Request-Id', 'r1');
    res.writeHead(200);
    res.end('{"ok":true}');
  },
  // Node writes the head itself (no writeHead call): left as Node writes it.
  '/implicit': (res) => {
    res.end('{"ok":true}');
  },
  '/streamed': (res) => {
    res.writeHead(200);
    res.write('{"ok":');
    res.end('true}');
  },
  '/flushed': (res) => {
    res.writeHead(200);
    res.flushHeaders();
    res.end('{"ok":true}');
  },
  '/healthz': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('ok');
  },
  '/set-before': (res) => {
    res.setHeader('Content-Type', 'text/html');
    res.writeHead(200);
    res.end('<p>x</p>');
  },
  '/status-message': (res) => {
    res.writeHead(200, 'Fine');
    res.end('fine');
  },
  // Bolt's 401 for a bad signature.
  '/unauthorized': (res) => {
    res.writeHead(401);
    res.end();
  },
};

let base = '';
const server = createServer({ ServerResponse: JsonDefaultResponse }, (req, res) => routes[req.url ?? '']!(res));

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const get = async (path: string) => {
  const res = await fetch(base + path);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
};

describe('JsonDefaultResponse', () => {
  it('labels a text ack of JSON as JSON, body untouched, other headers kept', async () => {
    const res = await get('/text-ack');
    expect(res).toMatchObject({ status: 200, type: JSON_CONTENT_TYPE });
    expect(JSON.parse(res.body)).toEqual({ response_type: 'ephemeral', text: 'LSTM 4,096 → 256' });
    const other = await fetch(`${base}/other-header`);
    expect(other.headers.get('content-type')).toBe(JSON_CONTENT_TYPE);
    expect(other.headers.get('x-request-id')).toBe('r1');
    expect(await other.text()).toBe('{"ok":true}');
  });

  it('labels nothing else: empty and plain-text acks, implicit, streamed and flushed heads', async () => {
    expect(await get('/empty-ack')).toEqual({ status: 200, type: null, body: '' });
    expect(await get('/plain-text-ack')).toEqual({ status: 200, type: null, body: 'counting...' });
    expect(await get('/implicit')).toEqual({ status: 200, type: null, body: '{"ok":true}' });
    expect(await get('/streamed')).toEqual({ status: 200, type: null, body: '{"ok":true}' });
    expect(await get('/flushed')).toEqual({ status: 200, type: null, body: '{"ok":true}' });
  });

  it('leaves a type the handler chose, and every response that is not a bare 200', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, type: 'text/plain; charset=utf-8', body: 'ok' });
    expect((await get('/set-before')).type).toBe('text/html');
    expect((await get('/status-message')).type).toBeNull();
    expect(await get('/unauthorized')).toEqual({ status: 401, type: null, body: '' });
  });
});
