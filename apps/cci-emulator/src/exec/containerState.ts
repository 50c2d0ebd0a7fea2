// What an emulated container is while its pod lives: a filesystem, its environment, and a
// process table whose PID 1 is the entrypoint.
import type { VirtualFs } from './virtualFs.ts';

export interface ProcessEntry {
  pid: number;
  command: string;
  startedAtMs: number;
}

export class ProcessTable {
  private readonly entries = new Map<number, ProcessEntry>();
  private nextPid = 7;

  constructor(
    entrypoint: string,
    startedAtMs: number,
    private readonly now: () => number,
  ) {
    this.entries.set(1, { pid: 1, command: entrypoint, startedAtMs });
  }

  /** Registers a process (an exec session); the returned function ends it. */
  start(command: string): { pid: number; end: () => void } {
    const pid = this.nextPid++;
    this.entries.set(pid, { pid, command, startedAtMs: this.now() });
    return { pid, end: () => this.entries.delete(pid) };
  }

  list(): ProcessEntry[] {
    return [...this.entries.values()].sort((a, b) => a.pid - b.pid);
  }
}

export interface ContainerState {
  readonly name: string;
  readonly fs: VirtualFs;
  /** The environment every exec'd process starts with. */
  readonly env: ReadonlyMap<string, string>;
  readonly hostname: string;
  readonly workingDir: string;
  readonly processes: ProcessTable;
  now(): number;
}
