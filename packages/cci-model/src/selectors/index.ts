export * from './labelSelector.ts';
export * from './fieldSelector.ts';
export * from './fieldSupport.ts';
