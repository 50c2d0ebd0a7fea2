export { startEmulator, type Emulator, type EmulatorOptions } from './emulator.ts';
export { kubeconfigFor, writeKubeconfig } from './kubeconfig.ts';
export type { Clock, AdmissionPlugin } from './api/context.ts';
export { renderPodMetrics } from './exporters/index.ts';
export { describeDemoSeed, seedDemoProject } from './demo/seedDemo.ts';
