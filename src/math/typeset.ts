/**
 * TeX → SVG with MathJax, at build time: the deck needs no fonts or scripts to show math, and the
 * planner learns each formula's size in ex before deciding what fits.
 */
import { createRequire } from 'node:module';
import { requireWithCodeCache, saveCodeCache } from './code-cache.js';

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

// One level below the source or output root, as every module that loads it is (src/math,
// dist/math, dist/bin): in the sources it is the kit's own file, in dist its bundle.
const kitFile = () => createRequire(import.meta.url).resolve('../mathjax-kit.cjs');

/** MathJax takes some 90 ms to load (35 with its saved code), so only reports with math pay for it. */
function load(): MathJaxKit {
  kit ??= kitOf(requireWithCodeCache(kitFile()) as KitExports);
  return kit;
}

/** MathJax's own classes and functions, used as its documentation shows (it ships no types for them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type KitExports = Record<string, any>;

function kitOf({ packages, mathjax, TeX, SVG, liteAdaptor, RegisterHTMLHandler }: KitExports): MathJaxKit {
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const input = new TeX({ packages });
  const output = new SVG({ fontCache: 'none' });
  const doc = mathjax.document('', { InputJax: input, OutputJax: output });
  return {
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
}

/** Formulas of the kinds reports hold, for the saved code to cover what they run. */
const EXERCISE: Array<[string, boolean]> = [
  ['E = mc^2', false],
  ['\\frac{a}{b} + \\sqrt{x^2 + 1} - \\left( \\sum_{i=1}^{n} i \\right)', true],
  ['\\begin{aligned} \\text{NPV} &= \\sum_{t=0}^{T} \\frac{C_t}{(1+r)^t} \\\\ &\\approx 1.2 \\times 10^{6} \\end{aligned}', true],
  ['\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix} \\cdot \\vec{v} \\leq \\int_0^\\infty e^{-x}\\,dx', true],
  ['\\mathbf{\\alpha} \\in \\mathbb{R}, \\; \\color{red}{\\cancel{x}}', false],
  ['\\frac{1}{', false],
];

/** Saves MathJax's compiled code next to its bundle (at build time); returns the file written. */
export function saveKitCodeCache(): string {
  return saveCodeCache(kitFile(), (exports) => {
    const k = kitOf(exports as KitExports);
    for (const [tex, display] of EXERCISE) k.convert(tex, display);
  });
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
