/** Markdown tables, so a run's printout can go into bench/RESULTS.md as it is. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function ops(value: number): string {
  return value >= 1e6 ? `${(value / 1e6).toFixed(2)} M/s` : `${(value / 1e3).toFixed(0)} k/s`;
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}

const BOUNDS = {
  "≥": (value: number, bound: number) => value >= bound,
  "≤": (value: number, bound: number) => value <= bound,
  ">": (value: number, bound: number) => value > bound,
};

/** A target line: the measured ratio (or, with `unit`, the measure), the bound, and whether it is met. */
export function verdict(name: string, value: number, relation: keyof typeof BOUNDS, bound: number, unit = "×"): string[] {
  const shown = (n: number) => `${n.toFixed(2)}${unit === "×" ? "×" : ` ${unit}`}`;
  return [name, shown(value), `${relation} ${shown(bound)}`, BOUNDS[relation](value, bound) ? "PASS" : "FAIL"];
}
