/**
 * What `npm start` runs, kept together: services (PostgreSQL, the Temporal dev server) and child
 * processes (with `--engine cluster` the Temporal server's history, matching, frontend and worker
 * services, then our worker and API; stopped in the reverse order). When a child dies, by an exit
 * code or by a signal, everything is stopped and the launcher exits non-zero, so nothing is left
 * half running; stopping never waits for ever on anything.
 */
import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';

export interface StoppableService {
  stop(): Promise<void>;
}

export interface SupervisorOptions {
  log: (line: string) => void;
  /** How long a child has after SIGTERM before SIGKILL, and a service to stop before it is given up. */
  graceMs?: number;
  /** process.exit, or a test's stand-in. */
  exit?: (code: number) => void;
}

/** A process that has ended has an exit code or, when a signal killed it, a signal code (and no exit code). */
export const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function exited(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Resolves when `work` does or after `ms`, whichever is first; true when it finished. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export class Supervisor {
  private readonly services: { name: string; service: StoppableService }[] = [];
  private readonly children: { name: string; child: ChildProcess }[] = [];
  private stopping: Promise<void> | null = null;
  private readonly graceMs: number;
  private readonly exit: (code: number) => void;

  constructor(private readonly options: SupervisorOptions) {
    this.graceMs = options.graceMs ?? 15_000;
    this.exit = options.exit ?? ((code) => process.exit(code));
  }

  addService(name: string, service: StoppableService): void {
    this.services.push({ name, service });
  }

  /** Starts a child; if it ends while nothing is stopping, everything stops and the exit code is non-zero. */
  launch(name: string, command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    this.children.push({ name, child });
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      this.options.log(`${name} exited ${signal ? `on ${signal}` : `with code ${code}`}; stopping everything`);
      void this.stop(code || 1);
    });
    // A child that cannot start (no such file) emits 'error' and maybe no 'exit'.
    child.once('error', (error) => {
      if (this.stopping) return;
      this.options.log(`${name} could not run: ${error.message}; stopping everything`);
      void this.stop(1);
    });
    return child;
  }

  /** Stops the children (last started first), then the services, then exits with `code`. Idempotent. */
  stop(code: number): Promise<void> {
    this.stopping ??= this.stopAll().then(() => {
      this.options.log('stopped');
      this.exit(code);
    });
    return this.stopping;
  }

  /** For process.on('exit'): a last SIGKILL to any child still running when the launcher itself ends. */
  killRemaining(): void {
    for (const { child } of this.children) if (!hasExited(child)) child.kill('SIGKILL');
  }

  private async stopAll(): Promise<void> {
    this.options.log('stopping…');
    for (const { name, child } of [...this.children].reverse()) {
      if (hasExited(child)) continue;
      child.kill('SIGTERM');
      if (await within(exited(child), this.graceMs)) continue;
      this.options.log(`${name} did not stop within ${this.graceMs} ms; killing it`);
      child.kill('SIGKILL');
      if (!(await within(exited(child), 5_000)))
        this.options.log(`${name} (pid ${child.pid}) did not die; giving up on it`);
    }
    for (const { name, service } of [...this.services].reverse()) {
      if (
        !(await within(
          service.stop().catch(() => undefined),
          this.graceMs * 2,
        ))
      )
        this.options.log(`${name} did not stop within ${this.graceMs * 2} ms; leaving it`);
    }
  }
}
