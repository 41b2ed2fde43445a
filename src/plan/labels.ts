/** Words the tool itself puts on slides. English for now; issue 5 brings the report's language. */
export interface Labels {
  agenda: string;
  introduction: string;
  takeaways: string;
  conclusion: string;
  continued: string;
  imageMissing: string;
  /** Printed pages: the speaker-notes heading on notes pages. */
  notes: string;
  /** Printed page footers; `{n}` and `{total}` are replaced by the page number and the page count. */
  pageOf: string;
  /** The briefing's table of contents. */
  contents: string;
  /** The briefing's list of a section's key points. */
  keyPoints: string;
  /** Under a slide on handouts and notes pages; `{n}` is the slide number, `{total}` the count. */
  slideOf: string;
}

export const EN_LABELS: Labels = {
  agenda: 'Agenda',
  introduction: 'Introduction',
  takeaways: 'Key takeaways',
  conclusion: 'Conclusion',
  continued: 'cont.',
  imageMissing: 'Image not available',
  notes: 'Notes',
  pageOf: 'Page {n} of {total}',
  contents: 'Contents',
  keyPoints: 'Key points',
  slideOf: 'Slide {n} of {total}',
};

export function labelsFor(_lang: string): Labels {
  return EN_LABELS;
}
