// Slack signs each request with its time, and a request more than five minutes from now is refused: Bolt refuses
// old ones, this refuses those from the future too (a captured request with a forged clock could otherwise be
// replayed until that time comes). The signature itself is Bolt's to check.
import type { RequestHandler } from 'express';

const MAX_SKEW_SECONDS = 5 * 60;

export function refuseFutureTimestamps(now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const stamp = Number(req.header('x-slack-request-timestamp'));
    if (Number.isFinite(stamp) && stamp > Math.floor(now() / 1000) + MAX_SKEW_SECONDS) {
      res.status(401).end();
      return;
    }
    next();
  };
}
