import type { Logger } from '@slack/bolt';
import { createLogger } from '../../src/logger.js';
import type { LogLevelName } from '../../src/config.js';

/** A real ParamCount logger whose lines are kept in memory (and redacted like production ones). */
export function captureLogger(
  level: LogLevelName = 'info',
  secrets: string[] = [],
): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger({ level, secrets, write: (l) => void lines.push(l) }), lines };
}
