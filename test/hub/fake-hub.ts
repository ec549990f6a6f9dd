// A fake Hugging Face Hub on loopback: the paths and answers the real one gives for found, gated,
// missing, rate-limited and slow repositories (selected in the code under test by HF_ENDPOINT).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GOOD_TOKEN = 'hf_fake_good_token';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/hf-configs/${name}.json`, import.meta.url), 'utf8');
}

export interface FakeHub {
  endpoint: string;
  requests: { url: string; authorization: string | undefined }[];
  close: () => Promise<void>;
}

export async function startFakeHub(): Promise<FakeHub> {
  const requests: FakeHub['requests'] = [];
  const held: ServerResponse[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    requests.push({ url, authorization: req.headers.authorization });
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };
    switch (url) {
      case '/openai-community/gpt2/resolve/main/config.json':
        return send(200, fixture('gpt2'));
      case '/gpt2/resolve/main/config.json':
        // Legacy one-word ids redirect to their owner, as on the real Hub.
        res.writeHead(307, { location: '/openai-community/gpt2/resolve/main/config.json' });
        return res.end();
      case '/google-bert/bert-base-uncased/resolve/main/config.json':
        return send(200, fixture('bert-base-uncased'));
      case '/meta-llama/Meta-Llama-3-8B/resolve/main/config.json':
        if (req.headers.authorization === `Bearer ${GOOD_TOKEN}`) return send(200, fixture('Meta-Llama-3-8B'));
        return send(401, '{"error":"Access to model meta-llama/Meta-Llama-3-8B is restricted."}', {
          'x-error-code': 'GatedRepo',
        });
      case '/TheBloke/some-GGUF/resolve/main/config.json':
        return send(404, '{"error":"Entry not found"}', { 'x-error-code': 'EntryNotFound' });
      case '/busy/model/resolve/main/config.json':
        return send(429, '{"error":"rate limited"}');
      case '/slow/model/resolve/main/config.json':
        held.push(res);
        return;
      case '/huge/model/resolve/main/config.json':
        return send(200, `{"model_type": "gpt2", "pad": "${'x'.repeat(3_000_000)}"}`);
      case '/broken/model/resolve/main/config.json':
        return send(200, '{"model_type": "llama", "hidden_size": 4096,');
      default:
        // The real Hub answers an anonymous request for a missing repository with 401 RepoNotFound.
        return send(401, '{"error":"Repository not found"}', { 'x-error-code': 'RepoNotFound' });
    }
  };
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const r of held) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
