import { spawnSync } from "node:child_process";

/** The interpreter the Python tests run: Debian's, or BURN_DRAGON_PYTHON. */
export const PYTHON = process.env.BURN_DRAGON_PYTHON ?? "/usr/bin/python3";

/** Why `PYTHON` cannot import `modules`, or null when it can. */
export function pythonUnavailable(modules: string[]): string | null {
  const probe = spawnSync(PYTHON, ["-c", `import ${modules.join(", ")}`], { encoding: "utf8" });
  if (probe.error) return `${PYTHON} cannot run (${probe.error.message})`;
  if (probe.status !== 0) return `${PYTHON} cannot import ${modules.join(", ")}: ${probe.stderr.trim().split("\n").pop()}`;
  return null;
}
