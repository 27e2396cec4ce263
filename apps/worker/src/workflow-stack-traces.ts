import { setFlagsFromString } from 'node:v8';

/**
 * Sets how many frames stack traces keep in the workflow threads the SDK starts from now on.
 * V8 gives each new context (thread or sandbox) `Error.stackTraceLimit` from this flag when the
 * context is created, and the sandbox's own Error is frozen, so the flag is the only handle; this
 * thread's Error.stackTraceLimit was set at start-up and stays as it is. Call it before Worker.create.
 */
export function limitWorkflowStackTraces(frames: number): void {
  if (!Number.isInteger(frames) || frames < 1)
    throw new Error(`stack trace limit must be a positive whole number, got ${frames}`);
  setFlagsFromString(`--stack-trace-limit=${frames}`);
}
