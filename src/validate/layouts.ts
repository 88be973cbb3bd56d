import { shapes, type Shape } from "./generated";
import type { Target } from "./targets";

/** Where each target holds structs (serde tables) and lists, as key paths from its root. */
export interface Layout {
  /** Where the target's root stands in a config document, to name fields as a config does. */
  root: string[];
  structs: string[][];
  lists: string[][];
}

function layoutOf(shape: Shape, at: string[], into: Omit<Layout, "root">): Omit<Layout, "root"> {
  into.structs.push(at);
  for (const [name, field] of Object.entries(shape)) {
    if ("struct" in field) layoutOf(field.struct, [...at, name], into);
    else if (Array.isArray(field.default)) into.lists.push([...at, name]);
  }
  return into;
}

const quant = layoutOf(shapes.quant, [], { structs: [], lists: [] });
const rho = layoutOf(shapes.rho, [], { structs: [], lists: [] });
const within = (prefix: string[], paths: string[][]) => paths.map((path) => [...prefix, ...path]);

export const layouts: Record<Target, Layout> = {
  quant: { root: ["model", "quant"], ...quant },
  rho: { root: ["model", "rho"], ...rho },
  config: {
    root: [],
    structs: [[], ["model"], ...within(["model", "quant"], quant.structs), ...within(["model", "rho"], rho.structs)],
    lists: [...within(["model", "quant"], quant.lists), ...within(["model", "rho"], rho.lists)],
  },
};
