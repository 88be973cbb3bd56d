/**
 * JSON Pointers (RFC 6901), as `ValidationIssue.path` and every place in a document are
 * written: `""` is the whole document, `/model/quant` a field in it, `~` and `/` in a key
 * escaped as `~0` and `~1`.
 */

/** The pointer to `key` (a table's key or a list's index) inside the value at `parent`. */
export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** The pointer to a path of keys from the whole document. */
export function pointerOf(keys: readonly (string | number)[]): string {
  let pointer = "";
  for (const key of keys) pointer = childPointer(pointer, key);
  return pointer;
}

/** The pointer to the table or list that holds the value at `pointer` (the document for a top-level key). */
export function parentPointer(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

/** Whether `pointer` is `ancestor` or lies below it. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || (pointer.startsWith(ancestor) && pointer.charCodeAt(ancestor.length) === 0x2f);
}

/** Tokens kept per pointer: issue paths are few, list indices many, so the cache is bounded. */
const TOKENS_KEPT = 1024;
const tokensByPointer = new Map<string, readonly string[]>();

/** A pointer's keys, unescaped. */
export function pointerTokens(pointer: string): readonly string[] {
  let tokens = tokensByPointer.get(pointer);
  if (tokens === undefined) {
    tokens = pointer === "" ? [] : pointer.slice(1).split("/").map((raw) => (raw.includes("~") ? raw.replace(/~1/g, "/").replace(/~0/g, "~") : raw));
    if (tokensByPointer.size < TOKENS_KEPT) tokensByPointer.set(pointer, tokens);
  }
  return tokens;
}

/**
 * The value a pointer names, read with plain property access (a list's index as a key), as
 * a validator reads it; `undefined` where the path leaves the objects. `through` narrows what
 * the path may pass through (the root and every value on the way to the last key).
 */
export function valueAt(root: unknown, pointer: string, through: (value: unknown) => boolean = isObject): unknown {
  let value = root;
  for (const token of pointerTokens(pointer)) {
    if (!through(value)) return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === "object";
}
