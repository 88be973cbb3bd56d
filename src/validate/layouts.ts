import { childPointer, pointerOf } from "../util/pointer";
import { documentShape } from "./generated";
import { structTargets, type Shape } from "./shape";
import type { Target } from "./targets";
import type { TableKind } from "./value";

/** A target's shape, and where its tables and lists stand, as pointers from its root. */
export interface Layout {
  /** The pointer to the target's root in a config document, to name fields as a config does. */
  root: string;
  shape: Shape;
  kind: TableKind;
  /** Its structs and tables, each after the one that holds it, with a struct's type name. */
  tables: Map<string, string | undefined>;
  lists: string[];
}

function layoutOf(shape: Shape, root: string, kind: TableKind, name?: string): Layout {
  const layout: Layout = { root, shape, kind, tables: new Map(), lists: [] };
  const visit = (fields: Shape, at: string, type: string | undefined) => {
    layout.tables.set(at, type);
    for (const [field, inner] of Object.entries(fields)) {
      if ("struct" in inner) visit(inner.struct, childPointer(at, field), inner.name);
      else if ("table" in inner) visit(inner.table, childPointer(at, field), undefined);
      else if (Array.isArray(inner.default)) layout.lists.push(childPointer(at, field));
    }
  };
  visit(shape, "", name);
  return layout;
}

/** Each target's layout, all read from the document's shape. */
export const layouts = {
  config: layoutOf(documentShape, "", "table"),
  ...Object.fromEntries(structTargets(documentShape).map(({ name, path, shape, type }) => [name, layoutOf(shape, pointerOf(path), "struct", type)])),
} as Record<Target, Layout>;
