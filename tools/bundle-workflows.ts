/** Bundles the workflow code once at build time, so the worker starts without running webpack. */
import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const WORKFLOW_BUNDLE = join(__dirname, '..', 'workflow-bundle.js');

export async function bundleWorkflows(target = WORKFLOW_BUNDLE): Promise<string> {
  const quiet = { info() {}, debug() {}, trace() {}, log() {}, warn: console.warn, error: console.error };
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), logger: quiet as never });
  await writeFile(target, code);
  return target;
}

if (require.main === module) {
  bundleWorkflows()
    .then((target) => console.log(`workflow bundle written to ${target}`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
