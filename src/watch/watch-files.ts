/**
 * Watching what a deck was made from: the report and every file it read. Each file is watched
 * through its folder, because editors save by writing a new file and renaming it over the old one,
 * which a watch on the file itself misses; a folder that is itself a dependency (templates) is
 * watched whole. A burst of events (write, rename, touch) is one change.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

const SETTLE_MS = 80;

const isFolder = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

export interface FileWatch {
  /** Watches these paths from now on, instead of the ones before. */
  update(paths: string[]): void;
  close(): void;
}

export function watchFiles(paths: string[], onChange: () => void): FileWatch {
  const watchers: FSWatcher[] = [];
  let armed = '';
  let timer: NodeJS.Timeout | undefined;
  const update = (list: string[]) => {
    const all = list.map((p) => path.resolve(p));
    const files = new Set(all.filter((f) => !isFolder(f)));
    const targets = new Map<string, boolean>();
    for (const f of files) if (!targets.has(path.dirname(f))) targets.set(path.dirname(f), false);
    for (const d of all.filter(isFolder)) targets.set(d, true);
    const key = JSON.stringify([...targets].sort());
    if (key === armed) return;
    armed = key;
    for (const w of watchers.splice(0)) w.close();
    for (const [folder, whole] of targets) {
      try {
        const w = watch(folder, { recursive: whole }, (_event, name) => {
          if (!whole && (!name || !files.has(path.resolve(folder, name.toString())))) return;
          clearTimeout(timer);
          timer = setTimeout(onChange, SETTLE_MS);
        });
        w.on('error', () => undefined);
        watchers.push(w);
      } catch {
        // a folder that does not exist (a missing picture's): nothing to watch there
      }
    }
  };
  update(paths);
  return {
    update,
    close: () => {
      clearTimeout(timer);
      for (const w of watchers.splice(0)) w.close();
    },
  };
}
