import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/condense/sentences.js';

const squash = (s: string) => s.replace(/\s+/g, '');

describe('splitSentences', () => {
  it('splits ordinary prose at full stops, question and exclamation marks', () => {
    expect(splitSentences('Margins held up. Why? Freight rates fell sharply! Volumes were flat.')).toEqual([
      'Margins held up.',
      'Why?',
      'Freight rates fell sharply!',
      'Volumes were flat.',
    ]);
  });

  it('does not split after Dr. or Jan. or before a number', () => {
    expect(splitSentences('Dr. Alvarez presented the plan on Jan. 3 at 5 p.m. to the board. It was approved.')).toEqual([
      'Dr. Alvarez presented the plan on Jan. 3 at 5 p.m. to the board.',
      'It was approved.',
    ]);
    expect(splitSentences('The pilot ended on Dec. 12. Results are in Fig. 4. The trial closes in Sept. 2026.')).toEqual([
      'The pilot ended on Dec. 12.',
      'Results are in Fig. 4.',
      'The trial closes in Sept. 2026.',
    ]);
  });

  it('does not split after titles and initials', () => {
    expect(splitSentences('Prof. Okafor and Mrs. Lund met Ms. Diaz and Mr. J. R. Patel in Boston. The review followed.')).toEqual([
      'Prof. Okafor and Mrs. Lund met Ms. Diaz and Mr. J. R. Patel in Boston.',
      'The review followed.',
    ]);
  });

  it('keeps "vs.", "e.g.", "i.e.", "approx." and "No." inside the sentence', () => {
    expect(
      splitSentences('Rural sites enrolled 1.4 patients a month vs. 3.1 at urban ones. Some costs, e.g. Travel, were reimbursed. Unit costs rose approx. 3.5% on order No. 7 alone.'),
    ).toEqual([
      'Rural sites enrolled 1.4 patients a month vs. 3.1 at urban ones.',
      'Some costs, e.g. Travel, were reimbursed.',
      'Unit costs rose approx. 3.5% on order No. 7 alone.',
    ]);
  });

  it('treats "Inc.", "etc." and "U.S." as sentence ends only when a new sentence clearly starts', () => {
    expect(splitSentences('We signed with Northwind Inc. The contract runs three years.')).toEqual([
      'We signed with Northwind Inc.',
      'The contract runs three years.',
    ]);
    expect(splitSentences('Pens, paper, etc. are ordered centrally. Furniture is not.')).toEqual([
      'Pens, paper, etc. are ordered centrally.',
      'Furniture is not.',
    ]);
    expect(splitSentences('Yields on U.S. Treasury bonds rose. Demand in the U.S. The rest of the world lagged.')).toEqual([
      'Yields on U.S. Treasury bonds rose.',
      'Demand in the U.S.',
      'The rest of the world lagged.',
    ]);
  });

  it('keeps decimals, currency amounts and ellipses together', () => {
    expect(splitSentences('Revenue rose 3.5% to $2.35 billion. Margins... well, they held. Next steps follow.')).toEqual([
      'Revenue rose 3.5% to $2.35 billion.',
      'Margins... well, they held.',
      'Next steps follow.',
    ]);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(splitSentences('The CFO said: "We are on track." The board agreed (after some debate.) Work starts in May.')).toEqual([
      'The CFO said: "We are on track."',
      'The board agreed (after some debate.)',
      'Work starts in May.',
    ]);
    expect(splitSentences('Costs fell (see Fig. 2). He asked "why now?" and left.')).toEqual([
      'Costs fell (see Fig. 2).',
      'He asked "why now?" and left.',
    ]);
  });

  it('splits before a number that starts a new sentence', () => {
    expect(splitSentences('Version 2.0 shipped in March. 2024 was a record year.')).toEqual([
      'Version 2.0 shipped in March.',
      '2024 was a record year.',
    ]);
  });

  it('keeps text without final punctuation', () => {
    expect(splitSentences('Costs fell. Outlook remains stable')).toEqual(['Costs fell.', 'Outlook remains stable']);
    expect(splitSentences('No punctuation at all')).toEqual(['No punctuation at all']);
  });

  it('joins soft-wrapped lines but breaks at blank lines', () => {
    expect(splitSentences('Freight costs fell\nsharply in the second half.\n\nA new heading-like line\n\nThe end.')).toEqual([
      'Freight costs fell sharply in the second half.',
      'A new heading-like line',
      'The end.',
    ]);
  });

  it('splits Chinese and Japanese at their full stops', () => {
    expect(splitSentences('会议在今天举行。我们讨论了预算！', 'zh')).toEqual(['会议在今天举行。', '我们讨论了预算！']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t ')).toEqual([]);
  });

  it('survives a malformed language tag', () => {
    expect(splitSentences('One. Two.', 'not a tag!')).toEqual(['One.', 'Two.']);
  });

  it('loses nothing: the sentences put back together are the text', () => {
    const text =
      'Dr. Alvarez presented on Jan. 3.\nIt went well! Did it?  "Yes." (Mostly.) 3.5% of... whatever\n\nNew block without stop';
    expect(squash(splitSentences(text).join(' '))).toBe(squash(text));
  });

  it('splits a long block of prose full of abbreviations', () => {
    const long = 'Revenue rose 3.5% vs. last year, led by Dr. Alvarez and the U.S. team. '.repeat(3000);
    const sentences = splitSentences(long);
    expect(sentences).toHaveLength(3000);
  });

  it('never throws and loses no characters, whatever the input', () => {
    const input = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ unit: fc.constantFrom('.', ' ', '\n', 'A', 'b', '1', '"', '(', ')', '?', '!', '…', '。', 'Dr', 'U.S.', 'e.g.'), maxLength: 300 }),
      fc.constant(''),
      fc.constant(' \t\n '),
      fc.string({ unit: 'binary', minLength: 5000, maxLength: 12000 }),
    );
    fc.assert(
      fc.property(input, fc.constantFrom('en', 'de', 'zh', 'ja', 'xx-invalid-!!'), (text, lang) => {
        const sentences = splitSentences(text, lang);
        expect(squash(sentences.join(' '))).toBe(squash(text));
        for (const s of sentences) expect(s.trim()).toBe(s);
        for (const s of sentences) expect(s).not.toBe('');
      }),
      { numRuns: 400 },
    );
  });
});
