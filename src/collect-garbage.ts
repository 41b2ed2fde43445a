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

export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
