/**
 * What every bench child process does besides its server: report its CPU time when asked
 * (so figures can say where the time went), and exit with its parent.
 */
export function serveParent(): void {
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
    if (message === 'exit') process.exit(0);
  });
  process.on('disconnect', () => process.exit(0));
}
