/**
 * Messages of reports built side by side, printed in the order the reports were given: a report's
 * warnings and errors go out as they happen once every report before it has finished, and are held
 * until then. The log of a batch reads the same on every run, whatever finished first.
 */
export class InOrder {
  private readonly held: Array<Array<() => void>> = [];
  private readonly finished: boolean[] = [];
  private next = 0;

  constructor(count: number) {
    for (let i = 0; i < count; i++) {
      this.held.push([]);
      this.finished.push(false);
    }
  }

  /** Runs `say` now if report `index` is the one being printed, else when its turn comes. */
  emit(index: number, say: () => void): void {
    if (index === this.next) say();
    else this.held[index].push(say);
  }

  /** Report `index` has nothing more to say: the reports after it may print what they held. */
  finish(index: number): void {
    this.finished[index] = true;
    while (this.next < this.held.length && this.finished[this.next]) {
      this.next++;
      if (this.next < this.held.length) {
        for (const say of this.held[this.next]) say();
        this.held[this.next] = [];
      }
    }
  }
}
