import type { Position } from "./position";

/**
 * A parsed config text as serde sees it: tables are lists of entries in document order,
 * duplicates kept, so that the rules about duplicate keys can be applied afterwards. A JSON
 * string that writes a lone surrogate carries serde_json's words for it (`unicodeFault`): it
 * decodes the strings it reads and refuses one there.
 */
export type TreeNode = (
  | { kind: "table"; entries: TreeEntry[] }
  | { kind: "array"; items: TreeNode[] }
  | { kind: "scalar"; value: string | number | bigint | boolean | null; float?: true; unicodeFault?: string }
  | { kind: "datetime"; text: string }
) & {
  /** Where the value starts. */
  at: Position;
  /** Where it ends (just after it), where the reader says: a table made by headers has no one end. */
  end?: Position;
};

interface TreeEntry {
  key: string;
  /** The JSON reader's words for a key whose escapes write a lone surrogate (see `scalar.unicodeFault`). */
  unicodeFault?: string;
  /** Where the key stands (for a TOML table header, the header's segment naming it). */
  at: Position;
  /** Where the key ends (just after it, its quotes included). */
  keyEnd?: Position;
  value: TreeNode;
}

export type TreeTable = Extract<TreeNode, { kind: "table" }>;
