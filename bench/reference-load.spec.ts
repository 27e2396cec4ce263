import { sendSequentiallyPerWorkflow } from './reference-load';

describe("the bench's reference load", () => {
  it('keeps every caller busy, sends every Update, and never two at once to one workflow', async () => {
    const inFlight = new Map<number, number>();
    const sent = new Map<number, number>();
    let busy = 0;
    let mostBusy = 0;
    let mostOnOneWorkflow = 0;
    const send = async (workflow: number) => {
      inFlight.set(workflow, (inFlight.get(workflow) ?? 0) + 1);
      busy += 1;
      mostBusy = Math.max(mostBusy, busy);
      mostOnOneWorkflow = Math.max(mostOnOneWorkflow, inFlight.get(workflow)!);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight.set(workflow, inFlight.get(workflow)! - 1);
      busy -= 1;
      sent.set(workflow, (sent.get(workflow) ?? 0) + 1);
    };
    const workflows = Array.from({ length: 30 }, (_, index) => index);

    const latencies = await sendSequentiallyPerWorkflow(workflows, 5, 20, send);

    expect(latencies).toHaveLength(150);
    expect(latencies.every((ms) => ms >= 0)).toBe(true);
    expect([...sent.values()]).toEqual(Array(30).fill(5));
    expect(mostBusy).toBe(20);
    expect(mostOnOneWorkflow).toBe(1);
  });
});
