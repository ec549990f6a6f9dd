// Real model.summary() tables printed by Keras in public repositories (test/fixtures/
// oracle-realworld-summaries.jsonl, see oracle-README.md), some with one row (and sometimes the total)
// edited: every row's verdict and whether the printed total is the model's true count must match.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifySummary } from '../../src/engine/verify.js';
import { parseSummary } from '../../src/parse/summary.js';

interface Case {
  id: string;
  query: string;
  total_agrees: boolean;
  rows: [string, 'agrees' | 'disagrees' | 'unknown'][];
}

const CASES: Case[] = readFileSync(new URL('../fixtures/oracle-realworld-summaries.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Case);

describe('real-world summaries (oracle)', () => {
  it('the fixture is there', () => expect(CASES.length).toBeGreaterThanOrEqual(13));
  for (const c of CASES) {
    it(`${c.id}: every row's verdict and the total's`, () => {
      const v = verifySummary(parseSummary(c.query));
      if (!v.ok) throw new Error(v.message);
      const got = v.verification.rows.map((r) => [r.name, r.status]);
      expect(got).toEqual(c.rows);
      expect(v.verification.total.agrees).toBe(c.total_agrees);
    });
  }
});
