/**
 * Argument checks shared by every engine entry point. Each throws a RangeError that names the argument and
 * shows the offending value, so a bad URL parameter or CLI flag surfaces as a readable message instead of a
 * silent NaN three functions later.
 */

/** Formats a value for an error message: numbers as JavaScript prints them, everything else as JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Throws unless `value` is an integer ≥ 1 (and ≤ `max` when given). */
export function assertPositiveInteger(value: unknown, name: string, max = Number.MAX_SAFE_INTEGER): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'an integer ≥ 1' : `an integer between 1 and ${max}`;
    throw new RangeError(`${name} must be ${range}, but got ${describeValue(value)}`);
  }
}

/** Throws unless `value` is an integer ≥ 0 (and ≤ `max` when given). */
export function assertNonNegativeInteger(value: unknown, name: string, max = Number.MAX_SAFE_INTEGER): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'an integer ≥ 0' : `an integer between 0 and ${max}`;
    throw new RangeError(`${name} must be ${range}, but got ${describeValue(value)}`);
  }
}

/** Throws unless `value` is a finite number > 0. */
export function assertPositiveFinite(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number > 0, but got ${describeValue(value)}`);
  }
}

/** Throws unless `value` is a finite number ≥ 0. */
export function assertNonNegativeFinite(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0, but got ${describeValue(value)}`);
  }
}

/** Throws unless every element of `values` is finite (inputs with NaN would poison every later number). */
export function assertAllFinite(values: ArrayLike<number>, name: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`${name}[${i}] must be finite, but got ${values[i]}`);
  }
}

/** Throws unless `seed` is an unsigned 32-bit integer, naming the argument as NumPy would refuse it. */
export function assertSeed(seed: unknown, name = 'seed'): asserts seed is number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`${name} must be an integer between 0 and 2**32 - 1, but got ${String(seed)}`);
  }
}
