// Every pasted-code case in the oracle fixture (figures read off the real frameworks) must come out exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countModel } from '../src/engine/model.js';
import { parseCode } from '../src/parse/code.js';

interface OracleCase {
  id: string;
  source: string;
  query: string;
  params: number;
  trainable?: number;
  non_trainable?: number;
  buffers?: number;
}

const cases: OracleCase[] = readFileSync(new URL('./fixtures/oracle-cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as OracleCase)
  .filter((c) => !c.id.startsWith('slash-'));

describe('oracle: pasted code', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(100);
  });
  for (const c of cases) {
    it(`${c.id}: ${c.query.replace(/\n/g, ' ⏎ ').slice(0, 90)}`, () => {
      const parsed = parseCode(c.query);
      if (!parsed.ok) throw new Error(parsed.error);
      const record = countModel(parsed.model);
      expect(record.total).toBe(BigInt(c.params));
      expect(record.unknownLayers).toEqual([]);
      if (c.trainable !== undefined) expect(record.trainable).toBe(BigInt(c.trainable));
      if (c.non_trainable !== undefined) expect(record.nonTrainable).toBe(BigInt(c.non_trainable));
      if (c.buffers !== undefined) expect(record.buffers).toBe(BigInt(c.buffers));
      else expect(record.buffers).toBe(0n);
    });
  }
});
