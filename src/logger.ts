// Structured logs (pino). Secrets never reach a log line: known secret fields are redacted wherever they appear.
import { pino } from 'pino';

/** The part of a logger the rest of the code uses, so nothing but this file depends on pino. */
export interface Logger {
  error(context: object, message: string): void;
  warn(context: object, message: string): void;
  info(context: object, message: string): void;
  debug(context: object, message: string): void;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

const SECRET_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'password',
  'appPassword',
  'authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.password',
  '*.appPassword',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
];

/** A logger writing JSON lines to standard error (standard output belongs to replies and the console chat). */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, redact: { paths: SECRET_PATHS, censor: '[redacted]' } }, pino.destination(2));
}

export const silentLogger: Logger = { error() {}, warn() {}, info() {}, debug() {} };
