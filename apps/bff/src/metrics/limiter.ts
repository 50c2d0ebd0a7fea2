/**
 * At most `max` tasks at once; the rest wait in order. Bounds the scrapes in flight however
 * many pods are looked at, so a namespace overview of hundreds of pods cannot flood the API
 * server (or the VPC) with parallel requests.
 */
export class ConcurrencyLimiter {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive integer');
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.max) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      // The slot passes straight to the next waiter, so #running stays accurate.
      if (next) next();
      else this.#running--;
    }
  }
}
