import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatBytesRate,
  formatCores,
  formatCount,
  formatMetricValue,
  formatPercent,
  formatTimeTick,
  trimNumber,
} from './units.ts';

describe('metric unit formatters', () => {
  it('trims trailing zeros', () => {
    expect(trimNumber(1.5)).toBe('1.5');
    expect(trimNumber(2)).toBe('2');
    expect(trimNumber(0.125, 2)).toBe('0.13');
    expect(trimNumber(Number.NaN)).toBe('-');
  });

  it('shows CPU below one core in millicores, as kubectl does', () => {
    expect(formatCores(0.25)).toBe('250m');
    expect(formatCores(0.0004)).toBe('0.4m');
    expect(formatCores(0.0123)).toBe('12m');
    expect(formatCores(0)).toBe('0m');
    expect(formatCores(1)).toBe('1 cores');
    expect(formatCores(1.5, { cores: '核' })).toBe('1.5 核');
  });

  it('shows sizes in binary units (Kubernetes Mi/Gi limits)', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(256 * 2 ** 20)).toBe('256 MiB');
    expect(formatBytes(2 * 2 ** 30)).toBe('2 GiB');
    expect(formatBytes(31.4 * 2 ** 20)).toBe('31.4 MiB');
  });

  it('shows rates in decimal units per second', () => {
    expect(formatBytesRate(0)).toBe('0 B/s');
    expect(formatBytesRate(999)).toBe('999 B/s');
    expect(formatBytesRate(1500)).toBe('1.5 KB/s');
    expect(formatBytesRate(12_345_678)).toBe('12.3 MB/s');
  });

  it('shows counts and percentages', () => {
    expect(formatCount(42)).toBe('42');
    expect(formatCount(7.25)).toBe('7.3');
    expect(formatCount(25_000)).toBe('25k');
    expect(formatPercent(57.4)).toBe('57%');
    expect(formatPercent(3.14)).toBe('3.1%');
  });

  it('picks the formatter by the unit the BFF reports', () => {
    expect(formatMetricValue('cores', 0.5)).toBe('500m');
    expect(formatMetricValue('bytes', 1024)).toBe('1 KiB');
    expect(formatMetricValue('bytes/s', 2000)).toBe('2 KB/s');
    expect(formatMetricValue('count', 3)).toBe('3');
    expect(formatMetricValue('percent', 50)).toBe('50%');
  });

  it('labels the time axis with seconds only for short ranges', () => {
    const t = new Date(2026, 0, 2, 9, 5, 7).getTime();
    expect(formatTimeTick(t, 300)).toBe('09:05:07');
    expect(formatTimeTick(t, 3600)).toBe('09:05');
  });
});
