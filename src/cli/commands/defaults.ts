import { STRUCT_TARGETS, type StructTarget } from "../../validate/targets";
import { EXIT } from "../io";
import { defaults as structDefaults } from "../package-data";
import type { Command } from "./command";

export const defaults: Command = {
  name: "defaults",
  summary: "Print the default settings, as Rust's Default gives them.",
  positional: { name: "which", description: `${STRUCT_TARGETS.join(" or ")}; both when omitted`, choices: STRUCT_TARGETS },
  options: {},
  run({ positionals }, output) {
    const all = structDefaults();
    const which = positionals[0] as StructTarget | undefined;
    output.out(`${JSON.stringify(which ? all[which] : all, null, 2)}\n`);
    return EXIT.valid;
  },
};
