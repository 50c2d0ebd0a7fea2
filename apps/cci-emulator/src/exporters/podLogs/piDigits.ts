/** π to `digits` significant digits, rounded, as Perl's `bpi(N)` prints it ("3.14159…"). */
export function piDigits(digits: number): string {
  const n = Math.max(1, Math.min(10_000, Math.floor(digits)));
  const guard = 10n;
  const scale = 10n ** (BigInt(n) + guard);
  // Machin: π = 16·atan(1/5) − 4·atan(1/239), each series summed in fixed point.
  const atanInverse = (x: bigint): bigint => {
    let term = scale / x;
    let sum = term;
    const x2 = x * x;
    for (let k = 1n; term !== 0n; k++) {
      term /= x2;
      sum += (k % 2n === 0n ? 1n : -1n) * (term / (2n * k + 1n));
    }
    return sum;
  };
  const pi = 16n * atanInverse(5n) - 4n * atanInverse(239n);
  const unit = 10n ** (guard + 1n);
  const rounded = (pi + unit / 2n) / unit; // n significant digits: "3" followed by n-1 decimals
  const text = rounded.toString();
  return n === 1 ? text : `${text[0]}.${text.slice(1)}`;
}
