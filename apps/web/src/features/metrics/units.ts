import type { PodMetricUnit } from '@cci/model';

/**
 * Pure formatters for chart axes, tooltips and list cells. CPU follows kubectl (millicores below
 * one core); sizes are binary (MiB/GiB, as Kubernetes memory limits are); rates are decimal
 * (KB/s, MB/s, as network tools show them). The one localized word, "cores", comes in as a
 * parameter so the formatters stay free of i18n.
 */
export interface UnitWords {
  cores: string;
}

const englishWords: UnitWords = { cores: 'cores' };

/** Up to `digits` decimals, trailing zeros dropped: 1.50 → "1.5", 2.00 → "2". */
export function trimNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '-';
  const fixed = value.toFixed(digits);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** 0.25 → "250m", 0.0004 → "0.4m", 1.5 → "1.5 cores". */
export function formatCores(cores: number, words: UnitWords = englishWords): string {
  if (!Number.isFinite(cores)) return '-';
  if (Math.abs(cores) < 1) {
    const milli = cores * 1000;
    return `${trimNumber(milli, Math.abs(milli) < 10 ? 1 : 0)}m`;
  }
  return `${trimNumber(cores, 2)} ${words.cores}`;
}

const binaryUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
const decimalRateUnits = ['B/s', 'KB/s', 'MB/s', 'GB/s', 'TB/s'] as const;

function scaled(value: number, base: number, units: readonly string[]): string {
  if (!Number.isFinite(value)) return '-';
  let index = 0;
  let scaledValue = value;
  while (Math.abs(scaledValue) >= base && index < units.length - 1) {
    scaledValue /= base;
    index += 1;
  }
  const digits = index === 0 ? 0 : Math.abs(scaledValue) < 10 ? 2 : 1;
  return `${trimNumber(scaledValue, digits)} ${units[index]}`;
}

/** 1536 → "1.5 KiB", 268435456 → "256 MiB". */
export function formatBytes(bytes: number): string {
  return scaled(bytes, 1024, binaryUnits);
}

/** 1500 → "1.5 KB/s". */
export function formatBytesRate(bytesPerSecond: number): string {
  return scaled(bytesPerSecond, 1000, decimalRateUnits);
}

/** Processes, threads, descriptors: whole numbers; averages over a scrape may be fractional. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return '-';
  return Math.abs(count) >= 10_000 ? `${trimNumber(count / 1000, 1)}k` : trimNumber(count, 1);
}

/** GPU duty cycle is a percentage already (0–100). */
export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return '-';
  return `${trimNumber(percent, percent < 10 ? 1 : 0)}%`;
}

export function formatMetricValue(
  unit: PodMetricUnit,
  value: number,
  words: UnitWords = englishWords,
): string {
  switch (unit) {
    case 'cores':
      return formatCores(value, words);
    case 'bytes':
      return formatBytes(value);
    case 'bytes/s':
      return formatBytesRate(value);
    case 'count':
      return formatCount(value);
    case 'percent':
      return formatPercent(value);
  }
}

/** Axis ticks: HH:MM for ranges over 15 minutes, HH:MM:SS below (points are seconds apart). */
export function formatTimeTick(epochMs: number, rangeSeconds: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return rangeSeconds > 900 ? hm : `${hm}:${pad(date.getSeconds())}`;
}
