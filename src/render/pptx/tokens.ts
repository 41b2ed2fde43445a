/**
 * Text goes into pptxgenjs as a token ("@@bd12@@") and comes out of package.ts as our own paragraphs
 * (see text.ts for why). pptxgenjs still writes the shape, its box, insets and anchor around it.
 */
import type { Paragraph } from './text.js';

export const TOKEN = /@@bd(\d+)@@/g;

export class TextTokens {
  private readonly bodies: Paragraph[][] = [];

  add(paragraphs: Paragraph[]): string {
    this.bodies.push(paragraphs);
    return `@@bd${this.bodies.length - 1}@@`;
  }

  get(id: number): Paragraph[] {
    const body = this.bodies[id];
    if (!body) throw new Error(`unknown text token ${id}`);
    return body;
  }
}
