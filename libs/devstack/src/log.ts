/** Where a helper reports progress: one line at a time, without a trailing newline. */
export type Log = (line: string) => void;

/** Environment variables as the helpers read them (a plain copy of process.env works). */
export type Env = Readonly<Record<string, string | undefined>>;

/** A service or process started by this library. `stop()` is safe to call twice. */
export interface Stoppable {
  stop(): Promise<void>;
}
