// Every regular expression in src/ must run in linear time: recheck (a ReDoS checker) rates each one,
// and the test fails on any rated vulnerable, on any it cannot decide, and on any `new RegExp(...)`
// whose source is not known statically. New files are covered as soon as they exist.
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { findRegexes } from './regex-sources.js';

/**
 * `new RegExp(...)` calls whose source is built at run time, each with why it is safe. Empty: write
 * regexes as literals or from `const` strings so they can be checked.
 */
const DYNAMIC_ALLOWED: Record<string, string> = {};

/** Regexes recheck cannot decide in time (file:line -> why it is linear anyway). Empty today. */
const UNKNOWN_ALLOWED: Record<string, string> = {};

/** Per regex; the native backend needs milliseconds, the pure-JS one up to a few seconds. */
const CHECK_TIMEOUT_MS = 10_000;

const found = findRegexes('src');

describe('regular expressions in src/', () => {
  it('are found (the collector works)', () => {
    // A canary: literals, String.raw templates and RegExp calls across the tree.
    expect(found.length).toBeGreaterThan(100);
    expect(found.some((f) => f.file.endsWith('summary.ts'))).toBe(true);
  });

  it('have sources known statically', () => {
    const dynamic = found
      .filter((f) => f.dynamic !== undefined && !DYNAMIC_ALLOWED[`${f.file}:${f.line}`])
      .map((f) => `${f.file}:${f.line} new RegExp(${f.dynamic})`);
    expect(dynamic).toEqual([]);
  });

  it('are all rated safe by recheck', { timeout: 600_000 }, () => {
    const problems: string[] = [];
    for (const f of found) {
      for (const source of f.sources) {
        // g and y change where matching starts, not its complexity; recheck does not take them.
        const flags = f.flags.replace(/[gy]/g, '');
        const r = checkSync(source, flags, { timeout: CHECK_TIMEOUT_MS });
        const where = `${f.file}:${f.line}`;
        if (r.status === 'vulnerable')
          problems.push(`${where} /${source.slice(0, 200)}/ is ${r.complexity.type} (attack: ${r.attack.pattern})`);
        else if (r.status === 'unknown' && !UNKNOWN_ALLOWED[where])
          problems.push(`${where} /${source.slice(0, 200)}/ could not be rated (${r.error.kind})`);
      }
    }
    expect(problems).toEqual([]);
  });
});
