// A small Bolt-compatible logger: one line per message, level filtering, and redaction of anything
// that looks like a Slack token plus the exact secret values it is given. Writes to stderr by default
// so console mode's stdout carries answers only.
//
// Types only from Bolt: loading @slack/bolt takes about 300 ms, and console mode and the CLI log
// without ever needing it (cold start is measured from spawn to the first answer).
import type { Logger, LogLevel } from '@slack/bolt';
import type { LogLevelName } from './config.js';

/** Bolt's LogLevel values ('debug', 'info', 'warn', 'error'), in order. */
const ORDER: Record<`${LogLevel}`, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const TOKEN_PATTERN = /\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g;

export interface LoggerOptions {
  level?: LogLevelName | LogLevel;
  name?: string;
  /** Exact values that must never appear in a log line (tokens, signing secret). */
  secrets?: readonly string[];
  /** Where lines go; defaults to stderr, batched (see writeStderr). */
  write?: (line: string) => void;
}

let pending: string[] = [];
let flushScheduled = false;
let exitHooked = false;

/** Writes out every log line still waiting. Call it before writing to stderr directly, to keep the order. */
export function flushLogs(): void {
  flushScheduled = false;
  if (pending.length === 0) return;
  const chunk = pending.join('');
  pending = [];
  process.stderr.write(chunk);
}

/**
 * The default destination: lines logged in one turn of the event loop leave in one write to stderr
 * instead of one system call each (under load, many requests finish per turn). Whatever is left is
 * written when the process exits (stderr is synchronous for files, and for pipes on Linux).
 */
function writeStderr(line: string): void {
  pending.push(line);
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', flushLogs);
  }
  if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flushLogs);
  }
}

/** Replaces Slack-token-shaped strings and the given secrets with a fixed marker. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 4 && out.includes(s)) out = out.split(s).join('[redacted]');
  }
  // Every token starts "xox" or "xapp": most lines have neither and skip the pattern.
  if (!out.includes('xox') && !out.includes('xapp')) return out;
  return out.replace(TOKEN_PATTERN, (_m, prefix: string) => `${prefix}-[redacted]`);
}

function describe(value: unknown, withStack: boolean): string {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    const head = `${value.name}: ${value.message}${typeof code === 'string' && !value.message.includes(code) ? ` (${code})` : ''}`;
    return withStack && value.stack ? value.stack : head;
  }
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The level and name are fixed at creation: Bolt hands this one logger to every WebClient and the
 * Socket Mode client, and those call setLevel(INFO)/setName(...) on whatever logger they are given,
 * which would otherwise override LOG_LEVEL. So setLevel and setName are accepted and ignored.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = ((options.level as LogLevel | undefined) ?? 'info') as LogLevel;
  const name = options.name ?? 'paramcount';
  const secrets = options.secrets ?? [];
  const write = options.write ?? writeStderr;

  const log = (at: `${LogLevel}`, msg: unknown[]): void => {
    if (ORDER[at] < ORDER[level]) return;
    // Errors carry their stack at error level (a listener bug is more than one line); never user text.
    const text = msg.map((m) => describe(m, at === 'error' || level === 'debug')).join(' ');
    const line = `${new Date().toISOString()} ${at.toUpperCase()} [${name}] ${text}`;
    const safe = redact(line, secrets);
    write((safe.includes('\n') ? safe.replace(/\r?\n(?!$)/g, '\n    ') : safe) + '\n');
  };

  return {
    debug: (...msg: unknown[]) => log('debug', msg),
    info: (...msg: unknown[]) => log('info', msg),
    warn: (...msg: unknown[]) => log('warn', msg),
    error: (...msg: unknown[]) => log('error', msg),
    setLevel: () => {},
    getLevel: () => level,
    setName: () => {},
  };
}
