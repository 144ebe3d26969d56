// The errors kam-bot raises on purpose. A UserError is the person's to fix and is shown to them as one sentence;
// anything else is ours, logged with its context and answered with a short generic reply.

export type UserErrorCode = 'invalid_input' | 'not_found' | 'forbidden' | 'conflict';

export class UserError extends Error {
  override readonly name: string = 'UserError';
  constructor(
    readonly code: UserErrorCode,
    message: string,
    /** How to use the command correctly, shown under the message. */
    readonly usage?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class ValidationError extends UserError {
  override readonly name = 'ValidationError';
  constructor(message: string, usage?: string, options?: ErrorOptions) {
    super('invalid_input', message, usage, options);
  }
}

export class NotFoundError extends UserError {
  override readonly name = 'NotFoundError';
  constructor(message: string, usage?: string) {
    super('not_found', message, usage);
  }
}

export class PermissionError extends UserError {
  override readonly name = 'PermissionError';
  constructor(message: string) {
    super('forbidden', message);
  }
}

export class ConflictError extends UserError {
  override readonly name = 'ConflictError';
  constructor(message: string, usage?: string) {
    super('conflict', message, usage);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** A reason the bot cannot start that the person running it can fix (a refused token, an unreachable service). */
export class StartupError extends Error {
  override readonly name: string = 'StartupError';
}
