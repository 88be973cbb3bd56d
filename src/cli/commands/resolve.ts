import { UsageError } from "../args";
import type { Command } from "./command";
import { writeResolved } from "./resolve-files";

export const resolve: Command = {
  name: "resolve",
  summary: "Print the config the trainer sees once `extends` and --config files are merged, as JSON.",
  positional: { name: "file", description: "a config file" },
  options: {
    config: { type: "string", short: "c", multiple: true, value: "file", description: "a file of the config, merged left to right (repeat it)" },
    origins: { type: "boolean", description: "instead, print FILE:LINE:COL: name = value for every value: where it was set" },
  },
  run({ values, positionals }, output) {
    const files = [...positionals, ...((values.config as string[] | undefined) ?? [])];
    if (files.length === 0) throw new UsageError("resolve: name a config file, or --config files to merge");
    return writeResolved(files, values.origins === true, output);
  },
};
