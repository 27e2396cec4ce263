/**
 * The load the bench's reference workflows get: `callers` at a time, each caller taking one workflow
 * and sending it all its Updates one after another, as each simulated user drives one measure through
 * its pipeline. No workflow ever has two Updates in flight, so the server cannot fold several into one
 * workflow task (which would flatter the reference). Returns each Update's latency in milliseconds.
 */
export async function sendSequentiallyPerWorkflow<Target>(
  targets: readonly Target[],
  updatesPerTarget: number,
  callers: number,
  send: (target: Target) => Promise<unknown>,
): Promise<number[]> {
  const queue = [...targets];
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let target = queue.shift(); target !== undefined; target = queue.shift()) {
        for (let update = 0; update < updatesPerTarget; update += 1) {
          const started = performance.now();
          await send(target);
          latencies.push(performance.now() - started);
        }
      }
    }),
  );
  return latencies;
}
