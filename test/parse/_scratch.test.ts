import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'vitest';
import { parseSummary } from '../../src/parse/summary.js';
test('dump', () => {
  const dir = 'test/fixtures/summaries';
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const p = parseSummary(readFileSync(`${dir}/${f}`, 'utf8'));
    if (!p.ok) { console.log(f, 'FAIL', p.error); continue; }
    console.log(f, p.format, 'total', p.total, 'tr', p.trainable, 'nt', p.nonTrainable, 'opt', p.optimizer, p.warnings);
    for (const r of p.rows) console.log('   ', JSON.stringify({ n: r.name, t: r.type, tt: r.typeTruncated, o: r.outputShape?.map(String) ?? null, i: r.inputShape?.map(String), s: String(r.stated), d: r.depth, c: r.connectedTo, st: r.shapeTruncated }));
  }
});
