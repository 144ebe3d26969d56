// Bolt's and the Web API client's logger interface, writing into ours.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../logger.ts';

export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (parts: unknown[]) =>
    parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    debug: (...parts) => logger.debug({ source: 'bolt' }, text(parts)),
    info: (...parts) => logger.info({ source: 'bolt' }, text(parts)),
    warn: (...parts) => logger.warn({ source: 'bolt' }, text(parts)),
    error: (...parts) => logger.error({ source: 'bolt' }, text(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
