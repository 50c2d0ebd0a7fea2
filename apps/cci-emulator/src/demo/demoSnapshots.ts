/**
 * The demo's image snapshots (S1, S2): one already built, one still building when the console
 * opens. The emulator builds a snapshot in 30 s per image counted from its creationTimestamp
 * (controllers/imagesnapshots.ts), so:
 * - `web-cache` (nginx:alpine + redis:6, the demo's images) is created backdated by
 *   PREBUILT_AGE_MS: its build time is already over and it turns Available at once, as if it had
 *   been built before the demo started. Only its timestamp moves; the emulator clock does not.
 * - `ml-toolchain` lists eight large images: it stays Creating for four minutes after start.
 * All images come from public registries, so both builds succeed.
 */
import { DEMO_NAMESPACE, type Manifest } from './demoManifest.ts';

export const AVAILABLE_SNAPSHOT = 'web-cache';
export const BUILDING_SNAPSHOT = 'ml-toolchain';
/** Far longer than any build of two images: the snapshot looks ten minutes old. */
export const PREBUILT_AGE_MS = 10 * 60_000;

export interface DemoSnapshot {
  manifest: Manifest;
  /** How far before now its creationTimestamp is set. */
  ageMs: number;
}

function snapshot(name: string, images: string[], volumeSizeGiB: number): Manifest {
  return {
    apiVersion: 'imagecache.cci.io/v1',
    kind: 'ImageSnapshot',
    metadata: { name },
    spec: {
      images: images.map((image) => ({ image })),
      buildingConfig: { namespace: DEMO_NAMESPACE },
      evsInfo: { volumeType: 'ssd', volumeSizeGiB, filesystemType: 'ext4' },
      ttlDaysAfterCreated: 30,
    },
  };
}

export function demoSnapshots(): DemoSnapshot[] {
  return [
    {
      manifest: snapshot(AVAILABLE_SNAPSHOT, ['nginx:alpine', 'redis:6'], 20),
      ageMs: PREBUILT_AGE_MS,
    },
    {
      manifest: snapshot(
        BUILDING_SNAPSHOT,
        [
          'python:3.11',
          'jupyter/scipy-notebook:2024-03-04',
          'tensorflow/tensorflow:2.15.0',
          'pytorch/pytorch:2.2.1-cuda12.1-cudnn8-runtime',
          'nvidia/cuda:12.2.2-runtime-ubuntu22.04',
          'postgres:16',
          'grafana/grafana:10.4.1',
          'prom/prometheus:v2.51.0',
        ],
        100,
      ),
      ageMs: 0,
    },
  ];
}
