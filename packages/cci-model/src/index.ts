export * from './kinds.ts';
export * from './urls.ts';
