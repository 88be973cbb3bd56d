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

/** The one own-property test: whether `key` is an own property of `value`, not one inherited from a (possibly polluted) prototype. */
export function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** Sets `key` as an own data property, `__proto__` included, whatever setters a prototype holds. */
export function setOwn(table: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(table, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A copy of a table that keeps every own enumerable key as data, in its order, each read
 * once: a spread defines each key on the copy (`__proto__` too, which assignment would turn
 * into the copy's prototype) and reads nothing inherited. V8 clones a table's layout for it,
 * several times faster than a loop over its keys.
 */
export function copyTable(input: unknown): Record<string, unknown> {
  return input !== null && typeof input === "object" ? { ...input } : {};
}
