// The bot's one HTTP server: Slack at /slack/events, Teams at /api/messages, and /healthz for load balancers.
import type { Server } from 'node:http';
import express, { type Express } from 'express';

export function createHttpApp(health: () => Promise<Record<string, unknown>>): Express {
  const app = express();
  app.disable('x-powered-by');
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

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
