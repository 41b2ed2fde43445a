/**
 * The PPTX as a file: every fixture report and the example rendered, unzipped and read back the way
 * a strict consumer reads it. Nothing here trusts the renderer's own checks.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck, Slide } from '../../src/types/deck.js';
import { LAYOUTS } from '../../src/layout/specs.js';
import { safeHref } from '../../src/render/html/links.js';
import { EXAMPLE, FIXTURES, fixtureReports } from '../helpers/fixtures.js';
import { all, buildPptx, first, paragraphText, parseXml, readPptx, shapesOutside, type Built, type ReadPptx } from '../helpers/pptx.js';

const FILES = [...fixtureReports().map((f) => path.join(FIXTURES, f)), EXAMPLE];
const built = new Map<string, { built: Built; read: ReadPptx }>();
const get = (name: string) => built.get(name)!;

beforeAll(async () => {
  for (const file of FILES) {
    const b = await buildPptx(file);
    built.set(path.basename(file), { built: b, read: await readPptx(b.buffer) });
  }
}, 120_000);

const EMU_PER_PX = 9525;

describe.each(FILES.map((f) => path.basename(f)))('%s → PPTX', (name) => {
  it('is a strictly valid package', () => {
    expect(get(name).read.problems).toEqual([]);
  });

  it('has exactly the model slides, titles in title placeholders, and the notes', () => {
    const { built: b, read } = get(name);
    expect(read.slides.length).toBe(b.deck.slides.length);
    read.slides.forEach((s, i) => {
      expect(s.title, `slide ${i + 1} title`).toBe(b.deck.slides[i].title);
      expect(s.notes, `slide ${i + 1} notes`).toBe(b.deck.slides[i].notes);
    });
  });

  it('keeps every shape on the slide at the deck size', () => {
    const { built: b, read } = get(name);
    expect(read.size).toEqual({ cx: b.deck.size.width * EMU_PER_PX, cy: b.deck.size.height * EMU_PER_PX });
    expect(shapesOutside(read)).toEqual([]);
  });

  it('sets explicit sizes and never lets PowerPoint shrink or grow text', () => {
    const { read } = get(name);
    for (const s of read.slides) {
      for (const body of all(s.root, 'a:bodyPr').filter((b) => b.attrs.lIns !== undefined)) {
        expect(first(body, 'a:noAutofit'), s.part).toBeTruthy();
        expect(body.attrs.lIns).toBe('0');
        expect(body.attrs.tIns).toBe('0');
      }
      expect(s.xml).not.toMatch(/normAutofit|spAutoFit/);
      for (const r of all(s.root, 'a:rPr')) expect(Number(r.attrs.sz), s.part).toBeGreaterThan(0);
      // Line pitch is exact points, as the planner measured (not a multiple of the font's own height).
      for (const ln of all(s.root, 'a:lnSpc')) expect(first(ln, 'a:spcPts')).toBeTruthy();
    }
  });

  it('puts each slide on the master of its layout, one master per layout with a title placeholder', () => {
    const { built: b, read } = get(name);
    // pptxgenjs keeps its own blank default layout next to ours.
    const layouts = read.parts.filter((p) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(p) && /<p:cSld name="briefdeck /.test(read.xml.get(p)!));
    expect(layouts.length).toBe(Object.keys(LAYOUTS).length);
    for (const l of layouts) expect(read.xml.get(l)).toMatch(/<p:ph[^>]*type="title"/);
    const names = new Map(layouts.map((l) => [l, /<p:cSld name="([^"]*)"/.exec(read.xml.get(l)!)?.[1]]));
    read.slides.forEach((s, i) => expect(names.get(s.layoutPart)).toBe(`briefdeck ${b.deck.slides[i].layout}`));
  });

  it("gives each layout's title placeholder the title style of its slides, for new and reset slides", () => {
    const { read } = get(name);
    for (const part of read.parts.filter((p) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(p))) {
      const xml = read.xml.get(part)!;
      const layout = /<p:cSld name="briefdeck ([^"]*)"/.exec(xml)?.[1] as keyof typeof LAYOUTS | undefined;
      if (!layout) continue;
      const title = all(parseXml(xml), 'p:sp').find((sp) => all(sp, 'p:ph').some((ph) => ph.attrs.type === 'title'))!;
      const body = first(title, 'a:bodyPr')!;
      expect(body.attrs, layout).toMatchObject({ lIns: '0', tIns: '0', rIns: '0', bIns: '0', anchor: 'b' });
      expect(first(title, 'a:defRPr')!.attrs.sz, layout).toBe(String(Math.round(LAYOUTS[layout].title.pref * 75)));
    }
  });

  it('carries the document properties', () => {
    const { built: b, read } = get(name);
    expect(read.core['dc:title']).toBe(b.deck.meta.title);
    expect(read.core['dc:creator']).toBe(b.deck.meta.author ?? '');
    expect(read.core['dc:subject']).toBe(b.deck.meta.subtitle ?? '');
    expect(read.core['dc:language']).toMatch(new RegExp(`^${b.deck.meta.lang}`, 'i'));
  });

  it('numbers every content slide n / total', () => {
    const { built: b, read } = get(name);
    read.slides.forEach((s, i) => {
      if (b.deck.slides[i].layout === 'title') return;
      expect(s.shapes.some((sh) => sh.text === `${i + 1} / ${b.deck.slides.length}`), `slide ${i + 1}`).toBe(true);
    });
  });

  it('draws tables, lists, images and code natively', () => {
    const { built: b, read } = get(name);
    b.deck.slides.forEach((slide: Slide, i) => {
      const s = read.slides[i];
      for (const block of slide.blocks) {
        if ('table' in block) {
          const tbl = first(s.root, 'a:tbl')!;
          expect(tbl, `slide ${i + 1} table`).toBeTruthy();
          const rows = all(tbl, 'a:tr');
          expect(rows.length).toBe(block.table.rows.length + 1);
          const head = all(rows[0], 'a:tc').map((tc) => all(tc, 'a:p').map(paragraphText).join(''));
          expect(head.sort()).toEqual(block.table.head.map((c) => c.map((r) => r.text).join('')).sort());
          expect(all(tbl, 'a:gridCol').map((g) => Number(g.attrs.w)).reduce((a, c) => a + c, 0)).toBeLessThanOrEqual(
            (slide.fit.columns ?? []).reduce((a, c) => a + c, 0) * EMU_PER_PX + 10,
          );
        }
        if ('list' in block) {
          const marked = all(s.root, 'a:pPr').filter((p) => first(p, 'a:buChar') || first(p, 'a:buAutoNum'));
          expect(marked.length, `slide ${i + 1} list markers`).toBe(block.list.filter((it) => !it.continued).length);
          for (const item of block.list.filter((it) => it.level > 0)) expect(s.xml).toContain(`lvl="${item.level}"`);
        }
        if ('image' in block) {
          const asset = b.deck.assets[block.image.asset];
          if (asset?.path) expect(s.shapes.some((sh) => sh.kind === 'p:pic'), `slide ${i + 1} picture`).toBe(true);
          else expect(s.shapes.some((sh) => sh.text === 'Image not available')).toBe(true);
        }
        if ('code' in block) {
          const text = s.shapes.find((sh) => sh.name === 'Code')!.paragraphs.map(paragraphText);
          expect(text).toEqual(block.code.lines);
        }
      }
    });
  });
});

describe('scripts and directions', () => {
  it('gives CJK runs an East Asian font and language', () => {
    for (const name of ['chinese-report.md', 'mixed-scripts.md']) {
      const runs = get(name).read.slides.flatMap((s) => all(s.root, 'a:r'));
      const cjk = runs.filter((r) => /[\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/.test(first(r, 'a:t')?.text ?? ''));
      expect(cjk.length, name).toBeGreaterThan(0);
      for (const r of cjk) {
        const rPr = first(r, 'a:rPr')!;
        expect(rPr.attrs.lang).toMatch(/^(zh|ja|ko)/);
        expect(first(rPr, 'a:ea')!.attrs.typeface).toMatch(/^(Microsoft YaHei|Yu Gothic|Malgun Gothic)$/);
      }
    }
  });

  it('marks Arabic and Hebrew paragraphs right to left, and mirrors a right-to-left deck', () => {
    const { built: b, read } = get('arabic-report.md');
    const paragraphs = read.slides.flatMap((s) => all(s.root, 'a:p'));
    const rtl = paragraphs.filter((p) => /^[^\p{L}]*[\u0590-\u05FF\u0600-\u06FF]/u.test(paragraphText(p)));
    expect(rtl.length).toBeGreaterThan(0);
    for (const p of rtl) expect(first(p, 'a:pPr')!.attrs.rtl, paragraphText(p)).toBe('1');
    expect(read.presentation.attrs.rtl).toBe('1');
    // The title box hugs the right edge: its right margin is the HTML's `right:` offset.
    const content = read.slides.findIndex((_, i) => b.deck.slides[i].layout !== 'title');
    const title = read.slides[content].shapes.find((s) => s.placeholder === 'title')!.box!;
    const spec = LAYOUTS[b.deck.slides[content].layout].boxes.title;
    expect(Math.abs(read.size.cx - (title.x + title.w) - spec.x * read.size.cx)).toBeLessThan(EMU_PER_PX * 2);
  });

  it('gives Arabic and Hebrew runs their language and a font that has them, inside a left-to-right deck', () => {
    const runs = get('mixed-scripts.md').read.slides.flatMap((s) => all(s.root, 'a:r'));
    for (const [re, lang] of [[/[\u0600-\u06FF]/, /^ar/], [/[\u0590-\u05FF]/, /^he/]] as const) {
      const found = runs.filter((r) => re.test(first(r, 'a:t')?.text ?? ''));
      expect(found.length).toBeGreaterThan(0);
      for (const r of found) {
        expect(first(r, 'a:rPr')!.attrs.lang).toMatch(lang);
        expect(first(r, 'a:cs')!.attrs.typeface).toBe('Arial');
      }
    }
  });

  it('links what the HTML deck links, and nothing else', () => {
    const { built: b, read } = get('nested-content.md');
    const used = b.deck.slides.flatMap((s) => JSON.stringify(s.blocks).match(/"link":\d+/g) ?? []).map((m) => b.deck.links[Number(m.slice(7))]);
    const live = used.filter((l) => safeHref(l) && !l.startsWith('#'));
    expect(live.length).toBeGreaterThan(0);
    const targets = read.slides.flatMap((s) => s.rels.filter((r) => r.type.endsWith('/hyperlink')).map((r) => r.target));
    expect([...new Set(targets)].sort()).toEqual([...new Set(live)].sort());
    expect(read.slides.flatMap((s) => all(s.root, 'a:hlinkClick')).length).toBeGreaterThan(0);
    // The example links nothing, and gets no links.
    expect(get('quarterly-review.md').read.slides.flatMap((s) => all(s.root, 'a:hlinkClick'))).toEqual([]);
  });
});

describe('a hand-made deck', () => {
  const CONTROLS = '\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF';
  const poison = (deck: Deck): Deck => {
    const slide = deck.slides.find((s) => s.blocks.some((b) => 'list' in b))!;
    slide.title = `Con${CONTROLS}trol`;
    slide.notes = `Notes${CONTROLS} here`;
    const list = slide.blocks.find((b) => 'list' in b) as { list: { runs: { text: string }[] }[] };
    list.list[0].runs[0].text = `Bul${CONTROLS}let`;
    deck.meta.title = `Deck${CONTROLS}`;
    const table = deck.slides.find((s) => s.blocks.some((b) => 'table' in b));
    if (table) (table.blocks[0] as { table: { head: { text: string }[][] } }).table.head[0][0].text = `He${CONTROLS}ad`;
    return deck;
  };

  it('never lets a control character reach the XML, and says so once', async () => {
    const b = await buildPptx(EXAMPLE, poison);
    const read = await readPptx(b.buffer);
    expect(read.problems).toEqual([]);
    const texts = read.slides.flatMap((s) => s.shapes.map((sh) => sh.text));
    expect(texts).toContain('Control');
    expect(texts.join('\n')).toContain('Bullet');
    expect(texts.join('\n')).toContain('Head');
    expect(read.slides.some((s) => s.notes === 'Notes here')).toBe(true);
    expect(read.core['dc:title']).toBe('Deck');
    expect(b.warnings.filter((w) => w.code === 'control-characters')).toHaveLength(1);
  });

  it('keeps XML specials as text and links only web and mail targets', async () => {
    const b = await buildPptx(EXAMPLE, (deck) => {
      const slide = deck.slides.find((s) => s.blocks.some((x) => 'list' in x))!;
      const list = slide.blocks.find((x) => 'list' in x) as { list: { runs: { text: string; link?: number }[] }[] };
      deck.links = ['https://example.com/?a=1&b=<2> 3', 'javascript:alert(1)', '#section-2', 'mailto:ops@example.com'];
      list.list[0].runs = [
        { text: `Fish & chips < "5" > 'six' ` },
        { text: 'web', link: 0 },
        { text: ' script', link: 1 },
        { text: ' anchor', link: 2 },
        { text: ' mail', link: 3 },
      ];
      return deck;
    });
    const read = await readPptx(b.buffer);
    expect(read.problems).toEqual([]);
    expect(read.slides.flatMap((s) => s.shapes.map((sh) => sh.text)).join('\n')).toContain(`Fish & chips < "5" > 'six' web script anchor mail`);
    const targets = read.slides.flatMap((s) => s.rels.filter((r) => r.type.endsWith('/hyperlink')).map((r) => r.target));
    // Targets are URIs, as the package format requires: spaces and brackets percent-encoded.
    expect(targets.sort()).toEqual(['https://example.com/?a=1&b=%3C2%3E%203', 'mailto:ops@example.com']);
  });

  it("builds when the report's own text looks like the renderer's text tokens", async () => {
    const fake = '@@bd0@@ @@bd1@@';
    const b = await buildPptx(EXAMPLE, (deck) => {
      const image = deck.slides.find((s) => s.blocks.some((x) => 'image' in x))!;
      image.title = `Chart ${fake}`;
      (image.blocks.find((x) => 'image' in x) as { image: { alt: string } }).image.alt = `Alt ${fake}`;
      return deck;
    });
    const read = await readPptx(b.buffer);
    expect(read.problems).toEqual([]);
    expect(read.slides.map((s) => s.title)).toContain(`Chart ${fake}`);
  });

  it("keeps a picture's aspect ratio and centre whatever its shape", async () => {
    for (const [width, height] of [
      [20000, 10],
      [10, 20000],
      [1, 1],
    ]) {
      const b = await buildPptx(EXAMPLE, (deck) => {
        const image = deck.slides.find((s) => s.blocks.some((x) => 'image' in x))!;
        const asset = deck.assets[(image.blocks.find((x) => 'image' in x) as { image: { asset: number } }).image.asset];
        Object.assign(asset, { width, height });
        return deck;
      });
      const read = await readPptx(b.buffer);
      const slide = read.slides[b.deck.slides.findIndex((s) => s.layout === 'image')];
      const box = slide.shapes.find((sh) => sh.kind === 'p:pic')!.box!;
      const [w, h] = [box.w / EMU_PER_PX, box.h / EMU_PER_PX];
      // Within a pixel of the true proportions (a 20 000 × 10 strip is a pixel tall, not an inch).
      // The short side follows from the long one.
      if (width >= height) expect(Math.abs(h - (w * height) / width), `${width}×${height}`).toBeLessThanOrEqual(1);
      else expect(Math.abs(w - (h * width) / height), `${width}×${height}`).toBeLessThanOrEqual(1);
      const body = LAYOUTS.image.boxes.body;
      const centre = (body.x + body.w / 2) * b.deck.size.width;
      expect(Math.abs(box.x / EMU_PER_PX + w / 2 - centre), `${width}×${height} centred`).toBeLessThanOrEqual(1);
    }
  });

  it("marks every table's first row as its header", () => {
    const { read } = get('quarterly-review.md');
    const tables = read.slides.filter((s) => s.xml.includes('<a:tbl>'));
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(t.xml).toContain('<a:tblPr firstRow="1"');
  });

  it('stores a picture shown on many slides once', async () => {
    // The same chart and formula on three slides each: three image slides, three math slides.
    const repeat = (deck: Deck): Deck => {
      const pictures = deck.slides.filter((s) => s.blocks.some((b) => 'image' in b || 'math' in b));
      deck.slides.push(...[1, 2].flatMap(() => structuredClone(pictures)));
      return deck;
    };
    const b = await buildPptx(EXAMPLE, repeat);
    const read = await readPptx(b.buffer);
    expect(read.problems).toEqual([]);
    const media = read.parts.filter((p) => p.startsWith('ppt/media/'));
    const linked = [...read.xml].filter(([name]) => /^ppt\/slides\/_rels\//.test(name)).flatMap(([, x]) => [...x.matchAll(/Target="\.\.\/media\/([^"]+)"/g)].map((m) => m[1]));
    expect(linked.length).toBeGreaterThanOrEqual(6);
    expect(new Set(linked).size).toBe(media.length);
    expect(media.length).toBeLessThanOrEqual(2);
  });

  it('is 4:3 at 10 × 7.5 in when the deck is 960 × 720', async () => {
    const b = await buildPptx(EXAMPLE, (deck) => ({ ...deck, size: { width: 960, height: 720 } }));
    const read = await readPptx(b.buffer);
    expect(read.size).toEqual({ cx: 9144000, cy: 6858000 });
    expect(read.problems).toEqual([]);
  });
});
