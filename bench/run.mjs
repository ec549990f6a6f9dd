// `npm run bench`: measures ParamCount on this machine, against the compiled dist/ (the script builds
// first). Four parts, one run, bounded time (about two and a half minutes), all traffic on 127.0.0.1:
//
//   engine      answerQuery + renderBlocks over the oracle fixture queries, and a generated
//               500-layer pasted model: queries per second, p50 / p99 per query
//   HTTP        signed `/lstm 4096 256` slash commands with autocannon (32 connections) against the
//               bot in HTTP mode (createSlackApp; it answers in the HTTP response, and every response
//               body is checked against the expected answer) beside a bare Bolt app with the same
//               receiver settings whose /lstm handler only acks; and, for reference, a bare Bolt app
//               that acks with a fixed answer rendered once (what sending the answer's bytes costs);
//               a warm-up, then alternating runs (bot, bare, fixed, bot, bare, fixed, ...):
//               requests/s, p99, ratios
//   dispatch    Bolt's own handling of one `/lstm 4096 256`, in process and without HTTP:
//               app.processEvent in a loop, the bot (createSlackApp) beside the bare Bolt app
//   oracle      answerQuery alone over the oracle fixtures, warmed: mean µs per query, per source
//   cold start  `node dist/index.js` (console mode, no SLACK_* env) with `/lstm 4096 256` piped in,
//               from spawn to the answer on stdout: median of several runs
//   hostile     bench/hostile.mjs: worst hostile-input time and peak memory (test/hardening/hostile-inputs.mjs)
//
// Environment: BENCH_SECONDS (each HTTP run, default 4), BENCH_ROUNDS (rounds of bot, distinct, bare, fixed; default 5),
// BENCH_PARTS (default engine,oracle,dispatch,http,cold,hostile; add profile to profile the bot under load and print where its
// CPU time goes), BENCH_PROFILE_OUT=file.cpuprofile keeps that profile for Chrome DevTools.
import { spawn, fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { answerQuery } from '../dist/answer.js';
import { renderBlocks } from '../dist/render/blocks.js';
import { createLogger } from '../dist/logger.js';
import { createSlackApp } from '../dist/slack/app.js';
import { BENCH_BOT_TOKEN, createBareApp } from './bare-app.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PARTS = new Set(
  (process.env.BENCH_PARTS ?? 'engine,oracle,dispatch,http,cold,hostile').split(',').map((p) => p.trim()),
);
const CONNECTIONS = 32;
const SECRET = 'bench-signing-secret-0123456789abcdef';

const GOAL_RATIO = 0.9;
const GOAL_P99_MS = 50;
const GOAL_COLD_MS = 1000;

const fmt = (n, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mark = (ok) => (ok ? 'met' : 'MISSED');

// ---------------------------------------------------------------------------------------------- engine

function timeQueries(queries, minMs, minRounds) {
  const times = [];
  const started = performance.now();
  let rounds = 0;
  while (rounds < minRounds || performance.now() - started < minMs) {
    for (const q of queries) {
      const t = performance.now();
      const msg = renderBlocks(answerQuery(q));
      times.push(performance.now() - t);
      if (msg.blocks.length === 0) throw new Error(`no blocks for ${q}`);
    }
    rounds += 1;
  }
  const total = times.reduce((a, b) => a + b, 0);
  times.sort((a, b) => a - b);
  return { n: times.length, qps: (times.length / total) * 1000, p50: pct(times, 50), p99: pct(times, 99) };
}

function generatedModels() {
  let keras =
    'from keras.models import Sequential\nfrom keras.layers import Input, Dense, LSTM\n\nmodel = Sequential()\nmodel.add(Input(shape=(50, 128)))\n';
  for (let i = 0; i < 250; i++)
    keras += `model.add(LSTM(128, return_sequences=True))\nmodel.add(Dense(128, activation="relu"))\n`;
  let torch = 'import torch.nn as nn\n\nmodel = nn.Sequential(\n';
  for (let i = 0; i < 500; i++) torch += `    nn.Linear(${i === 0 ? 784 : 256}, 256),\n`;
  torch += ')\n';
  return { keras, torch };
}

function engineBench() {
  const oracle = readFileSync(join(ROOT, 'test/fixtures/oracle-cases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l).query);
  // Warm-up (JIT), then measure.
  timeQueries(oracle, 300, 3);
  const fixtures = timeQueries(oracle, 2000, 5);
  const { keras, torch } = generatedModels();
  for (const [name, text] of [
    ['keras', keras],
    ['torch', torch],
  ]) {
    const a = answerQuery(text);
    if (a.kind !== 'count' || a.model.layers.length !== 500)
      throw new Error(`generated ${name} model: ${a.kind} ${a.message ?? a.model?.layers.length}`);
  }
  timeQueries([keras, torch], 200, 2);
  const kerasRun = timeQueries([keras], 1500, 10);
  const torchRun = timeQueries([torch], 1500, 10);
  return {
    oracleCount: oracle.length,
    fixtures,
    keras: kerasRun,
    torch: torchRun,
    chars: { keras: keras.length, torch: torch.length },
  };
}

/**
 * Real class code, about 500 lines: the real-world PyTorch fixture pastes (whole nn.Module classes,
 * helper functions, configs and their instantiation lines) one after another, read as one paste.
 */
function classPasteBench() {
  const pastes = readFileSync(join(ROOT, 'test/fixtures/oracle-realworld.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .filter((c) => c.id.startsWith('rw-torch-'))
    .map((c) => c.query);
  let text = '';
  for (const p of pastes) {
    if (text.split('\n').length >= 500) break;
    text += `${p}\n\n`;
  }
  const a = answerQuery(text);
  if (a.kind !== 'count') throw new Error(`class paste: ${a.message}`);
  timeQueries([text], 200, 2);
  return { run: timeQueries([text], 1500, 10), lines: text.split('\n').length, chars: text.length };
}

// ---------------------------------------------------------------------------------------------- oracle

/**
 * Per-query time of answerQuery alone (parse + count, no rendering) over the oracle fixtures, warmed,
 * in process: the mean over many rounds, per source (the Keras ones are one-to-five layer snippets
 * that TensorFlow.js takes about 19 ms to build). Goal: <= 200 µs per Keras query.
 */
function oracleQueryBench(minMs = 2000) {
  const cases = readFileSync(join(ROOT, 'test/fixtures/oracle-cases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const family = (source) => (source.startsWith('keras') ? 'keras' : source);
  const groups = new Map();
  for (const c of cases) groups.set(family(c.source), [...(groups.get(family(c.source)) ?? []), c.query]);
  groups.set(
    'all',
    cases.map((c) => c.query),
  );
  const out = [];
  for (const [name, queries] of groups) {
    for (let i = 0; i < 200; i++) for (const q of queries) answerQuery(q); // warm-up (JIT)
    let n = 0;
    const started = performance.now();
    while (performance.now() - started < minMs / groups.size || n < queries.length * 20) {
      for (const q of queries) {
        if (answerQuery(q).kind !== 'count') throw new Error(`oracle query not counted: ${q}`);
      }
      n += queries.length;
    }
    out.push({ name, queries: queries.length, us: ((performance.now() - started) * 1000) / n });
  }
  return out;
}

// ------------------------------------------------------------------------------------ fake Slack side

/** Web API (auth.test) and response_url target on loopback; counts posts to response_url (a command should make none). */
async function startFakeSlack() {
  let responses = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      res.setHeader('Content-Type', 'application/json');
      if (url.startsWith('/response/')) {
        responses += 1;
        res.end('{"ok":true}');
      } else if (url === '/api/auth.test') {
        res.end(
          JSON.stringify({
            ok: true,
            url: 'https://example.slack.com/',
            team: 'Example',
            user: 'paramcount',
            team_id: 'T0001',
            user_id: 'UBOT',
            bot_id: 'BBOT',
          }),
        );
      } else if (url.startsWith('/api/')) {
        res.end('{"ok":true}');
      } else {
        res.statusCode = 404;
        res.end('{"ok":false}');
      }
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: `http://127.0.0.1:${port}/response/bench`,
    responses: () => responses,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  };
}

function startServer(kind, apiUrl) {
  const child = fork(join(ROOT, 'bench/server.mjs'), [kind, apiUrl, SECRET], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${kind} server exited early (${code})`)));
    child.once('message', (m) => {
      child.removeAllListeners('exit');
      resolve({
        kind,
        port: m.port,
        ask: (message, key) =>
          new Promise((r) => {
            const on = (reply) => {
              if (reply && key in reply) {
                child.off('message', on);
                r(reply);
              }
            };
            child.on('message', on);
            child.send(message);
          }),
        stop: () =>
          new Promise((r) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
              clearTimeout(timer);
              r();
            });
            child.send('stop');
          }),
      });
    });
  });
}

function commandRequest(responseUrl, text = '4096 256') {
  const body = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0001',
    team_domain: 'example',
    channel_id: 'C0001',
    channel_name: 'general',
    user_id: 'U0001',
    user_name: 'alice',
    command: '/lstm',
    text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
  // Signed now: every run is far shorter than Slack's 5-minute window.
  const ts = Math.floor(Date.now() / 1000);
  const signature = 'v0=' + createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature,
    },
  };
}

/**
 * A different question on every request (`/lstm 1001 256`, `/lstm 1002 256`, ...), each signed: no
 * answer is ever asked twice, so the bot's reply memo never helps and every request is parsed,
 * counted and rendered.
 */
/** A distinct query's reply is right when it is ephemeral and its count is Keras' 4 x (256 x (n + 256) + 256). */
function rightDistinctAnswer(body) {
  const m = /^\{"response_type":"ephemeral","text":"LSTM ([\d,]+) → 256: ([\d,]+) parameters/.exec(body);
  if (!m) return false;
  const n = BigInt(m[1].replaceAll(',', ''));
  return BigInt(m[2].replaceAll(',', '')) === 4n * (256n * (n + 256n) + 256n);
}

function distinctRequests(responseUrl) {
  let n = 1000;
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        n += 1;
        const { body, headers } = commandRequest(responseUrl, `${n} 256`);
        return { ...request, body, headers };
      },
    },
  ];
}

/**
 * The exact HTTP response body of a correct answer to `/lstm 4096 256`: the bot sends the JSON text its
 * reply memo keeps, the fixed app acks the object and Bolt serialises it; both are JSON.stringify(answer).
 */
const ANSWER_JSON = JSON.stringify({
  response_type: 'ephemeral',
  ...renderBlocks(answerQuery('4096 256', { command: '/lstm' })),
});
const EXPECTED_BODY = { bot: ANSWER_JSON, fixed: ANSWER_JSON, bare: '' };

async function cannon(server, fake, seconds, distinct = false) {
  const req = commandRequest(fake.responseUrl);
  const before = fake.responses();
  const cpuBefore = (await server.ask('cpu', 'cpu')).cpu;
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}/slack/events`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: req.headers,
    body: req.body,
    ...(distinct
      ? // Each answer is different: check it is a whole ephemeral count, not an error.
        { requests: distinctRequests(fake.responseUrl), verifyBody: rightDistinctAnswer }
      : // Every bot (and fixed) response must be the whole answer, byte for byte; the bare app's is empty.
        { expectBody: EXPECTED_BODY[server.kind] }),
  });
  const cpuAfter = (await server.ask('cpu', 'cpu')).cpu;
  return {
    // The server's own CPU time per answered request: what the app costs, whatever the load generator does.
    cpuUs: (cpuAfter - cpuBefore) / Math.max(1, result['2xx']),
    cpuShare: (cpuAfter - cpuBefore) / (seconds * 1e6),
    rps: result['2xx'] / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    bad: result.non2xx + result.errors + result.timeouts + result.mismatches,
    posted: fake.responses() - before,
  };
}

async function httpBench() {
  const fake = await startFakeSlack();
  const bot = await startServer('bot', fake.apiUrl);
  // A second bot process for the distinct queries, so neither run disturbs the other's heap and JIT.
  const botDistinct = await startServer('bot', fake.apiUrl);
  const bare = await startServer('bare', fake.apiUrl);
  const fixed = await startServer('fixed', fake.apiUrl);
  try {
    // Sanity: one command answered by the bot in its HTTP response, with exactly the expected answer.
    const req = commandRequest(fake.responseUrl);
    const res = await fetch(`http://127.0.0.1:${bot.port}/slack/events`, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
    });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`bot answered ${res.status}`);
    if (body !== EXPECTED_BODY.bot) throw new Error(`the bot's answer is not the expected one: ${body.slice(0, 200)}`);

    await cannon(bot, fake, 2);
    await cannon(botDistinct, fake, 2, true);
    await cannon(bare, fake, 2);
    await cannon(fixed, fake, 2);
    const runs = { bot: [], distinct: [], bare: [], fixed: [] };
    const plan = [
      ['bot', bot, false],
      ['distinct', botDistinct, true],
      ['bare', bare, false],
      ['fixed', fixed, false],
    ];
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, s, distinct] of plan) {
        const r = await cannon(s, fake, SECONDS, distinct);
        runs[name].push(r);
        console.log(
          `  run ${i + 1} ${name.padEnd(8)}  ${fmt(r.rps, 0).padStart(7)} req/s  p50 ${fmt(r.p50, 0)} ms  p99 ${fmt(r.p99, 0)} ms  server CPU ${fmt(r.cpuUs, 0)} µs/req (${fmt(100 * r.cpuShare, 0)}% of a core)  non-2xx/errors/wrong bodies ${r.bad}  posts to response_url ${r.posted}`,
        );
      }
    }
    return runs;
  } finally {
    await bot.stop();
    await botDistinct.stop();
    await bare.stop();
    await fixed.stop();
    await fake.close();
  }
}

/** One more bot run with the V8 profiler on (after a warm-up); prints where the bot's CPU time goes. */
async function profileBot() {
  const fake = await startFakeSlack();
  const bot = await startServer('bot', fake.apiUrl);
  let prof;
  try {
    // Distinct queries, so every request is parsed, counted and rendered (the memo never answers).
    await cannon(bot, fake, 2, true);
    await bot.ask('prof:start', 'profiling');
    const r = await cannon(bot, fake, SECONDS, true);
    prof = (await bot.ask('prof:stop', 'profile')).profile;
    console.log(
      `  profiled run, a different query every request: ${fmt(r.rps, 0)} req/s, p99 ${fmt(r.p99, 0)} ms (the profiler slows the bot down)`,
    );
    if (process.env.BENCH_PROFILE_OUT) writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(prof));
  } finally {
    await bot.stop();
    await fake.close();
  }
  summarizeProfile(prof);
}

/** Self time by where the code lives, the hottest functions, and inclusive time of our own steps. */
function summarizeProfile(prof) {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const dt = prof.timeDeltas;
  for (let i = 0; i < prof.samples.length; i++)
    self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const where = (url) => url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/');
  const bucket = (n) => {
    const { url, functionName: fn } = n.callFrame;
    if (fn === '(idle)') return 'idle';
    if (fn === '(garbage collector)') return 'garbage collector';
    if (fn === '(program)') return 'V8 (program)';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1] === 'undici' ? 'undici 7 dispatcher (fetch)' : m[1];
    if (url.includes('/dist/')) return 'ParamCount dist/ (answer, parse, engine, render, listeners)';
    if (
      url.startsWith('node:internal/deps/undici') ||
      url.startsWith('node:internal/webstreams') ||
      url.startsWith('node:internal/worker/js_transferable')
    ) {
      return 'node fetch (undici, web streams)';
    }
    if (url.startsWith('node:internal/http') || url.startsWith('node:_http') || url === 'node:http')
      return 'node http server';
    if (url.startsWith('node:')) return `node core (${url.replace(/^node:(internal\/)?/, '').split('/')[0]})`;
    return 'native (JSON, strings, I/O)';
  };
  const buckets = new Map();
  for (const [id, t] of self) {
    const b = bucket(byId.get(id));
    buckets.set(b, (buckets.get(b) ?? 0) + t);
  }
  const busy = total - (buckets.get('idle') ?? 0);
  const share = (t) => `${fmt((100 * t) / busy, 1).padStart(5)}%`;
  console.log(
    `  bot CPU profile, steady state (${fmt(busy / 1e6, 2)} s busy of ${fmt(total / 1e6, 2)} s); self time by origin:`,
  );
  for (const [b, t] of [...buckets]
    .filter(([b]) => b !== 'idle')
    .sort((x, y) => y[1] - x[1])
    .slice(0, 10))
    console.log(`    ${share(t)}  ${b}`);

  // Inclusive (self + callees, synchronous part) for a few of our own steps and Bolt's.
  const probes = [
    ['answerQuery: parse + count', (f) => f.functionName === 'answerQuery' && f.url.includes('/dist/answer.js')],
    ['renderBlocks: Block Kit', (f) => f.functionName === 'renderBlocks'],
    ['Bolt buildContentResponse: JSON.stringify + write', (f) => f.functionName === 'buildContentResponse'],
    ['logRequest: the request log line', (f) => f.functionName === 'logRequest'],
    ['Bolt HTTPReceiver: body, signature', (f) => f.url.includes('HTTPModuleFunctions.js')],
    ['Bolt processEvent: middleware chain', (f) => f.functionName === 'processEvent' && f.url.includes('@slack/bolt')],
  ];
  const inclusive = new Array(probes.length).fill(0);
  for (let i = 0; i < prof.samples.length; i++) {
    const hit = new Set();
    for (let id = prof.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame;
      probes.forEach(([, test], k) => {
        if (test(f)) hit.add(k);
      });
    }
    for (const k of hit) inclusive[k] += dt[i] ?? 0;
  }
  console.log('  inclusive time of single steps (synchronous part):');
  probes.forEach(([label], k) => {
    console.log(`    ${share(inclusive[k])}  ${label}`);
  });

  const byFn = new Map();
  for (const [id, t] of self) {
    const f = byId.get(id).callFrame;
    if (f.functionName === '(idle)') continue;
    const key = `${f.functionName || '(anonymous)'} ${where(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
  }
  console.log('  hottest functions (self time):');
  for (const [k, t] of [...byFn].sort((x, y) => y[1] - x[1]).slice(0, Number(process.env.BENCH_TOP ?? 10)))
    console.log(`    ${share(t)}  ${k}`);
}

// ------------------------------------------------------------------------------------------ dispatch

/** A slash command's body as Bolt's HTTP receiver hands it to app.processEvent (the parsed form). */
function commandBody(responseUrl) {
  return Object.fromEntries(new URLSearchParams(commandRequest(responseUrl).body));
}

/**
 * What Bolt and the listener do with one `/lstm 4096 256`, without HTTP: app.processEvent called in a
 * loop, CPU time per call, the bot (createSlackApp in HTTP mode, not listening) and the bare Bolt app
 * (one /lstm listener that acks) alternating. Steadier than the HTTP runs, and it isolates what the
 * bot's own routing costs.
 */
async function dispatchBench(rounds = 8, calls = 10_000) {
  const fake = await startFakeSlack();
  const quiet = () => createLogger({ level: 'info', write: () => {} });
  try {
    const bot = createSlackApp(
      {
        mode: 'http',
        botToken: BENCH_BOT_TOKEN,
        signingSecret: SECRET,
        port: 0,
        logLevel: 'info',
        slackApiUrl: fake.apiUrl,
      },
      { logger: quiet(), processGuards: false },
    ).app;
    const bare = createBareApp({
      signingSecret: SECRET,
      slackApiUrl: fake.apiUrl,
      logger: quiet(),
      ackWith: undefined,
    });
    const body = commandBody(fake.responseUrl);
    const apps = { bot: [bot, ANSWER_JSON], bare: [bare, undefined] };
    const run = async (kind, n) => {
      const [app, expected] = apps[kind];
      let wrong = 0;
      const ack = async (reply) => {
        if (reply !== expected) wrong += 1;
      };
      for (let i = 0; i < n; i++)
        await app.processEvent({
          body: { ...body },
          ack,
          retryNum: undefined,
          retryReason: undefined,
          customProperties: {},
        });
      if (wrong > 0) throw new Error(`dispatch: ${kind} acked ${wrong} of ${n} commands with the wrong reply`);
    };
    await run('bot', 2000);
    await run('bare', 2000);
    const us = { bot: [], bare: [] };
    for (let r = 0; r < rounds; r++) {
      for (const kind of ['bot', 'bare']) {
        const before = process.cpuUsage();
        await run(kind, calls);
        const { user, system } = process.cpuUsage(before);
        us[kind].push((user + system) / calls);
      }
    }
    return us;
  } finally {
    await fake.close();
  }
}

// ------------------------------------------------------------------------------------------ cold start

function envWithoutSlack() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      k.startsWith('SLACK_') ||
      k === 'PORT' ||
      k === 'LOG_LEVEL' ||
      k.startsWith('DOTENV_') ||
      k.startsWith('npm_') ||
      k === 'NODE_OPTIONS'
    )
      continue;
    env[k] = v;
  }
  return env;
}

function coldStartOnce(cwd) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'dist/index.js')], {
      cwd,
      env: envWithoutSlack(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let done = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('cold start: no answer within 10 s'));
    }, 10_000);
    child.stdout.on('data', (c) => {
      out += c;
      if (!done && out.includes('4,457,472')) {
        done = true;
        const ms = performance.now() - t0;
        clearTimeout(timer);
        child.once('exit', () => resolve(ms));
      }
    });
    child.stderr.resume();
    child.once('error', reject);
    child.stdin.end('/lstm 4096 256\n');
  });
}

async function coldStartBench(runs = 9) {
  // An empty working directory: no .env there can switch the process to a Slack mode.
  const cwd = mkdtempSync(join(tmpdir(), 'paramcount-cold-'));
  try {
    await coldStartOnce(cwd); // fills the OS file cache
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await coldStartOnce(cwd));
    times.sort((a, b) => a - b);
    return { runs, median: median(times), min: times[0], max: times[times.length - 1] };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------ main

const cpu = cpus();
console.log(
  `ParamCount benchmark: Node ${process.version}, ${cpu.length} x ${cpu[0]?.model ?? 'cpu'}, ${new Date().toISOString().slice(0, 10)}\n`,
);

const goals = [];
if (PARTS.has('engine')) {
  console.log('Engine: answerQuery + renderBlocks (Block Kit), in process');
  const engine = engineBench();
  const line = (label, r) =>
    console.log(
      `  ${label.padEnd(34)} ${fmt(r.qps, 0).padStart(8)} queries/s   p50 ${fmt(r.p50, 3)} ms   p99 ${fmt(r.p99, 3)} ms`,
    );
  line(`oracle fixtures (${engine.oracleCount} queries)`, engine.fixtures);
  line(`500-layer Keras Sequential (${fmt(engine.chars.keras / 1000, 0)}k ch)`, engine.keras);
  line(`500-layer nn.Sequential (${fmt(engine.chars.torch / 1000, 0)}k ch)`, engine.torch);
  const paste = classPasteBench();
  line(`${paste.lines}-line real class paste (${fmt(paste.chars / 1000, 0)}k ch)`, paste.run);
  console.log('');
}

if (PARTS.has('oracle')) {
  console.log('Oracle queries: answerQuery alone (parse + count), warmed, in process, mean per query');
  for (const r of oracleQueryBench()) {
    console.log(`  ${`${r.name} (${r.queries} queries)`.padEnd(34)} ${fmt(r.us, 1).padStart(8)} µs/query`);
    if (r.name === 'keras') goals.push(['Keras oracle query <= 200 µs', `${fmt(r.us, 0)} µs`, r.us <= 200]);
  }
  console.log('');
}

if (PARTS.has('dispatch')) {
  console.log('Dispatch: app.processEvent for one /lstm 4096 256, in process (no HTTP), CPU time per command');
  const us = await dispatchBench();
  for (const kind of ['bot', 'bare']) {
    const label = kind === 'bot' ? 'bot (router, memo hit, log line)' : 'bare Bolt (one listener, empty ack)';
    console.log(
      `  ${label.padEnd(38)} median ${fmt(median(us[kind]), 1).padStart(5)} µs   min ${fmt(Math.min(...us[kind]), 1).padStart(5)} µs`,
    );
  }
  console.log('');
}

if (PARTS.has('http')) {
  console.log(
    `HTTP: signed /lstm 4096 256 over loopback, autocannon ${CONNECTIONS} connections, warm-up, then ${ROUNDS} x ${SECONDS} s each, alternating`,
  );
  const runs = await httpBench();
  const m = (name, key) => median(runs[name].map((r) => r[key]));
  const row = (label, name) =>
    console.log(
      `  ${label.padEnd(44)} ${fmt(m(name, 'rps'), 0).padStart(7)} req/s   p99 ${fmt(m(name, 'p99'), 0).padStart(2)} ms   server CPU ${fmt(m(name, 'cpuUs'), 0).padStart(3)} µs/request`,
    );
  console.log(`  medians of ${ROUNDS} runs:`);
  row('bot (ParamCount), /lstm 4096 256', 'bot');
  row('bot, a different query every request', 'distinct');
  row('bare Bolt, empty ack', 'bare');
  row('bare Bolt, ack with a fixed answer', 'fixed');
  // Ratios of the runs next to each other (bot then bare in the same round, same machine weather),
  // then their median: steadier than a ratio of medians on a shared, noisy machine.
  const paired = (name) => median(runs[name].map((r, i) => r.rps / runs.bare[i].rps));
  const ratio = paired('bot');
  const distinctRatio = paired('distinct');
  const bad = [...runs.bot, ...runs.distinct].reduce((n, r) => n + r.bad, 0);
  const posted = [...runs.bot, ...runs.distinct].reduce((n, r) => n + r.posted, 0);
  console.log(
    `  paired ratios (median over rounds): bot/bare ${fmt(100 * ratio, 1)}%   distinct/bare ${fmt(100 * distinctRatio, 1)}%   fixed/bare ${fmt(100 * paired('fixed'), 1)}%`,
  );
  console.log(`  bot responses that were not 2xx or not the right answer: ${bad}; posts to response_url: ${posted}\n`);
  goals.push(['every bot response is the right answer', `${bad} bad`, bad === 0]);
  goals.push([`bot throughput >= ${GOAL_RATIO * 100}% of bare Bolt`, `${fmt(100 * ratio, 1)}%`, ratio >= GOAL_RATIO]);
  goals.push([
    `  same, every query distinct (no memo)`,
    `${fmt(100 * distinctRatio, 1)}%`,
    distinctRatio >= GOAL_RATIO,
  ]);
  goals.push([`bot p99 < ${GOAL_P99_MS} ms`, `${fmt(m('bot', 'p99'), 0)} ms`, m('bot', 'p99') < GOAL_P99_MS]);
  goals.push([
    `  same, every query distinct`,
    `${fmt(m('distinct', 'p99'), 0)} ms`,
    m('distinct', 'p99') < GOAL_P99_MS,
  ]);
}

if (PARTS.has('cold')) {
  console.log('Cold start: spawn `node dist/index.js` (console mode) -> answer to `/lstm 4096 256` on stdout');
  const cold = await coldStartBench();
  console.log(
    `  median ${fmt(cold.median, 0)} ms over ${cold.runs} runs (min ${fmt(cold.min, 0)}, max ${fmt(cold.max, 0)})\n`,
  );
  goals.push([`cold start < ${GOAL_COLD_MS} ms`, `${fmt(cold.median, 0)} ms`, cold.median < GOAL_COLD_MS]);
}

if (PARTS.has('hostile')) {
  const { reportHostile } = await import('./hostile.mjs');
  for (const g of await reportHostile()) goals.push([g.name, g.value, g.ok]);
  console.log('');
}

if (goals.length > 0) {
  console.log('Goals');
  for (const [what, got, ok] of goals) console.log(`  ${what.padEnd(40)} ${got.padStart(8)}  ${mark(ok)}`);
}

if (PARTS.has('profile')) {
  console.log('\nProfile: the bot under load');
  await profileBot();
}
