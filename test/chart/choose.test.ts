/**
 * Which tables become charts, and which charts: the automatic rule's clear cases, what it declines,
 * and requests (directives) honoured or refused with a reason.
 */
import { describe, expect, it } from 'vitest';
import { chartFor, isTotalLabel } from '../../src/chart/choose.js';
import { isOrdered, timeKey } from '../../src/chart/ordered.js';
import { table } from '../helpers/charts.js';

const auto = (t: ReturnType<typeof table>, lang?: string) => chartFor(t, { mode: 'auto', lang });

const regions = table(['Region', 'Revenue', 'Cost'], [['North', '$12.5M', '$9.1M'], ['South', '$9.8M', '$7.2M'], ['East', '$14.2M', '$10.0M']]);

describe('the automatic rule', () => {
  it('charts a label column beside numeric columns in one unit', () => {
    const { chart, problem } = auto(regions);
    expect(problem).toBeUndefined();
    expect(chart).toMatchObject({
      type: 'column',
      categories: ['North', 'South', 'East'],
      series: [
        { name: 'Revenue', values: [12.5, 9.8, 14.2] },
        { name: 'Cost', values: [9.1, 7.2, 10] },
      ],
      unit: { prefix: '$', suffix: 'M' },
    });
    // The chart carries the table it was drawn from.
    expect(chart!.table).toBe(regions);
    expect(chart!.stacked).toBeUndefined();
  });

  it('keeps the table order and leaves total rows out', () => {
    const t = table(['Region', 'Sales'], [['West', '5'], ['North', '12'], ['Total', '17'], ['Summe', '17']]);
    const { chart } = auto(t);
    expect(chart!.categories).toEqual(['West', 'North']);
    expect(chart!.series[0].values).toEqual([5, 12]);
    for (const label of ['Total', 'TOTAL', 'Grand total', 'Sum', 'Gesamt', 'Summe', 'Totaal', 'Totale', '合计', 'Total (all regions)', 'Subtotal']) expect(isTotalLabel(label), label).toBe(true);
    for (const label of ['Totalitarian', 'Summer', 'North']) expect(isTotalLabel(label), label).toBe(false);
  });

  it('declines what is not clearly a chart, without a problem', () => {
    const cases = [
      // one data row
      table(['Region', 'Sales'], [['North', '12']]),
      // thirteen rows
      table(['Item', 'Count'], Array.from({ length: 13 }, (_, i) => [`Item ${i + 1}`, String(i)])),
      // five numeric columns
      table(['Region', 'A', 'B', 'C', 'D', 'E'], [['N', '1', '2', '3', '4', '5'], ['S', '1', '2', '3', '4', '5']]),
      // units differ between columns (the README's example table)
      table(['Metric', 'Q3 2025', 'Q3 2026'], [['Revenue ($M)', '43.0', '48.2'], ['Operating margin', '8.1%', '9.4%']]),
      // units differ between the columns
      table(['Region', 'Revenue', 'Margin'], [['North', '$12M', '8%'], ['South', '$9M', '7%']]),
      // a text column besides the labels
      table(['Region', 'Sales', 'Comment'], [['North', '12', 'good'], ['South', '9', 'weak']]),
      // no label column: every column numeric
      table(['ID', 'Score'], [['17', '3'], ['18', '4']]),
      // no numeric column
      table(['Name', 'Role'], [['Ada', 'Engineer'], ['Grace', 'Admiral']]),
      // a single column
      table(['Only'], [['1'], ['2']]),
    ];
    for (const t of cases) expect(auto(t), JSON.stringify(t.head)).toEqual({});
  });

  it('does nothing when charts are off, unless asked', () => {
    expect(chartFor(regions, { mode: 'off' })).toEqual({});
    expect(chartFor(regions, { mode: 'off', request: { type: 'bar' } }).chart?.type).toBe('bar');
    expect(chartFor(regions, { mode: 'auto', request: { type: 'none' } })).toEqual({});
  });
});

describe('chart types', () => {
  it('draws a line through ordered labels: years, quarters, months, dates, halves, fiscal years', () => {
    const series = (labels: string[]) => table(['When', 'Value'], labels.map((l, i) => [l, String(10 + i)]));
    for (const labels of [
      ['2022', '2023', '2024'],
      ['Q1 2025', 'Q2 2025', 'Q3 2025', 'Q4 2025', 'Q1 2026'],
      ['2025 Q3', '2025 Q4', '2026 Q1'],
      ["Q1'25", "Q2'25", "Q3'25"],
      ['Jan', 'Feb', 'Mar', 'Apr'],
      ['January 2025', 'February 2025', 'March 2025'],
      ['Januar', 'Februar', 'März'],
      ['janv. 2025', 'févr. 2025', 'mars 2025'],
      ['2025-01-31', '2025-02-28', '2025-03-31'],
      ['2025-01', '2025-02', '2025-03'],
      ['H1 2024', 'H2 2024', 'H1 2025'],
      ['FY2023', 'FY2024', 'FY2025'],
      ['FY23', 'FY24', 'FY25'],
      ['2023/24', '2024/25', '2025/26'],
    ]) {
      expect(auto(series(labels)).chart?.type, labels.join(', ')).toBe('line');
    }
  });

  it('does not draw a line through labels out of order, mixed or with two points', () => {
    expect(isOrdered(['2024', '2022', '2023'])).toBe(false);
    expect(isOrdered(['Q1 2025', 'March 2025'])).toBe(false);
    expect(isOrdered(['North', 'South'])).toBe(false);
    expect(timeKey('Q5 2025')).toBeUndefined();
    expect(timeKey('Maybe')).toBeUndefined();
    const two = table(['Year', 'Sales'], [['2024', '5'], ['2025', '7']]);
    expect(auto(two).chart?.type).toBe('column');
    const unordered = table(['Year', 'Sales'], [['2025', '5'], ['2023', '7'], ['2024', '6']]);
    expect(auto(unordered).chart?.type).toBe('column');
  });

  it('draws a pie for shares of a whole', () => {
    const shares = table(['Company', 'Share'], [['Northwind', '42%'], ['Contoso', '27%'], ['Fabrikam', '18%'], ['Others', '13%']]);
    expect(auto(shares).chart).toMatchObject({ type: 'pie', series: [{ name: 'Share', values: [42, 27, 18, 13] }], unit: { suffix: '%' } });
    // A header that says share, numbers without a unit.
    const header = table(['Segment', 'Share of revenue'], [['Parcel', '0.45'], ['Freight', '0.35'], ['Other', '0.2']]);
    expect(auto(header).chart?.type).toBe('pie');
    // Percentages that are not parts of one whole are columns.
    const rates = table(['Region', 'Growth'], [['North', '12%'], ['South', '7%'], ['East', '3%']]);
    expect(auto(rates).chart?.type).toBe('column');
    // Two series are never a pie.
    const two = table(['Company', '2024', '2025'], [['A', '60%', '55%'], ['B', '40%', '45%']]);
    expect(auto(two).chart?.type).toBe('column');
  });

  it('draws horizontal bars for long or many labels', () => {
    const long = table(['Programme', 'Cost'], [['Customer onboarding and identity verification', '1.2'], ['Warehouse automation', '2.0'], ['Marketing', '0.9']]);
    expect(auto(long).chart?.type).toBe('bar');
    const many = table(['Team', 'People'], Array.from({ length: 9 }, (_, i) => [`T${i}`, String(i + 3)]));
    expect(auto(many).chart?.type).toBe('bar');
    const short = table(['Team', 'People'], [['Ops', '12'], ['Sales', '8'], ['R&D', '15']]);
    expect(auto(short).chart?.type).toBe('column');
  });

  it('reads numbers in the report language', () => {
    const t = table(['Region', 'Umsatz'], [['Nord', '1.234'], ['Süd', '2.345']]);
    expect(auto(t, 'de').chart!.series[0].values).toEqual([1234, 2345]);
    expect(auto(t, 'en').chart!.series[0].values).toEqual([1.234, 2.345]);
  });

  it('keeps empty cells as NaN', () => {
    const t = table(['Quarter', 'Actual', 'Plan'], [['Q1 2025', '41', '40'], ['Q2 2025', '43', '42'], ['Q3 2025', '—', '44']]);
    expect(auto(t).chart!.series[0].values).toEqual([41, 43, NaN]);
  });
});

describe('requests', () => {
  it('honours the requested type and title', () => {
    const shares = table(['Company', 'Share'], [['Northwind', '42%'], ['Contoso', '27%'], ['Others', '31%']]);
    expect(chartFor(shares, { mode: 'auto', request: { type: 'bar' } }).chart?.type).toBe('bar');
    expect(chartFor(regions, { mode: 'auto', request: { type: 'line', title: 'Revenue and cost' } })).toMatchObject({ chart: { type: 'line' }, title: 'Revenue and cost' });
  });

  it('stacks only on request, and only bars and columns of several series', () => {
    expect(chartFor(regions, { mode: 'auto', request: { type: 'column', stacked: true } }).chart?.stacked).toBe(true);
    expect(chartFor(regions, { mode: 'auto', request: { type: 'line', stacked: true } }).chart?.stacked).toBeUndefined();
    const one = table(['Region', 'Sales'], [['North', '12'], ['South', '9']]);
    expect(chartFor(one, { mode: 'auto', request: { type: 'bar', stacked: true } }).chart?.stacked).toBeUndefined();
  });

  it('charts what the automatic rule declines when asked: one row, an all-numeric table', () => {
    expect(chartFor(table(['Region', 'Sales'], [['North', '12']]), { mode: 'auto', request: { type: 'column' } }).chart?.categories).toEqual(['North']);
    const numeric = table(['ID', 'Score'], [['17', '3'], ['18', '4']]);
    expect(chartFor(numeric, { mode: 'auto', request: { type: 'column' } }).chart).toMatchObject({ categories: ['17', '18'], series: [{ name: 'Score', values: [3, 4] }] });
  });

  it('says why a requested chart cannot be drawn', () => {
    const ask = (t: ReturnType<typeof table>, type: 'bar' | 'column' | 'line' | 'pie', stacked?: boolean) => chartFor(t, { mode: 'auto', request: { type, stacked } });
    const text = table(['Name', 'Role'], [['Ada', 'Engineer'], ['Grace', 'Admiral']]);
    expect(ask(text, 'bar')).toEqual({ problem: 'chart: column "Role" is not numeric ("Engineer")' });
    const mixed = table(['Region', 'Sales'], [['North', '12'], ['South', 'about 9']]);
    expect(ask(mixed, 'column').problem).toBe('chart: column "Sales" is not numeric ("about 9")');
    const units = table(['Region', 'Sales'], [['North', '$12'], ['South', '9%']]);
    expect(ask(units, 'column').problem).toBe('chart: column "Sales" mixes units ("9%")');
    const locales = table(['Region', 'Sales'], [['North', '1.5'], ['South', '2,75']]);
    expect(ask(locales, 'column').problem).toMatch(/mixes decimal separators/);
    const across = table(['Region', 'Revenue', 'Margin'], [['North', '$12M', '8%'], ['South', '$9M', '7%']]);
    expect(ask(across, 'column').problem).toBe('chart: columns "Revenue" and "Margin" are in different units');
    const negative = table(['Region', 'Change'], [['North', '12'], ['South', '-3']]);
    expect(ask(negative, 'pie').problem).toBe('chart: a pie cannot show negative values');
    expect(ask(negative, 'column', true).problem).toBeUndefined();
    expect(ask(regions, 'pie').problem).toBe('chart: a pie shows one column, the table has 2');
    const gap = table(['Region', 'Share'], [['North', '60%'], ['South', '—']]);
    expect(ask(gap, 'pie').problem).toBe('chart: a pie cannot show empty cells');
    const empty = table(['Region', 'Sales'], [['North', '—'], ['South', '']]);
    expect(ask(empty, 'bar').problem).toBe('chart: column "Sales" has no numbers');
    const stackedNegative = table(['Region', 'A', 'B'], [['North', '1', '-2'], ['South', '3', '4']]);
    expect(ask(stackedNegative, 'bar', true).problem).toBe('chart: stacked bars cannot show negative values');
    const huge = table(['Item', 'Count'], Array.from({ length: 31 }, (_, i) => [`Item ${i}`, String(i)]));
    expect(ask(huge, 'bar').problem).toBe('chart: 31 rows are more than a chart can show (at most 30)');
    expect(ask(table(['Only'], [['1']]), 'bar').problem).toBe('chart: the table has a single column');
  });
});
