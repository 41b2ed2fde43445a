/**
 * Markdown tree → Report: title and metadata, preamble, the tree of sections with their blocks,
 * and the closing conclusion. This is where "a report" is recognised in whatever shape it came.
 */
import path from 'node:path';
import type { Definition, Heading, Root } from 'mdast';
import type { Diagnostic, Result } from '../types/diagnostics.js';
import type { Report, ReportBlock, Section } from '../types/report.js';
import type { Parsed } from '../read/parse.js';
import { normaliseRuns, referenceKey, runsText, toRuns, type InlineContext } from './inline.js';
import { convertBlock, imageBlock, line, type BlockEnv } from './blocks.js';
import { splitHeadingNumber } from './headings.js';
import { detectLang } from './lang.js';
import { splitConclusion } from './conclusion.js';
import { MAX_DEPTH } from '../read/depth.js';
import type { HtmlRemoval } from './html.js';
import { DirectivePlacer } from './directive-placer.js';
import type { ChartsMode } from '../chart/choose.js';

export interface StructureOptions {
  /** Path of the report as the user named it: diagnostics cite it. */
  file: string;
  /** Folder images are resolved against (the report's folder). */
  baseDir: string;
  /** What a report may reach beyond its own text (`--allow-html`, `--allow-path`, `--allow-remote`). */
  allow?: InputAllowances;
}

/**
 * Reports come from strangers and agent pipelines: by default raw HTML is dropped and images are read
 * only from inside the report's folder. Each allowance widens that on the user's say-so.
 */
export interface InputAllowances {
  /** Pass raw HTML through a sanitising allow-list instead of dropping it. */
  html?: boolean;
  /** More folders (absolute) that images may be read from. */
  paths?: string[];
  /** Fetch http(s) images. */
  remote?: boolean;
}

/** The first few words a section says (of its own blocks, else its first subsection's), for a title. */
function openingWords(section: Section): string {
  for (const b of section.blocks) {
    const text =
      b.kind === 'paragraph' || b.kind === 'quote' ? runsText(b.runs)
      : b.kind === 'list' ? runsText(b.items[0]?.runs ?? [])
      : b.kind === 'table' ? b.head.map(runsText).join(' ')
      : b.kind === 'image' ? b.alt
      : '';
    const words = text.trim().split(/\s+/).filter(Boolean);
    if (words.length) return words.length > 6 ? `${words.slice(0, 6).join(' ')} …` : words.join(' ').replace(/[.:;,]$/, '');
  }
  return section.children.length ? openingWords(section.children[0]) : '';
}

export function structure(parsed: Parsed, opts: StructureOptions): Result<Report> {
  const { tree, frontMatter } = parsed;
  const diagnostics: Diagnostic[] = [];
  if (parsed.controlsRemoved) {
    const n = parsed.controlsRemoved;
    diagnostics.push({ level: 'warning', code: 'control-characters', message: `removed ${n} control character${n === 1 ? '' : 's'} from the front matter that no slide can show`, file: opts.file, line: 2 });
  }
  if (parsed.flattenedAt !== undefined) {
    diagnostics.push({
      level: 'warning',
      code: 'nesting-flattened',
      message: `quotes or lists nested deeper than ${MAX_DEPTH} levels are kept as plain text`,
      file: opts.file,
      line: parsed.flattenedAt,
    });
  }
  const ctx: InlineContext = { links: [], images: [], droppedHtml: [], removedHtml: [], allowHtml: !!opts.allow?.html, definitions: collectDefinitions(tree) };
  const env: BlockEnv = { ctx, diagnostics, file: opts.file, baseDir: opts.baseDir, allow: opts.allow ?? {} };
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
  const h1s = headings.filter((h) => h.depth === 1);
  // A single H1 that opens the document is the report's title; otherwise headings are sections.
  const titleHeading = h1s.length === 1 && headings[0] === h1s[0] ? h1s[0] : undefined;
  const sectionDepth = Math.min(7, ...headings.filter((h) => h !== titleHeading).map((h) => h.depth));

  const preamble: ReportBlock[] = [];
  const sections: Section[] = [];
  const stack: Section[] = [];

  // A title or section heading is a string; an image in it is shown on a slide of its own.
  const headingText = (node: Heading, into: ReportBlock[]): string => {
    const text = runsText(normaliseRuns(toRuns(node.children, ctx)));
    into.push(...ctx.images.splice(0).map((img) => imageBlock(img.url, img.alt ?? '', line(img) || line(node), env)));
    return text;
  };
  const h1Title = titleHeading ? headingText(titleHeading, preamble) : undefined;

  const directives = new DirectivePlacer(env, preamble);
  for (const node of tree.children) {
    if (node === titleHeading) continue;
    if (directives.take(node, stack[stack.length - 1])) continue;
    if (node.type === 'heading' && node.depth >= sectionDepth) {
      const blocks: ReportBlock[] = [];
      const text = headingText(node, blocks);
      const { number, title } = splitHeadingNumber(text);
      const section: Section = {
        number,
        title: title || text,
        depth: node.depth - sectionDepth,
        line: line(node),
        blocks,
        children: [],
      };
      while (stack.length && stack[stack.length - 1].depth >= section.depth) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(section);
      else sections.push(section);
      stack.push(section);
      directives.headingMet(section);
      continue;
    }
    const target = stack[stack.length - 1];
    directives.contentMet(target);
    (target ? target.blocks : preamble).push(...directives.withChart(convertBlock(node, env)));
  }
  directives.end(stack[stack.length - 1]);

  // "## " with nothing after it: the section is named after its first words, so no slide is untitled.
  const untitled = (list: Section[]): void => {
    for (const s of list) {
      if (!s.title.trim()) {
        s.title = openingWords(s) || s.number || '…';
        diagnostics.push({ level: 'warning', code: 'heading-empty', message: `empty heading: its slides are titled "${s.title}"`, file: opts.file, line: s.line });
      }
      untitled(s.children);
    }
  };
  untitled(sections);

  if (ctx.droppedHtml.length) diagnostics.push(htmlWarning(ctx.droppedHtml, opts.file));
  if (ctx.removedHtml.length) diagnostics.push(htmlRemovedWarning(ctx.removedHtml, opts.file));

  const plainText = collectText(tree);
  // "## Executive summary" before "## 1. Method": an unnumbered opening section of a numbered report
  // is its preamble, and the agenda's numbers then match the author's.
  let preambleTitle: string | undefined;
  let preambleLine = preamble[0]?.line;
  if (sections.length > 1 && !sections[0].number && !sections[0].children.length && sections.slice(1).every((s) => s.number)) {
    const intro = sections.shift()!;
    preambleTitle = intro.title;
    if (intro.directives) directives.preamble = { ...directives.preamble, ...intro.directives };
    preambleLine = intro.line;
    preamble.push(...intro.blocks);
  }
  const { sections: body, conclusion, title: conclusionTitle, directives: conclusionDirectives } = splitConclusion(sections);
  const report: Report = {
    meta: {
      title: frontMatter.title?.trim() || h1Title || path.basename(opts.file).replace(/\.[^.]+$/, ''),
      subtitle: frontMatter.subtitle,
      author: frontMatter.author,
      date: frontMatter.date,
      lang: frontMatter.lang?.trim() || detectLang(plainText),
      theme: frontMatter.theme,
      ...chartsSetting(frontMatter.charts, opts.file, diagnostics),
      source: path.basename(opts.file),
    },
    preamble,
    preambleTitle,
    preambleLine,
    sections: body,
    conclusion,
    ...(conclusionTitle ? { conclusionTitle } : {}),
    ...(directives.preamble ? { preambleDirectives: directives.preamble } : {}),
    ...(conclusionDirectives ? { conclusionDirectives } : {}),
    links: ctx.links,
  };
  return { value: report, diagnostics };
}

/** Front matter `charts:`: `auto` or `off` (YAML's true and false too); anything else is a warning. */
function chartsSetting(value: unknown, file: string, diagnostics: Diagnostic[]): { charts?: ChartsMode } {
  if (value === undefined || value === null) return {};
  const v = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (v === 'auto' || v === true) return { charts: 'auto' };
  if (v === 'off' || v === false) return { charts: 'off' };
  diagnostics.push({ level: 'warning', code: 'front-matter', message: `charts: must be auto or off (got ${JSON.stringify(value)}); using auto`, file, line: 2 });
  return {};
}

/** One warning for all raw HTML, naming every line it was dropped from. */
function htmlWarning(places: { line: number }[], file: string): Diagnostic {
  const { lines, where } = placesText(places);
  return {
    level: 'warning',
    code: 'html-dropped',
    message: `raw HTML is not passed through (${where})`,
    file,
    line: lines[0],
  };
}

/** With --allow-html: one warning for all the allow-list removed, naming what and where. */
function htmlRemovedWarning(places: HtmlRemoval[], file: string): Diagnostic {
  const names = [...new Set(places.flatMap((p) => p.what))];
  const shown = names.length > 8 ? `${names.slice(0, 8).join(', ')}, …` : names.join(', ');
  const { lines, where } = placesText(places);
  return {
    level: 'warning',
    code: 'html-removed',
    message: `raw HTML: ${shown} removed by the allow-list (${where})`,
    file,
    line: lines[0],
  };
}

/** "3 places: lines 4, 9, 12", or "1 place". */
function placesText(places: { line: number }[]): { lines: number[]; where: string } {
  const lines = [...new Set(places.map((p) => p.line).filter((l) => l > 0))].sort((x, y) => x - y);
  const shown = lines.length > 12 ? `${lines.slice(0, 12).join(', ')}, …` : lines.join(', ');
  const count = `${places.length} place${places.length === 1 ? '' : 's'}`;
  return { lines, where: `${count}${lines.length > 1 ? `: lines ${shown}` : ''}` };
}

/**
 * Reference definitions may sit anywhere, even after their use or inside a quote; the first
 * definition of a label wins, as in CommonMark.
 */
function collectDefinitions(tree: Root): Map<string, Definition> {
  const out = new Map<string, Definition>();
  const visit = (n: { type: string; children?: unknown[] }) => {
    if (n.type === 'definition') {
      const def = n as Definition;
      const key = referenceKey(def.label ?? def.identifier);
      if (!out.has(key)) out.set(key, def);
    }
    for (const c of (n.children ?? []) as (typeof n)[]) visit(c);
  };
  visit(tree);
  return out;
}

function collectText(tree: Root): string {
  const parts: string[] = [];
  const visit = (n: { type: string; value?: unknown; children?: unknown[] }) => {
    if (n.type === 'text' && typeof n.value === 'string') parts.push(n.value);
    if (n.type === 'code' || n.type === 'inlineCode' || n.type === 'yaml') return;
    for (const c of (n.children ?? []) as (typeof n)[]) visit(c);
  };
  visit(tree as unknown as { type: string; children: unknown[] });
  return parts.join(' ');
}
