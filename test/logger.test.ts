import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../src/logger.js';
import { ensureBuilt, REPO_ROOT } from './helpers/build.js';

describe('redact', () => {
  it('hides anything shaped like a Slack token, and the exact secrets given', () => {
    expect(redact('token xoxb-1234-5678-abcDEF and xapp-1-A1-2-ff and xoxp-9-9', [])).toBe(
      'token xoxb-[redacted] and xapp-[redacted] and xoxp-[redacted]',
    );
    expect(redact('secret=8f14e45fceea167a5a36dedd4bea2543!', ['8f14e45fceea167a5a36dedd4bea2543'])).toBe(
      'secret=[redacted]!',
    );
  });
});

describe('createLogger', () => {
  it('filters by level and writes one redacted line per message', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', secrets: ['hunter2-signing'], write: (l) => void lines.push(l) });
    logger.debug('nope');
    logger.info('nope');
    logger.warn('careful with', 'hunter2-signing');
    logger.error(new Error('bad token xoxb-1-2-3'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/ WARN \[paramcount\] careful with \[redacted\]\n$/);
    // At error level an Error carries its stack (indented under the line), redacted like the rest.
    expect(lines[1]).toMatch(/ ERROR \[paramcount\] Error: bad token xoxb-\[redacted\]\n\s+at /);
    expect(lines[1]).not.toContain('xoxb-1-2-3');
  });

  it('keeps LOG_LEVEL even when the Slack SDK clients try to reset the level or name', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'error', write: (l) => void lines.push(l) });
    // Bolt hands its logger to the WebClient, which calls setLevel(INFO) and setName(...) on it.
    new App({ token: 'xoxb-1-2-test', signingSecret: 'test-secret', logger, tokenVerificationEnabled: false });
    expect(logger.getLevel()).toBe(LogLevel.ERROR);
    logger.info('should not appear');
    logger.error('appears');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('[paramcount] appears');
  });
});

describe('the default stderr destination (batched)', () => {
  const run = (script: string) => {
    ensureBuilt();
    const logger = pathToFileURL(join(REPO_ROOT, 'dist', 'logger.js')).href;
    return spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import { createLogger, flushLogs } from '${logger}';\n${script}`],
      {
        encoding: 'utf8',
        timeout: 10_000,
      },
    );
  };

  it('loses no line when the process exits in the same turn, and keeps their order', () => {
    const r = run(`const log = createLogger({ name: 't', secrets: ['s3cret-value'] });
for (let i = 1; i <= 200; i++) log.info('line', i, i === 7 ? 's3cret-value' : '');
process.exit(3);`);
    expect(r.status).toBe(3);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(200);
    lines.forEach((l, i) => {
      expect(l).toMatch(new RegExp(` INFO \\[t\\] line ${i + 1} ?`));
    });
    expect(r.stderr).not.toContain('s3cret-value');
    expect(lines[6]).toContain('[redacted]');
  });

  it('flushLogs() writes what is waiting, so a direct write after it comes last', () => {
    const r = run(`const log = createLogger({ name: 't' });
log.warn('first');
flushLogs();
process.stderr.write('last\\n');
process.exit(1);`);
    expect(
      r.stderr
        .trimEnd()
        .split('\n')
        .map((l) => l.replace(/^\S+ /, '')),
    ).toEqual(['WARN [t] first', 'last']);
  });

  it('lines logged across turns of the event loop all arrive', () => {
    const r = run(`const log = createLogger({ name: 't' });
let n = 0;
const tick = () => { log.info('turn', ++n); if (n < 5) setTimeout(tick, 5); };
tick();`);
    expect(r.status).toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(5);
  });
});
