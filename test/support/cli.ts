import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { tempDir } from "./temp-dir";
import { PROJECT } from "./project";

const BIN = path.join(PROJECT, "bin/burn-dragon-schema.js");

/** A heap this size checks any file up to the size limit; a run that needs more has lost its bound on memory. */
const HEAP_MB = 256;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The command that runs the command line on `args`, with the bounded heap. */
export function cliCommand(args: readonly string[]): string[] {
  return [process.execPath, `--max-old-space-size=${HEAP_MB}`, BIN, ...args];
}

/**
 * The command line as a user runs it: a child process, from `cwd` (the project by default),
 * started through `wrapper` (a command and its arguments) when one is given.
 */
export function cli(args: readonly string[], cwd: string = PROJECT, wrapper: readonly string[] = []): Run {
  return spawnCli(args, { cwd }, wrapper);
}

/** The command line with `input` piped to its standard input. */
export function cliWithInput(args: readonly string[], input: string | Buffer, cwd: string = PROJECT): Run {
  return spawnCli(args, { cwd, input });
}

function spawnCli(args: readonly string[], options: { cwd: string; input?: string | Buffer }, wrapper: readonly string[] = []): Run {
  const command = [...wrapper, ...cliCommand(args)];
  const run = spawnSync(command[0], command.slice(1), {
    ...options,
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The lines of an output, without the final newline. */
export function lines(text: string): string[] {
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
}

/** Whatever went wrong, a user never sees a stack trace. */
export const STACK_TRACE = /^\s+at .+\(?.*:\d+:\d+\)?$|node:internal|Error: .*\n\s+at /m;

/**
 * The lines of a text report that tools read: each issue's heading and the summary, without
 * the indented lines under a heading (its code frame and notes) that are there for people.
 */
export function headings(text: string): string[] {
  return lines(text).filter((line) => !/^\s/.test(line));
}

/** The modules a run of the command line from `cwd` loaded from disk, relative to the project: the bundle reads the rest from itself. */
export function modulesLoaded(args: readonly string[], cwd: string = PROJECT): string[] {
  const hook = tempDir({ "hook.js": 'process.on("exit", () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));\n' });
  const run = spawnSync(process.execPath, ["-r", path.join(hook, "hook.js"), BIN, ...args], { cwd, encoding: "utf8" });
  return (JSON.parse(run.stderr) as string[]).map((file) => path.relative(PROJECT, file));
}

/**
 * Root reads any file, whatever its mode: as root, the command runs as root still (so it can
 * reach the checkout and node wherever they are) but without the capabilities that bypass
 * file permissions, which is what a user without read permission is. The wrapper of `cli`
 * that runs it so; none for a user.
 */
export const AS_A_USER: string[] | undefined =
  process.getuid?.() === 0 ? ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"] : undefined;
