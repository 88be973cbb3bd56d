/**
 * A TOML datetime as the trainer's toml 0.9 writes it back (`Datetime`'s `Display`), the
 * text serde then sees: `T` between date and time, seconds always written (TOML 1.1 lets
 * them be omitted), the fraction cut to nanoseconds without trailing zeros, `Z` upper-case.
 */
export function datetimeText(raw: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})?(?:[Tt ]?(\d{2}:\d{2})(:\d{2})?(?:\.(\d+))?)?([Zz]|[+-]\d{2}:\d{2})?$/.exec(raw);
  if (!match) return raw;
  const [, date, hoursMinutes, seconds, fraction, offset] = match;
  let time = "";
  if (hoursMinutes) {
    const nanos = (fraction ?? "").slice(0, 9).replace(/0+$/, "");
    time = `${hoursMinutes}${seconds ?? ":00"}${nanos ? `.${nanos}` : ""}`;
  }
  const zone = offset ? offset.toUpperCase() : "";
  return [date, time].filter(Boolean).join("T") + zone;
}
