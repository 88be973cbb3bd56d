import { isString, type StringKind, type Token, type TokenKind } from "./lexer";
import { MAX_VALUE_NESTING } from "./limits";
import { codePoint, Fault, LONE_CR, positionAt, place, quoted, TOO_DEEP } from "./words";

/** One part of a key as written; `empty` where a part is missing (`a..b`, `= 1`, `[]`). */
export interface KeyPart {
  kind: StringKind | "atom" | "empty";
  start: number;
  end: number;
}

/**
 * What the structure leaves to be decoded, in document order: keys, values (a value's atoms
 * and dots joined, as `1.5` or `1979-05-27 07:32:00`), and the places where a key-value pair
 * lacks its value or its `=` (`within`: the inline table holding it). `statement` is where the
 * top-level key-value pair or header holding it starts.
 */
export type Piece =
  | { type: "key"; parts: KeyPart[]; statement: number }
  | { type: "value"; kind: StringKind | "atom"; start: number; end: number; statement: number }
  | { type: "no-value" | "no-equals"; at: number; key: string; within?: string; statement: number };

type Context = { key: string } | { header: string };

/**
 * The structure of a TOML text, read as toml 0.9 reads it before decoding anything: headers,
 * key-value pairs, arrays and inline tables, comments and line ends. Returns the pieces to
 * decode, read up to the first fault of that reading if there is one (toml 0.9 reports such
 * an error before any decoding error, wherever it stands).
 */
export function readStructure(text: string, tokens: readonly Token[]): { pieces: Piece[]; fault?: { fault: Fault; statement: number } } {
  const structure = new Structure(text, tokens);
  try {
    structure.document();
  } catch (error) {
    if (error instanceof Fault) return { pieces: structure.pieces, fault: { fault: error, statement: structure.statement } };
    throw error;
  }
  return { pieces: structure.pieces };
}

type ArrayState = "value" | "comma";
type InlineState = "key" | "equals" | "value" | "comma";

class Structure {
  private i = 0;
  private depth = 0;
  /** Where the top-level key-value pair or header being read starts. */
  statement = 0;
  readonly pieces: Piece[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  document(): void {
    for (;;) {
      const token = this.next();
      if (token.kind !== "whitespace" && token.kind !== "newline" && token.kind !== "comment") this.statement = token.start;
      switch (token.kind) {
        case "eof":
          return;
        case "[":
          this.header(token);
          break;
        case "]":
          throw new Fault("unexpected-token", token.start, "unexpected `]` where a key or a table header should start: missing `[`");
        case "=":
          this.afterEquals(this.key([{ kind: "empty", start: token.start, end: token.start }], false));
          break;
        case ".":
          this.back();
          this.keyValue([{ kind: "empty", start: token.start, end: token.start }]);
          break;
        case ",":
        case "{":
        case "}":
          throw new Fault("unexpected-token", token.start, `unexpected ${quoted(token.kind)} where a key should start, expected a key`);
        case "whitespace":
          break;
        case "newline":
          this.newline(token);
          break;
        case "comment":
          this.comment(token);
          break;
        default:
          this.keyValue([this.part(token)]);
      }
    }
  }

  private header(open: Token): void {
    const array = this.peek().kind === "[";
    if (array) this.next();
    this.whitespace();
    const complete = this.headerKey();
    this.whitespace();
    if (this.peek().kind === "]") {
      const close = this.next();
      if (array && this.peek().kind !== "]") {
        const written = this.text.slice(open.start, close.end);
        throw new Fault("unclosed-header", close.end, `unclosed array-of-tables header ${quoted(written)}, expected \`]\``);
      }
      if (array) this.next();
    } else if (complete) {
      const last = this.lastSignificant();
      const written = this.text.slice(open.start, last.end);
      const expected = array ? "`]]`" : "`]`";
      throw new Fault("unclosed-header", last.end, `unclosed ${array ? "array-of-tables" : "table"} header ${quoted(written)}, expected ${expected}`);
    } else {
      // The key breaks off at an empty part, which decoding refuses; nothing more is read here.
      this.skipLine();
      return;
    }
    this.lineEnd({ header: this.text.slice(open.start, this.tokens[this.i - 1].end) });
  }

  /** A key-value pair whose first key part is read; throws where its `=` is missing. */
  private keyValue(first: KeyPart[]): void {
    const key = this.key(first, true);
    this.whitespace();
    if (this.peek().kind !== "=") {
      throw new Fault("missing-equals", this.peek().start, `key ${quoted(key)} with no value, expected \`=\` after it`);
    }
    this.next();
    this.afterEquals(key);
  }

  /** A key from its first part on, with the parts after dots where `dotted`; returns the key as written. */
  private key(parts: KeyPart[], dotted: boolean): string {
    if (dotted) this.dottedParts(parts);
    else this.pushKey(parts);
    return this.written(parts);
  }

  private afterEquals(key: string): void {
    this.whitespace();
    const empty = this.value(key);
    this.lineEnd({ key }, empty);
  }

  /** A value where one must stand; returns whether none is written there. */
  private value(key: string): boolean {
    const token = this.next();
    switch (token.kind) {
      case "comment":
      case ",":
      case "newline":
      case "eof":
      case "whitespace":
        this.pieces.push({ type: "no-value", at: token.start, key, statement: this.statement });
        this.back();
        return true;
      case "=":
        throw new Fault("unexpected-token", token.start, `extra \`=\` after key ${quoted(key)}, expected a value`);
      case "{":
        this.inlineTable(token);
        return false;
      case "}":
        throw new Fault("unexpected-token", token.start, `unexpected \`}\` as the value of key ${quoted(key)}: missing \`{\``);
      case "[":
        this.array(token);
        return false;
      case "]":
        throw new Fault("unexpected-token", token.start, `unexpected \`]\` as the value of key ${quoted(key)}: missing \`[\``);
      default:
        this.scalar(token);
        return false;
    }
  }

  /** A string, or atoms and dots joined, with a space only where an atom follows it. */
  private scalar(first: Token): void {
    let end = first.end;
    if (!isString(first.kind)) {
      for (;;) {
        const next = this.peek();
        if (next.kind === "." || next.kind === "atom") {
          end = this.next().end;
        } else if (next.kind === "whitespace" && this.peek(1).kind === "atom") {
          this.next();
          end = this.next().end;
        } else {
          break;
        }
      }
    }
    const kind = isString(first.kind) ? first.kind : "atom";
    this.pieces.push({ type: "value", kind, start: first.start, end, statement: this.statement });
  }

  private array(open: Token): void {
    this.enter(open);
    const opened = `array opened at ${place(positionAt(this.text, open.start))}`;
    let state: ArrayState = "value";
    const element = (token: Token) => {
      if (state === "comma") throw new Fault("missing-comma", token.start, `missing comma between elements of the ${opened}, expected \`,\``);
      state = "comma";
    };
    for (;;) {
      const token = this.next();
      switch (token.kind) {
        case "eof":
          throw new Fault("unclosed-array", this.lastSignificant().end, `unclosed ${opened}, expected \`]\``);
        case "comment":
          this.comment(token);
          break;
        case "newline":
          this.newline(token);
          break;
        case "whitespace":
          break;
        case ",":
          if (state === "value") throw new Fault("extra-comma", token.start, `extra comma in the ${opened}, expected a value`);
          state = "value";
          break;
        case "=":
          throw new Fault("unexpected-token", token.start, `unexpected \`=\` in the ${opened}, expected a value or \`]\``);
        case "{":
          element(token);
          this.inlineTable(token);
          break;
        case "}":
          element(token);
          throw new Fault("unexpected-token", token.start, `unexpected \`}\` in the ${opened}: missing \`{\``);
        case "[":
          element(token);
          this.array(token);
          break;
        case "]":
          this.depth--;
          return;
        default:
          element(token);
          this.scalar(token);
      }
    }
  }

  private inlineTable(open: Token): void {
    this.enter(open);
    const opened = `inline table opened at ${place(positionAt(this.text, open.start))}`;
    const expected: Record<InlineState, string> = { key: "a key", equals: "`=`", value: "a value", comma: "`,`" };
    let state: InlineState = "key";
    let key = "";
    for (;;) {
      const token = this.next();
      const misplaced = () =>
        new Fault(
          state === "equals" ? "missing-equals" : "unexpected-token",
          token.start,
          state === "equals"
            ? `key ${quoted(key)} in the ${opened} with no value, expected \`=\` after it`
            : `unexpected ${quoted(token.kind)} in the ${opened}, expected ${expected[state]}`,
        );
      switch (token.kind) {
        case "eof":
          throw new Fault("unclosed-inline-table", this.lastSignificant().end, `unclosed ${opened}, expected \`}\``);
        case "comment":
          this.comment(token);
          break;
        case "newline":
          this.newline(token);
          break;
        case "whitespace":
          break;
        case ",":
          if (state !== "comma") throw new Fault("extra-comma", token.start, `extra comma in the ${opened}, expected ${expected[state]}`);
          state = "key";
          break;
        case "=":
          if (state === "key") {
            key = this.key([{ kind: "empty", start: token.start, end: token.start }], false);
          } else if (state !== "equals") {
            throw new Fault("unexpected-token", token.start, `extra \`=\` in the ${opened}, expected ${expected[state]}`);
          }
          state = "value";
          break;
        case "{":
        case "[":
          if (state !== "value") throw misplaced();
          if (token.kind === "{") this.inlineTable(token);
          else this.array(token);
          state = "comma";
          break;
        case "}":
          if (state === "equals" || state === "value") {
            this.pieces.push({ type: state === "equals" ? "no-equals" : "no-value", at: token.start, key, within: opened, statement: this.statement });
          }
          this.depth--;
          return;
        case "]":
          if (state === "value") throw new Fault("unexpected-token", token.start, `unexpected \`]\` as the value of key ${quoted(key)}: missing \`[\``);
          throw misplaced();
        default:
          if (state === "key") {
            if (token.kind === ".") this.back();
            key = this.key([token.kind === "." ? { kind: "empty", start: token.start, end: token.start } : this.part(token)], true);
            state = "equals";
          } else if (state === "value") {
            this.scalar(token);
            state = "comma";
          } else if (state === "comma") {
            throw new Fault("missing-comma", token.start, `missing comma between key-value pairs of the ${opened}, expected \`,\``);
          } else {
            throw misplaced();
          }
      }
    }
  }

  /** One level deeper into arrays and inline tables, as far as toml 0.9 goes. */
  private enter(open: Token): void {
    if (++this.depth > MAX_VALUE_NESTING) {
      throw new Fault("nesting", open.start, TOO_DEEP);
    }
  }

  /** A header's key, recorded; returns whether it ended after a part (not at an empty one). */
  private headerKey(): boolean {
    const parts: KeyPart[] = [];
    for (;;) {
      const token = this.next();
      switch (token.kind) {
        case "whitespace":
          continue;
        case ".":
          parts.push({ kind: "empty", start: token.start, end: token.start });
          continue;
        case "atom":
        case "literal":
        case "basic":
        case "ml-literal":
        case "ml-basic": {
          parts.push(this.part(token));
          return this.dottedParts(parts);
        }
        default:
          parts.push({ kind: "empty", start: token.start, end: token.start });
          this.back();
          this.pushKey(parts);
          return false;
      }
    }
  }

  /** `.part` after part; returns whether the key ended after a part. Records the key. */
  private dottedParts(parts: KeyPart[]): boolean {
    this.whitespace();
    let complete = true;
    parts: while (this.peek().kind === ".") {
      this.next();
      for (;;) {
        const token = this.next();
        if (token.kind === "whitespace") continue;
        if (token.kind === ".") {
          parts.push({ kind: "empty", start: token.start, end: token.start });
          continue;
        }
        if (token.kind === "atom" || isString(token.kind)) {
          parts.push(this.part(token));
          this.whitespace();
          continue parts;
        }
        parts.push({ kind: "empty", start: token.start, end: token.start });
        this.back();
        complete = false;
        break parts;
      }
    }
    this.pushKey(parts);
    return complete;
  }

  private pushKey(parts: KeyPart[]): void {
    this.pieces.push({ type: "key", parts, statement: this.statement });
  }

  private part(token: Token): KeyPart {
    return { kind: isString(token.kind) ? (token.kind as StringKind) : "atom", start: token.start, end: token.end };
  }

  private written(parts: readonly KeyPart[]): string {
    return this.text.slice(parts[0].start, parts[parts.length - 1].end);
  }

  /** After a header or a key-value pair: spaces, then a comment or the line's end. */
  private lineEnd(context: Context, valueMissing = false): void {
    for (;;) {
      const token = this.next();
      switch (token.kind) {
        case "whitespace":
          continue;
        case "comment":
          this.comment(token);
          return;
        case "newline":
          this.newline(token);
          return;
        case "eof":
          return;
        default: {
          const found = quoted(this.text.slice(token.start, token.end));
          if ("key" in context && valueMissing) {
            throw new Fault("missing-value", token.start, `key ${quoted(context.key)} with no value: found ${found}, expected a value`);
          }
          const after = "key" in context ? `the value of key ${quoted(context.key)}` : `table header ${quoted(context.header)}`;
          throw new Fault("expected-newline", token.start, `unexpected ${found} after ${after}, expected a newline or \`#\``);
        }
      }
    }
  }

  /** What is left of a line whose header broke off: only its comment and line end are checked. */
  private skipLine(): void {
    for (;;) {
      const token = this.next();
      if (token.kind === "comment") return this.comment(token);
      if (token.kind === "newline") return this.newline(token);
      if (token.kind === "eof") return;
    }
  }

  /** A comment holds tabs and printable characters only; the line end after it is checked too. */
  private comment(token: Token): void {
    for (let i = token.start; i < token.end; i++) {
      const c = this.text.charCodeAt(i);
      if ((c < 0x20 && c !== 0x09) || c === 0x7f) {
        throw new Fault("comment-character", i, `control character ${codePoint(this.text[i])} in a comment, expected printable characters`);
      }
    }
    const next = this.peek();
    if (next.kind === "newline") this.newline(this.next());
  }

  private newline(token: Token): void {
    if (token.end - token.start === 1 && this.text[token.start] === "\r") {
      throw new Fault("lone-carriage-return", token.end, LONE_CR);
    }
  }

  private whitespace(): void {
    if (this.peek().kind === "whitespace") this.next();
  }

  /** The last token before the current one that is not space, a comment or a line end. */
  private lastSignificant(): Token {
    for (let j = this.i - 1; j >= 0; j--) {
      const kind: TokenKind = this.tokens[j].kind;
      if (kind !== "whitespace" && kind !== "comment" && kind !== "newline" && kind !== "eof") return this.tokens[j];
    }
    return this.tokens[0];
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    this.i = Math.min(this.i + 1, this.tokens.length);
    return token;
  }

  private back(): void {
    this.i--;
  }
}
