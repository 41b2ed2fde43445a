/** What every builder of a slide needs: the deck, the theme, where boxes go and where text is kept. */
import type { Presentation } from './pptxgen.js';
import type { Block, Deck, Slide } from '../../types/deck.js';
import type { Theme } from '../../theme/types.js';
import type { Measurer } from '../../measure/text.js';
import type { Diagnostic } from '../../types/diagnostics.js';
import type { Stage } from './units.js';
import type { FootRow } from '../../layout/chrome.js';
import type { TextTokens } from './tokens.js';

export type PptxSlide = ReturnType<Presentation['addSlide']>;

export interface Ctx {
  pres: Presentation;
  deck: Deck;
  theme: Theme;
  measurer: Measurer;
  stage: Stage;
  texts: TextTokens;
  /** The logo, footer line and slide number along the foot of content slides. */
  foot: FootRow;
  baseDir: string;
  file: string;
  warn: (d: Diagnostic) => void;
}

export interface SlideCtx extends Ctx {
  slide: Slide;
  out: PptxSlide;
  /** 1-based position and deck length, for the slide number. */
  number: number;
  total: number;
}

/** A kind of block: `table`, `image`, `code`, `chart`… */
type BlockKind = Block extends infer B ? (B extends unknown ? keyof B : never) : never;

/** The slide's first block of a kind (the one its layout is built around), typed by that kind. */
export function blockOf<K extends BlockKind>(slide: Slide, kind: K): Extract<Block, Record<K, unknown>> | undefined {
  return slide.blocks.find((b): b is Extract<Block, Record<K, unknown>> => kind in b);
}

/** The name of the slide master (pptxgenjs: slide layout) of a deck layout. */
export const masterName = (layout: string): string => `briefdeck ${layout}`;
