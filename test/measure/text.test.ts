import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FontRole, ThemeFont } from '../../src/theme/types.js';
import { FALLBACK_EM, Measurer, type Piece, type TextStyle } from '../../src/measure/text.js';

const theme = parse(readFileSync(new URL('../../themes/default.yaml', import.meta.url), 'utf8')) as {
  fonts: Record<FontRole, ThemeFont>;
};

const body: TextStyle = { role: 'body' };
const bold: TextStyle = { role: 'body', bold: true };
const mono: TextStyle = { role: 'mono' };
const plain = (text: string, style: TextStyle = body): Piece[] => [{ text, style }];
const lineText = (line: Piece[]) => line.map((p) => p.text).join('');

let m: Measurer;
beforeAll(async () => {
  m = await Measurer.load(theme.fonts);
});

const paragraph =
  'Our field teams spent the spring rebuilding the onboarding flow, and the numbers moved quickly: ' +
  'trial-to-paid conversion rose from 14% to 19%, support tickets per new account halved, and the median ' +
  'time to first report dropped below ten minutes. The work is not finished — the mobile flow still lags — ' +
  'but the direction is clear and the remaining fixes are small, well-understood and already scheduled.';

describe('Measurer.width', () => {
  it('scales linearly with the font size', () => {
    const text = 'Revenue grew in every region this quarter.';
    const at10 = m.width(text, body, 10);
    // Widths are rounded up to Chromium's 1/64 px, so allow that much per measurement.
    expect(m.width(text, body, 20)).toBeCloseTo(at10 * 2, 1);
    expect(m.width(text, body, 40)).toBeCloseTo(at10 * 4, 1);
    expect(at10).toBeGreaterThan(100);
  });

  it('makes bold text wider than regular text', () => {
    const text = 'Quarterly results at a glance';
    expect(m.width(text, bold, 24)).toBeGreaterThan(m.width(text, body, 24));
  });

  it('measures real glyph shapes, not characters', () => {
    expect(m.width('iiii', body, 24)).toBeLessThan(m.width('MMMM', body, 24) / 2);
    expect(m.width('', body, 24)).toBe(0);
  });

  it('gives every character of the mono font the same advance', () => {
    expect(m.width('iiii', mono, 18)).toBeCloseTo(m.width('MMMM', mono, 18), 5);
    expect(m.width('let x = 1;', mono, 18)).toBeCloseTo(m.width('0123456789', mono, 18), 5);
  });

  it('measures Greek, Cyrillic and Vietnamese from their own subset files', () => {
    for (const text of ['Ελληνικά', 'Русский', 'Tiếng Việt']) {
      // A glyph-less fallback would be exactly 0.6 em per character.
      expect(m.width(text, body, 10)).not.toBeCloseTo([...text].length * FALLBACK_EM.other * 10, 1);
      expect(m.width(text, body, 10)).toBeGreaterThan(10);
    }
  });

  it('gives characters the fonts lack a conservative width', () => {
    expect(m.width('数据分析', body, 20)).toBeCloseTo(4 * 20 * FALLBACK_EM.wide, 1);
    expect(m.width('😀', body, 20)).toBeCloseTo(20 * FALLBACK_EM.emoji, 1);
    // A ZWJ sequence and a flag are drawn as one emoji each.
    expect(m.width('👩‍💻', body, 20)).toBeCloseTo(20 * FALLBACK_EM.emoji, 1);
    expect(m.width('🇳🇴', body, 20)).toBeCloseTo(20 * FALLBACK_EM.emoji, 1);
    expect(m.width('مرحبا', body, 20)).toBeCloseTo(5 * 20 * FALLBACK_EM.other, 1);
    // Carlito has ↑ and ↓ but not →, which Chromium takes from a fallback font at about 1 em.
    expect(m.width('→', body, 20)).toBeCloseTo(20 * FALLBACK_EM.symbol, 1);
  });

  it('advances tabs to the next stop of eight spaces', () => {
    const nineChars = m.width('123456789', mono, 20);
    expect(m.width('\tx', mono, 20)).toBeCloseTo(nineChars, 1);
    expect(m.width('abc\tx', mono, 20)).toBeCloseTo(nineChars, 1);
    expect(m.width('abcdefgh\tx', mono, 20)).toBeCloseTo(m.width('1234567890123456x', mono, 20), 1);
  });

  it('exposes the vertical metrics of the face', () => {
    const { ascent, descent } = m.verticalMetrics(body);
    expect(ascent).toBeGreaterThan(0.8);
    expect(ascent + descent).toBeGreaterThan(1);
    expect(ascent + descent).toBeLessThan(1.5);
  });

  it('rejects an unknown role', () => {
    expect(() => m.width('x', { role: 'caption' as FontRole }, 10)).toThrow(/caption/);
  });
});

describe('Measurer.wrap', () => {
  it('needs more lines in a narrower box', () => {
    const wide = m.lineCount(plain(paragraph), 900, 24);
    const medium = m.lineCount(plain(paragraph), 500, 24);
    const narrow = m.lineCount(plain(paragraph), 250, 24);
    expect(wide).toBeGreaterThanOrEqual(2);
    expect(medium).toBeGreaterThan(wide);
    expect(narrow).toBeGreaterThan(medium);
  });

  it('keeps every line inside the box and loses no text', () => {
    for (const maxWidth of [180, 333, 640]) {
      const { lines, widest } = m.wrap(plain(paragraph), maxWidth, 22);
      expect(widest).toBeLessThanOrEqual(maxWidth);
      for (const line of lines) expect(m.width(lineText(line), body, 22)).toBeLessThanOrEqual(maxWidth + 0.05);
      expect(lines.map(lineText).join(' ').replace(/- /g, '-')).toBe(paragraph.replace(/- /g, '-'));
      expect(m.lineCount(plain(paragraph), maxWidth, 22)).toBe(lines.length);
    }
  });

  it('fills lines greedily: the next word would not have fitted', () => {
    const maxWidth = 400;
    const { lines } = m.wrap(plain(paragraph), maxWidth, 20);
    for (let i = 0; i + 1 < lines.length; i++) {
      const nextWord = lineText(lines[i + 1]!).split(/(?<=[ —-])/)[0]!.trimEnd();
      expect(m.width(`${lineText(lines[i]!)} ${nextWord}`, body, 20)).toBeGreaterThan(maxWidth - 1);
    }
  });

  it('breaks a 400-character word into lines no wider than the box', () => {
    const word = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(7).slice(0, 400);
    const maxWidth = 300;
    const { lines } = m.wrap(plain(word), maxWidth, 20);
    const total = m.width(word, body, 20);
    expect(lines.length).toBeGreaterThanOrEqual(Math.ceil(total / maxWidth));
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(total / maxWidth) + 2);
    for (const line of lines) expect(m.width(lineText(line), body, 20)).toBeLessThanOrEqual(maxWidth);
    expect(lines.map(lineText).join('')).toBe(word);
  });

  it('moves a long word to its own line before cutting it, like overflow-wrap: anywhere', () => {
    const { lines } = m.wrap(plain('see Pneumonoultramicroscopicsilicovolcanoconiosis today'), 160, 20);
    expect(lineText(lines[0]!)).toBe('see');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lineText(lines[lines.length - 1]!)).toMatch(/ today$/);
  });

  it('wraps CJK text between characters', () => {
    const text = '本季度收入同比增长百分之十二，主要来自新客户。';
    const { lines } = m.wrap(plain(text), 100, 20);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      expect(m.width(lineText(line), body, 20)).toBeLessThanOrEqual(100);
      // Closing punctuation never starts a line.
      expect(lineText(line)).not.toMatch(/^[，。]/);
    }
    expect(lines.map(lineText).join('')).toBe(text);
  });

  it('forces a line break at "\\n"', () => {
    expect(m.lineCount(plain('First point\nSecond point'), 1000, 20)).toBe(2);
    expect(m.lineCount(plain('First point\n\nThird line'), 1000, 20)).toBe(3);
    // Like a trailing <br>, a final newline adds no empty line.
    expect(m.lineCount(plain('Only line\n'), 1000, 20)).toBe(1);
    expect(m.wrap(plain('left  \n  right'), 1000, 20).lines.map(lineText)).toEqual(['left', 'right']);
  });

  it('collapses whitespace like CSS and lets trailing spaces hang', () => {
    const { lines, widest } = m.wrap(plain('  spread    out\ttext   '), 1000, 20);
    expect(lines.map(lineText)).toEqual(['spread out text']);
    expect(widest).toBeCloseTo(m.width('spread out text', body, 20), 1);
    expect(m.lineCount(plain('   '), 1000, 20)).toBe(0);
    expect(m.lineCount([], 1000, 20)).toBe(0);
  });

  it('breaks after hyphens and around em dashes, never at a slash', () => {
    const self = m.wrap(plain('self-contained'), m.width('self-contai', body, 20), 20);
    expect(self.lines.map(lineText)).toEqual(['self-', 'contained']);
    const dash = m.wrap(plain('margins—finally—improved'), m.width('margins—fina', body, 20), 20);
    expect(dash.lines.map(lineText)).toEqual(['margins—', 'finally—', 'improved']);
    const slash = m.wrap(plain('see and/or'), m.width('see and/o', body, 20), 20);
    expect(slash.lines.map(lineText)).toEqual(['see', 'and/or']);
    // Inside a URL Chromium breaks after "?", and so must we, or we would pack the URL tighter than it does.
    const url = 'example.com/report?year=2024';
    expect(m.wrap(plain(url), m.width('example.com/report?ye', body, 20), 20).lines.map(lineText)).toEqual([
      'example.com/report?',
      'year=2024',
    ]);
    // A minus sign stays with its number.
    expect(m.wrap(plain('x (-5)'), m.width('x (-5', body, 20), 20).lines.map(lineText)).toEqual(['x', '(-5)']);
  });

  it('keeps each piece’s style on the lines it lands on', () => {
    const pieces: Piece[] = [
      { text: 'Revenue rose ', style: body },
      { text: 'twelve percent in the third quarter', style: bold },
      { text: ', ahead of plan.', style: body },
    ];
    const { lines } = m.wrap(pieces, 220, 20);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map(lineText).join(' ')).toBe('Revenue rose twelve percent in the third quarter, ahead of plan.');
    const boldText = lines
      .flat()
      .filter((p) => p.style === bold)
      .map((p) => p.text.trim())
      .join(' ');
    expect(boldText).toBe('twelve percent in the third quarter');
    // No break between a bold word and the comma glued to it.
    for (const line of lines) expect(lineText(line)).not.toMatch(/^,/);
  });

  it('answers an ask it has answered before as it did then, whatever came between', async () => {
    const asks: Array<[Piece[], number, number]> = [];
    const texts: Piece[][] = [
      plain(paragraph),
      plain(paragraph, bold),
      [
        { text: 'Revenue rose ', style: body },
        { text: 'twelve percent', style: bold },
      ],
      // The same characters cut into other pieces, and the same words in another face.
      [{ text: 'Revenue rose twelve percent', style: body }],
      [
        { text: 'Revenue rose', style: body },
        { text: ' twelve percent', style: bold },
      ],
      plain('Revenue rose twelve percent', mono),
    ];
    for (let round = 0; round < 3; round++) {
      for (const pieces of texts) for (const width of [90, 140, 260, 700]) for (const size of [16, 24]) asks.push([pieces, width, size]);
    }
    // Many more asks than are kept, in an order that revisits old ones.
    for (let i = 0; i < 700; i++) asks.push([plain(`${paragraph} ${i}`), 300 + (i % 7) * 40, 20]);
    asks.push(...asks.slice(0, 60).reverse());

    const answers = asks.map(([pieces, width, size]) => m.lineCount(pieces, width, size));
    const fresh = await Measurer.load(theme.fonts);
    asks.forEach(([pieces, width, size], i) => {
      const alone = fresh.lineCount(pieces, width, size);
      expect(answers[i], `ask ${i}`).toBe(alone);
      // What wrap lays out agrees: the count is of the same lines.
      expect(alone).toBe(fresh.wrap(pieces, width, size).lines.length);
    });
    expect(new Set(answers.slice(0, 48)).size).toBeGreaterThan(4);
  });
});
