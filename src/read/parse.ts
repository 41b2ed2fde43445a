/** Text → Markdown tree (CommonMark + GFM + math) and front matter. */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';
import { LineCounter, parseDocument } from 'yaml';
import type { Root } from 'mdast';
import { BriefdeckError } from '../types/diagnostics.js';
import { restoreCurrency } from './currency.js';
import { limitDepth } from './depth.js';
import { parseInPieces } from './pieces.js';
import { stripXmlIllegal } from './xml-chars.js';

export interface FrontMatter {
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
  lang?: string;
  theme?: string;
  [key: string]: unknown;
}

export interface Parsed {
  tree: Root;
  frontMatter: FrontMatter;
  /** Line where content nested too deep to keep its shape was flattened into text. */
  flattenedAt?: number;
  /** Control characters the front matter's YAML escapes produced, removed from its values. */
  controlsRemoved?: number;
}

/**
 * After parsing, remark-gfm looks through all the text once more for bare links and e-mail
 * addresses (www.…, https://…, name@host.org): 50 ms of the 0.4 s a 200-section report takes. What
 * it looks for needs "www", "http" or "@" in the text, or a character reference ("&…;") that spells
 * one, so text without any of them is parsed without that pass, into the same tree.
 */
const MAY_HOLD_BARE_LINKS = /www|http|[@&]/i;

/** remark-gfm's tree extensions without the pass that finds bare links in text. */
function withoutBareLinkPass(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: unknown[] };
  const strip = (ext: unknown): unknown => {
    if (Array.isArray(ext)) return ext.map(strip);
    const transforms = (ext as { transforms?: Array<{ name: string }> }).transforms;
    if (!transforms) return ext;
    return { ...(ext as object), transforms: transforms.filter((t) => t.name !== 'transformGfmAutolinkLiterals') };
  };
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map(strip);
}

const gfm = (frontMatter: boolean, bareLinks: boolean) =>
  unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(bareLinks ? [] : [withoutBareLinkPass])
    .use(frontMatter ? [[remarkFrontmatter, ['yaml']]] : [])
    .use(remarkMath)
    .freeze();
const processors = {
  withFrontMatter: { bareLinks: gfm(true, true), noBareLinks: gfm(true, false) },
  /** For text whose opening `---` block is not front matter after all (CommonMark reads it as a rule). */
  plain: { bareLinks: gfm(false, true), noBareLinks: gfm(false, false) },
};

export function parseMarkdown(text: string, file: string): Parsed {
  if (/^---[ \t]*[a-z]+[ \t]*\n/i.test(text)) {
    // gray-matter style `---js` front matter would be executed by some tools; we never run it.
    throw new BriefdeckError(`${file}:1: front matter must be YAML; "${text.split('\n', 1)[0]}" is refused`, 1, file, 1);
  }
  const pass = MAY_HOLD_BARE_LINKS.test(text) ? 'bareLinks' : 'noBareLinks';
  let tree = parseInPieces(text, (piece) => processors.withFrontMatter[pass].parse(piece) as Root);
  const removed = { controls: 0 };
  let frontMatter: FrontMatter = {};
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    const data = parseFrontMatter(first.value, file, removed);
    if (data) {
      frontMatter = data;
      tree.children.shift();
    } else tree = parseInPieces(text, (piece) => processors.plain[pass].parse(piece) as Root);
  }
  // Bounded before anything walks the tree: restoring currency already recurses.
  const flattenedAt = limitDepth(tree);
  restoreCurrency(tree, text);
  return {
    tree,
    frontMatter,
    ...(flattenedAt !== undefined ? { flattenedAt } : {}),
    ...(removed.controls ? { controlsRemoved: removed.controls } : {}),
  };
}

/**
 * A front-matter value as the text a slide shows: a list joined with commas, a mapping by its name
 * (`author: { name: Ana Ruiz, email: … }`) or else its values — never "[object Object]".
 */
function metaText(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(metaText).filter(Boolean).join(', ');
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const key of ['name', 'title', 'text']) if (typeof o[key] === 'string') return o[key] as string;
    return Object.values(o).map(metaText).filter(Boolean).join(', ');
  }
  return v == null ? '' : String(v);
}

/** The front matter's keys, or undefined when the block holds no mapping (then it is not front matter). */
function parseFrontMatter(source: string, file: string, removed: { controls: number }): FrontMatter | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(source, { prettyErrors: false, lineCounter: lines });
  const error = doc.errors[0];
  if (error) {
    const pos = lines.linePos(error.pos[0]);
    // +1: the opening `---` line sits above the YAML the parser saw.
    const line = pos.line + 1;
    const col = pos.col;
    const reason = error.message.split('\n', 1)[0].replace(/ at line \d+, column \d+.*$/, '');
    throw new BriefdeckError(`${file}:${line}:${col}: invalid front matter: ${reason}`, 1, file, line);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new BriefdeckError(`${file}:2: invalid front matter: ${(e as Error).message}`, 1, file, 2);
  }
  if (data == null) return {};
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) return undefined;
  const out: FrontMatter = { ...(data as Record<string, unknown>) };
  for (const key of ['title', 'subtitle', 'author', 'date', 'lang', 'theme'] as const) {
    const v = (data as Record<string, unknown>)[key];
    if (v == null) delete out[key];
    else {
      const text = metaText(v);
      const clean = stripXmlIllegal(text);
      out[key] = clean;
      // Counted for the reader's warning: YAML escapes ("\\a", "\\x1b") make control characters too.
      removed.controls += text.length - clean.length;
    }
  }
  return out;
}
