// The floor for an answer in Slack: a bare Bolt app on the same receiver kam-bot uses (ExpressReceiver on an express
// app, processBeforeResponse off), whose /account handler acks and posts one fixed line to the response_url.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver } from '@slack/bolt';
import express from 'express';
import { serveRunner } from '../lib/child.ts';

export const FIXED_ANSWER = 'Velmora Logistics: tier A, active, health 72 (green)';

const http = express();
const receiver = new ExpressReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  app: http,
  endpoints: '/slack/events',
  processBeforeResponse: false,
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN ?? '',
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  receiver,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
});
app.command('/account', async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: 'ephemeral', replace_original: false, text: FIXED_ANSWER });
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
