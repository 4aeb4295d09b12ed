/**
 * The baseline for the publish measurement: a workflow that does nothing, so it completes in
 * its first workflow task. Starting 1,000 of these with the bare Temporal client is the floor
 * that publishing a 1,000-point plan through the API is compared against.
 */
export async function benchEmptyWorkflow(): Promise<null> {
  return null;
}
