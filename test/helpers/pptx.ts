/**
 * Reads a .pptx back the way a strict consumer does, independently of the renderer's own checks:
 * every XML part parsed with a strict namespace-aware parser (saxes), content types, relationships,
 * colours and characters checked, then slides read in presentation order with their title
 * placeholder, notes, shapes and paragraphs.
 */
import path from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** Parses strictly; throws on the first well-formedness or namespace error. */
export function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k] = typeof v === 'string' ? v : v.value;
    const el: El = { name: tag.name, attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return root.children[0];
}

export function all(el: El, name: string, out: El[] = []): El[] {
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    all(c, name, out);
  }
  return out;
}
export const first = (el: El, name: string): El | undefined => all(el, name)[0];

/** A paragraph's text: runs joined, line breaks as "\n". */
export function paragraphText(p: El): string {
  let s = '';
  const walk = (el: El) => {
    for (const c of el.children) {
      if (c.name === 'a:r' || c.name === 'a:fld') s += first(c, 'a:t')?.text ?? '';
      else if (c.name === 'a:br') s += '\n';
    }
  };
  walk(p);
  return s;
}

export interface Shape {
  kind: string;
  name: string;
  placeholder?: string;
  /** EMU; absent when the shape inherits its place from the layout. */
  box?: { x: number; y: number; w: number; h: number };
  paragraphs: El[];
  text: string;
}

export interface ReadSlide {
  part: string;
  layoutPart: string;
  title?: string;
  notes: string;
  shapes: Shape[];
  xml: string;
  root: El;
  rels: { id: string; type: string; target: string; external: boolean }[];
}

export interface ReadPptx {
  parts: string[];
  xml: Map<string, string>;
  size: { cx: number; cy: number };
  slides: ReadSlide[];
  core: Record<string, string>;
  presentation: El;
  /** Everything a strict consumer would reject; empty for a sound package. */
  problems: string[];
}

const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const extOf = (part: string) => (/\.([^./]+)$/.exec(part)?.[1] ?? '').toLowerCase();

function rels(xml: Map<string, string>, part: string) {
  const name = path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
  const text = xml.get(name);
  if (!text) return [];
  return all(parseXml(text), 'Relationship').map((r) => ({
    id: r.attrs.Id,
    type: r.attrs.Type,
    external: r.attrs.TargetMode === 'External',
    target: r.attrs.TargetMode === 'External' ? r.attrs.Target : path.posix.normalize(path.posix.join(path.posix.dirname(part), r.attrs.Target)),
  }));
}

function shapesOf(root: El): Shape[] {
  const tree = first(root, 'p:spTree');
  if (!tree) return [];
  return tree.children
    .filter((c) => ['p:sp', 'p:pic', 'p:graphicFrame', 'p:cxnSp'].includes(c.name))
    .map((c) => {
      const nv = first(c, 'p:cNvPr');
      const ph = first(c, 'p:ph');
      const xfrm = c.name === 'p:graphicFrame' ? first(c, 'p:xfrm') : first(c, 'a:xfrm');
      const off = xfrm && first(xfrm, 'a:off');
      const ext = xfrm && first(xfrm, 'a:ext');
      const paragraphs = all(c, 'a:p');
      return {
        kind: c.name,
        name: nv?.attrs.name ?? '',
        placeholder: ph ? ph.attrs.type ?? 'body' : undefined,
        box: off && ext ? { x: Number(off.attrs.x), y: Number(off.attrs.y), w: Number(ext.attrs.cx), h: Number(ext.attrs.cy) } : undefined,
        paragraphs,
        text: paragraphs.map(paragraphText).join('\n'),
      };
    });
}

export async function readPptx(buffer: Buffer): Promise<ReadPptx> {
  const zip = await JSZip.loadAsync(buffer);
  const parts = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const xml = new Map<string, string>();
  const problems: string[] = [];
  for (const p of parts) {
    if (!/\.(xml|rels)$/.test(p)) continue;
    const text = await zip.file(p)!.async('string');
    xml.set(p, text);
    if (ILLEGAL.test(text)) problems.push(`${p}: XML-illegal character`);
    try {
      parseXml(text);
    } catch (e) {
      problems.push(`${p}: ${(e as Error).message}`);
      continue;
    }
    for (const m of text.matchAll(/<a:srgbClr\b[^>]*\bval="([^"]*)"/g)) if (!/^[0-9A-F]{6}$/i.test(m[1])) problems.push(`${p}: colour ${m[1]}`);
  }
  // Content types: every override names a real part, every part has a type.
  const types = parseXml(xml.get('[Content_Types].xml') ?? '<Types/>');
  const defaults = new Set(all(types, 'Default').map((d) => d.attrs.Extension.toLowerCase()));
  const overrides = new Set(all(types, 'Override').map((o) => o.attrs.PartName.replace(/^\//, '')));
  for (const o of overrides) if (!parts.includes(o)) problems.push(`content type override for missing part ${o}`);
  for (const p of parts) if (p !== '[Content_Types].xml' && !overrides.has(p) && !defaults.has(extOf(p))) problems.push(`${p}: no content type`);
  // Relationships: every internal target exists.
  for (const p of parts) {
    if (!p.endsWith('.rels') || !xml.has(p)) continue;
    const dir = path.posix.dirname(path.posix.dirname(p));
    let list: El[] = [];
    try {
      list = all(parseXml(xml.get(p)!), 'Relationship');
    } catch {
      continue;
    }
    for (const r of list) {
      if (r.attrs.TargetMode === 'External') continue;
      const t = r.attrs.Target;
      const resolved = t.startsWith('/') ? t.slice(1) : path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, t));
      if (!parts.includes(resolved)) problems.push(`${p}: missing target ${t}`);
    }
  }

  const presentation = parseXml(xml.get('ppt/presentation.xml')!);
  const sz = first(presentation, 'p:sldSz')!;
  const presRels = rels(xml, 'ppt/presentation.xml');
  const slides: ReadSlide[] = all(presentation, 'p:sldId').map((id) => {
    const part = presRels.find((r) => r.id === id.attrs['r:id'])!.target;
    const text = xml.get(part)!;
    const root = parseXml(text);
    const slideRels = rels(xml, part);
    const shapes = shapesOf(root);
    const title = shapes.find((s) => s.placeholder === 'title' || s.placeholder === 'ctrTitle');
    const notesPart = slideRels.find((r) => r.type.endsWith('/notesSlide'))?.target;
    let notes = '';
    if (notesPart && xml.has(notesPart)) {
      const body = shapesOf(parseXml(xml.get(notesPart)!)).find((s) => s.placeholder === 'body');
      notes = body ? body.paragraphs.map(paragraphText).join('\n\n') : '';
    }
    return {
      part,
      layoutPart: slideRels.find((r) => r.type.endsWith('/slideLayout'))?.target ?? '',
      title: title?.text,
      notes,
      shapes,
      xml: text,
      root,
      rels: slideRels,
    };
  });
  const core: Record<string, string> = {};
  const coreXml = xml.get('docProps/core.xml');
  if (coreXml) for (const el of parseXml(coreXml).children) core[el.name] = el.text;
  return { parts, xml, size: { cx: Number(sz.attrs.cx), cy: Number(sz.attrs.cy) }, slides, core, presentation, problems };
}

/** Shapes whose box reaches past the slide's edges. */
export function shapesOutside(pptx: ReadPptx): string[] {
  const out: string[] = [];
  pptx.slides.forEach((s, i) => {
    for (const sh of s.shapes) {
      const b = sh.box;
      if (!b) continue;
      if (b.x < 0 || b.y < 0 || b.x + b.w > pptx.size.cx || b.y + b.h > pptx.size.cy) out.push(`slide ${i + 1}: ${sh.name} at ${JSON.stringify(b)}`);
    }
  });
  return out;
}

import type { Deck } from '../../src/types/deck.js';
import type { Diagnostic } from '../../src/types/diagnostics.js';
import type { Theme } from '../../src/theme/types.js';
import type { Measurer } from '../../src/measure/text.js';
import { planFile } from '../../src/pipeline.js';
import { renderPptx } from '../../src/render/pptx/render.js';

export interface Built {
  file: string;
  deck: Deck;
  buffer: Buffer;
  warnings: Diagnostic[];
  /** The theme and measurer it was planned and rendered with. */
  theme: Theme;
  measurer: Measurer;
}

/**
 * Plans a report and renders it as the CLI does; `edit` changes the deck first (a hand-made deck
 * JSON); `theme` is what `--theme` would name (a built-in theme or a theme file).
 */
export async function buildPptx(file: string, edit?: (deck: Deck) => Deck, opts: { theme?: string } = {}): Promise<Built> {
  const planned = await planFile(file, opts);
  const deck = edit ? edit(structuredClone(planned.deck)) : planned.deck;
  const warnings: Diagnostic[] = [];
  const buffer = await pptxOf(deck, { theme: planned.theme, measurer: planned.measurer, baseDir: path.dirname(path.resolve(file)), file }, warnings);
  return { file, deck, buffer, warnings, theme: planned.theme, measurer: planned.measurer };
}

/** A deck rendered to PPTX as the CLI renders it (no browser: PPTX never needs one). */
export async function pptxOf(
  deck: Deck,
  opts: { theme: Theme; measurer: Measurer; baseDir: string; file: string },
  warnings: Diagnostic[] = [],
): Promise<Buffer> {
  return renderPptx({
    deck,
    ...opts,
    version: 'test',
    paper: 'a4',
    perPage: 1,
    browser: async () => {
      throw new Error('PPTX needs no browser');
    },
    warn: (d) => warnings.push(d),
  });
}
