// The floor for an answer in Teams: a bare teams-ai Application on botbuilder's CloudAdapter, set up as kam-bot's
// (no app id, typing timer off, express.json body parser), whose message handler replies one fixed line.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import express from 'express';
import { serveRunner } from '../lib/child.ts';

const FIXED_ANSWER = 'Velmora Logistics: tier A, active, health 72 (green)';

const adapter = new TeamsAdapter({});
const app = new Application<TurnState>({ adapter, startTypingTimer: false, removeRecipientMention: true });
app.message(/.*/, async (context) => {
  await context.sendActivity(FIXED_ANSWER);
});
const http = express();
http.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
  await adapter.process(req, res, async (context: TurnContext) => {
    await app.run(context);
  });
});
const server = await new Promise<Server>((resolve) => {
  const listening = http.listen(0, '127.0.0.1', () => resolve(listening));
});
serveRunner({}, async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});
process.send?.({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
