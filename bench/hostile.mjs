// Worst hostile-input time and peak memory: every family of test/hardening/hostile-inputs.mjs at the
// largest size, each variant answered (answerQuery + Block Kit + text) in its own child process, so
// each figure is that input's alone. Run by bench/run.mjs (part "hostile"), or alone after a build:
// `node bench/hostile.mjs`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const GOAL_MS = 1000;
const GOAL_MB = 300;

/** In the child: answer one input, print {ms, rssMb}. */
async function child(family, variant) {
  const { FAMILIES, MAX_CHARS } = await import('../test/hardening/hostile-inputs.mjs');
  const { answerQuery } = await import('../dist/answer.js');
  const { renderBlocks } = await import('../dist/render/blocks.js');
  const { renderText } = await import('../dist/render/text.js');
  answerQuery('/lstm 4096 256'); // warm the modules, not the input
  const text = FAMILIES[family](MAX_CHARS - 1_000, variant)
    .slice(0, MAX_CHARS)
    .split('\n')
    .slice(0, 5000)
    .join('\n');
  const t0 = process.hrtime.bigint();
  const answer = answerQuery(text);
  renderBlocks(answer);
  renderText(answer);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, kind: answer.kind }));
}

/** Runs every family and variant; returns the rows sorted by time, slowest first. */
export async function hostileBench() {
  const { FAMILIES } = await import('../test/hardening/hostile-inputs.mjs');
  const rows = [];
  for (const family of Object.keys(FAMILIES)) {
    for (const variant of [0, 1, 2, 3]) {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', family, String(variant)], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      let out = { ms: Number.NaN, rssMb: Number.NaN, kind: r.error ? 'timeout' : `exit ${r.status}` };
      try {
        out = JSON.parse(r.stdout);
      } catch {}
      rows.push({ family, variant, ...out });
    }
  }
  return rows.sort((a, b) => (b.ms || Number.POSITIVE_INFINITY) - (a.ms || Number.POSITIVE_INFINITY));
}

/** Prints the worst time and peak memory, and the five slowest inputs; returns the two goals. */
export async function reportHostile(log = console.log) {
  const rows = await hostileBench();
  const worst = rows[0];
  const peak = rows.reduce((m, r) => (r.rssMb > m.rssMb ? r : m), rows[0]);
  const fmt = (n) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
  log(
    `Hostile inputs: ${rows.length} inputs near 100,000 characters, each in its own process (answer + Block Kit + text)`,
  );
  log(`  worst time: ${fmt(worst.ms)} ms (${worst.family}, variant ${worst.variant}, ${worst.kind})`);
  log(`  peak memory (max RSS): ${fmt(peak.rssMb)} MB (${peak.family}, variant ${peak.variant})`);
  log('  slowest five:');
  for (const r of rows.slice(0, 5))
    log(`    ${fmt(r.ms).padStart(9)} ms  ${fmt(r.rssMb).padStart(6)} MB  ${r.family} [${r.variant}] ${r.kind}`);
  return [
    { name: `worst hostile-input time < ${GOAL_MS} ms`, value: `${fmt(worst.ms)} ms`, ok: worst.ms < GOAL_MS },
    { name: `hostile-input peak memory < ${GOAL_MB} MB`, value: `${fmt(peak.rssMb)} MB`, ok: peak.rssMb < GOAL_MB },
  ];
}

if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]));
else if (process.argv[1] === fileURLToPath(import.meta.url)) await reportHostile();
