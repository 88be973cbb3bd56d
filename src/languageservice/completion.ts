import { parse as parseJson } from "jsonc-parser";
import { CompletionItemKind, MarkupKind, type CompletionItem, type Range as LspRange } from "vscode-languageserver-types";
import { formatOf } from "../files/format";
import type { TextSource } from "../files/text-source";
import { readDocument, type ConfigFormat } from "../text/read-document";
import { LineIndex, type Position } from "../text/parse/position";
import { pointerOf, valueAt } from "../util/pointer";
import { hasOwn, isTable } from "../util/tables";
import { completionContext, type CompletionContext } from "./completion-context";
import { viewConfig } from "./config-view";
import { fieldDocAt, type FieldDoc } from "./field-docs";
import { toLsp } from "./places";
import { shown } from "./shown";

/**
 * What may be typed at the cursor of `file` (its text as the editor holds it, from `source`,
 * the open buffers; `syntax` where its extension does not tell): the fields of `[model.quant]`, `[model.rho]` and `saved_activations` not
 * yet written (in a TOML header, the tables), and the values of a field, each with its
 * description. The schema's descriptions say when a rule rejects a value; a value the config
 * `file` heads would be rejected for, once written, says so too.
 */
export function completionsAt(file: string, at: Position, source: TextSource, syntax?: ConfigFormat): CompletionItem[] {
  const text = source.textOf(file);
  let format: ConfigFormat;
  try {
    format = formatOf(file, file, syntax);
  } catch {
    return [];
  }
  const context = text === undefined ? undefined : completionContext(text, format, at);
  if (text === undefined || context === undefined) return [];
  const range = { start: toLsp(context.from), end: toLsp(at) };
  if (context.kind === "value") {
    const doc = fieldDocAt(pointerOf([...context.table, ...context.key!]));
    if (doc?.values === undefined) return [];
    const items = doc.values
      .filter(({ value }) => !(value === null && format === "toml"))
      .map(({ value, description }, i) => ({
        label: typeof value === "string" ? value : shown(value),
        kind: CompletionItemKind.EnumMember,
        ...(description ? { documentation: { kind: MarkupKind.Markdown, value: description } } : {}),
        sortText: String(i).padStart(3, "0"),
        textEdit: { range, newText: valueText(value, format, context) },
      }));
    const refusals = rejections(file, items.map((item) => replaced(text, item.textEdit.range, item.textEdit.newText)), source, format);
    return items.map((item, i) => (refusals[i] === undefined ? item : { ...item, detail: `rejected here: ${refusals[i]}` }));
  }
  const table = fieldDocAt(pointerOf(context.table));
  if (table?.fields === undefined) return [];
  const written = writtenKeys(text, format, at, context.table);
  return Object.values(table.fields)
    .filter((field) => (context.kind === "section" ? field.fields !== undefined : !written.has(lastName(field))))
    .map((field, i) => ({
      label: lastName(field),
      kind: field.fields ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: field.type,
      documentation: { kind: MarkupKind.Markdown, value: fieldText(field) },
      sortText: String(i).padStart(3, "0"),
      textEdit: { range, newText: lastName(field) },
    }));
}

function lastName(field: FieldDoc): string {
  return field.name.slice(field.name.lastIndexOf(".") + 1);
}

function fieldText(field: FieldDoc): string {
  return [field.description ?? "", ...(hasOwn(field, "default") ? [`Default: \`${shown(field.default)}\``] : [])].filter(Boolean).join("\n\n");
}

/** A value as it is typed in `format`, inside the quote the user opened where there is one. */
function valueText(value: unknown, format: ConfigFormat, context: CompletionContext): string {
  if (typeof value !== "string") return shown(value);
  if (context.quote) return context.closed ? value : `${value}${context.quote}`;
  return format === "yaml" ? value : JSON.stringify(value);
}

/**
 * The keys the text already sets in `table`, the line being typed aside (a text mid-typing is
 * seldom well-formed; JSON is read by a reader that tolerates it).
 */
function writtenKeys(text: string, format: ConfigFormat, at: Position, table: readonly string[]): Set<string> {
  let value: unknown;
  if (format === "json") value = parseJson(text, [], { allowTrailingComma: true });
  else {
    try {
      value = readDocument(text.split(/\r\n|\r|\n/).map((line, i) => (i === at.line - 1 ? "" : line)).join("\n"), format).value;
    } catch {
      return new Set();
    }
  }
  const found = valueAt(value, pointerOf(table));
  return new Set(isTable(found) ? Object.keys(found) : []);
}

/**
 * For each of `texts` (the file with one of the values written in), the rule the config the
 * file heads would then be rejected for, where that rule is about the value: one that not every
 * value meets.
 */
function rejections(file: string, texts: readonly string[], source: TextSource, syntax: ConfigFormat): (string | undefined)[] {
  const rules = texts.map((candidate) => {
    const { report } = viewConfig(file, { textOf: (real) => (real === file ? candidate : source.textOf(real)) }, { syntax });
    return report.status === "unreadable" ? [] : report.errors.filter(({ issue }) => issue.stage === "validate").map(({ issue }) => issue.message);
  });
  const everywhere = new Set(rules.length > 1 ? rules[0].filter((message) => rules.every((other) => other.includes(message))) : []);
  return rules.map((messages) => messages.find((message) => !everywhere.has(message)));
}

/** A text with the stretch `range` (in the editor's terms) replaced by `newText`. */
function replaced(text: string, range: LspRange, newText: string): string {
  const lines = new LineIndex(text);
  const offset = ({ line, character }: LspRange["start"]) => lines.offsetOf({ line: line + 1, column: character + 1 });
  return text.slice(0, offset(range.start)) + newText + text.slice(offset(range.end));
}
