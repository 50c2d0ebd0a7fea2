/**
 * What every bench child process does besides its server: report its CPU time and memory when
 * asked (so figures can say where the time and bytes went), and exit with its parent.
 */
export function serveParent(): void {
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
    if (message === 'memory') {
      // With --expose-gc: what is still referenced, not garbage waiting for the next GC.
      (globalThis as { gc?: () => void }).gc?.();
      process.send?.({ memory: process.memoryUsage() });
    }
    if (message === 'exit') process.exit(0);
  });
  process.on('disconnect', () => process.exit(0));
}
