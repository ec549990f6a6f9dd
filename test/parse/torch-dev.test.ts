// Model code and print(model) trees checked against PyTorch 1.13 (torch-dev-cases.jsonl; how the
// figures were made is in oracle-README.md). Tests never need PyTorch: the figures are recorded.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countModel } from '../../src/engine/model.js';
import { parseCode } from '../../src/parse/code.js';

interface DevCase {
  id: string;
  query: string;
  params: string;
  trainable: string;
  printed?: boolean;
}

const cases: DevCase[] = readFileSync(new URL('../fixtures/torch-dev-cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as DevCase);

/** Printed trees of models with tied weights or raw parameters: the tree cannot show them. */
const TREE_CANNOT_SHOW = new Set(['dev-print-a1', 'dev-print-a3']);

describe('PyTorch 1.13 figures for pasted classes and printed trees', () => {
  for (const c of cases) {
    it(c.id, () => {
      const parsed = parseCode(c.query);
      if (!parsed.ok) throw new Error(parsed.error);
      const record = countModel(parsed.model);
      if (TREE_CANNOT_SHOW.has(c.id)) {
        expect(parsed.model.notes.join(' ')).toMatch(/cannot show raw nn\.Parameters.*tied weights/);
        return;
      }
      expect(record.unknownLayers).toEqual([]);
      expect(record.total).toBe(BigInt(c.params));
      if (!c.printed) expect(record.trainable).toBe(BigInt(c.trainable));
    });
  }
  it('a printed custom module with no arguments is named as not counted', () => {
    const c = cases.find((x) => x.id === 'dev-print-a1');
    const parsed = c ? parseCode(c.query) : null;
    if (!parsed?.ok) throw new Error('no parse');
    expect(countModel(parsed.model).unknownLayers).toContain('LayerNorm');
  });
});
