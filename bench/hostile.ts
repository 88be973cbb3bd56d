import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { HOSTILE_FILES } from "../test/support/hostile-files";
import { ROOT } from "./paths";
import { ratio, table, verdict } from "./report";

/**
 * The hostile files of test/support/hostile-files.ts through the command line, each in a fresh
 * process with the tests' 256 MB heap, beside a small valid config (what starting the
 * command costs): wall time and the process's peak resident memory.
 */
const HEAP_MB = 256;
const RUNS = 5;
const BIN = path.join(ROOT, "bin/burn-dragon-schema.js");
/** The command line, as bin/ runs it, with the peak resident memory written to fd 3 at exit. */
const SCRIPT = [
  `process.argv.splice(1, 0, ${JSON.stringify(BIN)});`,
  'process.on("exit", () => require("node:fs").writeSync(3, String(process.resourceUsage().maxRSS)));',
  `require(${JSON.stringify(BIN)});`,
].join("\n");

interface Run {
  ms: number;
  rssMb: number;
  status: number | null;
}

function once(dir: string, file: string): Run {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "-e", SCRIPT, "validate", file], {
    cwd: dir,
    stdio: ["ignore", "ignore", "ignore", "pipe"],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, rssMb: Number(String(run.output[3] ?? "0")) / 1024, status: run.status };
}

/** Medians over alternating runs, so that machine load drifts over every file alike. */
function measureFiles(dir: string, files: readonly string[]): Map<string, Run> {
  const samples = new Map<string, Run[]>(files.map((file) => [file, []]));
  for (let i = 0; i < RUNS; i++) for (const file of files) samples.get(file)!.push(once(dir, file));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return new Map(
    [...samples].map(([file, runs]) => [
      file,
      { ms: median(runs.map((r) => r.ms)), rssMb: Math.max(...runs.map((r) => r.rssMb)), status: runs[0].status },
    ]),
  );
}

export function hostileFiles(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "burn-dragon-bench-"));
  try {
    const small = "small.toml";
    fs.copyFileSync(path.join(ROOT, "examples/bitnet.toml"), path.join(dir, small));
    for (const row of HOSTILE_FILES) {
      fs.writeFileSync(path.join(dir, row.file), row.text());
      for (const [name, text] of Object.entries(row.beside ?? {})) fs.writeFileSync(path.join(dir, name), text());
    }
    const runs = measureFiles(dir, [small, ...HOSTILE_FILES.map((row) => row.file)]);
    const base = runs.get(small)!;
    console.log(`\n## Hostile files (command line, ${HEAP_MB} MB heap; median wall time of ${RUNS} runs, peak resident memory)\n`);
    const rows = [{ name: "a small valid config (examples/bitnet.toml)", file: small, status: 0 }, ...HOSTILE_FILES].map((row) => {
      const run = runs.get(row.file)!;
      const size = fs.statSync(path.join(dir, row.file)).size;
      const status = run.status === row.status ? String(run.status) : `${run.status} (expected ${row.status})`;
      return [row.name, `${(size / 1024).toFixed(1)} KB`, status, `${run.ms.toFixed(0)} ms`, ratio(run.ms / base.ms), `${run.rssMb.toFixed(0)} MB`];
    });
    console.log(table(["file", "size", "exit", "wall", "× small config", "peak RSS"], rows));
    console.log("\n## Hostile file targets\n");
    const targets = HOSTILE_FILES.flatMap((row) => {
      const run = runs.get(row.file)!;
      return [
        verdict(`${row.file}: wall time vs a small config`, run.ms / base.ms, "≤", 5),
        verdict(`${row.file}: peak RSS vs the small config's + the heap bound`, run.rssMb / (base.rssMb + HEAP_MB), "≤", 1),
      ];
    });
    console.log(table(["target", "measured", "bound", ""], targets));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
