// Real model definitions as people paste them (oracle-realworld.jsonl: PyTorch classes with their
// instantiation line, Keras scripts and builder functions), each with the framework's own count.
// Every total, and the trainable split where the fixture gives one, must come out exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countModel } from '../../src/engine/model.js';
import { parseCode } from '../../src/parse/code.js';

interface RealWorldCase {
  id: string;
  source: string;
  truth: string;
  query: string;
  params: string;
  trainable?: string;
}

const cases: RealWorldCase[] = readFileSync(new URL('../fixtures/oracle-realworld.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as RealWorldCase);

describe('oracle: real-world model code', () => {
  it('has the 41 cases (30 PyTorch, 11 Keras)', () => {
    expect(cases.length).toBe(41);
    expect(cases.filter((c) => c.id.startsWith('rw-torch-')).length).toBe(30);
  });
  for (const c of cases) {
    it(`${c.id} (${c.source.slice(0, 70)})`, () => {
      const parsed = parseCode(c.query);
      if (!parsed.ok) throw new Error(parsed.error);
      const record = countModel(parsed.model);
      expect(record.unknownLayers).toEqual([]);
      expect(record.total).toBe(BigInt(c.params));
      if (c.trainable !== undefined) expect(record.trainable).toBe(BigInt(c.trainable));
    });
  }
});
