// The pieces under the renderer: escaping, cutting, and the limit checker the other Slack tests rely on.
import { describe, expect, it } from 'vitest';
import { escapeSlack, slackLink, stripControl } from '../../../src/platforms/slack/escape.ts';
import { cut, cutValue } from '../../../src/platforms/slack/limits.ts';
import { slackLimitViolations, totalText, unescapedUserText } from '../../helpers/slack-limits.ts';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (text: string, value = 'v', actionId = 'a') => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text },
  value,
});

describe('escapeSlack', () => {
  it('escapes &, < and > in that order, so an entity typed by a person stays text', () => {
    expect(escapeSlack('a & b <!channel> c > d')).toBe('a &amp; b &lt;!channel&gt; c &gt; d');
    expect(escapeSlack('&lt;')).toBe('&amp;lt;');
    expect(escapeSlack('<https://evil|bank>')).toBe('&lt;https://evil|bank&gt;');
  });

  it('removes control characters but keeps newlines and tabs', () => {
    expect(escapeSlack('a\u0000b\u0007c\u001b[31md\u007f\u0085e\nf\tg\rh')).toBe('abc[31mde\nf\tgh');
    expect(stripControl('x\u0000<y>\n')).toBe('x<y>\n');
  });
});

describe('slackLink', () => {
  it('links strict https URLs only, escaping & and the label', () => {
    expect(slackLink('https://acme.slack.com/archives/C1/p123?thread_ts=1.2&cid=C1', 'original <msg>')).toBe(
      '<https://acme.slack.com/archives/C1/p123?thread_ts=1.2&amp;cid=C1|original &lt;msg&gt;>',
    );
  });

  it('links nothing else', () => {
    for (const url of [
      'http://acme.slack.com/archives/C1',
      'javascript:alert(1)',
      'https://evil|bank',
      'https://evil.com/a>b',
      'https://evil.com/<!channel>',
      'https://evil.com/a b',
      'https://',
      ' https://acme.com',
      'https://acme.com/\u0000',
      `https://acme.com/${'a'.repeat(1_000)}`,
    ]) {
      expect(slackLink(url, 'original message'), url).toBeNull();
    }
  });
});

describe('cut', () => {
  it('leaves short text alone and cuts long text at a word boundary with …', () => {
    expect(cut('short', 10)).toBe('short');
    expect(cut('one two three four five six', 15)).toBe('one two three…');
    expect(cut('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never ends inside an entity', () => {
    const escaped = escapeSlack('&&&&&&&&&&');
    for (let max = 1; max < escaped.length; max++) {
      const result = cut(escaped, max);
      expect(result.length).toBeLessThanOrEqual(max);
      expect(result.replace(/&amp;/g, '')).toBe('…');
    }
  });

  it('never splits an emoji', () => {
    const result = cut('🟢'.repeat(10), 6);
    expect(result).toBe('🟢🟢…');
  });

  it('cutValue treats & as a plain character', () => {
    expect(cutValue('Tom & Jerry went to the market today', 21)).toBe('Tom & Jerry went to…');
  });
});

describe('slackLimitViolations', () => {
  it('accepts a small valid message', () => {
    expect(slackLimitViolations({ text: 'hi', blocks: [section('hello'), { type: 'divider' }] }, 'message')).toEqual(
      [],
    );
  });

  it('counts blocks per surface', () => {
    const blocks = Array.from({ length: 51 }, (_, index) => section(`line ${index}`));
    expect(slackLimitViolations({ blocks }, 'message')).toEqual(['message: 51 blocks, more than 50']);
    expect(slackLimitViolations({ blocks }, 'home')).toEqual([]);
    expect(slackLimitViolations({ blocks: [...blocks, ...blocks] }, 'home')).toEqual([
      'home: 102 blocks, more than 100',
    ]);
  });

  it('catches long and empty texts, wrong text types and the message total', () => {
    const violations = slackLimitViolations(
      {
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
          { type: 'header', text: { type: 'mrkdwn', text: 'bold' } },
          section('s'.repeat(3_001)),
          section('   '),
          { type: 'section', text: { type: 'markdown', text: 'x' } },
          { type: 'section', text: { type: 'mrkdwn', text: 'x', emoji: true } },
          { type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) },
          { type: 'section', fields: [{ type: 'mrkdwn', text: 'f'.repeat(2_001) }] },
          { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) },
        ],
      },
      'message',
    );
    expect(violations).toEqual([
      'blocks[0].text: text is 151 characters, more than 150',
      'blocks[1].text: must be plain_text',
      'blocks[2].text: text is 3001 characters, more than 3000',
      'blocks[3].text: text is empty',
      'blocks[4].text: text object type is markdown, not plain_text or mrkdwn',
      'blocks[5].text: mrkdwn text cannot have `emoji`',
      'blocks[6]: fields must be 1 to 10 text objects',
      'blocks[7].fields[0]: text is 2001 characters, more than 2000',
      'blocks[8]: context needs 1 to 10 elements',
    ]);
    const long = Array.from({ length: 4 }, () => section('x'.repeat(2_900)));
    expect(slackLimitViolations({ text: 'x'.repeat(100), blocks: long }, 'message')).toEqual([
      'message: 11700 characters of text in all, more than 11000',
    ]);
  });

  it('catches buttons, action ids, block ids and menus that Slack refuses', () => {
    const violations = slackLimitViolations(
      {
        blocks: [
          { type: 'actions', elements: [button('b'.repeat(76))] },
          { type: 'actions', elements: [button('ok', 'v'.repeat(2_001))] },
          { type: 'actions', elements: [button('one', 'v', 'same'), button('two', 'v', 'same')] },
          { type: 'actions', elements: Array.from({ length: 26 }, (_, index) => button('b', 'v', `a${index}`)) },
          { type: 'actions', elements: [button('ok', 'v', 'x'.repeat(256))] },
          { ...section('a'), block_id: 'same' },
          { ...section('b'), block_id: 'same' },
          {
            type: 'section',
            text: { type: 'mrkdwn', text: 'pick' },
            accessory: {
              type: 'static_select',
              action_id: 'pick',
              options: [
                { text: { type: 'plain_text', text: 'o'.repeat(76) }, value: 'a' },
                { text: { type: 'plain_text', text: 'ok' }, value: 'v'.repeat(76) },
              ],
            },
          },
          {
            type: 'section',
            text: { type: 'mrkdwn', text: 'pick' },
            accessory: {
              type: 'static_select',
              action_id: 'many',
              options: Array.from({ length: 101 }, (_, index) => ({
                text: { type: 'plain_text', text: `${index}` },
                value: `${index}`,
              })),
            },
          },
        ],
      },
      'message',
    );
    expect(violations).toEqual([
      'blocks[0].elements[0].text: text is 76 characters, more than 75',
      'blocks[1].elements[0]: button value is 2001 characters, more than 2000',
      'blocks[2]: action_ids repeat within the block',
      'blocks[3]: actions needs 1 to 25 elements',
      'blocks[4].elements[0]: action_id is 256 characters, more than 255',
      'blocks[6]: block_id "same" is used twice',
      'blocks[7].accessory.options[0].text: text is 76 characters, more than 75',
      'blocks[7].accessory.options[1]: option value is 76 characters, more than 75',
      'blocks[8].accessory.options: 101 options; Slack takes 1 to 100',
    ]);
  });

  it('checks a modal: title, submit, close, metadata, inputs', () => {
    const input = {
      type: 'input',
      block_id: 'name',
      label: { type: 'plain_text', text: 'Name' },
      element: { type: 'plain_text_input', action_id: 'text', max_length: 5, initial_value: 'too long' },
    };
    const modal = {
      type: 'modal',
      title: { type: 'plain_text', text: 'A title that is far too long' },
      close: { type: 'plain_text', text: 'c'.repeat(25) },
      private_metadata: 'm'.repeat(3_001),
      blocks: [input],
    };
    expect(slackLimitViolations(modal, 'modal')).toEqual([
      'blocks[0].element: initial_value is 8 characters, longer than max_length 5',
      'title: text is 28 characters, more than 24',
      'close: text is 25 characters, more than 24',
      'submit: a modal with inputs needs a submit button',
      'private_metadata: 3001 characters, more than 3000',
    ]);
    expect(slackLimitViolations({ blocks: [input] }, 'message')).toContain('blocks[0]: input blocks belong in modals');
  });

  it('counts text in every text object', () => {
    expect(totalText([section('abc'), { type: 'actions', elements: [button('de')] }])).toBe(5);
  });
});

describe('unescapedUserText', () => {
  it('finds raw user text and ignores its escaped form', () => {
    const payload = { blocks: [section('a &amp; b &lt;!channel&gt;')] };
    expect(unescapedUserText(payload, '<!channel>')).toBe(false);
    expect(unescapedUserText(payload, '&')).toBe(false);
    expect(unescapedUserText({ blocks: [section('a & b')] }, '&')).toBe(true);
    expect(unescapedUserText({ blocks: [section('<!channel>')] }, '<!channel>')).toBe(true);
    expect(unescapedUserText({ blocks: [{ initial_value: '<!channel>' }] }, '<!channel>', ['initial_value'])).toBe(
      false,
    );
  });
});
