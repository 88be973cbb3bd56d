import { Argument, Command, CommanderError, Option } from "commander";
import { reportConfig, type FileReport } from "./file-report";
import { writeResolved } from "./resolve";
import { EXIT, processOutput, type Output } from "./io";
import { writeJson } from "./json-report";
import { SCHEMA_FILES, STRUCT_TARGETS, type StructTarget } from "../validate/targets";
import { defaults, packageVersion, schemaText } from "./package-data";
import { PROGRAM_HELP, VALIDATE_HELP } from "./help";
import { writeText } from "./text-report";
import { CONFIG_FORMATS, type ConfigFormat } from "../text/read-document";
import { TRAINER_VERSIONS } from "../trainer";

const NAME = "burn-dragon-schema";

/** Runs the command line on `args` (without `node` and the script) and returns the exit status. */
export function main(args: readonly string[], output: Output = processOutput): number {
  let status: number = EXIT.valid;
  const usageError = (message: string) => {
    output.err(`${NAME}: error: ${message}\n`);
    status = EXIT.unusable;
  };
  const program = new Command(NAME)
    .description("Check burn_dragon training config files ([model.quant] and [model.rho]) as the Rust code does.")
    .version(`${NAME} ${packageVersion()}\nverdicts and messages of ${TRAINER_VERSIONS}`, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .showSuggestionAfterError(true)
    .addHelpText("after", PROGRAM_HELP);

  program
    .command("validate")
    .description(
      "check config files (.toml, .json, .yaml, .yml), each on its own, or the files of --config merged into one; exit 0 if all are valid, 1 if some is invalid, 2 if some cannot be checked",
    )
    .argument("[files...]", "config files, each checked on its own; - reads standard input")
    .option("-c, --config <file>", "a file of one config merged left to right, as the trainer's repeated --config (repeat it)", collect, [])
    .option("--strict", "unknown keys in quant, rho and saved_activations, and mistyped section names, are errors, not warnings")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--no-extends", "do not resolve `extends`")
    .addOption(new Option("--syntax <syntax>", "syntax of standard input and of files without a known extension").choices(CONFIG_FORMATS))
    .addHelpText("after", VALIDATE_HELP)
    .action((files: string[], options: { config: string[]; strict?: boolean; format: "text" | "json"; extends: boolean; syntax?: ConfigFormat }) => {
      const configs = [...files.map((file) => [file]), ...(options.config.length > 0 ? [options.config] : [])];
      if (configs.length === 0) return usageError("validate: name config files, or --config files to merge");
      const reportOptions = { strict: options.strict === true, extends: options.extends, syntax: options.syntax };
      const reports = configs.map((config) => reportConfig(config, reportOptions));
      (options.format === "json" ? writeJson : writeText)(reports, output);
      status = exitStatus(reports);
    });

  program
    .command("resolve")
    .description("print the config the trainer sees once `extends` and --config files are merged, as JSON")
    .argument("[file]", "a config file")
    .option("-c, --config <file>", "a file of the config, merged left to right (repeat it)", collect, [])
    .option("--origins", "instead, print FILE:LINE:COL: name = value for every value: where it was set")
    .action((file: string | undefined, options: { config: string[]; origins?: boolean }) => {
      const files = [...(file === undefined ? [] : [file]), ...options.config];
      if (files.length === 0) return usageError("resolve: name a config file, or --config files to merge");
      status = writeResolved(files, options.origins === true, output);
    });

  program
    .command("schema")
    .description("print a published JSON Schema document")
    .addArgument(new Argument("[which]", "which schema").choices(Object.keys(SCHEMA_FILES)).default("config"))
    .action((which: keyof typeof SCHEMA_FILES) => output.out(schemaText(which)));

  program
    .command("defaults")
    .description("print the default settings, as Rust's Default gives them")
    .addArgument(new Argument("[which]", `${STRUCT_TARGETS.join(" or ")} (both when omitted)`).choices(STRUCT_TARGETS))
    .action((which?: StructTarget) => {
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

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function exitStatus(reports: FileReport[]): number {
  if (reports.some((report) => report.status === "unreadable")) return EXIT.unusable;
  if (reports.some((report) => report.status === "invalid")) return EXIT.invalid;
  return EXIT.valid;
}
