// If answering ever failed in the main thread (a bug of ours: the pool turns every worker failure
// into a friendly answer), the command still tells the asker something friendly, and the log has
// the error with its stack at error level, without the user's text.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { paramCountCommand } from '../../src/slack/listeners/commands/param-count-command.js';
import type { AnswerPool } from '../../src/work/pool.js';
import { messageText } from '../helpers/slack-requests.js';

const brokenPool: AnswerPool = {
  deadlineMs: 2000,
  answer: async () => {
    throw new TypeError('Cannot read properties of undefined (reading "units")');
  },
  close: async () => {},
};

describe('slash command whose answer throws', () => {
  it('acks, responds with a friendly message and an example, logs the failure, leaks nothing', async () => {
    const acked: unknown[] = [];
    const responded: Array<Record<string, unknown>> = [];
    const lines: string[] = [];
    await paramCountCommand(brokenPool)({
      ack: async (m?: unknown) => void acked.push(m),
      respond: async (m: Record<string, unknown>) => void responded.push(m),
      command: { command: '/lstm', text: '4096 256 secret-model-name' },
      logger: createLogger({ level: 'info', write: (l) => void lines.push(l) }),
    } as never);
    expect(acked).toHaveLength(1);
    expect(responded).toHaveLength(1);
    expect(responded[0]!.response_type).toBe('ephemeral');
    const text = messageText(responded[0]!);
    expect(text).toMatch(/something went wrong/);
    expect(text).toContain('/lstm 4096 256');
    expect(text).not.toMatch(/TypeError|reading/);
    const error = lines.find((l) => l.includes('ERROR') && l.includes('command /lstm failed'));
    expect(error).toContain('TypeError');
    expect(error).toMatch(/\n\s+at /); // with its stack
    expect(lines.some((l) => l.includes('command /lstm outcome=failed'))).toBe(true);
    expect(lines.join('')).not.toContain('secret-model-name');
  });
});
