/** Key figures: the number a sentence hinges on, and the words that say what it measures. */
import { describe, expect, it } from 'vitest';
import { figuresIn, keyFigures } from '../../src/condense/figures.js';

const pairs = (sentence: string) => figuresIn(sentence).map((f) => [f.value, f.label]);

describe('figuresIn', () => {
  it('finds money, shares and counts with their labels', () => {
    expect(pairs('Operating margin improved to 9.4 percent')).toEqual([['9.4 percent', 'Operating margin']]);
    expect(pairs('Headcount reached 1,240 by December')).toEqual([['1,240', 'Headcount']]);
    expect(pairs('Cost per parcel fell by 4% to €1.12')).toEqual([['€1.12', 'Cost per parcel']]);
  });

  it('takes the level a change reached, not the change, and one figure per clause', () => {
    expect(pairs('Revenue rose 12% to $48.2M and margin recovered to 9.4%, but on-time delivery slipped below target.')).toEqual([
      ['$48.2M', 'Revenue'],
      ['9.4%', 'Margin'],
    ]);
  });

  it('names a share by what it is a share of', () => {
    expect(pairs('12% of customers renewed early')).toEqual([['12%', 'of customers']]);
    expect(pairs('The Leeds hub went live in July and now handles 31% of northern volume')).toEqual([['31%', 'of northern volume']]);
  });

  it('names a figure by the words before "of", and never by a comparison after it', () => {
    expect(pairs('The board is asked to approve capital expenditure of $2.6M for the van pilot')).toEqual([['$2.6M', 'Capital expenditure']]);
    expect(pairs('Northwind closed the quarter with revenue of $48.2M, up 12% on the same quarter last year')).toEqual([['$48.2M', 'Revenue']]);
  });

  it('keeps the figure, not a target the sentence compares it with', () => {
    expect(pairs('On-time-in-full delivery averaged 96.1% against a target of 97%.')).toEqual([['96.1%', 'On-time-in-full delivery']]);
  });

  it('passes over years and counts in passing', () => {
    expect(pairs('The trial ran from 2024 to 2026 across two depots and 14 routes')).toEqual([]);
  });

  it('reads German figures with their unit', () => {
    expect(pairs('Der Umsatz stieg um 12 % auf 48,2 Mio. €')).toEqual([['48,2 Mio. €', 'Umsatz']]);
  });
});

describe('keyFigures', () => {
  const points = (...texts: string[]) => texts.map((text) => ({ text }));

  it('gives each of two figures of one sentence its own clause, so the sentence is not shown twice', () => {
    const figures = keyFigures(points('Revenue rose 12% to $48.2M and margin recovered to 9.4%.'));
    expect(figures.map((f) => f.sentence)).toEqual(['Revenue rose 12% to $48.2M', 'Margin recovered to 9.4%']);
  });

  it('for the automatic choice, needs exactly one figure in each of at most two points', () => {
    expect(keyFigures(points('Margin recovered to 9.4%.', 'Headcount reached 1,240.'), true)).toHaveLength(2);
    expect(keyFigures(points('Margin recovered to 9.4%.', 'Drivers were pleased.'), true)).toEqual([]);
    expect(keyFigures(points('Revenue rose 12% to $48.2M and margin recovered to 9.4%.'), true)).toEqual([]);
    expect(keyFigures(points('Margin recovered to 9.4%.', 'Headcount reached 1,240.', 'Fleet size reached 1,310 vans.'), true)).toEqual([]);
  });
});
