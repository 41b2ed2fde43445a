/**
 * A one-line progress bar on stderr for long prints, redrawn at most ten times a second and only once
 * the work has run for a moment, so quick builds print nothing extra.
 */
export class ProgressBar {
  private shown = false;
  private last = 0;
  private readonly started = Date.now();

  constructor(private readonly stream: NodeJS.WriteStream) {}

  /** `unit`: what is counted, shown after the count ("3/20 reports"). */
  update(label: string, done: number, total: number, unit = ''): void {
    const now = Date.now();
    if (now - this.started < 500 || (now - this.last < 100 && done < total)) return;
    this.last = now;
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : 0;
    const seconds = ((now - this.started) / 1000).toFixed(1);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${unit ? ` ${unit}` : ''} ${seconds}s ${label}`;
    const columns = this.stream.columns || 80;
    this.stream.write(`\r${line.slice(0, columns - 1)}\x1b[K`);
    this.shown = true;
  }

  /** Removes the bar, so the next line of output starts clean. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
