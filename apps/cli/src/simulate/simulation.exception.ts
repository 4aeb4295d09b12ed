/** Why a simulation could not run; each is a mistake in the command line or the plan file. */
export type SimulationErrorCode =
  | 'USAGE'
  | 'BAD_DATE'
  | 'BAD_RANGE'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'BAD_PLAN'
  | 'BAD_ACTION'
  | 'UNKNOWN_POINT'
  | 'ACTION_REFUSED';

/**
 * A simulation error, said in Chinese and in English. The command prints both and exits with
 * status 2: the run cannot go on, and nothing it printed so far is a result.
 */
export class SimulationException extends Error {
  constructor(
    readonly code: SimulationErrorCode,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'SimulationException';
  }
}
