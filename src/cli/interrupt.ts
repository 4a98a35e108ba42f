/**
 * Ctrl-C for a long command: the first SIGINT prints `message` and sets a flag the work checks
 * between batches, so it stops at a safe point instead of dying mid-write. `dispose` restores
 * Node's default (a second Ctrl-C after it ends the process).
 */
export function catchInterrupt(message: string): { interrupted: () => boolean; dispose: () => void } {
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
    process.stderr.write(`\n${message}\n`);
  };
  process.once('SIGINT', onSigint);
  return { interrupted: () => interrupted, dispose: () => void process.off('SIGINT', onSigint) };
}
