import { commandHelp, parseCommand, suggestion, table, UsageError } from "./args";
import { COMMANDS } from "./commands";
import { PROGRAM_HELP } from "./help";
import { EXIT, processOutput, withOutputStatus, type Output } from "./io";
import { packageVersion } from "./package-data";
import { TRAINER_VERSIONS } from "../trainer";

const NAME = "burn-dragon-schema";

/** Runs the command line on `args` (without `node` and the script) and returns the exit status. */
export function main(args: readonly string[], output: Output = processOutput): number {
  return withOutputStatus(run(args, output));
}

function run(args: readonly string[], output: Output): number {
  const [first, ...rest] = args;
  try {
    if (first === "--version" || first === "-V") {
      output.out(`${NAME} ${packageVersion()}\nverdicts and messages of ${TRAINER_VERSIONS}\n`);
      return EXIT.valid;
    }
    if (first === "--help" || first === "-h" || first === "help") {
      output.out(programHelp());
      return EXIT.valid;
    }
    if (first === undefined) throw new UsageError(`name a command: ${COMMANDS.map((command) => command.name).join(", ")} (see --help)`);
    const command = COMMANDS.find((candidate) => candidate.name === first);
    if (command === undefined) {
      const known = COMMANDS.map((candidate) => candidate.name);
      throw new UsageError(`unknown command ${JSON.stringify(first)}${suggestion(first, known)}; the commands are ${known.join(", ")}`);
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      output.out(commandHelp(NAME, command));
      return EXIT.valid;
    }
    return command.run(parseCommand(command, rest), output);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`${NAME}: error: ${error.message}\n`);
    return EXIT.unusable;
  }
}

function programHelp(): string {
  const lines = [
    `Usage: ${NAME} <command> [options]`,
    "",
    "Check burn_dragon training config files ([model.quant] and [model.rho]) as the Rust code does.",
    "",
    "Commands:",
    ...table(COMMANDS.map((command) => [command.name, command.summary.split(". ")[0].replace(/\.$/, "")])),
    "",
    "Options:",
    ...table([
      ["-V, --version", "the version, and the trainer's whose verdicts it gives"],
      ["-h, --help", "show this help; <command> --help shows a command's"],
    ]),
  ];
  return `${lines.join("\n")}\n${PROGRAM_HELP}`;
}
