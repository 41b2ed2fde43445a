/**
 * Markdown tree → Report: title and metadata, preamble, the tree of sections with their blocks,
 * and the closing conclusion. This is where "a report" is recognised in whatever shape it came.
 */
import path from 'node:path';
import type { BlockContent, DefinitionContent, Heading, List, Root, RootContent, Table } from 'mdast';
import type { Diagnostic, Result } from '../types/diagnostics.js';
import type { Report, ReportBlock, ReportListItem, Section } from '../types/report.js';
import type { Parsed } from '../read/parse.js';
import { normaliseRuns, runsText, toRuns, type InlineContext } from './inline.js';
import { splitHeadingNumber } from './headings.js';
import { detectLang } from './lang.js';
import { probeImage } from './images.js';
import { splitConclusion } from './conclusion.js';

export interface StructureOptions {
  /** Path of the report as the user named it: diagnostics cite it. */
  file: string;
  /** Folder images are resolved against (the report's folder). */
  baseDir: string;
}

export function structure(parsed: Parsed, opts: StructureOptions): Result<Report> {
  const { tree, frontMatter } = parsed;
  const diagnostics: Diagnostic[] = [];
  const ctx: InlineContext = { links: [], images: [], droppedHtml: [] };
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
  const h1s = headings.filter((h) => h.depth === 1);
  // A single H1 that opens the document is the report's title; otherwise headings are sections.
  const titleHeading = h1s.length === 1 && headings[0] === h1s[0] ? h1s[0] : undefined;
  const sectionDepth = Math.min(7, ...headings.filter((h) => h !== titleHeading).map((h) => h.depth));

  const preamble: ReportBlock[] = [];
  const sections: Section[] = [];
  const stack: Section[] = [];

  const blocksFor = (node: RootContent): ReportBlock[] => convertBlock(node, ctx, diagnostics, opts);

  for (const node of tree.children) {
    if (node === titleHeading) continue;
    if (node.type === 'heading' && node.depth >= sectionDepth) {
      const text = runsText(normaliseRuns(toRuns(node.children, ctx)));
      const { number, title } = splitHeadingNumber(text);
      const section: Section = {
        number,
        title: title || text,
        depth: node.depth - sectionDepth,
        line: line(node),
        blocks: [],
        children: [],
      };
      while (stack.length && stack[stack.length - 1].depth >= section.depth) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(section);
      else sections.push(section);
      stack.push(section);
      continue;
    }
    const target = stack[stack.length - 1];
    (target ? target.blocks : preamble).push(...blocksFor(node));
  }

  if (ctx.droppedHtml.length) {
    diagnostics.push({
      level: 'warning',
      code: 'html-dropped',
      message: `raw HTML is not passed through (${ctx.droppedHtml.length} place${ctx.droppedHtml.length === 1 ? '' : 's'})`,
      file: opts.file,
      line: ctx.droppedHtml[0].line || undefined,
    });
  }

  const h1Title = titleHeading ? runsText(normaliseRuns(toRuns(titleHeading.children, ctx))) : undefined;
  const plainText = collectText(tree);
  // "## Executive summary" before "## 1. Method": an unnumbered opening section of a numbered report
  // is its preamble, and the agenda's numbers then match the author's.
  let preambleTitle: string | undefined;
  let preambleLine = preamble[0]?.line;
  if (sections.length > 1 && !sections[0].number && !sections[0].children.length && sections.slice(1).every((s) => s.number)) {
    const intro = sections.shift()!;
    preambleTitle = intro.title;
    preambleLine = intro.line;
    preamble.push(...intro.blocks);
  }
  const { sections: body, conclusion } = splitConclusion(sections);
  const report: Report = {
    meta: {
      title: frontMatter.title?.trim() || h1Title || path.basename(opts.file).replace(/\.[^.]+$/, ''),
      subtitle: frontMatter.subtitle,
      author: frontMatter.author,
      date: frontMatter.date,
      lang: frontMatter.lang?.trim() || detectLang(plainText),
      theme: frontMatter.theme,
      source: path.basename(opts.file),
    },
    preamble,
    preambleTitle,
    preambleLine,
    sections: body,
    conclusion,
    links: ctx.links,
  };
  return { value: report, diagnostics };
}

function line(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 0;
}

function convertBlock(
  node: RootContent | BlockContent | DefinitionContent,
  ctx: InlineContext,
  diagnostics: Diagnostic[],
  opts: StructureOptions,
): ReportBlock[] {
  const at = line(node);
  switch (node.type) {
    case 'paragraph': {
      ctx.images.length = 0;
      const runs = normaliseRuns(toRuns(node.children, ctx));
      const images = ctx.images.splice(0).map((img) => imageBlock(img.url, img.alt ?? '', line(img) || at, diagnostics, opts));
      return runs.length ? [{ kind: 'paragraph', runs, line: at }, ...images] : images;
    }
    case 'heading': {
      // Headings above the section level that appear after the title are kept as bold paragraphs.
      const runs = normaliseRuns(toRuns(node.children, ctx, { bold: true }));
      return runs.length ? [{ kind: 'paragraph', runs, line: at }] : [];
    }
    case 'list':
      return [{ kind: 'list', items: listItems(node, 0, ctx), line: at }];
    case 'table':
      return [tableBlock(node, ctx, at)];
    case 'code':
      if (node.lang === 'math') return [{ kind: 'math', tex: node.value, line: at }];
      return [{ kind: 'code', lang: node.lang ?? undefined, text: node.value.replace(/\t/g, '    '), line: at }];
    case 'math':
      return [{ kind: 'math', tex: node.value, line: at }];
    case 'blockquote':
      return [quoteBlock(node.children, ctx, diagnostics, opts, at)];
    case 'html':
      ctx.droppedHtml.push({ line: at });
      return [];
    default:
      return [];
  }
}

function imageBlock(
  src: string,
  alt: string,
  at: number,
  diagnostics: Diagnostic[],
  opts: StructureOptions,
): ReportBlock {
  const { probe, diagnostic } = probeImage(src, opts.baseDir, { file: opts.file, line: at });
  if (diagnostic) diagnostics.push(diagnostic);
  return { kind: 'image', src, alt: alt.trim(), line: at, probe };
}

function listItems(list: List, level: number, ctx: InlineContext): ReportListItem[] {
  const items: ReportListItem[] = [];
  let n = list.start ?? 1;
  for (const item of list.children) {
    const runs: ReturnType<typeof toRuns> = [];
    const nested: ReportListItem[] = [];
    for (const child of item.children) {
      if (child.type === 'paragraph' || child.type === 'heading') {
        if (runs.length) runs.push({ text: ' ' });
        runs.push(...toRuns(child.children, ctx));
      } else if (child.type === 'list') {
        nested.push(...listItems(child, level + 1, ctx));
      } else if (child.type === 'code') {
        if (runs.length) runs.push({ text: ' ' });
        runs.push({ text: child.value, code: true });
      }
    }
    if (item.checked != null) runs.unshift({ text: item.checked ? '☑ ' : '☐ ' });
    items.push({ level, ordered: !!list.ordered, n: list.ordered ? n : undefined, runs: normaliseRuns(runs) });
    items.push(...nested);
    n++;
  }
  return items;
}

function tableBlock(table: Table, ctx: InlineContext, at: number): ReportBlock {
  const rows = table.children.map((row) => row.children.map((cell) => normaliseRuns(toRuns(cell.children, ctx))));
  const width = Math.max(...rows.map((r) => r.length));
  // GFM lets rows be short; a slide table needs every row the same width.
  const padded = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => [])]);
  const align = Array.from({ length: width }, (_, i) => {
    const a = table.align?.[i];
    return a === 'center' ? 0.5 : a === 'right' ? 1 : 0;
  });
  return { kind: 'table', head: padded[0] ?? [], rows: padded.slice(1), align, line: at };
}

/** A quote's attribution is its last line when that starts with a dash: "— Ada Lovelace". */
function quoteBlock(
  children: (BlockContent | DefinitionContent)[],
  ctx: InlineContext,
  diagnostics: Diagnostic[],
  opts: StructureOptions,
  at: number,
): ReportBlock {
  const paragraphs = children.flatMap((c) => convertBlock(c, ctx, diagnostics, opts)).filter((b) => b.kind === 'paragraph');
  const runs: ReturnType<typeof toRuns> = [];
  paragraphs.forEach((p, i) => {
    if (i) runs.push({ text: '\n' });
    runs.push(...p.runs);
  });
  let cite: string | undefined;
  const text = runsText(runs);
  const m = /\n?\s*(?:—|–|―|--|~)\s*([^\n]+)$/u.exec(text);
  if (m && m.index > 0) {
    cite = m[1].trim();
    let keep = m.index;
    const trimmed: typeof runs = [];
    for (const r of runs) {
      if (keep <= 0) break;
      trimmed.push(r.text.length <= keep ? r : { ...r, text: r.text.slice(0, keep) });
      keep -= r.text.length;
    }
    return { kind: 'quote', runs: normaliseRuns(trimmed), cite, line: at };
  }
  return { kind: 'quote', runs: normaliseRuns(runs), line: at };
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
