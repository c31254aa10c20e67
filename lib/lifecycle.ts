/** Process lifecycle shared by the entry points (gateway, subgraphs, `npm start`). */
/**
 * Runs `stop` once on SIGTERM or SIGINT and exits 0 when it is done (1 if it failed); a second
 * signal while stopping exits at once.
 */
export function onTermination(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error) => {
        console.error(`Shutdown after ${signal} failed:`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
