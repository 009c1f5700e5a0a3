/**
 * Calls `onIdle` once `ms` have passed since the last `touch()` (or since creation). Each
 * touch starts the wait again; `busy` work in progress holds it off until it ends.
 */
export function idleTimer(ms: number, onIdle: () => void): { touch(): void; busy<T>(work: () => T | Promise<T>): Promise<T> } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = 0;
  const touch = () => {
    clearTimeout(timer);
    timer = running ? undefined : setTimeout(onIdle, ms);
  };
  touch();
  return {
    touch,
    async busy<T>(work: () => T | Promise<T>): Promise<T> {
      running++;
      clearTimeout(timer);
      try {
        return await work();
      } finally {
        running--;
        touch();
      }
    },
  };
}
