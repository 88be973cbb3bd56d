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

/**
 * The one own-property test: whether a key is an own property, not one inherited from a
 * (possibly polluted) prototype. `hasOwnProperty`, not `Object.hasOwn`: called at a `for…in`
 * itself (`ownProperty.call(table, key)`), V8 answers it from its enum cache, several times
 * faster; elsewhere `hasOwn` reads better.
 */
export const ownProperty = Object.prototype.hasOwnProperty;

/**
 * Whether a `for…in` over `table` can list keys it does not own: whether anything on its
 * prototype chain has an enumerable property (only a polluted prototype does). Where it
 * cannot, a `for…in` needs no own-key test per key.
 */
export function inheritsKeys(table: object): boolean {
  const proto = Object.getPrototypeOf(table) as object | null;
  if (proto === null) return false;
  for (const _ in proto) return true;
  return false;
}

/** Whether `key` is an own property of `value` (see `ownProperty`). */
export function hasOwn(value: object, key: string): boolean {
  return ownProperty.call(value, key);
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
