import { spawnSync } from "node:child_process";

/**
 * A fresh `node` process that loads a module and validates one document, as a CLI or a
 * serverless handler does. Wall time is the whole process (node's own start included, the
 * target's measure); "load + first call" is timed inside the process around `require` and
 * the call, the part the module itself costs.
 */
export interface ColdStart {
  wallMs: number;
  loadAndCallMs: number;
}

const RUNS = 21;

function once(entry: string, fn: string, input: unknown): ColdStart {
  const script = [
    "const t0 = process.hrtime.bigint();",
    `const result = require(${JSON.stringify(entry)})[${JSON.stringify(fn)}](${JSON.stringify(input)});`,
    "const t1 = process.hrtime.bigint();",
    "if (typeof result !== 'object') process.exit(3);",
    "process.stdout.write(String(Number(t1 - t0) / 1e6));",
  ].join("\n");
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`cold start of ${entry} failed: ${run.stderr}`);
  return { wallMs, loadAndCallMs: Number(run.stdout) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Medians over alternating runs, so that machine load drifts over both sides alike. */
export function coldStarts(subjects: Record<string, { entry: string; fn: string; input: unknown }>): Record<string, ColdStart> {
  const samples: Record<string, ColdStart[]> = {};
  for (let i = 0; i < RUNS; i++) {
    for (const [name, { entry, fn, input }] of Object.entries(subjects)) {
      (samples[name] ??= []).push(once(entry, fn, input));
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, runs]) => [
      name,
      { wallMs: median(runs.map((r) => r.wallMs)), loadAndCallMs: median(runs.map((r) => r.loadAndCallMs)) },
    ]),
  );
}
