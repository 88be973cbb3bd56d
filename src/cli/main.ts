import { Argument, Command, CommanderError, Option } from "commander";
import { reportFile, type FileReport } from "./file-report";
import { EXIT, processOutput, type Output } from "./io";
import { writeJson } from "./json-report";
import { SCHEMA_FILES } from "../schema-files";
import { defaults, packageVersion, schemaText } from "./published";
import { writeText } from "./text-report";

const NAME = "burn-dragon-schema";

/** Runs the command line on `args` (without `node` and the script) and returns the exit status. */
export function main(args: readonly string[], output: Output = processOutput): number {
  let status: number = EXIT.valid;
  const program = new Command(NAME)
    .description("Check burn_dragon training config files ([model.quant] and [model.rho]) as the Rust code does.")
    .version(packageVersion(), "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .showSuggestionAfterError(true);

  program
    .command("validate")
    .description("check config files (.toml, .json, .yaml, .yml); exit 0 if all are valid, 1 if some is invalid, 2 if some cannot be checked")
    .argument("<files...>", "config files")
    .option("--strict", "unknown keys in quant, rho and saved_activations are errors, not warnings")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--no-extends", "do not resolve `extends = [...]` chains")
    .action((files: string[], options: { strict?: boolean; format: "text" | "json"; extends: boolean }) => {
      const reports = files.map((file) => reportFile(file, { strict: options.strict === true, extends: options.extends }));
      (options.format === "json" ? writeJson : writeText)(reports, output);
      status = exitStatus(reports);
    });

  program
    .command("schema")
    .description("print a published JSON Schema document")
    .addArgument(new Argument("[which]", "which schema").choices(Object.keys(SCHEMA_FILES)).default("config"))
    .action((which: keyof typeof SCHEMA_FILES) => output.out(schemaText(which)));

  program
    .command("defaults")
    .description("print the default settings, as Rust's Default gives them")
    .addArgument(new Argument("[which]", "quant or rho (both when omitted)").choices(["quant", "rho"]))
    .action((which?: "quant" | "rho") => {
      const all = defaults();
      output.out(`${JSON.stringify(which ? all[which] : all, null, 2)}\n`);
    });

  try {
    program.parse([...args], { from: "user" });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.valid : EXIT.unusable;
    output.err(`${NAME}: error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.unusable;
  }
}

function exitStatus(reports: FileReport[]): number {
  if (reports.some((report) => report.status === "unreadable")) return EXIT.unusable;
  if (reports.some((report) => report.status === "invalid")) return EXIT.invalid;
  return EXIT.valid;
}
