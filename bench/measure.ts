import { Bench } from "tinybench";
import type { Verdict } from "./corpora";

export interface Task {
  name: string;
  validate: (input: unknown) => Verdict | object;
  inputs: readonly unknown[];
}

/** Folds each answer into a number the benchmark prints, so no call can be optimized away. */
let sink = 0;

function pass(task: Task): () => void {
  const { validate, inputs } = task;
  return () => {
    for (let i = 0; i < inputs.length; i++) {
      const answer = validate(inputs[i]);
      sink = (sink + (typeof answer === "string" ? answer.length : 1)) | 0;
    }
  };
}

/**
 * Validations per second of each task, one task = one pass over its corpus. Every round
 * runs all tasks in turn; the best round counts, which damps noise from other processes.
 */
export async function measure(tasks: readonly Task[], rounds: number, timeMs: number): Promise<Map<string, number>> {
  const best = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: timeMs, warmupTime: timeMs / 4 });
    for (const task of tasks) bench.add(task.name, pass(task));
    await bench.run();
    for (const task of tasks) {
      const result = bench.getTask(task.name)?.result;
      if (!result || !("latency" in result)) throw new Error(`${task.name} did not run: ${JSON.stringify(result)}`);
      const opsPerSecond = (task.inputs.length * 1000) / result.latency.p50!;
      best.set(task.name, Math.max(best.get(task.name) ?? 0, opsPerSecond));
    }
  }
  return best;
}

export function checksum(): number {
  return sink;
}
