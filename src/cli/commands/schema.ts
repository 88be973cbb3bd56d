import { SCHEMA_FILES } from "../../validate/targets";
import { EXIT } from "../io";
import { schemaText } from "../package-data";
import type { Command } from "./command";

export const schema: Command = {
  name: "schema",
  summary: "Print a published JSON Schema document.",
  positional: { name: "which", description: "which schema; config when omitted", choices: Object.keys(SCHEMA_FILES) },
  options: {},
  run({ positionals }, output) {
    output.out(schemaText((positionals[0] ?? "config") as keyof typeof SCHEMA_FILES));
    return EXIT.valid;
  },
};
