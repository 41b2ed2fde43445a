/**
 * TeX → SVG with MathJax, at build time: the deck needs no fonts or scripts to show math, and the
 * planner learns each formula's size in ex before deciding what fits.
 */
import { createRequire } from 'node:module';

export interface Typeset {
  /** Standalone `<svg>` markup (paths only, no font needed). */
  svg: string;
  width: number;
  height: number;
  /** Distance below the baseline, in ex (positive). */
  depth: number;
  /** The TeX did not parse: MathJax's message. */
  error?: string;
}

interface MathJaxKit {
  convert(tex: string, display: boolean): Typeset;
}

let kit: MathJaxKit | undefined;

const cache = new Map<string, Typeset>();

/** MathJax takes some 80 ms to load, so only reports with math pay for it. */
function load(): MathJaxKit {
  if (kit) return kit;
  // One level below the source or output root, as every module that loads it is (src/math,
  // dist/math, dist/bin): in the sources it is the kit's own file, in dist its bundle.
  const { packages, mathjax, TeX, SVG, liteAdaptor, RegisterHTMLHandler } = createRequire(import.meta.url)('../mathjax-kit.cjs');
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const input = new TeX({ packages });
  const output = new SVG({ fontCache: 'none' });
  const doc = mathjax.document('', { InputJax: input, OutputJax: output });
  kit = {
    convert(tex, display) {
      let node;
      let thrown: string | undefined;
      try {
        node = doc.convert(tex, { display });
      } catch (e) {
        // Some input makes MathJax's parser throw instead of reporting (a "€" as a TeX token):
        // the formula's text is shown plainly instead, and the warning says why.
        thrown = (e as Error).message;
        const plain = tex.replace(/[^\x20-\x7e]/g, '?').replace(/[\\{}$&#^_%~]/g, ' ');
        node = doc.convert(`\\text{${plain}}`, { display });
      }
      const svgNode = adaptor.firstChild(node);
      const svg: string = adaptor.outerHTML(svgNode);
      const ex = (name: string) => parseFloat(/^-?[\d.]+/.exec(adaptor.getAttribute(svgNode, name) ?? '')?.[0] ?? '0');
      const style: string = adaptor.getAttribute(svgNode, 'style') ?? '';
      const valign = parseFloat(/vertical-align:\s*(-?[\d.]+)ex/.exec(style)?.[1] ?? '0');
      const merror = /data-mjx-error="([^"]*)"/.exec(svg);
      return { svg, width: ex('width'), height: ex('height'), depth: -valign, error: thrown ?? merror?.[1] };
    },
  };
  return kit;
}

export function typeset(tex: string, display: boolean): Typeset {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let out = cache.get(key);
  if (!out) {
    out = load().convert(tex, display);
    cache.set(key, out);
  }
  return out;
}
