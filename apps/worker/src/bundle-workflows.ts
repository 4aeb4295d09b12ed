import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { repoRoot, workflowBundleOptions } from '@workpoints/temporal';

/** `npm run bundle:workflows [out]`: the prebuilt workflow bundle production workers load. */
async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? `${repoRoot()}/dist/workflow-bundle.js`);
  const { code } = await bundleWorkflowCode(workflowBundleOptions());
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`workflow bundle written to ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
