/**
 * The trainer's TOML reader (toml 0.9) stops at these depths: a value nested in more than
 * `MAX_VALUE_NESTING` arrays and inline tables is a syntax error at the bracket that goes one
 * deeper ("cannot recurse further"), and a key of more than `MAX_KEY_SEGMENTS` dotted parts is
 * refused ("recursion limit"). Real configs stay a few levels deep.
 */
export const MAX_VALUE_NESTING = 80;
export const MAX_KEY_SEGMENTS = 80;
