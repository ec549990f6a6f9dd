import { App, LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../src/logger.js';

describe('redact', () => {
  it('hides anything shaped like a Slack token, and the exact secrets given', () => {
    expect(redact('token xoxb-1234-5678-abcDEF and xapp-1-A1-2-ff and xoxp-9-9', [])).toBe(
      'token xoxb-[redacted] and xapp-[redacted] and xoxp-[redacted]',
    );
    expect(redact('secret=8f14e45fceea167a5a36dedd4bea2543!', ['8f14e45fceea167a5a36dedd4bea2543'])).toBe('secret=[redacted]!');
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
    expect(lines[1]).toMatch(/ ERROR \[paramcount\] Error: bad token xoxb-\[redacted\]\n$/);
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
