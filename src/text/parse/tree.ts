import type { Position } from "./position";

/**
 * A parsed config text as serde sees it: tables are lists of entries in document order,
 * duplicates kept, so that the rules about duplicate keys can be applied afterwards. A JSON
 * string that writes a lone surrogate carries serde_json's words for it (`unicodeFault`): it
 * decodes the strings it reads and refuses one there.
 */
export type TreeNode =
  | { kind: "table"; at: Position; entries: TreeEntry[] }
  | { kind: "array"; at: Position; items: TreeNode[] }
  | { kind: "scalar"; at: Position; value: string | number | bigint | boolean | null; float?: true; unicodeFault?: string }
  | { kind: "datetime"; at: Position; text: string };

interface TreeEntry {
  key: string;
  /** The JSON reader's words for a key whose escapes write a lone surrogate (see `scalar.unicodeFault`). */
  unicodeFault?: string;
  /** Where the key stands (for a TOML table header, the header's segment naming it). */
  at: Position;
  value: TreeNode;
}

export type TreeTable = Extract<TreeNode, { kind: "table" }>;
