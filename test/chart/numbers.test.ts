/**
 * Numbers in table cells as reports write them, read one column (one locale) at a time.
 */
import { describe, expect, it } from 'vitest';
import { commaDecimal, parseColumn, readColumn } from '../../src/chart/numbers.js';

const values = (cells: string[], lang?: string) => parseColumn(cells, { lang })?.values;
const unit = (cells: string[], lang?: string) => parseColumn(cells, { lang })?.unit;

describe('thousands and decimal separators', () => {
  it('reads English grouping and decimals', () => {
    expect(values(['1,234.5', '2,000', '12', '1,234,567.25'])).toEqual([1234.5, 2000, 12, 1234567.25]);
  });

  it('reads German, French and Swiss grouping', () => {
    expect(values(['1.234,5', '2.000', '3,25'])).toEqual([1234.5, 2000, 3.25]);
    // Space, no-break space, narrow no-break space and thin space group thousands.
    expect(values(['1 234,5', '2\u00a0000,25', '3\u202f500', '4\u2009000'])).toEqual([1234.5, 2000.25, 3500, 4000]);
    expect(values(["1'234.5", '5’678', '12'])).toEqual([1234.5, 5678, 12]);
  });

  it('decides "1,234" from the other cells of the column', () => {
    // "0,5" can only be a decimal comma: the column is German.
    expect(values(['1,234', '0,5'])).toEqual([1.234, 0.5]);
    // "1,234,567" can only be grouping: the column is English.
    expect(values(['1,234', '1,234,567'])).toEqual([1234, 1234567]);
    // "12.5" is a decimal point, so "1,234" groups.
    expect(values(['1,234', '12.5'])).toEqual([1234, 12.5]);
  });

  it('lets the language decide a column nothing else decides', () => {
    expect(values(['1,234', '2,345'])).toEqual([1234, 2345]);
    expect(values(['1,234', '2,345'], 'en')).toEqual([1234, 2345]);
    expect(values(['1,234', '2,345'], 'de')).toEqual([1.234, 2.345]);
    expect(values(['1.234', '2.345'], 'de')).toEqual([1234, 2345]);
    expect(values(['1.234', '2.345'], 'fr-FR')).toEqual([1234, 2345]);
    expect(values(['1.234', '2.345'], 'en-GB')).toEqual([1.234, 2.345]);
    expect(commaDecimal('pt-BR')).toBe(true);
    expect(commaDecimal('de-CH')).toBe(false);
    expect(commaDecimal('es-MX')).toBe(false);
    expect(commaDecimal('not a tag')).toBe(false);
  });

  it('reports the separators the column used, for its axis labels', () => {
    expect(parseColumn(['1.234,5', '2.000'])!.style).toEqual({ decimal: ',', group: '.' });
    expect(parseColumn(['1,234.5', '12'])!.style).toEqual({ decimal: '.', group: ',' });
    expect(parseColumn(['12.5', '3'])!.decimals).toBe(1);
  });

  it('refuses a column that mixes locales or groups wrongly', () => {
    expect(readColumn(['1.5', '2,75'])).toMatchObject({ ok: false, reason: 'mixed decimal separators' });
    expect(parseColumn(['1,23,4'])).toBeUndefined();
    expect(parseColumn(['12 34'])).toBeUndefined();
  });

  it('reads Indian lakh grouping', () => {
    expect(values(['1,23,456', '12,34,567.5'])).toEqual([123456, 1234567.5]);
  });
});

describe('signs', () => {
  it('reads minus signs: hyphen, U+2212, en dash', () => {
    expect(values(['-3.5', '\u22122', '\u20134', '+4', '+0.5'])).toEqual([-3.5, -2, -4, 4, 0.5]);
  });

  it('reads parenthesised negatives, with units inside or out', () => {
    expect(values(['(1,200)', '300'])).toEqual([-1200, 300]);
    expect(values(['($45.0)', '$12.0'])).toEqual([-45, 12]);
    expect(values(['−$5M', '$-3M', '$2M'])).toEqual([-5, -3, 2]);
    expect(values(['€ −5', '€ 7'])).toEqual([-5, 7]);
  });
});

describe('units', () => {
  it('keeps currency before or after, with magnitudes in the unit', () => {
    expect(parseColumn(['$48.2M', '$50.1M'])).toMatchObject({ values: [48.2, 50.1], unit: { prefix: '$', suffix: 'M' } });
    expect(parseColumn(['€1.2bn', '€0.9bn'])).toMatchObject({ values: [1.2, 0.9], unit: { prefix: '€', suffix: 'bn' } });
    expect(parseColumn(['48,2 €', '12,5 €'])).toMatchObject({ values: [48.2, 12.5], unit: { suffix: ' €' } });
    expect(parseColumn(['£3.5k', '£4k'])).toMatchObject({ values: [3.5, 4], unit: { prefix: '£', suffix: 'k' } });
    expect(parseColumn(['¥1,200', '¥900'])).toMatchObject({ values: [1200, 900], unit: { prefix: '¥' } });
    expect(parseColumn(['USD 12', 'USD 14.5'])).toMatchObject({ values: [12, 14.5], unit: { prefix: 'USD ' } });
    expect(parseColumn(['US$3', 'US$4'])).toMatchObject({ values: [3, 4], unit: { prefix: 'US$' } });
    expect(parseColumn(['1.2B', '0.8B'])!.unit).toEqual({ suffix: 'B' });
  });

  it('rescales only a column that mixes magnitudes, to the one most cells use', () => {
    expect(parseColumn(['$950k', '$1.2M', '$1.5M'])).toMatchObject({ values: [0.95, 1.2, 1.5], unit: { prefix: '$', suffix: 'M' } });
    expect(parseColumn(['$950k', '$1.2M', '$1.5M'])!.decimals).toBe(3);
  });

  it('reads percent, percentage points and other units', () => {
    expect(parseColumn(['12%', '12 %', '3,5 %'])).toMatchObject({ values: [12, 12, 3.5], unit: { suffix: '%' } });
    expect(parseColumn(['+3.2 pp', '-1.1 pp'])).toMatchObject({ values: [3.2, -1.1], unit: { suffix: ' pp' } });
    expect(parseColumn(['120 ms', '3 ms'])).toMatchObject({ values: [120, 3], unit: { suffix: ' ms' } });
    expect(parseColumn(['3.5 kg', '4 kg'])).toMatchObject({ values: [3.5, 4], unit: { suffix: ' kg' } });
    expect(parseColumn(['4 GB', '8 GB'])).toMatchObject({ values: [4, 8], unit: { suffix: ' GB' } });
    expect(parseColumn(['12 m²', '3 m²'])).toMatchObject({ values: [12, 3], unit: { suffix: ' m²' } });
    expect(parseColumn(['1.5x', '2x'])).toMatchObject({ values: [1.5, 2], unit: { suffix: 'x' } });
  });

  it('refuses a column whose units differ', () => {
    expect(readColumn(['12%', '$5'])).toEqual({ ok: false, reason: 'units differ', cell: '$5' });
    expect(readColumn(['12 ms', '3 s'])).toMatchObject({ ok: false, reason: 'units differ' });
    expect(readColumn(['$12', '€12'])).toMatchObject({ ok: false, reason: 'units differ' });
    expect(readColumn(['5', '5%'])).toMatchObject({ ok: false, reason: 'units differ' });
  });
});

describe('footnotes and missing cells', () => {
  it('drops footnote marks', () => {
    expect(values(['12.4*', '12.4¹', '3.1†', '7[2]', '8²'])).toEqual([12.4, 12.4, 3.1, 7, 8]);
    expect(parseColumn(['12%¹', '13%'])).toMatchObject({ values: [12, 13], unit: { suffix: '%' } });
  });

  it('reads empty and dash cells as missing (NaN)', () => {
    expect(values(['12', '', '—', '–', '-', 'n/a', 'N/A', 'n.a.', '5'])).toEqual([12, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 5]);
  });

  it('is not numeric when no cell holds a number', () => {
    expect(readColumn(['—', '', 'n/a'])).toEqual({ ok: false, reason: 'no numbers' });
  });
});

describe('columns that are not numeric', () => {
  it('refuses text, dates and mixed cells, naming the cell', () => {
    expect(readColumn(['12', 'abc'])).toEqual({ ok: false, reason: 'not a number', cell: 'abc' });
    expect(readColumn(['North', 'South'])).toMatchObject({ ok: false, reason: 'not a number', cell: 'North' });
    expect(readColumn(['Q1 2025', 'Q2 2025'])).toMatchObject({ ok: false });
    expect(readColumn(['2025-01-31'])).toMatchObject({ ok: false });
    expect(readColumn(['about 12', '13'])).toMatchObject({ ok: false, cell: 'about 12' });
    expect(readColumn(['12 (est.)', '13'])).toMatchObject({ ok: false });
    expect(readColumn(['1/2', '3'])).toMatchObject({ ok: false });
  });

  it('reads plain years as numbers (the chooser decides they are labels)', () => {
    expect(values(['2021', '2022'])).toEqual([2021, 2022]);
  });
});
