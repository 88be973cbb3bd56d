import { MarkupKind, type Hover } from "vscode-languageserver-types";
import type { Position } from "../text/parse/position";
import { isWithin } from "../util/pointer";
import { isTable } from "../util/tables";
import { fieldName } from "../validate/serde-words";
import { keyAt } from "./at-cursor";
import { settingsOf, setterOf, type Setting } from "./chain";
import { viewsReaching, type ConfigView } from "./config-view";
import { basesAt, EXTENDS } from "./extends-entries";
import { fieldDocAt, type FieldDoc } from "./field-docs";
import { lspRange, nameFrom, placeName } from "./places";
import { shown } from "./shown";

/**
 * What an editor shows over a key or value of `file`: what the schema says of the field (its
 * description, type, default and values); the value the config `file` heads holds there, and
 * the file, line and column that set it; the files it overrides; and where an open config that
 * extends `file` holds another value, that one. Over an `extends` entry: the file it resolves to.
 */
export function hoverAt(file: string, at: Position, views: ReadonlyMap<string, ConfigView>): Hover | undefined {
  const view = views.get(file);
  const loaded = view?.files.get(file);
  if (view === undefined || loaded === undefined || !(view.isConfig || viewsReaching(file, views).length > 0)) return undefined;
  const cursor = keyAt(loaded, at);
  if (cursor === undefined) return undefined;
  const range = lspRange(cursor.range, cursor.range.start);
  if (isWithin(cursor.pointer, EXTENDS)) {
    const bases = basesAt(view, file, cursor.pointer);
    if (bases.length === 0) return undefined;
    const lines = bases.map((base) => (base.real ? `\`${base.real}\`${views.has(base.real) ? " (open in the editor)" : ""}` : `cannot be followed: ${base.problem}`));
    return markdown([`**extends** ${lines.length === 1 ? "resolves to" : "resolve to"}`, "", ...lines.map((line) => (lines.length === 1 ? line : `- ${line}`))], range);
  }
  const sections: string[][] = [];
  const doc = fieldDocAt(cursor.pointer);
  if (doc) sections.push(fieldSection(doc));
  else sections.push([`**${fieldName(cursor.pointer)}**`]);
  sections.push(originSection(view, file, cursor.pointer));
  for (const child of viewsReaching(file, views)) {
    const setter = setterOf(child, cursor.pointer);
    if (setter && setter.file !== file) {
      sections.push([`In the config of ${nameFrom(file, child.head)}: \`${shown(setter.value)}\`, set at ${where(file, setter)}`]);
    }
  }
  return markdown(sections.filter((section) => section.length > 0).flatMap((section, i) => (i === 0 ? section : ["", ...section])), range);
}

function fieldSection(doc: FieldDoc): string[] {
  const lines = [`**${doc.name}**: ${doc.type}`];
  if (doc.description) lines.push("", doc.description);
  if (Object.hasOwn(doc, "default")) lines.push("", `Default: \`${shown(doc.default)}\``);
  if (doc.values) lines.push("", "Values:", ...doc.values.map(({ value, description }) => `- \`${shown(value)}\`${description ? `: ${description}` : ""}`));
  return lines;
}

/** The value the config holds, where it was set, and what it overrides; for a table, the files that write it. */
function originSection(view: ConfigView, file: string, pointer: string): string[] {
  const setter = setterOf(view, pointer);
  if (setter === undefined) return [];
  const settings = settingsOf(view, pointer);
  if (isTable(setter.value)) return [`Written in ${settings.map((setting) => where(file, setting)).join(", ")}`];
  const lines = [`Here: \`${shown(setter.value)}\`, set at ${where(file, setter)}`];
  const overridden = settings.filter((setting) => setting.file !== setter.file);
  if (overridden.length > 0) lines.push(`Overrides ${overridden.map((setting) => `\`${shown(setting.value)}\` at ${where(file, setting)}`).join(", ")}`);
  return lines;
}

function where(from: string, setting: Setting): string {
  return `\`${placeName(from, setting.file, setting.at)}\``;
}

function markdown(lines: string[], range: Hover["range"]): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: lines.join("\n") }, ...(range ? { range } : {}) };
}
