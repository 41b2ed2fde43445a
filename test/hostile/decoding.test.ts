/**
 * Bytes as they arrive from editors, exports and mistakes, through the command line: every encoding a
 * report is saved in gives the same deck, a file that is not text is one line and exit 1, and the
 * characters XML cannot hold leave every format with one warning that counts them.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefdeck, type CliResult } from '../helpers/cli.js';
import { readPptx } from '../helpers/pptx.js';
import { hasPoppler, pdfText } from '../helpers/pdf.js';
import { hasBrowser } from '../helpers/browser.js';
import { tempDir, visibleFiles } from '../helpers/tmp.js';
import { greyPng, noise } from '../helpers/images.js';
import { XML_ILLEGAL_CHARS, crashLines, hostile } from './support.js';

/** The text of the slides of an HTML deck: the reveal.js slides, without the script that follows. */
const slidesOf = (html: string) => html.slice(html.indexOf('<div class="slides">'), html.lastIndexOf('</section>'));

describe('one report saved in every encoding editors write', () => {
  const source = readFileSync(hostile('encodings.md'), 'utf8');
  const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  const crlf = source.replace(/\n/g, '\r\n');
  const encodings: Record<string, Buffer> = {
    'UTF-8': Buffer.from(source),
    'UTF-8 with a BOM': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source)]),
    'UTF-8 with CRLF line ends': Buffer.from(crlf),
    'UTF-8 with a BOM and CRLF (Notepad)': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]),
    'UTF-16 LE with a BOM': utf16le(source),
    'UTF-16 BE with a BOM': utf16be(source),
    'UTF-16 LE with a BOM and CRLF (PowerShell)': utf16le(crlf),
  };
  const dir = tempDir('briefdeck-encodings-');
  const runs = new Map<string, { result: CliResult; out: string }>();

  beforeAll(() => {
    Object.entries(encodings).forEach(([name, bytes], i) => {
      // The same file name everywhere, so the decks may be compared byte for byte.
      const folder = path.join(dir, String(i));
      mkdirSync(folder);
      writeFileSync(path.join(folder, 'operations.md'), bytes);
      const out = path.join(folder, 'out');
      runs.set(name, { result: briefdeck(['build', path.join(folder, 'operations.md'), '-f', 'html,pptx', '-o', out]), out });
    });
  }, 120_000);

  it.each(Object.keys(encodings))('%s builds with exit 0 and not a single warning', (name) => {
    const { result } = runs.get(name)!;
    expect(crashLines(result.stderr)).toEqual([]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
  });

  it.each(Object.keys(encodings).slice(1))('%s gives the HTML deck of UTF-8, byte for byte', (name) => {
    const html = (n: string) => readFileSync(path.join(runs.get(n)!.out, 'operations.html'), 'utf8');
    expect(html(name)).toBe(html('UTF-8'));
  });

  it.each(Object.keys(encodings).slice(1))('%s gives the PPTX slides and notes of UTF-8', async (name) => {
    const slides = async (n: string) => (await readPptx(readFileSync(path.join(runs.get(n)!.out, 'operations.pptx')))).slides.map((s) => ({ title: s.title, text: s.shapes.map((sh) => sh.text), notes: s.notes }));
    expect(await slides(name)).toEqual(await slides('UTF-8'));
  });

  it('shows accents, CJK, emoji and letters beyond the BMP as written, with no BOM, CR or replacement character', async () => {
    const { out } = runs.get('UTF-16 BE with a BOM')!;
    const html = readFileSync(path.join(out, 'operations.html'), 'utf8');
    const pptx = await readPptx(readFileSync(path.join(out, 'operations.pptx')));
    const pptxText = pptx.slides.map((s) => s.shapes.map((sh) => sh.text).join('\n')).join('\n');
    for (const words of ['Résumé des opérations — T3', 'Zoë Ångström', 'Créteil', '東京の倉庫', '📦 shipped', '𝔘nicode', 'مستودع دبي', '48 200 €']) {
      expect(slidesOf(html), words).toContain(words);
      expect(pptxText, words).toContain(words);
    }
    expect(pptx.problems).toEqual([]);
    for (const text of [html, pptxText]) expect(text).not.toMatch(/[\uFEFF\r\uFFFD]/);
  });
});


describe('a file that is not a report', () => {
  const binaries: [string, string, Buffer][] = [
    ['a PNG screenshot saved over the report', 'weekly-status.md', greyPng(64, 48)],
    ['random bytes with NULs (a corrupted download)', 'corrupt.md', noise(16_384, 20_261)],
    ['a Word file renamed to .md (a ZIP archive)', 'minutes.md', Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00', 'latin1'), Buffer.from('[Content_Types].xml'), noise(600, 7)])],
    ['text with a NUL byte in the middle of a heading', 'nul.md', Buffer.from('# Weekly\u0000Status\n\n## Depots\n\n- All open.\n')],
  ];

  it.each(binaries)('%s is refused with exit 1 and one line, "not a text file", and nothing written', (_name, file, bytes) => {
    const dir = tempDir('briefdeck-binary-');
    writeFileSync(path.join(dir, file), bytes);
    const out = path.join(dir, 'out');
    const r = briefdeck(['build', path.join(dir, file), '-f', 'html,pptx', '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${path.join(dir, file)}: not a text file\n`);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('is refused by plan the same way', () => {
    const dir = tempDir('briefdeck-binary-');
    writeFileSync(path.join(dir, 'logo.md'), greyPng(8, 8));
    const r = briefdeck(['plan', path.join(dir, 'logo.md'), '--json']);
    expect([r.status, r.stderr, r.stdout]).toEqual([1, `${path.join(dir, 'logo.md')}: not a text file\n`, '']);
  });
});

describe('characters XML cannot hold', () => {
  // A report pasted from a terminal and a legacy export: bell, backspace, vertical tab, form feed,
  // escape, unit separator and the non-characters U+FFFE and U+FFFF, in a heading, a list, a table
  // and a code block. Tab, CR LF and DEL (U+007F) are legal and stay.
  const controls = ['\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\uFFFE', '\uFFFF', '\u0001', '\u0002'];
  const report = [
    '# Terminal\u0007 Paste Review',
    '',
    '## 1. Findings',
    '',
    '- Rev\u0008enue grew 12% after the\u000B depot merger.',
    '- The night\u000C shift logged 41\u001B[0m late departures.',
    '- Costs fell\u001F in the south\uFFFE region\uFFFF overall.',
    '',
    '| Site | Status\u0001 |',
    '|---|---|',
    '| Leeds | open\u0002 |',
    '',
    '```text',
    'tail -f depot.log\tDEL:\u007F',
    '```',
    '',
  ].join('\n');
  const dir = tempDir('briefdeck-controls-');
  const file = path.join(dir, 'paste.md');
  writeFileSync(file, report);
  const out = path.join(dir, 'out');
  let r: CliResult;
  beforeAll(() => {
    r = briefdeck(['build', file, '-f', hasBrowser && hasPoppler ? 'html,pptx,pdf' : 'html,pptx', '-o', out]);
  }, 120_000);

  it('are removed with exit 0 and one warning that counts them and names the first line', () => {
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(`${file}:1: warning: removed ${controls.length} control characters that no slide can show (first at this line)\n`);
  });

  it('are in no part of the HTML deck, and the words they sat in read whole', () => {
    const html = readFileSync(path.join(out, 'paste.html'), 'utf8');
    expect(html.match(XML_ILLEGAL_CHARS)).toBeNull();
    for (const words of ['Terminal Paste Review', 'Revenue grew 12%', 'night shift logged 41[0m late', 'open']) expect(slidesOf(html)).toContain(words);
  });

  it('are in no part of the PPTX, which is strictly valid', async () => {
    const pptx = await readPptx(readFileSync(path.join(out, 'paste.pptx')));
    expect(pptx.problems).toEqual([]);
    const text = pptx.slides.map((s) => s.shapes.map((sh) => sh.text).join('\n')).join('\n');
    expect(text).toContain('Terminal Paste Review');
    expect(text).toContain('Revenue grew 12%');
    for (const xml of pptx.xml.values()) expect(xml.match(XML_ILLEGAL_CHARS)).toBeNull();
  });

  it.skipIf(!hasBrowser || !hasPoppler)('are not in the slides PDF, whose text reads whole', () => {
    const text = pdfText(path.join(out, 'paste.pdf'));
    // pdftotext ends each page with a form feed of its own; nothing else may be a control character.
    expect(text.replace(/\f/g, '').match(XML_ILLEGAL_CHARS)).toBeNull();
    expect(text).toContain('Terminal Paste Review');
    expect(text).toMatch(/Revenue grew 12%/);
  });

  it('leave the output folder with exactly the requested files', () => {
    expect(visibleFiles(out).sort()).toEqual(['paste.html', 'paste.pptx', ...(hasBrowser && hasPoppler ? ['paste.pdf'] : [])].sort());
  });
});

describe('characters XML cannot hold, written as YAML escapes in the front matter', () => {
  // "\a", "\x1b" and "\0" are escapes YAML itself turns into control characters, after the reader has
  // removed those of the file's text.
  it('are removed from the HTML deck too, with one warning that counts them', () => {
    const dir = tempDir('briefdeck-yaml-controls-');
    const file = path.join(dir, 'escaped.md');
    writeFileSync(file, '---\ntitle: "Fleet\\a Review\\x1b"\nauthor: "Ops\\0 Desk"\n---\n\n## Depots\n\n- All open.\n');
    const out = path.join(dir, 'out');
    const r = briefdeck(['build', file, '-f', 'html,pptx', '-o', out]);
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.status).toBe(0);
    const html = readFileSync(path.join(out, 'escaped.html'), 'utf8');
    expect(slidesOf(html)).toContain('Fleet Review');
    expect(html.match(XML_ILLEGAL_CHARS)).toBeNull();
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/removed 3 control characters/)]);
  });
});
