/**
 * Text goes into pptxgenjs as a token ("@@bd12@@") and comes out of package.ts as our own paragraphs
 * (see text.ts for why). pptxgenjs still writes the shape, its box, insets and anchor around it.
 */
import { randomBytes } from 'node:crypto';
import type { Paragraph } from './text.js';

export class TextTokens {
  private readonly bodies: Paragraph[][] = [];
  /** Random per deck, so no text a report holds (alt text, TeX, a title) can pass for a token. */
  private readonly nonce = randomBytes(6).toString('hex');

  /** Finds this deck's tokens; the number is the body's index. */
  pattern(): RegExp {
    return new RegExp(`@@bd${this.nonce}-(\\d+)@@`, 'g');
  }

  add(paragraphs: Paragraph[]): string {
    this.bodies.push(paragraphs);
    return `@@bd${this.nonce}-${this.bodies.length - 1}@@`;
  }

  get(id: number): Paragraph[] {
    const body = this.bodies[id];
    if (!body) throw new Error(`unknown text token ${id}`);
    return body;
  }
}
