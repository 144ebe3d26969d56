// English messages, gathered from the areas in messages/: each area file keeps a key's English and German side by
// side, and the German object must have every key the English one has.

import * as account from './messages/account.ts';
import * as activity from './messages/activity.ts';
import * as digest from './messages/digest.ts';
import * as engine from './messages/engine.ts';
import * as forms from './messages/forms.ts';
import * as health from './messages/health.ts';
import * as help from './messages/help.ts';
import * as portfolio from './messages/portfolio.ts';
import * as render from './messages/render.ts';
import * as understanding from './messages/understanding.ts';
import * as values from './messages/values.ts';
import * as writes from './messages/writes.ts';

export const en = {
  ...understanding.en,
  ...render.en,
  ...engine.en,
  ...values.en,
  ...account.en,
  ...help.en,
  ...portfolio.en,
  ...activity.en,
  ...health.en,
  ...forms.en,
  ...writes.en,
  ...digest.en,
};
