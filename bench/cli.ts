import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT } from "./paths";

/**
 * The command line as a user meets it: whole processes, each pair of commands run one after
 * the other, and a ratio the median of the pairs' ratios, so that a shared machine's drift in
 * speed falls on both sides of each pair alike.
 */
const PAIRS = Number(process.env.BENCH_CLI_PAIRS ?? 31);
const WARM_UP = 3;
const BIN = path.join(ROOT, "bin/burn-dragon-schema.js");
/** A config of about 1 KB, as the bound is stated for. */
const EXAMPLE = path.join(ROOT, "examples/bitnet.toml");
const MANY = 100;

export interface CliStartup {
  /** Median wall times, in milliseconds. */
  nodeMs: number;
  oneFileMs: number;
  manyFilesMs: number;
  /** One `validate` of the small file, over a bare `node -e 0`. */
  oneFileVsNode: number;
  /** One `validate` of 100 such files, over one of a single file. */
  manyFilesVsOne: number;
}

function wallMs(args: readonly string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd, stdio: "ignore" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}`);
  return ms;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

export function cliStartup(): CliStartup {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "burn-dragon-bench-cli-"));
  try {
    const files = Array.from({ length: MANY }, (_, i) => {
      const file = `config-${i}.toml`;
      fs.copyFileSync(EXAMPLE, path.join(dir, file));
      return file;
    });
    const bare = ["-e", "0"];
    const one = [BIN, "validate", files[0]];
    const many = [BIN, "validate", ...files];
    const times = { bare: [] as number[], one: [] as number[], many: [] as number[] };
    const pairs = { oneVsBare: [] as number[], manyVsOne: [] as number[] };
    for (let i = 0; i < WARM_UP + PAIRS; i++) {
      const [b, o, m] = [wallMs(bare, dir), wallMs(one, dir), wallMs(many, dir)];
      if (i < WARM_UP) continue;
      times.bare.push(b);
      times.one.push(o);
      times.many.push(m);
      pairs.oneVsBare.push(o / b);
      pairs.manyVsOne.push(m / o);
    }
    return {
      nodeMs: median(times.bare),
      oneFileMs: median(times.one),
      manyFilesMs: median(times.many),
      oneFileVsNode: median(pairs.oneVsBare),
      manyFilesVsOne: median(pairs.manyVsOne),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
