/**
 * Deterministic numbers for the emulated pods: everything a pod reports (metric values, log
 * lines) derives from its uid through these helpers, so two renders at the same emulator time
 * are identical and tests can assert exact behaviour. Never Math.random.
 */

/** 32-bit FNV-1a: cheap and good enough to spread uids over the seed space. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A splitmix-style finaliser: turns a (seed, index) pair into a uniform number in [0, 1). */
export function unitAt(seed: number, index: number): number {
  let z = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return (z >>> 0) / 4294967296;
}

/** Draws numbers in a fixed order: profiles stay stable as long as the draw order is kept. */
export class SeededStream {
  private index = 0;
  constructor(private readonly seed: number) {}

  static of(...parts: (string | number)[]): SeededStream {
    return new SeededStream(hashString(parts.join('\u0000')));
  }

  next(): number {
    return unitAt(this.seed, this.index++);
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, maxInclusive: number): number {
    return Math.floor(this.between(min, maxInclusive + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** 32 hex digits per call, as many calls as needed: container ids, GPU uuids. */
  hex(length: number): string {
    let out = '';
    while (out.length < length)
      out += Math.floor(this.next() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return out.slice(0, length);
  }
}

/** base + amp·sin(2πt/period + phase): a gauge that breathes within [base-amp, base+amp]. */
export interface Wave {
  base: number;
  amp: number;
  periodS: number;
  phase: number;
}

export function waveAt(w: Wave, tS: number): number {
  return w.base + w.amp * Math.sin((2 * Math.PI * tS) / w.periodS + w.phase);
}

/** ∫₀ᵗ wave: with amp ≤ base the integrand is never negative, so counters built on it only grow. */
export function waveIntegral(w: Wave, tS: number): number {
  const k = w.periodS / (2 * Math.PI);
  return w.base * tS + w.amp * k * (Math.cos(w.phase) - Math.cos(tS / k + w.phase));
}

/** The largest value the wave took over [0, t]: what a "max usage" gauge remembers. */
export function waveMaxSince(w: Wave, tS: number): number {
  const omega = (2 * Math.PI) / w.periodS;
  const toPeak = (((Math.PI / 2 - w.phase) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  if (tS >= toPeak / omega) return w.base + w.amp;
  return Math.max(waveAt(w, 0), waveAt(w, tS));
}

export function randomWave(
  stream: SeededStream,
  base: number,
  relativeAmp: [number, number],
  periodS: [number, number],
): Wave {
  return {
    base,
    amp: base * stream.between(relativeAmp[0], relativeAmp[1]),
    periodS: stream.between(periodS[0], periodS[1]),
    phase: stream.between(0, 2 * Math.PI),
  };
}
