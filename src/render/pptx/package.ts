/**
 * After pptxgenjs writes the zip: put our paragraphs in place of the text tokens, then repair and
 * prove the package strict consumers (PowerPoint, Keynote, python-pptx) accept. pptxgenjs 4.0.1
 * lists `slideMaster2.xml`… overrides for parts it never writes (PptxGenJS #1444: PowerPoint's repair
 * prompt) and copies control characters into XML raw; LibreOffice shrugs at both, so nothing short
 * of a strict check of every part is proof. A package that still fails after repair is our bug: throw.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import type { TextTokens } from './tokens.js';
import { paragraphsXml } from './text.js';
import { escapeXml } from './xml.js';
import { hasXmlIllegal, stripXmlIllegal } from '../../read/xml-chars.js';
import { centipoints } from './units.js';
import { CHART_PART, checkChartPart, repairCharts } from './chart-parts.js';
import { writeParts, xmlParts, type Parts } from './zip-parts.js';

export interface PackageOptions {
  texts: TextTokens;
  lang: string;
  rtl: boolean;
  /** Each layout's title style by layout name: size and exact line spacing in px. */
  titles?: Record<string, { size: number; line: number }>;
}

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
const TEXT_PART = /^ppt\/(slides|slideLayouts|slideMasters|notesSlides)\/[^/]+\.xml$/;
const KNOWN_DEFAULTS: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xml: 'application/xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
};

/** A part's extension; "_rels/.rels" has one ("rels") though path.extname says it has none. */
const extOf = (part: string) => (/\.([^./]+)$/.exec(part)?.[1] ?? '').toLowerCase();
const relsOf = (part: string) => path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);

export function finishPackage(parts: Parts, opts: PackageOptions): Buffer {
  const xml = xmlParts(parts);

  // Text pptxgenjs wrote itself (notes, properties) may carry them; the renderer has said so already.
  for (const [name, text] of xml) {
    const clean = stripXmlIllegal(text);
    if (clean !== text) xml.set(name, clean);
  }

  for (const [name, text] of [...xml]) {
    if (!TEXT_PART.test(name)) continue;
    let out = placeText(text, opts, name, xml);
    // Explicit "do not autofit": PowerPoint must neither shrink our fitted text nor grow the boxes.
    out = out.replace(/<a:bodyPr([^>]*)><\/a:bodyPr>/g, '<a:bodyPr$1><a:noAutofit/></a:bodyPr>');
    // Every table's first row is its header (repeated on continued slides): say so, for PowerPoint's
    // table tools and for screen readers.
    out = out.replace(/<a:tblPr\/>/g, '<a:tblPr firstRow="1" bandRow="1"/>');
    xml.set(name, out);
  }

  for (const [name, text] of xml) {
    if (/^ppt\/slideLayouts\/[^/]+\.xml$/.test(name)) xml.set(name, fitLayoutTitle(text, opts));
  }

  const core = xml.get('docProps/core.xml');
  if (core && !core.includes('<dc:language>')) {
    xml.set('docProps/core.xml', core.replace('</cp:coreProperties>', `<dc:language>${escapeXml(opts.lang)}</dc:language></cp:coreProperties>`));
  }
  const presentation = xml.get('ppt/presentation.xml');
  if (presentation && opts.rtl && !/<p:presentation[^>]*\srtl=/.test(presentation)) {
    xml.set('ppt/presentation.xml', presentation.replace(/<p:presentation\b/, '<p:presentation rtl="1"'));
  }

  // Chart parts and their workbooks, put right (chart-parts.ts says what pptxgenjs gets wrong).
  // The workbooks share their theme, styles and properties parts word for word: each text is parsed once.
  const parseOnce = onceByText(parseError);
  const chartProblems = repairCharts(parts, xml, (wbParts, wbXml) => checkPackage(wbParts, wbXml, parseOnce));
  shareRepeatedMedia(parts, xml);
  const names = new Set(parts.keys());
  xml.set('[Content_Types].xml', repairContentTypes(xml.get('[Content_Types].xml') ?? '', names));

  for (const [name, text] of xml) parts.set(name, text);
  const problems = [...checkPackage(names, xml), ...chartProblems];
  if (problems.length) throw new Error(`the PPTX package is invalid after repair (a bug in briefdeck):\n  ${problems.slice(0, 20).join('\n  ')}`);
  return writeParts(parts);
}

/**
 * pptxgenjs stores a picture once per slide that shows it; a chart or formula repeated over a long
 * deck would be stored hundreds of times. Identical media become one part that every slide links to.
 */
function shareRepeatedMedia(parts: Parts, xml: Map<string, string>): void {
  const first = new Map<string, string>();
  const renamed = new Map<string, string>();
  for (const [name, bytes] of parts) {
    if (!name.startsWith('ppt/media/')) continue;
    const key = `${extOf(name)}:${createHash('sha1').update(bytes).digest('hex')}`;
    const kept = first.get(key);
    if (kept === undefined) first.set(key, name);
    else renamed.set(path.posix.basename(name), path.posix.basename(kept));
  }
  if (!renamed.size) return;
  for (const [name, text] of xml) {
    if (!name.endsWith('.rels')) continue;
    const out = text.replace(/Target="\.\.\/media\/([^"]+)"/g, (m, file: string) => (renamed.has(file) ? `Target="../media/${renamed.get(file)}"` : m));
    if (out !== text) xml.set(name, out);
  }
  for (const file of renamed.keys()) parts.delete(`ppt/media/${file}`);
}

/**
 * pptxgenjs gives a layout's title placeholder neither a size nor our insets and anchor, so a slide
 * added from the layout in PowerPoint, or one "reset", would take the master's 44 pt, inset and
 * top-aligned. The layout's placeholder gets the title style the deck's slides use.
 */
function fitLayoutTitle(text: string, opts: PackageOptions): string {
  const name = /<p:cSld name="([^"]*)"/.exec(text)?.[1];
  const style = name && opts.titles?.[name];
  if (!style) return text;
  return text.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?type="title"[\s\S]*?<\/p:sp>/, (sp) =>
    sp
      .replace(/<a:bodyPr([^>]*?)(\/?)>/, (_m, attrs: string, close: string) => {
        const kept = attrs.replace(/\s(lIns|tIns|rIns|bIns|anchor)="[^"]*"/g, '');
        return `<a:bodyPr${kept} lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"${close}>`;
      })
      .replace(/<a:lvl1pPr([^>]*)>/, `<a:lvl1pPr$1><a:lnSpc><a:spcPts val="${centipoints(style.line)}"/></a:lnSpc>`)
      .replace(/<a:defRPr(?![^>]*\ssz=)/, `<a:defRPr sz="${centipoints(style.size)}"`),
  );
}

/** Replaces each token's paragraph with the paragraphs it stands for, and links them from the part's relationships. */
function placeText(text: string, opts: PackageOptions, part: string, xml: Map<string, string>): string {
  const links = new Map<string, string>();
  const link = (href: string) => {
    let id = links.get(href);
    if (!id) {
      id = `rIdBdLink${links.size + 1}`;
      links.set(href, id);
    }
    return id;
  };
  let out = '';
  let from = 0;
  const token = opts.texts.pattern();
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const start = text.lastIndexOf('<a:p>', m.index);
    const end = text.indexOf('</a:p>', m.index);
    if (start < from || end < 0) throw new Error(`text token ${m[0]} is not inside a paragraph in ${part}`);
    out += text.slice(from, start) + paragraphsXml(opts.texts.get(Number(m[1])), { lang: opts.lang, rtl: opts.rtl, link });
    from = end + '</a:p>'.length;
    token.lastIndex = from;
  }
  out += text.slice(from);
  if (links.size) {
    const relsName = relsOf(part);
    const rels = xml.get(relsName) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const added = [...links].map(([href, id]) => `<Relationship Id="${id}" Type="${HYPERLINK}" Target="${escapeXml(href)}" TargetMode="External"/>`).join('');
    xml.set(relsName, rels.replace('</Relationships>', `${added}</Relationships>`));
  }
  return out;
}

/** Drops overrides for parts that do not exist (PptxGenJS #1444) and gives every part a content type. */
function repairContentTypes(types: string, parts: Set<string>): string {
  let out = types.replace(/<Override\s+PartName="\/([^"]+)"[^>]*\/>\s*/g, (m, part: string) => (parts.has(part) ? m : ''));
  const defaults = new Set([...out.matchAll(/<Default\s+Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  const overridden = new Set([...out.matchAll(/<Override\s+PartName="\/([^"]+)"/g)].map((m) => m[1]));
  const add: string[] = [];
  for (const part of parts) {
    if (part === '[Content_Types].xml' || overridden.has(part)) continue;
    const ext = extOf(part);
    if (defaults.has(ext) || !KNOWN_DEFAULTS[ext]) continue;
    add.push(`<Default Extension="${ext}" ContentType="${KNOWN_DEFAULTS[ext]}"/>`);
    defaults.add(ext);
  }
  if (add.length) out = out.replace(/(<Types\b[^>]*>)/, `$1${add.join('')}`);
  return out;
}

/** Everything a strict consumer checks; an empty list means the package is sound. */
export function checkPackage(parts: Set<string>, xml: Map<string, string>, parse = parseError): string[] {
  const problems: string[] = [];
  for (const [name, text] of xml) {
    // Checked apart from parsing: saxes reads a lone high surrogate together with the next character.
    if (hasXmlIllegal(text)) problems.push(`${name}: XML-illegal character`);
    const error = parse(text);
    if (error) problems.push(`${name}: ${error}`);
    for (const m of text.matchAll(/<a:srgbClr\s+val="([^"]*)"/g)) if (!/^[0-9A-Fa-f]{6}$/.test(m[1])) problems.push(`${name}: colour "${m[1]}" is not 6-digit hex`);
    if (CHART_PART.test(name)) problems.push(...checkChartPart(name, text));
  }
  const types = xml.get('[Content_Types].xml') ?? '';
  const defaults = new Set([...types.matchAll(/<Default\s+Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  const overrides = new Set([...types.matchAll(/<Override\s+PartName="\/([^"]+)"/g)].map((m) => m[1]));
  for (const o of overrides) if (!parts.has(o)) problems.push(`[Content_Types].xml: override for missing part /${o}`);
  for (const p of parts) {
    if (p === '[Content_Types].xml' || overrides.has(p)) continue;
    if (!defaults.has(extOf(p))) problems.push(`${p}: no content type`);
  }
  for (const [name, text] of xml) {
    if (!name.endsWith('.rels')) continue;
    const base = path.posix.dirname(path.posix.dirname(name));
    for (const m of text.matchAll(/<Relationship\b[^>]*>/g)) {
      const tag = m[0];
      if (/TargetMode="External"/.test(tag)) continue;
      const target = /Target="([^"]*)"/.exec(tag)?.[1] ?? '';
      const resolved = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(base === '.' ? '' : base, target));
      if (!parts.has(resolved)) problems.push(`${name}: relationship target ${target} does not exist`);
    }
  }
  return problems;
}

/** `f`, computed once for each distinct text it is given. */
function onceByText<T>(f: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (!seen.has(text)) seen.set(text, f(text));
    return seen.get(text)!;
  };
}

/** Parses with a strict, namespace-aware XML parser; the first error, or undefined. */
function parseError(text: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  return error;
}
