import { Bench } from "tinybench";
import type { Verdict } from "./corpora";

export interface Task {
  name: string;
  validate: (input: unknown) => Verdict | object;
  inputs: readonly unknown[];
}

/** Each task's speed (inputs per second), one sample per round. */
export type Samples = ReadonlyMap<string, readonly number[]>;

/** Folds each answer into a number the benchmark prints, so no call can be optimized away. */
let sink = 0;

/**
 * One pass over a task's corpus, compiled for that task alone: its call site sees one
 * validator, as a caller's does. Passes made from one shared closure would share V8's
 * feedback, so every validator would be called from one megamorphic site and inlined nowhere.
 */
function passOf(task: Task): () => void {
  const make = new Function(
    "validate",
    "inputs",
    "fold",
    `return function pass() {
      let folded = 0;
      for (let i = 0; i < inputs.length; i++) {
        const answer = validate(inputs[i]);
        folded = (folded + (typeof answer === "string" ? answer.length : 1)) | 0;
      }
      fold(folded);
    };`,
  ) as (validate: Task["validate"], inputs: Task["inputs"], fold: (folded: number) => void) => () => void;
  return make(task.validate, task.inputs, (folded) => {
    sink = (sink + folded) | 0;
  });
}

/**
 * Each task's speed, round by round. The tasks of a group, the ones whose speeds are
 * compared, take turns within every round (in an order rotated from round to round), after a
 * warm-up run of the whole group: each round's ratios come from samples taken within a
 * second or two of each other, so the drift of a shared machine's speed cancels out of them.
 */
export async function measure(groups: readonly (readonly Task[])[], rounds: number, timeMs: number): Promise<Samples> {
  const samples = new Map<string, number[]>();
  for (const group of groups) {
    const passes = group.map((task) => ({ task, pass: passOf(task) }));
    for (const { task } of passes) samples.set(task.name, []);
    await runRound(passes, WARM_UP_ROUNDS * timeMs);
    for (let round = 0; round < rounds; round++) {
      const order = passes.map((_, i) => passes[(i + round) % passes.length]);
      const speeds = await runRound(order, timeMs);
      for (const [name, speed] of speeds) samples.get(name)!.push(speed);
    }
  }
  return samples;
}

/** The warm-up's length, in rounds: V8 takes a second or more to settle on its code for some of the validators. */
const WARM_UP_ROUNDS = 6;

async function runRound(passes: readonly { task: Task; pass: () => void }[], timeMs: number): Promise<Map<string, number>> {
  // Time alone sets a round's length: tinybench's default of at least 64 samples would
  // stretch the rounds of the slowest references several times over.
  const bench = new Bench({ time: timeMs, warmupTime: timeMs / 4, iterations: 1, warmupIterations: 1 });
  for (const { task, pass } of passes) bench.add(task.name, pass);
  await bench.run();
  const speeds = new Map<string, number>();
  for (const { task } of passes) {
    const result = bench.getTask(task.name)?.result;
    if (!result || !("latency" in result)) throw new Error(`${task.name} did not run: ${JSON.stringify(result)}`);
    speeds.set(task.name, (task.inputs.length * 1000) / result.latency.p50!);
  }
  return speeds;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function samplesOf(samples: Samples, name: string): readonly number[] {
  const found = samples.get(name);
  if (!found) throw new Error(`no samples of ${name}`);
  return found;
}

/** A task's speed: the median of its rounds. */
export function speedOf(samples: Samples, name: string): number {
  return median(samplesOf(samples, name));
}

/** How many times faster `a` is than `b`: the median of the ratios of the rounds, each taken within one round. */
export function ratioOf(samples: Samples, a: string, b: string): number {
  const of = samplesOf(samples, b);
  return median(samplesOf(samples, a).map((speed, round) => speed / of[round]));
}

export function checksum(): number {
  return sink;
}
