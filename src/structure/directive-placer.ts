/**
 * Where each directive of a report goes. A section directive (`layout`, `skip`, `keypoints`) belongs
 * to the section it sits in — except one written just above a heading, with nothing of its section
 * after it, which is read as being about the heading below (authors write both). Speaker notes and
 * `split` stay where they are, among the section's blocks; `chart` goes onto the table it precedes.
 */
import type { Paragraph, RootContent, Text } from 'mdast';
import type { ReportBlock, Section } from '../types/report.js';
import { blockText, convertBlock, line, type BlockEnv } from './blocks.js';
import {
  addSectionDirective,
  isSectionDirective,
  NOTES_CLOSE,
  NOTES_OPEN,
  onlyComments,
  readDirectives,
  type ChartRequest,
  type SectionDirective,
  type SectionDirectives,
} from './directives.js';

export class DirectivePlacer {
  /** Directives of the preamble (before the first section). */
  preamble?: SectionDirectives;
  /** Section directives met since the last content, waiting to learn whether a heading comes next. */
  private pending: SectionDirective[] = [];
  /** Nothing but directives since the current section's heading. */
  private rightAfterHeading = false;
  private chart?: ChartRequest;
  /** An open `::: notes` fence: where it began and the text gathered so far. */
  private fence?: { line: number; parts: string[]; into: ReportBlock[] };

  constructor(
    private readonly env: BlockEnv,
    private readonly preambleBlocks: ReportBlock[],
  ) {}

  /** Takes a node that is a directive or inside a notes fence; false for anything else. */
  take(node: RootContent, current: Section | undefined): boolean {
    if (this.fence) {
      if (node.type !== 'heading') {
        this.addToFence(node);
        return true;
      }
      this.warn('a "::: notes" block is not closed before the next heading; it ends there', this.fence.line);
      this.closeFence();
    }
    const into = current ? current.blocks : this.preambleBlocks;
    if (node.type === 'paragraph' && opensNotes(node)) {
      this.fence = { line: line(node), parts: [], into };
      this.addToFence(node);
      return true;
    }
    if (node.type !== 'html' || !onlyComments(node.value)) return false;
    for (const d of readDirectives(node.value, line(node), (message, at) => this.warn(message, at))) {
      if (isSectionDirective(d)) {
        this.pending.push(d);
        if (current && this.rightAfterHeading) this.applyPending(current);
      } else if (d.name === 'notes') {
        into.push({ kind: 'speaker', text: d.text, line: d.line });
      } else if (d.name === 'split') {
        into.push({ kind: 'split', line: d.line });
      } else {
        if (this.chart) this.noTable();
        this.chart = d.chart;
      }
    }
    return true;
  }

  /** A section heading: directives just above it are about it. */
  headingMet(section: Section): void {
    if (this.chart) this.noTable();
    this.applyPending(section);
    this.rightAfterHeading = true;
  }

  /** Content of the current section (or the preamble): directives waiting are about it. */
  contentMet(current: Section | undefined): void {
    this.rightAfterHeading = false;
    this.applyPending(current);
  }

  /** Blocks just converted: a chart directive waiting applies to the table they start with. */
  withChart(blocks: ReportBlock[]): ReportBlock[] {
    if (!this.chart) return blocks;
    const first = blocks[0];
    if (first?.kind === 'table') {
      blocks[0] = { ...first, chart: this.chart };
      this.chart = undefined;
    } else if (blocks.length) this.noTable();
    return blocks;
  }

  end(current: Section | undefined): void {
    if (this.fence) {
      this.warn('a "::: notes" block is not closed; it runs to the end of the report', this.fence.line);
      this.closeFence();
    }
    if (this.chart) this.noTable();
    this.applyPending(current);
  }

  private applyPending(current: Section | undefined): void {
    for (const d of this.pending) {
      if (current) current.directives = addSectionDirective(current.directives ?? {}, d);
      else this.preamble = addSectionDirective(this.preamble ?? {}, d);
    }
    this.pending = [];
  }

  private noTable(): void {
    this.warn('chart: no table follows this directive; ignored', this.chart!.line);
    this.chart = undefined;
  }

  private addToFence(node: RootContent): void {
    const fence = this.fence!;
    let closes = false;
    if (node.type === 'paragraph') {
      const { paragraph, closed } = trimFence(node);
      closes = closed;
      node = paragraph;
    }
    // Link targets are written into the notes, so they do not join the deck's link list.
    const env: BlockEnv = { ...this.env, ctx: { ...this.env.ctx, links: [] } };
    const blocks = convertBlock(node, env);
    const text = blocks.map((b) => blockText(b, env.ctx.links)).filter((t) => t.trim()).join('\n\n');
    if (text) fence.parts.push(text);
    if (closes) this.closeFence();
  }

  private closeFence(): void {
    const fence = this.fence!;
    this.fence = undefined;
    const text = fence.parts.join('\n\n');
    if (text) fence.into.push({ kind: 'speaker', text, line: fence.line });
  }

  private warn(message: string, at: number): void {
    this.env.diagnostics.push({ level: 'warning', code: 'directive', message, file: this.env.file, line: at });
  }
}

function opensNotes(p: Paragraph): boolean {
  const first = p.children[0];
  return first?.type === 'text' && NOTES_OPEN.test(first.value);
}

/** The paragraph without the fence's opening and closing lines, and whether it closed the fence. */
function trimFence(p: Paragraph): { paragraph: Paragraph; closed: boolean } {
  const children = [...p.children];
  const first = children[0];
  if (first?.type === 'text') children[0] = { ...first, value: first.value.replace(NOTES_OPEN, '') };
  const lastAt = children.length - 1;
  const last = children[lastAt];
  const closed = last?.type === 'text' && NOTES_CLOSE.test(last.value);
  if (closed) children[lastAt] = { ...(last as Text), value: (last as Text).value.replace(NOTES_CLOSE, '') };
  return { paragraph: { ...p, children: children.filter((c) => c.type !== 'text' || c.value !== '') }, closed };
}
