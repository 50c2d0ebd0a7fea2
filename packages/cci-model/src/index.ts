export * from './kinds.ts';
export * from './urls.ts';
export * from './schemas/index.ts';
export * from './selectors/index.ts';
export * from './regions.ts';
export * from './rules/index.ts';
export * from './annotations.ts';
export * from './metrics/podMetricsApi.ts';
