import { describeFloat, fieldName } from "../describe";
import type { Located } from "./located";
import type { Shape } from "../validators";
import { childPointer } from "./pointer";
import type { Position } from "./position";
import { DOCUMENT_STRUCT, fieldOf, structOf } from "./structs";
import type { TreeNode } from "./tree";

/** A parsed config text: the plain value, where each part of it was set, and what serde rejects on sight. */
export interface ConfigDocument {
  value: unknown;
  /** JSON Pointer → the key that set the value there (or the value itself, for a list item). */
  positions: Map<string, Position>;
  /** Duplicate fields of the serde structs, in document order. */
  duplicates: Located[];
  /**
   * Whole numbers written as floats (`1.0`, `1e3`) inside the checked structs, which serde
   * reads as floats though the plain value cannot tell: pointer → serde's words for them.
   */
  floats: Map<string, string>;
}

export interface DocumentOptions {
  /** Reject every duplicate key (YAML), not only a struct's duplicate fields (serde: TOML, JSON). */
  rejectAllDuplicates?: boolean;
  /** Whether the number at a position of the text is written as a float, for a reader that does not say. */
  writtenAsFloat?: (at: Position) => boolean;
}

/** The plain value of a tree, keys set as data (`__proto__` included), later duplicates winning. */
export function toDocument(tree: TreeNode, options: DocumentOptions = {}): ConfigDocument {
  const document: ConfigDocument = { value: undefined, positions: new Map(), duplicates: [], floats: new Map() };
  document.positions.set("", tree.at);
  document.value = build(document, options, tree, "", DOCUMENT_STRUCT);
  return document;
}

function build(
  document: ConfigDocument,
  options: DocumentOptions,
  node: TreeNode,
  pointer: string,
  struct: Shape | undefined,
): unknown {
  switch (node.kind) {
    case "scalar":
      if (typeof node.value === "number" && Number.isInteger(node.value) && (node.float || options.writtenAsFloat?.(node.at))) {
        document.floats.set(pointer, describeFloat(node.value));
      }
      return node.value;
    case "datetime":
      // toml 0.9 hands a datetime to serde as its text: a string to every field.
      return node.text;
    case "array":
      return node.items.map((item, i) => {
        const at = childPointer(pointer, i);
        document.positions.set(at, item.at);
        return build(document, options, item, at, undefined);
      });
    case "table": {
      const out: Record<string, unknown> = {};
      const seen = new Map<string, Position>();
      for (const entry of node.entries) {
        const at = childPointer(pointer, entry.key);
        const field = fieldOf(struct, entry.key);
        const first = seen.get(entry.key);
        if (first && (field || options.rejectAllDuplicates)) {
          const message = `${fieldName(at, [])}: duplicate field \`${entry.key}\` (first set at line ${first.line}, column ${first.column})`;
          document.duplicates.push({ issue: { stage: "deserialize", path: at, message }, at: entry.at });
          continue;
        }
        // A repeated unknown key replaces the value; positions left from the earlier value are
        // never looked up, as nothing inside an unknown key is checked.
        if (!first) seen.set(entry.key, entry.at);
        document.positions.set(at, entry.at);
        const value = build(document, options, entry.value, at, structOf(field));
        Object.defineProperty(out, entry.key, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}
