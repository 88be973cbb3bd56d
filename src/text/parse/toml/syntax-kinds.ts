/**
 * The classes of TOML syntax error the package tells apart, each with what it covers. Every
 * TOML syntax error carries one (`ConfigSyntaxError.kind`); its message names what is wrong
 * where (the key and its table, the header, the literal as written, what was expected).
 */
export const TOML_SYNTAX_KINDS = {
  "duplicate-key": "a key set twice in one table",
  "table-defined-twice": "a table defined by two headers, or by a header and by dotted keys or an inline table",
  "array-of-tables": "a `[[header]]` for a key that is not an array of tables, or a `[header]` for one that is",
  "extend-value": "a dotted key or header that goes through a key set to a value that is not a table",
  "extend-inline-table": "a dotted key or header that adds to an inline table, which is complete as written",
  "invalid-boolean": "a word that starts like `true` or `false` and is neither",
  "invalid-number": "a malformed integer: a leading zero, a misplaced sign, `_` or digit, a bad radix prefix",
  "invalid-float": "a malformed float: a missing digit, a misplaced `_`, a misspelled `inf` or `nan`",
  "number-overflow": "an integer that does not fit in 64 bits, or a float literal too large for a 64-bit float",
  "invalid-date": "a date, or the separator between date and time, out of range or malformed",
  "invalid-time": "a time or a UTC offset out of range or malformed",
  "unquoted-string": "a value that is not a TOML value: a word that is a string but has no quotes",
  "missing-value": "a key with `=` and no value",
  "invalid-escape": "an unknown escape, or a `\\u`, `\\U` or `\\x` escape with too few digits or no Unicode scalar value",
  "unterminated-string": "a string without its closing quote(s)",
  "control-character": "a control character in a string",
  "comment-character": "a control character in a comment",
  "lone-carriage-return": "a carriage return not followed by a line feed",
  "missing-equals": "a key with no `=` after it",
  "missing-comma": "two array elements, or two key-value pairs of an inline table, without `,` between",
  "extra-comma": "a `,` with no element or key-value pair before it",
  "unclosed-header": "a `[header]` or `[[header]]` without its closing bracket(s)",
  "unclosed-array": "an array without its `]`",
  "unclosed-inline-table": "an inline table without its `}`",
  "expected-newline": "something after a key-value pair or a header on the same line",
  "unexpected-token": "punctuation where it cannot stand: `=` for a value, `]` or `}` with no opening, `,` or `{` for a key",
  "empty-key": "a key, or a part of a dotted key, that is empty",
  "invalid-key": "a key written with characters an unquoted key cannot hold, or as a multi-line string",
  nesting: "arrays and inline tables nested more than 80 deep, or a key of more than 80 parts",
  unclassified: "an error the package does not tell apart, in its parser's own words",
} as const;

export type TomlSyntaxKind = keyof typeof TOML_SYNTAX_KINDS;
