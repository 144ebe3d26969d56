// Reading CSV files as exports write them: encodings, separators, line ends, quoting, and the line numbers that
// failures are reported with. Plus the values inside: amounts, dates and stages.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/import/csv.ts';
import { dateOrderFor, parseDateCell } from '../../src/import/dates.ts';
import { decimalMarkFor, parseAmount } from '../../src/import/numbers.ts';
import { stageNames, stageOf } from '../../src/import/stages.ts';

const NAME = 'Müller & Söhne';

describe('readCsv', () => {
  it('reads Windows-1252 (Excel on Windows) with semicolons and CRLF', () => {
    const bytes = iconv.encode(`name;revenue\r\n${NAME};1.100,04\r\n`, 'windows-1252');
    expect(bytes.includes(Buffer.from('ü', 'utf8'))).toBe(false);
    const table = readCsv(bytes);
    expect(table.encoding).toBe('Windows-1252');
    expect(table.separator).toBe(';');
    expect(table.header).toEqual(['name', 'revenue']);
    expect(table.rows).toEqual([{ line: 2, cells: [NAME, '1.100,04'] }]);
  });

  it('reads UTF-8 with a byte-order mark, and UTF-16 from Excel', () => {
    const withBom = readCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`name\n${NAME}\n`)]));
    expect(withBom.encoding).toBe('UTF-8 with BOM');
    expect(withBom.header).toEqual(['name']);
    expect(withBom.rows[0]?.cells).toEqual([NAME]);
    const utf16 = readCsv(
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`name\tcity\r\n${NAME}\tKöln\r\n`, 'utf-16le')]),
    );
    expect(utf16.separator).toBe('\t');
    expect(utf16.rows[0]?.cells).toEqual([NAME, 'Köln']);
  });

  it('numbers rows by the line they start on, past quoted line breaks, empty lines and a sep= line', () => {
    const text = 'sep=;\r\nname;note\r\nAcme;"two\r\nlines"\r\n\r\n;\r\nGlobex;"say ""hi"""\r\n';
    const table = readCsv(Buffer.from(text));
    expect(table.separator).toBe(';');
    expect(table.rows).toEqual([
      { line: 3, cells: ['Acme', 'two\r\nlines'] },
      { line: 7, cells: ['Globex', 'say "hi"'] },
    ]);
  });

  it('refuses a file whose quote never closes, and an empty file, with one sentence', () => {
    expect(() => readCsv(Buffer.from('name,note\nAcme,"open\nGlobex,x\n'))).toThrow(/quoted cell is never closed/);
    expect(() => readCsv(Buffer.from(''))).toThrow(/The file is empty/);
    expect(() => readCsv(Buffer.from('a,b\n1,2\n'), { encoding: 'klingon' })).toThrow(/does not know the encoding/);
  });
});

describe('amounts', () => {
  it('reads US, European and Swiss spellings, and symbols', () => {
    expect(parseAmount('1,100.04', '.')).toEqual({ value: 1100.04, currency: null });
    expect(parseAmount('1.100,04', ',')).toEqual({ value: 1100.04, currency: null });
    expect(parseAmount("1'100.04", '.')?.value).toBe(1100.04);
    expect(parseAmount('1 100,04 €', ',')).toEqual({ value: 1100.04, currency: 'EUR' });
    expect(parseAmount('$2,500', '.')).toEqual({ value: 2500, currency: 'USD' });
    expect(parseAmount('1100.04', ',')?.value).toBe(1100.04);
    expect(parseAmount('1.100.000', '.')?.value).toBe(1_100_000);
  });

  it("decides 1,100 and 1.100 by the file's decimal mark, and refuses what is no number", () => {
    expect(parseAmount('1,100', '.')?.value).toBe(1100);
    expect(parseAmount('1,100', ',')?.value).toBe(1.1);
    expect(parseAmount('1.100', ',')?.value).toBe(1100);
    expect(parseAmount('1,10,0', '.')).toBeNull();
    expect(parseAmount('12 apples', '.')).toBeNull();
    expect(parseAmount('€5$', '.')).toBeNull();
  });

  it("takes a file's decimal mark from its amounts, else from its separator", () => {
    expect(decimalMarkFor(['1,100', '20,5'], ',')).toBe(',');
    expect(decimalMarkFor(['1.100', '1,100.04'], ';')).toBe('.');
    expect(decimalMarkFor(['1.100'], ';')).toBe(',');
    expect(decimalMarkFor(['1,100'], ',')).toBe('.');
  });
});

describe('dates', () => {
  const cells = (...texts: string[]) => texts.map((text, index) => ({ line: index + 2, text }));

  it('reads ISO days as 12:00 UTC and keeps times and offsets', () => {
    expect(parseDateCell('2017-03-01', 'iso')?.toISOString()).toBe('2017-03-01T12:00:00.000Z');
    expect(parseDateCell('2017-03-01T10:30:00+0200', 'iso')?.toISOString()).toBe('2017-03-01T08:30:00.000Z');
    expect(parseDateCell('2017-03-01 10:30', 'iso')?.toISOString()).toBe('2017-03-01T10:30:00.000Z');
    expect(parseDateCell('2017-02-30', 'iso')).toBeNull();
    expect(parseDateCell('3/1/2017', 'iso')).toBeNull();
  });

  it('reads US and European days in the order the file uses', () => {
    expect(parseDateCell('3/1/2017 2:05 PM', 'mdy')?.toISOString()).toBe('2017-03-01T14:05:00.000Z');
    expect(parseDateCell('01.03.2017', 'dmy')?.toISOString()).toBe('2017-03-01T12:00:00.000Z');
    expect(parseDateCell('31/03/2017', 'mdy')).toBeNull();
  });

  it('settles the order from the dates that read one way only, and asks when nothing settles it', () => {
    expect(dateOrderFor(cells('2017-03-01', '2017-04-01'))).toBe('iso');
    expect(dateOrderFor(cells('03/04/2017', '03/31/2017'))).toBe('mdy');
    expect(dateOrderFor(cells('03/04/2017', '31/03/2017'))).toBe('dmy');
    expect(dateOrderFor(cells('03.04.2017'))).toBe('dmy');
    expect(dateOrderFor(cells('03/04/2017'), 'mdy')).toBe('mdy');
    expect(() => dateOrderFor(cells('03/04/2017', '05/06/2017'))).toThrow(/line 2.*--date-format dmy/);
    expect(() => dateOrderFor(cells('31/03/2017', '03/31/2017'))).toThrow(
      /31\/03\/2017 on line 2.*03\/31\/2017 on line 3/,
    );
  });
});

describe('stages', () => {
  it("maps Salesforce's, HubSpot's and the Maven data set's stages to kam-bot's", () => {
    const names = stageNames();
    const mapped = [
      'Closed Won',
      'closedlost',
      'Prospecting',
      'Engaging',
      'Won',
      'Negotiation/Review',
      'contractsent',
    ].map((stage) => stageOf(stage, names));
    expect(mapped).toEqual(['won', 'lost', 'lead', 'qualify', 'won', 'negotiate', 'negotiate']);
    expect(stageOf('Technical Win', names)).toBeNull();
    expect(stageOf('technical win', stageNames(['Technical Win=negotiate']))).toBe('negotiate');
    expect(() => stageNames(['Technical Win=maybe'])).toThrow(/--stage takes/);
  });
});
