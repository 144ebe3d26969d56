// The bot's one HTTP server: Slack at /slack/events, Teams at /api/messages, and /healthz for load balancers.
import type { Server } from 'node:http';
import express, { type Express } from 'express';

export function createHttpApp(health: () => Promise<Record<string, unknown>>): Express {
  const app = express();
  app.disable('x-powered-by');
  // Once stopping, a request that arrives on a connection still open is turned away: Slack delivers an event
  // again later (to this bot once it is back, or to another instance), and a load balancer moves on.
  app.use((req, res, next) => {
    if (!req.app.locals.stopping) {
      next();
      return;
    }
    res.set('connection', 'close');
    res.status(503).end();
  });
  app.get('/healthz', async (_req, res) => {
    try {
      res.json({ status: 'ok', ...(await health()) });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  return app;
}

export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
    server.once('error', reject);
  });
}

/**
 * Takes no new connections or requests; resolves once the requests in progress have been answered and their
 * connections closed.
 */
export function stopAccepting(server: Server, app: Express): Promise<void> {
  app.locals.stopping = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  return closed;
}

/** Closes the server and every connection still open. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      server.closeAllConnections();
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
