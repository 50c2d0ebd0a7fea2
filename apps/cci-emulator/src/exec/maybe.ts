// Values that are there now or later: the shell runs synchronously until a command really
// waits (for stdin, a tar stream, a timer), so exec probes can be evaluated inside a controller
// step while `kubectl exec` sessions await the same code.

export type Maybe<T> = T | Promise<T>;

/** `f(value)` now when value is plain, after it resolves when it is a Promise. */
export function after<T, U>(value: Maybe<T>, f: (v: T) => Maybe<U>): Maybe<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}
