import { BeyondBounds } from "./parse/beyond-bounds";
import { fieldName, hasLoneSurrogate, loneSurrogateWords, quote } from "../validate/serde-words";
import type { Dialect, WrittenAs } from "../validate/issues";
import type { Located } from "./located";
import { MAX_NESTING_DEPTH, tooDeep } from "./parse/nesting-limit";
import { childPointer } from "../util/pointer";
import { setOwn } from "../util/tables";
import type { Position } from "./parse/position";
import { documentShape } from "../validate/generated";
import { fieldOf, innerShape, type Shape } from "../validate/shape";
import type { TreeNode } from "./parse/tree";

/** A parsed config text: the plain value, where each part of it was set, and what serde rejects on sight. */
export interface ConfigDocument {
  value: unknown;
  /** JSON Pointer → the key that set the value there (or the value itself, for a list item). */
  positions: Map<string, Position>;
  /**
   * What serde rejects on sight, in document order: duplicate fields of the structs, and keys
   * of the structs or strings of their fields that are not Unicode (a lone surrogate, which
   * only a JSON escape can write).
   */
  duplicates: Located[];
  /**
   * What the plain value cannot tell of a value inside the checked structs, which serde sees:
   * a whole number written as a float (`1.0`, `1e3`), a TOML datetime (a string to serde,
   * except where an enum is read).
   */
  written: Map<string, WrittenAs>;
  /** Whose words serde speaks for this text: the trainer's TOML reader, or serde_json's. */
  dialect: Dialect;
  /** JSON Pointer → where the key and the value that set it stand, each from its start to just after it, where the reader says. */
  spans: Map<string, Span>;
}

/** Where a key and its value stand (a list item has no key). */
export interface Span {
  key?: Range;
  value?: Range;
}

/** A stretch of a file: from `start` to just before `end`; `start.file` names the file, where known. */
export interface Range {
  start: Position;
  end: Position;
}

interface DocumentOptions {
  dialect: Dialect;
  /** Reject every duplicate key (YAML), not only a struct's duplicate fields (serde: TOML, JSON). */
  rejectAllDuplicates?: boolean;
  /** Whether the number at a position of the text is written as a float, for a reader that does not say. */
  writtenAsFloat?: (at: Position) => boolean;
}

/**
 * The plain value of a tree, keys set as data (`__proto__` included), later duplicates winning.
 * Throws `ConfigSyntaxError` where the tree nests deeper than `MAX_NESTING_DEPTH`.
 */
export function toDocument(tree: TreeNode, options: DocumentOptions): ConfigDocument {
  const document: ConfigDocument = { value: undefined, positions: new Map(), duplicates: [], written: new Map(), dialect: options.dialect, spans: new Map() };
  document.positions.set("", tree.at);
  document.value = build(document, options, tree, "", documentShape, true, 0);
  return document;
}

/** `checked`: the value of a field of a struct, which serde reads; the values of other keys it skips. */
function build(
  document: ConfigDocument,
  options: DocumentOptions,
  node: TreeNode,
  pointer: string,
  struct: Shape | undefined,
  checked: boolean,
  depth: number,
): unknown {
  switch (node.kind) {
    case "scalar":
      // Every float, read or skipped by serde: the loader names an `extends` value's kind too.
      if (typeof node.value === "number" && Number.isInteger(node.value) && (node.float || options.writtenAsFloat?.(node.at))) {
        document.written.set(pointer, "float");
      }
      // No variant holds a lone surrogate: the field's shape error is told in the JSON reader's words.
      if (checked && typeof node.value === "string" && hasLoneSurrogate(node.value)) {
        document.written.set(pointer, { loneSurrogate: node.unicodeFault ?? loneSurrogateWords(node.value) });
      }
      return node.value;
    case "datetime":
      // toml 0.9 hands a datetime to serde as its text: a string to every field but an enum.
      document.written.set(pointer, "datetime");
      return node.text;
    case "array":
      if (depth >= MAX_NESTING_DEPTH) throw new BeyondBounds(tooDeep(), node.at);
      return node.items.map((item, i) => {
        const at = childPointer(pointer, i);
        document.positions.set(at, item.at);
        if (item.end) document.spans.set(at, { value: { start: item.at, end: item.end } });
        return build(document, options, item, at, undefined, checked, depth + 1);
      });
    case "table": {
      if (depth >= MAX_NESTING_DEPTH) throw new BeyondBounds(tooDeep(), node.at);
      const out: Record<string, unknown> = {};
      const seen = new Map<string, Position>();
      for (const entry of node.entries) {
        const at = childPointer(pointer, entry.key);
        const field = fieldOf(struct, entry.key);
        // serde reads the keys of a struct as strings; those of other tables are skipped unread.
        if (struct && hasLoneSurrogate(entry.key)) {
          const words = entry.unicodeFault ?? loneSurrogateWords(entry.key);
          const message = `${fieldName(pointer)}: ${words} (the key ${quote(entry.key)} holds a lone surrogate, which is not Unicode)`;
          document.duplicates.push({ issue: { stage: "deserialize", path: at, message }, at: entry.at });
        }
        const first = seen.get(entry.key);
        if (first && (field || options.rejectAllDuplicates)) {
          const message = `${fieldName(at)}: duplicate field \`${entry.key}\` (first set at line ${first.line}, column ${first.column})`;
          document.duplicates.push({ issue: { stage: "deserialize", path: at, message }, at: entry.at });
          continue;
        }
        // A repeated unknown key replaces the value; positions left from the earlier value are
        // never looked up, as nothing inside an unknown key is checked.
        if (!first) seen.set(entry.key, entry.at);
        document.positions.set(at, entry.at);
        document.spans.set(at, {
          key: entry.keyEnd && { start: entry.at, end: entry.keyEnd },
          value: entry.value.end && { start: entry.value.at, end: entry.value.end },
        });
        const value = build(document, options, entry.value, at, innerShape(field), field !== undefined, depth + 1);
        setOwn(out, entry.key, value);
      }
      return out;
    }
  }
}
