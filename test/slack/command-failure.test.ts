// If answering ever threw (a bug of ours: answerQuery turns bad input into an error answer), the
// command still acks with a friendly message, and the log has the error without the user's text.
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import {
  paramCountCommand,
  paramCountCommandCallback,
} from '../../src/slack/listeners/commands/param-count-command.js';
import { messageText } from '../helpers/slack-requests.js';

vi.mock('../../src/answer.js', () => ({
  answerQuery: () => {
    throw new TypeError('Cannot read properties of undefined (reading "units")');
  },
}));

describe('slash command whose answer throws', () => {
  it('acks with a friendly message and an example, logs the failure, leaks nothing', async () => {
    const acked: Array<Record<string, unknown>> = [];
    const lines: string[] = [];
    await paramCountCommandCallback({
      ack: async (m: Record<string, unknown>) => void acked.push(m),
      command: { command: '/lstm', text: '4096 256 secret-model-name' },
      logger: createLogger({ level: 'info', write: (l) => void lines.push(l) }),
    } as never);
    expect(acked).toHaveLength(1);
    expect(acked[0]!.response_type).toBe('ephemeral');
    const text = messageText(acked[0]!);
    expect(text).toMatch(/something went wrong/);
    expect(text).toContain('/lstm 4096 256');
    expect(text).not.toMatch(/TypeError|reading/);
    expect(
      lines.some(
        (l) => l.includes('ERROR') && l.includes('command /lstm failed while answering') && l.includes('TypeError'),
      ),
    ).toBe(true);
    expect(lines.some((l) => l.includes('command /lstm outcome=failed'))).toBe(true);
    expect(lines.join('')).not.toContain('secret-model-name');
    expect(lines.join('')).not.toMatch(/\n {4}at /);
  });

  it('in HTTP mode the friendly message goes as JSON text', async () => {
    const acked: unknown[] = [];
    await paramCountCommand({ jsonText: true })({
      ack: async (m: unknown) => void acked.push(m),
      command: { command: '/rnn', text: '64 32' },
      logger: createLogger({ level: 'info', write: () => {} }),
    } as never);
    expect(acked).toHaveLength(1);
    expect(typeof acked[0]).toBe('string');
    const reply = JSON.parse(acked[0] as string) as Record<string, unknown>;
    expect(reply.response_type).toBe('ephemeral');
    expect(messageText(reply)).toMatch(/something went wrong.*\/lstm 4096 256/s);
  });
});
