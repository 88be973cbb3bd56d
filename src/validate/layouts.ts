import { childPointer, pointerOf } from "../util/pointer";
import { documentShape } from "./generated";
import { structTargets, type Shape } from "./shape";
import type { Target } from "./targets";

/** Where a target's tables and lists stand, as pointers from its root; and where the root stands in a document. */
interface Layout {
  /** The pointer to the target's root in a config document, to name fields as a config does. */
  root: string;
  /** Its structs and tables, each after the one that holds it. */
  structs: string[];
  lists: string[];
}

function layoutOf(shape: Shape, root: string): Layout {
  const layout: Layout = { root, structs: [], lists: [] };
  const visit = (fields: Shape, at: string) => {
    layout.structs.push(at);
    for (const [name, field] of Object.entries(fields)) {
      if ("struct" in field) visit(field.struct, childPointer(at, name));
      else if ("table" in field) visit(field.table, childPointer(at, name));
      else if (Array.isArray(field.default)) layout.lists.push(childPointer(at, name));
    }
  };
  visit(shape, "");
  return layout;
}

/** Each target's layout, all read from the document's shape. */
export const layouts = {
  config: layoutOf(documentShape, ""),
  ...Object.fromEntries(structTargets(documentShape).map(({ name, path, shape }) => [name, layoutOf(shape, pointerOf(path))])),
} as Record<Target, Layout>;
