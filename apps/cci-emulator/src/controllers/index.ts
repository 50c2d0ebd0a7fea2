import type { Controller } from './runtime.ts';

/** Every controller the emulator runs by default (CCI behaviours). */
export function defaultControllers(): Controller[] {
  return [];
}
