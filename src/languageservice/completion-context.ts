import { getLocation } from "jsonc-parser";
import type { ConfigFormat } from "../text/read-document";
import { LineIndex, type Position } from "../text/parse/position";

/** What is being typed at the cursor, read from the text alone: a text mid-typing is seldom well-formed. */
export interface CompletionContext {
  /** A key of the table at `table`; a value of the key at `table` + `key`; a table's name in a TOML header. */
  kind: "key" | "value" | "section";
  table: string[];
  key?: string[];
  /** Where the typed part starts: a completion replaces from there to the cursor. */
  from: Position;
  /** The quote the typed value opened, and whether one already closes it after the cursor. */
  quote?: string;
  closed?: boolean;
}

/** The context of the cursor in a text of `format`, if it is on a key or a value. */
export function completionContext(text: string, format: ConfigFormat, at: Position): CompletionContext | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines[at.line - 1];
  if (line === undefined) return undefined;
  if (format === "json") return jsonContext(text, at);
  const prefix = line.slice(0, at.column - 1);
  const after = line.slice(at.column - 1);
  return format === "toml" ? tomlContext(lines, prefix, after, at) : yamlContext(lines, prefix, after, at);
}

const KEY = String.raw`(?:[\w-]+|"[^"\r\n]*"|'[^'\r\n]*')`;
const DOTTED = String.raw`${KEY}(?:[ \t]*\.[ \t]*${KEY})*`;
const TOML_HEADER = new RegExp(String.raw`^\s*\[\[?\s*(${DOTTED})\s*\]\]?`);
const TOML_HEADER_TYPED = new RegExp(String.raw`^\s*\[\[?\s*((?:${KEY}[ \t]*\.[ \t]*)*)([\w-]*)$`);
const TOML_VALUE = new RegExp(String.raw`^\s*(${DOTTED})[ \t]*=[ \t]*(\[(?:[^\]]*,)?[ \t]*)?(["']?)([\w-]*)$`);
const TOML_KEY = new RegExp(String.raw`^\s*((?:${KEY}[ \t]*\.[ \t]*)*)([\w-]*)$`);

function tomlContext(lines: string[], prefix: string, after: string, at: Position): CompletionContext | undefined {
  const from = (typed: string) => ({ line: at.line, column: at.column - typed.length });
  const header = TOML_HEADER_TYPED.exec(prefix);
  if (header) return { kind: "section", table: dotted(header[1]), from: from(header[2]) };
  const table = tableAbove(lines, at.line - 1);
  const value = TOML_VALUE.exec(prefix);
  if (value) {
    const key = dotted(value[1]);
    return { kind: "value", table, key: value[2] === undefined ? key : [...key, "0"], from: from(value[4]), ...quoted(value[3], after) };
  }
  const key = TOML_KEY.exec(prefix);
  if (key) return { kind: "key", table: [...table, ...dotted(key[1])], from: from(key[2]) };
  return undefined;
}

/** The table the last header above line `index` (0-based) opens; the document's root before any. */
function tableAbove(lines: string[], index: number): string[] {
  for (let i = index - 1; i >= 0; i--) {
    const header = TOML_HEADER.exec(lines[i]);
    if (header) return dotted(header[1]);
  }
  return [];
}

/** The keys of a dotted key, unquoted. */
function dotted(text: string): string[] {
  return [...text.matchAll(new RegExp(KEY, "g"))].map(([key]) => (/^["']/.test(key) ? key.slice(1, -1) : key));
}

function quoted(quote: string, after: string): Pick<CompletionContext, "quote" | "closed"> {
  return quote === "" ? {} : { quote, closed: after.startsWith(quote) };
}

const YAML_MAPPING_KEY = /^(\s*)(?:-\s+)?([\w-]+):\s*(?:#.*)?$/;
const YAML_VALUE = /^(\s*)(?:-\s+)?([\w-]+):\s+(["']?)([\w-]*)$/;
const YAML_ITEM = /^(\s*)-\s+(["']?)([\w-]*)$/;
const YAML_KEY = /^(\s*)(?:-\s+)?([\w-]*)$/;

function yamlContext(lines: string[], prefix: string, after: string, at: Position): CompletionContext | undefined {
  const from = (typed: string) => ({ line: at.line, column: at.column - typed.length });
  const value = YAML_VALUE.exec(prefix);
  if (value) return { kind: "value", table: yamlParents(lines, at.line - 1, value[1].length), key: [value[2]], from: from(value[4]), ...quoted(value[3], after) };
  const item = YAML_ITEM.exec(prefix);
  if (item) {
    const list = yamlParents(lines, at.line - 1, item[1].length + 1);
    return { kind: "value", table: list.slice(0, -1), key: [...list.slice(-1), "0"], from: from(item[3]), ...quoted(item[2], after) };
  }
  const key = YAML_KEY.exec(prefix);
  if (key) return { kind: "key", table: yamlParents(lines, at.line - 1, key[1].length), from: from(key[2]) };
  return undefined;
}

/** The keys of the mappings that hold a line indented by `indent`: each line above that opens a mapping less indented than the last. */
function yamlParents(lines: string[], index: number, indent: number): string[] {
  const keys: string[] = [];
  let within = indent;
  for (let i = index - 1; i >= 0 && within > 0; i--) {
    const key = YAML_MAPPING_KEY.exec(lines[i]);
    if (key && key[1].length < within) {
      keys.unshift(key[2]);
      within = key[1].length;
    }
  }
  return keys;
}

function jsonContext(text: string, at: Position): CompletionContext | undefined {
  const lines = new LineIndex(text);
  const offset = lines.offsetOf(at);
  const location = getLocation(text, offset);
  const path = location.path.map(String);
  const node = location.previousNode;
  const inString = node?.type === "string" && offset > node.offset && offset <= node.offset + node.length;
  const closed = inString && text[node.offset + node.length - 1] === '"' && node.length > 1 && offset < node.offset + node.length;
  const from = inString ? lines.at(node.offset + 1) : { line: at.line, column: at.column };
  const quote = inString ? { quote: '"', closed } : {};
  if (location.isAtPropertyKey) return { kind: "key", table: path.slice(0, -1), from, ...quote };
  if (path.length === 0) return undefined;
  return { kind: "value", table: path.slice(0, -1), key: path.slice(-1), from, ...quote };
}
