/**
 * CPU time of the Chromium this benchmark launched, per process type and
 * thread, from /proc (Linux only; elsewhere it reports nothing). The frame
 * rate is often bound outside the page's main thread — the GPU process
 * (SwiftShader), the compositor, raster workers — so the benchmark reports
 * where the CPU went per frame. Finds the processes as descendants of this
 * Node process (Playwright spawns chromium as its child).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat utime/stime (USER_HZ; 100 on Linux). */
const HZ = 100;

export type CpuSnapshot = Map<string, number>;

function statOf(path: string): { comm: string; ppid: number; ticks: number } | null {
  try {
    const s = readFileSync(path, 'utf8');
    // comm may hold spaces and parentheses: split after the last ')'.
    const close = s.lastIndexOf(')');
    const comm = s.slice(s.indexOf('(') + 1, close);
    const f = s.slice(close + 2).split(' ');
    // fields after comm: state(0) ppid(1) … utime(11) stime(12)
    return { comm, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}

function processType(pid: number): string {
  try {
    // Zygote children rewrite their title into one space-separated string.
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const t = args.find((a) => a.startsWith('--type='));
    if (!t) return args[0]?.includes('chrom') ? 'browser' : 'other';
    const type = t.slice('--type='.length);
    if (type === 'utility') {
      const sub = args.find((a) => a.startsWith('--utility-sub-type='));
      return sub ? `utility (${sub.split('.').pop()})` : 'utility';
    }
    return type;
  } catch {
    return 'gone';
  }
}

/** Thread names with their numbers dropped, so "CompositorTileW1/2" add up. */
function threadKind(comm: string): string {
  // A process's main thread carries the executable's name.
  if (/^(chromium|chrome)$/.test(comm)) return 'main';
  return comm.replace(/\d+$/, '').replace(/[:_ -]+$/, '') || comm;
}

/** Seconds of CPU so far per "process type / thread name", for every descendant of `root`. */
export function cpuSnapshot(root = process.pid): CpuSnapshot {
  const out: CpuSnapshot = new Map();
  if (!existsSync('/proc/self/stat')) return out;
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = statOf(`/proc/${d}/stat`);
    if (s) parent.set(Number(d), s.ppid);
  }
  const isDescendant = (pid: number) => {
    for (let p = parent.get(pid), n = 0; p !== undefined && n < 32; p = parent.get(p), n++) if (p === root) return true;
    return false;
  };
  for (const pid of parent.keys()) {
    if (!isDescendant(pid)) continue;
    const type = processType(pid);
    if (type === 'other' || type === 'gone' || type === 'zygote') continue;
    let tids: string[] = [];
    try { tids = readdirSync(`/proc/${pid}/task`); } catch { continue; }
    for (const tid of tids) {
      const s = statOf(`/proc/${pid}/task/${tid}/stat`);
      if (!s) continue;
      const key = `${type} / ${threadKind(s.comm)}`;
      out.set(key, (out.get(key) ?? 0) + s.ticks / HZ);
    }
  }
  return out;
}

/** CPU seconds spent between two snapshots, per key (threads that ended in between are lost). */
export function cpuDelta(a: CpuSnapshot, b: CpuSnapshot): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of b) {
    const d = v - (a.get(k) ?? 0);
    if (d > 0) out.set(k, d);
  }
  return out;
}

/** Sums a delta per process type ("gpu-process", "renderer", …). */
export function byProcess(d: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of d) {
    const type = k.split(' / ')[0];
    out.set(type, (out.get(type) ?? 0) + v);
  }
  return out;
}
