import { describe, expect, it } from 'vitest';
import { fontFaceFiles, loadFontFamily, nearestWeight } from '../../src/measure/fonts.js';

const carlito = { name: 'Calibri', family: 'Carlito', package: '@fontsource/carlito' };

describe('nearestWeight', () => {
  it('picks the face a browser would for a missing weight', () => {
    expect(nearestWeight([400, 700], 700)).toBe(700);
    expect(nearestWeight([400], 700)).toBe(400);
    expect(nearestWeight([300, 900], 700)).toBe(900);
    expect(nearestWeight([300, 500, 900], 400)).toBe(500);
    expect(nearestWeight([300, 600], 400)).toBe(300);
    expect(nearestWeight([700, 900], 400)).toBe(700);
  });
});

describe('font packages', () => {
  it('lists every subset, weight and style with its unicode-range', () => {
    const files = fontFaceFiles(carlito);
    const latin = files.find((f) => f.subset === 'latin' && f.weight === 700 && f.style === 'italic');
    expect(latin?.path).toMatch(/carlito-latin-700-italic\.woff2$/);
    expect(latin?.unicodeRange).toMatch(/^U\+0000-00FF/);
    expect(new Set(files.map((f) => f.subset))).toEqual(
      new Set(['cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'latin', 'latin-ext', 'vietnamese']),
    );
    expect(files).toHaveLength(7 * 4);
  });

  it('reports a missing package by name', async () => {
    await expect(loadFontFamily({ name: 'X', family: 'Nope', package: '@fontsource/does-not-exist' })).rejects.toThrow(
      /@fontsource\/does-not-exist/,
    );
  });

  it('shares loaded families across callers', async () => {
    const [a, b] = await Promise.all([loadFontFamily(carlito), loadFontFamily(carlito)]);
    expect(a).toBe(b);
    expect(a.face(true, false).weight).toBe(700);
    expect(a.face(false, true).style).toBe('italic');
    expect(a.face(true, true).syntheticBold).toBe(false);
  });
});
