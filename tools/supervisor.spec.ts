/**
 * The `npm start` supervision with real child processes: one dies, everything stops, the launcher
 * exits non-zero, within seconds. The API killed by V8's heap exhaustion dies on SIGABRT: it has no
 * exit code, only a signal code, and the old launcher waited for ever for an exit it had already seen.
 */
import { ChildProcess } from 'node:child_process';
import { hasExited, Supervisor } from './supervisor';

const SLEEPER = 'setInterval(() => {}, 1000)';
const STUBBORN = "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)";

function supervised(graceMs = 15_000) {
  const lines: string[] = [];
  const stoppedServices: string[] = [];
  let exitCode: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (exitCode = resolve));
  const supervisor = new Supervisor({ log: (line) => lines.push(line), graceMs, exit: (code) => exitCode(code) });
  for (const name of ['PostgreSQL', 'Temporal'])
    supervisor.addService(name, { stop: async () => void stoppedServices.push(name) });
  const node = (name: string, code: string) =>
    supervisor.launch(name, process.execPath, ['-e', code], { stdio: 'ignore' });
  return { supervisor, lines, stoppedServices, exited, node };
}

const gone = (child: ChildProcess) =>
  hasExited(child) &&
  (() => {
    try {
      process.kill(child.pid!, 0);
      return false;
    } catch {
      return true;
    }
  })();

const started: ChildProcess[] = [];
afterEach(() => started.splice(0).forEach((child) => hasExited(child) || child.kill('SIGKILL')));

it('stops everything and exits non-zero when a child dies on a signal', async () => {
  const { lines, stoppedServices, exited, node } = supervised();
  const worker = node('worker', SLEEPER);
  const api = node('api', "setTimeout(() => process.kill(process.pid, 'SIGABRT'), 300); setInterval(() => {}, 1000)");
  started.push(worker, api);
  const began = Date.now();
  const code = await exited;
  expect(code).not.toBe(0);
  expect(Date.now() - began).toBeLessThan(5000);
  expect(api.signalCode).toBe('SIGABRT');
  expect(gone(worker) && gone(api)).toBe(true);
  expect(stoppedServices).toEqual(['Temporal', 'PostgreSQL']);
  expect(lines).toEqual(['api exited on SIGABRT; stopping everything', 'stopping…', 'stopped']);
});

it('stops everything when a child exits with a code, and kills one that ignores SIGTERM', async () => {
  const { lines, stoppedServices, exited, node } = supervised(500);
  const worker = node('worker', STUBBORN);
  const api = node('api', 'setTimeout(() => process.exit(3), 300)');
  started.push(worker, api);
  expect(await exited).toBe(3);
  expect(worker.signalCode).toBe('SIGKILL');
  expect(gone(worker)).toBe(true);
  expect(stoppedServices).toEqual(['Temporal', 'PostgreSQL']);
  expect(lines).toContain('worker did not stop within 500 ms; killing it');
});

it('stops on request (Ctrl-C) with the code asked for, once, and gives up on a service that hangs', async () => {
  const { supervisor, exited, node, lines } = supervised(200);
  supervisor.addService('stuck', { stop: () => new Promise(() => undefined) });
  const api = node('api', SLEEPER);
  started.push(api);
  await new Promise((resolve) => setTimeout(resolve, 200));
  void supervisor.stop(0);
  void supervisor.stop(1);
  expect(await exited).toBe(0);
  expect(gone(api)).toBe(true);
  expect(lines).toContain('stuck did not stop within 400 ms; leaving it');
});

it('stops everything when a child cannot be started at all', async () => {
  const { supervisor, exited, node } = supervised();
  const worker = node('worker', SLEEPER);
  started.push(worker);
  supervisor.launch('api', '/nonexistent/node', []);
  expect(await exited).toBe(1);
  expect(gone(worker)).toBe(true);
});
