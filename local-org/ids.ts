/**
 * Salesforce record ids: 15 case-sensitive characters (3-character key prefix first), plus a
 * 3-character suffix that encodes the case of the 15, which makes the 18-character form
 * case-insensitive.
 */
const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function suffixOf(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_CHARS[bits];
  }
  return suffix;
}

const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/i;

/** The canonical 18-character id, or undefined when the text is not an id at all. */
export function normalizeId(text: string): string | undefined {
  if (typeof text !== 'string' || !ID_SHAPE.test(text)) return undefined;
  const id15 = text.slice(0, 15);
  const id18 = id15 + suffixOf(id15);
  if (text.length === 18 && text.slice(15).toUpperCase() !== id18.slice(15)) return undefined;
  return id18;
}

/** The 18-character id number `n` of the object with this key prefix. */
export function makeId(keyPrefix: string, n: number): string {
  let body = '';
  let rest = n;
  for (let i = 0; i < 9; i++) {
    body = BASE62[rest % 62] + body;
    rest = Math.floor(rest / 62);
  }
  const id15 = `${keyPrefix}Lo0${body}`;
  return id15 + suffixOf(id15);
}
