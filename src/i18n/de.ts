// Deutsche Texte, aus denselben Bereichen wie en.ts.

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
import type { Catalogue } from './translate.ts';

export const de: Catalogue = {
  ...understanding.de,
  ...render.de,
  ...engine.de,
  ...values.de,
  ...account.de,
  ...help.de,
  ...portfolio.de,
  ...activity.de,
  ...health.de,
  ...forms.de,
  ...writes.de,
  ...digest.de,
};
