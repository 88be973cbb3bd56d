/**
 * Config files are kilobytes (upstream's are under 2 KB); a text over this is not one, and
 * is refused unread. Parsing with positions takes up to about 1 KB of memory per byte of
 * the densest texts (a long list of one-digit numbers), so this also bounds the memory a
 * check takes.
 */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** Why a text of `size` bytes is refused; a file that grew while being read is only known to be too big. */
export function tooBig(size?: number): string {
  return `it is ${size === undefined ? "" : `${amount(size)}, `}over the ${amount(MAX_CONFIG_BYTES)} limit for a config file`;
}

/** A size in the units a config author reads: KB, or MB above 1 MB. */
export function amount(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
