/**
 * The wire types between the processes: what the BFF answers the web, and the Status the
 * emulator, CCI and the BFF all answer with. One module, imported by all three apps.
 */
export * from './metrics.ts';
export * from './session.ts';
export * from './status.ts';
export * from './stream.ts';
