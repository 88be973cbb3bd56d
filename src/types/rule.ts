/**
 * The vocabulary for a `validate()` rule: typed data that the compiler checks against the
 * config interfaces, so a misspelt field or variant fails `tsc`.
 *
 * A rule holds when its `when` condition describes the config (the violation), and then the
 * config is rejected with `message`. Fields the condition names that the user omitted are
 * judged by their defaults, exactly as Rust sees them after deserialization.
 */

/** A test on one scalar field: its value is (`in`) or is not (`notIn`) one of the listed values. */
export type ValueTest<V> = { readonly in: readonly V[] } | { readonly notIn: readonly V[] };

/** A test on a list field. */
export type ListTest<E> = { readonly isEmpty: true } | { readonly some: ValueTest<E> };

/** The test allowed on a field of type `V`: scalar, list or nested struct. */
export type FieldTest<V> = [V] extends [readonly (infer E)[]]
  ? ListTest<E>
  : [V] extends [string | boolean | null]
    ? ValueTest<V>
    : Condition<V>;

/** The fields a type names: an index signature (`[key: string]: unknown`, a table left open) names none. */
export type FieldName<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] } & string;

/** All of the named fields pass their tests. */
export type Condition<T> = { readonly [K in FieldName<T>]?: FieldTest<NonNullable<T[K]>> };

/** A path of field names into `T`, through nested structs. */
export type FieldPath<T> = {
  [K in FieldName<T>]: [NonNullable<T[K]>] extends [readonly unknown[] | string | boolean | null]
    ? readonly [K]
    : readonly [K] | readonly [K, ...FieldPath<NonNullable<T[K]>>];
}[FieldName<T>];

/** One check of a Rust `validate()` method. */
export interface Rule<T> {
  /** The error Rust returns, character for character. */
  readonly message: string;
  /** The field the message is about: where an editor underlines the error. */
  readonly at: FieldPath<T>;
  /** The configs this rule rejects. */
  readonly when: Condition<T>;
}

/** The checks of one `validate()` method, in Rust's order: the first that holds is the error. */
export type Rules<T> = readonly Rule<T>[];
