/**
 * Links that run code or reach the local machine (javascript:, vbscript:, data:, file:, and their
 * disguises: mixed case, a tab or newline inside the scheme, HTML entities, leading blanks, percent
 * encoding, autolinks, reference definitions) become plain text in every format: no live href in the
 * HTML deck, no hyperlink relationship in the PPTX, no URI annotation in any PDF. Web, mail and
 * in-document links stay live. They sit in list items and table cells, the text a deck keeps whole.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { briefdeck, type CliResult } from '../helpers/cli.js';
import { readPptx, type ReadPptx } from '../helpers/pptx.js';
import { hasPoppler, pdfLinks } from '../helpers/pdf.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { openDeck } from '../helpers/html-layout.js';
import { tempDir } from '../helpers/tmp.js';
import { crashLines, hostile } from './support.js';

const REPORT = hostile('links.md');
const out = tempDir('briefdeck-links-');
const PDFS = ['links.pdf', 'links.handout.pdf', 'links.notes.pdf', 'links.briefing.pdf'];

/** The external targets the report links to that must stay live. */
const SAFE = [
  'https://portal.example.com/track?id=4471&ref=q3',
  'mailto:ops@example.com',
  'http://www.example.org/status',
  'https://wiki.example.com/finance/runbook',
  'mailto:legal@example.com?subject=Q3',
];
const ANCHOR = '#1-links-pasted-from-the-ticket-system';

/** A target as a browser would read its scheme: percent-decoded, blanks and controls dropped, lower case. */
function scheme(url: string): string {
  let u = url;
  try {
    u = decodeURIComponent(u);
  } catch {
    // Malformed escapes stay as written.
  }
  return (/^([a-z][a-z0-9+.-]*):/.exec(u.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase())?.[1] ?? '');
}
const HOSTILE_SCHEMES = ['javascript', 'vbscript', 'data', 'file'];

/** Every link text of the report whose target is hostile: each must still be read on a slide. */
const HOSTILE_TEXTS = ['the plain script link', 'mixed case', 'a tabbed scheme', 'a tab entity', 'hex entity', 'decimal entity', 'split scheme', 'colon entity', 'leading blanks', 'percent-encoded scheme', 'legacy VB macro', 'local file', 'share', 'data page', 'DATA upper', 'ref script', 'ref data'];

let result: CliResult;
beforeAll(() => {
  const formats = hasBrowser && hasPoppler ? 'all' : 'html,pptx';
  result = briefdeck(['build', REPORT, '-f', formats, '-o', out]);
}, 180_000);

it('the report builds in every format with exit 0', () => {
  expect(crashLines(result.stderr)).toEqual([]);
  expect(result.status, result.stderr).toBe(0);
});

describe.skipIf(!hasBrowser)('the HTML deck, as Chromium reads it', () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let links: { tag: string; href: string; text: string }[];
  let slideText: string;
  beforeAll(async () => {
    ({ browser, close } = await launchBrowser());
    const { page } = await openDeck(browser, path.join(out, 'links.html'));
    // Every element of the document that carries a link, whoever wrote it (our templates, reveal.js).
    links = await page.$$eval('[href], [src], [action], [formaction], [xlink\\:href]', (els) =>
      els.map((el) => ({
        tag: el.tagName.toLowerCase(),
        href: el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('formaction') ?? el.getAttribute('xlink:href') ?? '',
        text: (el.textContent ?? '').trim(),
      })),
    );
    slideText = await page.$eval('.reveal .slides', (s) => Array.from(s.querySelectorAll('section')).map((x) => (x.cloneNode(true) as HTMLElement)).map((x) => {
      x.querySelector('aside.notes')?.remove();
      return x.textContent ?? '';
    }).join('\n'));
    await page.close();
  }, 60_000);
  afterAll(async () => close?.());

  it('has no element whose link target runs code or opens a local file', () => {
    expect(links.filter((l) => HOSTILE_SCHEMES.includes(scheme(l.href)))).toEqual([]);
  });

  it('links only to the web, to mail and inside the deck', () => {
    // Pictures and fonts the deck embeds are data: URLs of <img> and <use>; no <a> is one.
    const anchors = links.filter((l) => l.tag === 'a');
    for (const a of anchors) expect(a.href, a.text).toMatch(/^(https?:|mailto:|#)/i);
    expect(anchors.map((a) => a.href).sort()).toEqual([...SAFE, ANCHOR].sort());
  });

  it('still shows the text of every refused link, as plain text', () => {
    for (const t of HOSTILE_TEXTS) expect(slideText, t).toContain(t);
    expect(slideText.match(/runbook/g)?.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the PPTX', () => {
  let pptx: ReadPptx;
  beforeAll(async () => {
    pptx = await readPptx(readFileSync(path.join(out, 'links.pptx')));
  });

  it('is strictly valid', () => {
    expect(pptx.problems).toEqual([]);
  });

  it('has a hyperlink relationship only for web and mail targets, each safe one present', () => {
    const targets: string[] = [];
    for (const [part, xml] of pptx.xml) {
      if (!part.endsWith('.rels')) continue;
      for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
        if (!/relationships\/hyperlink"/.test(m[0])) continue;
        targets.push((/Target="([^"]*)"/.exec(m[0])?.[1] ?? '').replace(/&amp;/g, '&'));
      }
    }
    expect(targets.filter((t) => HOSTILE_SCHEMES.includes(scheme(t)))).toEqual([]);
    for (const t of targets) expect(t).toMatch(/^(https?:|mailto:)/i);
    expect([...new Set(targets)].sort()).toEqual([...SAFE].sort());
  });

  it('every hyperlink on a slide points at a relationship of its slide', () => {
    for (const s of pptx.slides) {
      const ids = new Set(s.rels.map((r) => r.id));
      for (const m of s.xml.matchAll(/<a:hlinkClick\b[^>]*\br:id="([^"]*)"/g)) if (m[1]) expect(ids.has(m[1]), `${s.part} ${m[1]}`).toBe(true);
    }
  });

  it('still shows the text of every refused link', () => {
    const text = pptx.slides.map((s) => s.shapes.map((sh) => sh.text).join('\n')).join('\n');
    for (const t of HOSTILE_TEXTS) expect(text, t).toContain(t);
  });
});

describe.skipIf(!hasBrowser || !hasPoppler)('the PDFs', () => {
  it.each(PDFS)('%s has no link annotation that runs code or opens a local file', async (pdf) => {
    const uris = await pdfLinks(path.join(out, pdf));
    expect(uris.filter((u) => HOSTILE_SCHEMES.includes(scheme(u)))).toEqual([]);
    for (const u of uris) expect(u).toMatch(/^(https?:|mailto:)/i);
  });

  it('the slides PDF keeps every web and mail link live', async () => {
    expect([...new Set(await pdfLinks(path.join(out, 'links.pdf')))].sort()).toEqual([...SAFE].sort());
  });
});
