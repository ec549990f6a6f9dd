// `npm run bench`: measures ParamCount on this machine, against the compiled dist/ (the script builds
// first). One run, bounded time (about a minute), all traffic on 127.0.0.1:
//
//   engine      answerQuery + renderBlocks over the oracle fixture queries, and a generated
//               500-layer pasted model, in process: queries per second, p50 / p99 per query
//   HTTP        the bot in HTTP mode (createSlackApp, in its own process) asked by 32 clients at once,
//               each sending signed slash commands one after another, a different question every time
//               (`/lstm 1001 256`, `/lstm 1002 256`, ...). The bot acks, answers in a worker thread and
//               posts the answer to the command's response_url (a fake Slack on loopback). Latency is
//               from sending the command to its answer arriving there; every answer is checked.
//   oracle      answerQuery alone over the oracle fixtures, warmed: mean µs per query, per source
//   cold start  `node dist/index.js` (console mode, no SLACK_* env) with `/lstm 4096 256` piped in, and
//               `node dist/cli.js "/lstm 4096 256"`, from spawn to the answer on stdout: medians
//   hostile     bench/hostile.mjs: worst hostile-input time and peak memory (test/hardening/hostile-inputs.mjs)
//
// Environment: BENCH_SECONDS (each HTTP run, default 4), BENCH_ROUNDS (HTTP runs, default 5),
// BENCH_PARTS (default engine,oracle,http,cold,hostile; add profile to profile the bot's main thread under load and
// print where its CPU time goes), BENCH_PROFILE_OUT=file.cpuprofile keeps that profile for Chrome DevTools.
import { fork, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Agent as HttpAgent, request as httpRequest } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuery } from '../dist/answer.js';
import { renderBlocks } from '../dist/render/blocks.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'engine,oracle,http,cold,hostile').split(',').map((p) => p.trim()));
const CONNECTIONS = 32;
const SECRET = 'bench-signing-secret-0123456789abcdef';

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
    // CPU time, not wall time: on a shared machine the process may wait for a core between queries.
    const cpu = process.cpuUsage();
    while (performance.now() - started < minMs / groups.size || n < queries.length * 20) {
      for (const q of queries) {
        if (answerQuery(q).kind !== 'count') throw new Error(`oracle query not counted: ${q}`);
      }
      n += queries.length;
    }
    const used = process.cpuUsage(cpu);
    out.push({ name, queries: queries.length, us: (used.user + used.system) / n });
  }
  return out;
}

// ------------------------------------------------------------------------------------ fake Slack side

/**
 * Web API (auth.test) and response_url targets on loopback. A command's answer arrives as a POST to
 * /response/<id>; waitForAnswer(id) resolves with its JSON body when it does.
 */
async function startFakeSlack() {
  const waiting = new Map();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      res.setHeader('Content-Type', 'application/json');
      if (url.startsWith('/response/')) {
        res.end('{"ok":true}');
        const resolve = waiting.get(url.slice('/response/'.length));
        if (resolve) resolve(Buffer.concat(chunks).toString('utf8'));
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
  server.keepAliveTimeout = 60_000;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: (id) => `http://127.0.0.1:${port}/response/${id}`,
    /** Resolves with the body posted to /response/<id> (register before sending the command). */
    waitForAnswer: (id) =>
      new Promise((resolve) => {
        waiting.set(id, (body) => {
          waiting.delete(id);
          resolve(body);
        });
      }),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  };
}

function startServer(apiUrl) {
  const child = fork(join(ROOT, 'bench/server.mjs'), [apiUrl, SECRET], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bot server exited early (${code})`)));
    child.once('message', (m) => {
      child.removeAllListeners('exit');
      resolve({
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

function commandRequest(responseUrl, text) {
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
  const ts = Math.floor(Date.now() / 1000);
  const signature = 'v0=' + createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature,
    },
  };
}

/** A distinct query's reply is right when it is ephemeral and its count is Keras' 4 x (256 x (n + 256) + 256). */
function rightDistinctAnswer(body, n) {
  const reply = JSON.parse(body);
  if (reply.response_type !== 'ephemeral') return false;
  const m = /^LSTM ([\d,]+) → 256: ([\d,]+) parameters/.exec(reply.text ?? '');
  return (
    m !== null &&
    BigInt(m[1].replaceAll(',', '')) === BigInt(n) &&
    BigInt(m[2].replaceAll(',', '')) === 4n * (256n * (BigInt(n) + 256n) + 256n)
  );
}

/** POSTs a body and resolves with the status once the response has been read. */
function postOnce(agent, port, headers, body) {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers, agent });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let question = 1000;

/**
 * CONNECTIONS clients, each sending signed slash commands one after another for `seconds`: a
 * different question every time (`/lstm 1001 256`, `/lstm 1002 256`, ...), so every request is
 * parsed, counted and rendered. Latency is from sending the command to its answer arriving at its
 * response_url (what the asker waits for); the ack's own latency is kept too. Every answer is checked.
 */
async function load(server, fake, seconds) {
  const agent = new HttpAgent({ keepAlive: true, maxSockets: CONNECTIONS });
  const answerMs = [];
  const ackMs = [];
  let bad = 0;
  const cpuBefore = (await server.ask('cpu', 'cpu')).cpu;
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      question += 1;
      const n = question;
      const id = `q${n}`;
      const answered = fake.waitForAnswer(id);
      const { body, headers } = commandRequest(fake.responseUrl(id), `${n} 256`);
      const t0 = performance.now();
      const status = await postOnce(agent, server.port, headers, body);
      ackMs.push(performance.now() - t0);
      if (status !== 200) {
        bad += 1;
        continue;
      }
      const answer = await answered;
      answerMs.push(performance.now() - t0);
      if (!rightDistinctAnswer(answer, n)) bad += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = (await server.ask('cpu', 'cpu')).cpu;
  agent.destroy();
  answerMs.sort((a, b) => a - b);
  ackMs.sort((a, b) => a - b);
  return {
    rps: answerMs.length / elapsed,
    p50: pct(answerMs, 50),
    p99: pct(answerMs, 99),
    ackP99: pct(ackMs, 99),
    cpuUs: (cpuAfter - cpuBefore) / Math.max(1, answerMs.length),
    ok: answerMs.length,
    bad,
  };
}

async function httpBench() {
  const fake = await startFakeSlack();
  const bot = await startServer(fake.apiUrl);
  try {
    await load(bot, fake, 2); // warm-up: JIT, both answer workers loaded
    const runs = [];
    for (let i = 0; i < ROUNDS; i++) {
      const r = await load(bot, fake, SECONDS);
      runs.push(r);
      console.log(
        `  run ${i + 1}  ${fmt(r.rps, 0).padStart(6)} answers/s  answer p50 ${fmt(r.p50, 1)} ms  p99 ${fmt(r.p99, 1)} ms  (ack p99 ${fmt(r.ackP99, 1)} ms)  server CPU ${fmt(r.cpuUs, 0)} µs/answer  wrong or failed ${r.bad}`,
      );
    }
    return runs;
  } finally {
    await bot.stop();
    await fake.close();
  }
}

/** One more run with the V8 profiler on the bot's main thread (after a warm-up); where its CPU time goes. */
async function profileBot() {
  const fake = await startFakeSlack();
  const bot = await startServer(fake.apiUrl);
  let prof;
  try {
    await load(bot, fake, 2);
    await bot.ask('prof:start', 'profiling');
    const r = await load(bot, fake, SECONDS);
    prof = (await bot.ask('prof:stop', 'profile')).profile;
    console.log(
      `  profiled run: ${fmt(r.rps, 0)} answers/s, p99 ${fmt(r.p99, 1)} ms (the profiler slows the bot down; the answer workers are not profiled)`,
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

/** The two ways a newcomer asks one question: `npm start` with it piped in, and the CLI. */
const COLD_STARTS = {
  console: { args: ['dist/index.js'], stdin: '/lstm 4096 256\n' },
  cli: { args: ['dist/cli.js', '/lstm 4096 256'], stdin: '' },
};

function coldStartOnce(cwd, { args, stdin }) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      args.map((a, i) => (i === 0 ? join(ROOT, a) : a)),
      {
        cwd,
        env: envWithoutSlack(),
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
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
    child.stdin.end(stdin);
  });
}

async function coldStartBench(how, runs = 9) {
  // An empty working directory: no .env there can switch the process to a Slack mode.
  const cwd = mkdtempSync(join(tmpdir(), 'paramcount-cold-'));
  try {
    await coldStartOnce(cwd, how); // fills the OS file cache
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await coldStartOnce(cwd, how));
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
  console.log('Oracle queries: answerQuery alone (parse + count), warmed, in process, mean CPU time per query');
  for (const r of oracleQueryBench()) {
    console.log(`  ${`${r.name} (${r.queries} queries)`.padEnd(34)} ${fmt(r.us, 1).padStart(8)} µs/query`);
    if (r.name === 'keras') goals.push(['Keras oracle query <= 200 µs', `${fmt(r.us, 0)} µs`, r.us <= 200]);
  }
  console.log('');
}

if (PARTS.has('http')) {
  console.log(
    `HTTP: ${CONNECTIONS} clients sending signed slash commands, a different question every time; ack, answer in a worker, post to response_url; warm-up, then ${ROUNDS} x ${SECONDS} s`,
  );
  const runs = await httpBench();
  const m = (key) => median(runs.map((r) => r[key]));
  const bad = runs.reduce((n, r) => n + r.bad, 0);
  console.log(
    `  medians of ${ROUNDS} runs: ${fmt(m('rps'), 0)} answers/s, answer p50 ${fmt(m('p50'), 1)} ms, p99 ${fmt(m('p99'), 1)} ms, ack p99 ${fmt(m('ackP99'), 1)} ms, server CPU ${fmt(m('cpuUs'), 0)} µs/answer; wrong or failed: ${bad}\n`,
  );
  goals.push(['every answer right', `${bad} bad`, bad === 0]);
  goals.push([`answer p99 < ${GOAL_P99_MS} ms (32 clients)`, `${fmt(m('p99'), 1)} ms`, m('p99') < GOAL_P99_MS]);
}

if (PARTS.has('cold')) {
  console.log('Cold start: spawn -> the answer to /lstm 4096 256 on stdout (the answer worker starts and loads first)');
  for (const [name, how] of Object.entries(COLD_STARTS)) {
    const cold = await coldStartBench(how);
    const label = name === 'console' ? '`node dist/index.js` (console mode)' : '`node dist/cli.js "/lstm 4096 256"`';
    console.log(
      `  ${label.padEnd(40)} median ${fmt(cold.median, 0)} ms over ${cold.runs} runs (min ${fmt(cold.min, 0)}, max ${fmt(cold.max, 0)})`,
    );
    goals.push([`cold start, ${name} < ${GOAL_COLD_MS} ms`, `${fmt(cold.median, 0)} ms`, cold.median < GOAL_COLD_MS]);
  }
  console.log('');
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
