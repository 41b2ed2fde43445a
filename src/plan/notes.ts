/**
 * A slide's notes as paragraphs: the deck model separates them with blank lines. The planner names
 * the paragraphs only the presenter reads (`presenterOnly`) and the briefing leaves them out, so both
 * must cut the notes the same way.
 */
export function notesParagraphs(notes: string): string[] {
  return notes
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
}
