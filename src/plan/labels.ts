/** Words the tool itself puts on slides. English for now; issue 5 brings the report's language. */
export interface Labels {
  agenda: string;
  introduction: string;
  takeaways: string;
  conclusion: string;
  continued: string;
  imageMissing: string;
}

export const EN_LABELS: Labels = {
  agenda: 'Agenda',
  introduction: 'Introduction',
  takeaways: 'Key takeaways',
  conclusion: 'Conclusion',
  continued: 'cont.',
  imageMissing: 'Image not available',
};

export function labelsFor(_lang: string): Labels {
  return EN_LABELS;
}
