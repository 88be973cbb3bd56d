import { CompletionItemKind, MarkupKind, type CompletionItem } from "vscode-languageserver-types";
import { formatOf } from "../files/format";
import type { ConfigFormat } from "../text/read-document";
import type { Position } from "../text/parse/position";
import { pointerOf, pointerTokens } from "../util/pointer";
import { copyTable, hasOwn, isTable, setOwn } from "../util/tables";
import { validateTarget } from "../validate/validators";
import { completionContext, type CompletionContext } from "./completion-context";
import type { ConfigView } from "./config-view";
import { fieldDocAt, type FieldDoc } from "./field-docs";
import { shown } from "./shown";
import { toLsp } from "./places";

/**
 * What may be typed at the cursor of `file` (its text as the editor holds it): the fields of
 * `[model.quant]`, `[model.rho]` and `saved_activations` (in a TOML header, the tables), and
 * the values of a field, each with its description. A value that one of the trainer's rules
 * rejects says so, as the schema's descriptions do; one that the config `file` heads would
 * reject, set there, says that too.
 */
export function completionsAt(file: string, text: string, at: Position, views: ReadonlyMap<string, ConfigView>): CompletionItem[] {
  let format: ConfigFormat;
  try {
    format = formatOf(file);
  } catch {
    return [];
  }
  const context = completionContext(text, format, at);
  if (context === undefined) return [];
  const range = { start: toLsp(context.from), end: toLsp(at) };
  if (context.kind === "value") {
    const pointer = pointerOf([...context.table, ...context.key!]);
    const doc = fieldDocAt(pointer);
    if (doc?.values === undefined) return [];
    const rejected = rejections(views.get(file), pointer, doc);
    return doc.values
      .filter(({ value }) => !(value === null && format === "toml"))
      .map(({ value, description }, i) => {
        const refusal = rejected.get(i);
        return {
          label: typeof value === "string" ? value : shown(value),
          kind: CompletionItemKind.EnumMember,
          ...(refusal ? { detail: `rejected here: ${refusal}` } : {}),
          ...(description ? { documentation: { kind: MarkupKind.Markdown, value: description } } : {}),
          sortText: String(i).padStart(3, "0"),
          textEdit: { range, newText: valueText(value, format, context) },
        };
      });
  }
  const table = fieldDocAt(pointerOf(context.table));
  if (table?.fields === undefined) return [];
  const written = writtenKeys(views.get(file), pointerOf(context.table));
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

/** The keys `file`'s own text already sets in a table: not offered again. */
function writtenKeys(view: ConfigView | undefined, table: string): Set<string> {
  const document = view?.files.get(view.head)?.document;
  const keys = new Set<string>();
  if (document === undefined) return keys;
  const prefix = `${table}/`;
  for (const pointer of document.positions.keys()) {
    if (pointer.startsWith(prefix) && !pointer.slice(prefix.length).includes("/")) keys.add(pointerTokens(pointer).at(-1)!);
  }
  return keys;
}

/**
 * For each value of a field (by its index), the message of the rule that would reject the config
 * `view` heads with that value set at `pointer`, where the config is otherwise free of that rule.
 */
function rejections(view: ConfigView | undefined, pointer: string, doc: FieldDoc): Map<number, string> {
  const found = new Map<number, string>();
  const document = view && view.report.status !== "unreadable" ? view.report.document : undefined;
  if (document === undefined || doc.values === undefined) return found;
  const check = (value: unknown) => {
    const result = validateTarget("config", value, { allErrors: true, dialect: document.dialect });
    return new Set(result.valid ? [] : result.errors.filter((issue) => issue.stage === "validate").map((issue) => issue.message));
  };
  const before = check(document.value);
  doc.values.forEach(({ value }, i) => {
    const after = check(withValue(document.value, pointer, value));
    const message = [...after].find((text) => !before.has(text));
    if (message !== undefined) found.set(i, message);
  });
  return found;
}

/** A copy of `root` with `value` at `pointer`, the tables and lists on the way made where missing. */
function withValue(root: unknown, pointer: string, value: unknown): unknown {
  const tokens = pointerTokens(pointer);
  const copy = (node: unknown, i: number): unknown => {
    if (i === tokens.length) return value;
    const token = tokens[i];
    if ((Array.isArray(node) || node === undefined) && /^\d+$/.test(token)) {
      const items: unknown[] = Array.isArray(node) ? [...node] : [];
      items[Number(token)] = copy(items[Number(token)], i + 1);
      return items;
    }
    const table = copyTable(isTable(node) ? node : {});
    setOwn(table, token, copy(hasOwn(table, token) ? table[token] : undefined, i + 1));
    return table;
  };
  return copy(root, 0);
}
