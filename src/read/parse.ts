/** Text → Markdown tree (CommonMark + GFM + math) and front matter. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';
import { parseDocument } from 'yaml';
import type { Root } from 'mdast';
import { BriefdeckError } from '../types/diagnostics.js';
import { restoreCurrency } from './currency.js';

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
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkMath);
/** For text whose opening `---` block is not front matter after all (CommonMark reads it as a rule). */
const plainProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

export function parseMarkdown(text: string, file: string): Parsed {
  if (/^---[ \t]*[a-z]+[ \t]*\n/i.test(text)) {
    // gray-matter style `---js` front matter would be executed by some tools; we never run it.
    throw new BriefdeckError(`${file}:1: front matter must be YAML; "${text.split('\n', 1)[0]}" is refused`, 1, file, 1);
  }
  let tree = processor.parse(text) as Root;
  let frontMatter: FrontMatter = {};
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    const data = parseFrontMatter(first.value, file);
    if (data) {
      frontMatter = data;
      tree.children.shift();
    } else tree = plainProcessor.parse(text) as Root;
  }
  restoreCurrency(tree, text);
  return { tree, frontMatter };
}

/** The front matter's keys, or undefined when the block holds no mapping (then it is not front matter). */
function parseFrontMatter(source: string, file: string): FrontMatter | undefined {
  const doc = parseDocument(source, { prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    // +1: the opening `---` line sits above the YAML the parser saw.
    const line = (error.linePos?.[0]?.line ?? 1) + 1;
    const col = error.linePos?.[0]?.col ?? 1;
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
    else if (v instanceof Date) out[key] = v.toISOString().slice(0, 10);
    else if (Array.isArray(v)) out[key] = v.map(String).join(', ');
    else out[key] = String(v);
  }
  return out;
}
