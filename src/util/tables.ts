/**
 * A table in the JSON sense: an object whose prototype is `Object.prototype` (of any realm)
 * or null. Class instances, `Map`, `Date` and the like are not config tables: Ajv's
 * `type: "object"` would let them through, with their fields read from prototypes.
 */
export function isTable(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** An object that is not a table (a class instance, a `Map`, a `Date`): never a config struct. */
export function isOddObject(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !isTable(value);
}

/** The value at `path`, read through tables only. */
export function readPath(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path) value = isTable(value) ? value[key] : undefined;
  return value;
}

/**
 * A copy of a table that keeps every own key as data, `__proto__` included: plain
 * assignment of that key would replace the copy's prototype instead.
 */
export function copyTable(input: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (input === null || typeof input !== "object") return out;
  // What `Object.keys` lists, in its order: `for…in` reads V8's enum cache, and the own-key
  // test keeps out keys inherited from a polluted `Object.prototype`.
  for (const key in input) {
    if (!hasOwn.call(input, key)) continue;
    const value = (input as Record<string, unknown>)[key];
    // Only `__proto__` needs defining; plain assignment is several times faster for the rest.
    if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

const hasOwn = Object.prototype.hasOwnProperty;
