import type { Random } from "../random-config";

type Table = Record<string, unknown>;

const DATETIMES = ["1979-05-27T07:32:00Z", "1979-05-27", "07:32:00", "1979-05-27 07:32:00.5", "07:32", "1979-05-27T07:32Z"];

const isTable = (value: unknown): value is Table =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const key = (name: string) => (/^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name));

function scalar(value: unknown): string {
  // TOML 1.1 writes ESC as `\e`.
  if (typeof value === "string") return JSON.stringify(value).replace(/\\u001b/g, "\\e");
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return '"null"';
}

/** `spread`: an inline table over several lines with a trailing comma, as TOML 1.1 allows. */
function inline(value: unknown, spread = false): string {
  if (Array.isArray(value)) return `[${value.map((item) => inline(item, spread)).join(", ")}]`;
  if (isTable(value)) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${key(k)} = ${inline(v, spread)}`);
    if (spread && entries.length > 0) return `{\n  ${entries.join(",\n  ")},\n}`;
    return `{ ${entries.join(", ")} }`;
  }
  return scalar(value);
}

interface Section {
  header: string | null;
  lines: string[];
}

/**
 * A document as a TOML file written in one of the ways people write them: tables as
 * headers (in any order), inline tables or dotted keys; then, now and then, a key set
 * twice, a table header repeated, a datetime where a field is, comments; TOML 1.1's forms
 * (inline tables over several lines, `\e`, times without seconds) now and then.
 */
export function renderToml(document: Table, rng: Random): string {
  const root: Section = { header: null, lines: [] };
  const sections: Section[] = [];

  function emit(table: Table, path: string[], section: Section, prefix: string): void {
    for (const [name, value] of Object.entries(table)) {
      if (value === null) continue;
      if (isTable(value)) {
        const style = rng.pick(["header", "header", "inline", "dotted"]);
        if (style === "header" && prefix === "") {
          const child: Section = { header: `[${[...path, name].map(key).join(".")}]`, lines: [] };
          sections.push(child);
          emit(value, [...path, name], child, "");
        } else if (style === "dotted") {
          emit(value, path, section, `${prefix}${key(name)}.`);
        } else {
          section.lines.push(`${prefix}${key(name)} = ${inline(value, rng.chance(0.1))}`);
        }
      } else {
        section.lines.push(`${prefix}${key(name)} = ${inline(value)}`);
      }
    }
  }

  emit(document, [], root, "");
  if (rng.chance(0.3)) rng.shuffle(sections);
  mutate([root, ...sections], sections, rng);
  return [root, ...sections]
    .map((section) => [section.header, ...section.lines].filter((line) => line !== null).join("\n"))
    .join("\n\n")
    .concat("\n");
}

function mutate(all: Section[], headed: Section[], rng: Random): void {
  const withLines = all.filter((section) => section.lines.length > 0);
  if (withLines.length > 0 && rng.chance(0.15)) {
    const section = rng.pick(withLines);
    const line = rng.pick(section.lines);
    const again = rng.chance(0.5) ? line : line.replace(/=.*$/, `= ${rng.pick(['"none"', "true", '"int8"', "1"])}`);
    section.lines.splice(Math.floor(rng.next() * (section.lines.length + 1)), 0, again);
  }
  if (headed.length > 0 && rng.chance(0.05)) {
    const section = rng.pick(headed);
    headed.push({ header: section.header, lines: section.lines.slice(0, 1) });
    all.push(headed[headed.length - 1]);
  }
  if (withLines.length > 0 && rng.chance(0.05)) {
    const section = rng.pick(withLines);
    const i = Math.floor(rng.next() * section.lines.length);
    section.lines[i] = section.lines[i].replace(/=.*$/, `= ${rng.pick(DATETIMES)}`);
  }
  if (withLines.length > 0 && rng.chance(0.05)) rng.pick(withLines).lines.push(`note = ${scalar("esc \u001b")}`);
  if (withLines.length > 0 && rng.chance(0.1)) {
    const section = rng.pick(withLines);
    section.lines.unshift("# a comment = not a key");
    section.lines[section.lines.length - 1] += "  # trailing comment";
  }
}
