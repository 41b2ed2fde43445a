// Peak memory of a whole process tree. GNU time's %M is the largest single process, but a build
// that prints runs Chromium's browser, GPU and renderer processes beside Node, and a machine holds
// all of them at once: the bench samples their sum. Each process counts its proportional share
// (PSS) of the pages it shares with the others — Chromium's processes share their libraries and
// much of their heap — so nothing is counted twice.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_KB = 4;

/** Parent of every process, from /proc (Linux); empty elsewhere. */
function parents() {
  const map = new Map();
  let entries = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return map;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      // The command name sits in parentheses and may hold spaces: fields start after the last ")".
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(e), Number(fields[1]));
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

function residentKb(pid) {
  try {
    const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    if (pss) return Number(pss[1]);
  } catch {
    // no smaps_rollup (kernels before 4.14): resident pages, which counts shared ones in each process
  }
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_KB;
  } catch {
    return 0;
  }
}

/** Resident memory (KiB) of `root` and every process below it, right now. */
export function treeResidentKb(root) {
  const byParent = new Map();
  for (const [pid, ppid] of parents()) {
    if (!byParent.has(ppid)) byParent.set(ppid, []);
    byParent.get(ppid).push(pid);
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    total += residentKb(pid);
    stack.push(...(byParent.get(pid) ?? []));
  }
  return total;
}

/** Samples the tree under `pid` every `everyMs` until stopped; returns the peak in MiB. */
export function sampleTree(pid, everyMs = 100) {
  let peakKb = 0;
  const timer = setInterval(() => {
    peakKb = Math.max(peakKb, treeResidentKb(pid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(peakKb / 1024);
    },
  };
}
