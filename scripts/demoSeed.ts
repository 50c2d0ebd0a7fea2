import type { Emulator } from '@cci/emulator';
import { describeDemoSeed, seedDemoProject } from '@cci/emulator';

/**
 * Seeds the emulator with the demo project (namespaces demo and gpu-lab, workloads, configs,
 * EIP pools, image snapshots) and waits for its controllers; resolves with the summary line.
 */
export async function seedDemoData(emulator: Emulator): Promise<string> {
  const report = await seedDemoProject(emulator);
  await emulator.settle();
  if (report.warnings.length > 0) {
    return `${describeDemoSeed(report)}; warnings: ${report.warnings.join('; ')}`;
  }
  return describeDemoSeed(report);
}
