/**
 * A full garbage collection, on demand. V8 grows its heap for the garbage of planning and of each
 * format and collects it lazily; a huge deck that prints one format after another would otherwise
 * carry hundreds of megabytes of it into every print (2000 sections: Node 625 MiB at the last print,
 * 499 MiB with a collection before each format). `gc` is not exposed unless asked for: the flag can
 * still be set once V8 runs, and a fresh context then has the function.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;
/** Bytes in use after the last collection made here. */
let collected = 0;

export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
  collected = v8.getHeapStatistics().used_heap_size;
}

/**
 * A collection once the heap holds `slack` bytes more than after the last one: after every print of
 * a huge deck, where each part leaves megabytes of HTML and PDF bytes, without paying for a full
 * collection when there is little to collect.
 */
export function collectGarbageOver(slack: number): void {
  if (v8.getHeapStatistics().used_heap_size - collected > slack) collectGarbage();
}
