/**
 * Syntax highlighting at build time with highlight.js, so the deck ships coloured code without a
 * highlighter script. Only the grammars a deck uses are loaded (all of them cost ~35 ms).
 */
import { createRequire } from 'node:module';
import { escapeHtml } from './runs.js';

type Hljs = typeof import('highlight.js').default;
const require = createRequire(import.meta.url);
let hljs: Hljs | undefined;

/** Fence names that are not highlight.js file names. */
const ALIASES: Record<string, string> = {
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', ts: 'typescript', tsx: 'typescript',
  py: 'python', rb: 'ruby', sh: 'bash', shell: 'bash', zsh: 'bash', console: 'bash', yml: 'yaml', md: 'markdown',
  html: 'xml', svg: 'xml', 'c++': 'cpp', cs: 'csharp', 'c#': 'csharp', kt: 'kotlin', rs: 'rust', golang: 'go',
  ps1: 'powershell', jsonc: 'json', tex: 'latex', dockerfile: 'dockerfile', proto: 'protobuf', text: 'plaintext', txt: 'plaintext',
};

function grammar(lang: string): boolean {
  hljs ??= require('highlight.js/lib/core') as Hljs;
  const name = lang.toLowerCase();
  if (hljs.getLanguage(name)) return true;
  const file = ALIASES[name] ?? name;
  if (!/^[a-z0-9-]+$/.test(file)) return false;
  try {
    hljs.registerLanguage(file, require(`highlight.js/lib/languages/${file}`));
  } catch {
    return false;
  }
  return !!hljs.getLanguage(name) || !!hljs.getLanguage(file);
}

export function highlightHtml(code: string, lang?: string): string {
  if (lang && grammar(lang)) {
    try {
      const language = hljs!.getLanguage(lang.toLowerCase()) ? lang.toLowerCase() : ALIASES[lang.toLowerCase()] ?? lang;
      return hljs!.highlight(code, { language, ignoreIllegals: true }).value;
    } catch {
      /* fall through to plain text */
    }
  }
  return escapeHtml(code);
}
