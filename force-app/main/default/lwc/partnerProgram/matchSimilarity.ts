/**
 * String similarity for customer matching: Jaro-Winkler for short names and a bounded
 * Damerau-Levenshtein (optimal string alignment) distance for typos in single words.
 */

/** Jaro-Winkler similarity in [0, 1]; 1 means equal. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = true;
      bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro =
    (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Edit distance counting an adjacent transposition as one edit; gives up (returns max + 1)
 * as soon as the distance must exceed `max`, so comparing unrelated words stays cheap.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, prevPrev[j - 2] + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/** Every string made by deleting one character: the keys of a symmetric-delete typo index. */
export function deletionVariants(word: string): string[] {
  const variants: string[] = [];
  for (let i = 0; i < word.length; i++) variants.push(word.slice(0, i) + word.slice(i + 1));
  return variants;
}

const BASE = 0x01000193;

function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) | 0;
}

/**
 * Hashes of `word` and of each one-character deletion of it, in linear time: a polynomial
 * hash of the prefix before the deleted character, shifted, plus the hash of the suffix.
 */
function deletionHashes(word: string): number[] {
  const length = word.length;
  const prefix = new Array<number>(length + 1);
  const suffix = new Array<number>(length + 1);
  const power = new Array<number>(length + 1);
  prefix[0] = 0;
  power[0] = 1;
  for (let i = 0; i < length; i++) {
    prefix[i + 1] = (Math.imul(prefix[i], BASE) + word.charCodeAt(i)) | 0;
    power[i + 1] = Math.imul(power[i], BASE);
  }
  suffix[length] = 0;
  for (let i = length - 1; i >= 0; i--)
    suffix[i] = (Math.imul(word.charCodeAt(i), power[length - 1 - i]) + suffix[i + 1]) | 0;
  const hashes = [mix(prefix[length])];
  for (let i = 0; i < length; i++)
    hashes.push(mix((Math.imul(prefix[i], power[length - 1 - i]) + suffix[i + 1]) | 0));
  return hashes;
}

/**
 * Symmetric-delete typo index over a vocabulary: each word is stored under the hash of itself
 * and of every one-character deletion, in a flat open-addressing table (typed arrays, no
 * strings per key), so a million-word vocabulary costs megabytes, not gigabytes. Lookups
 * return every word within one edit (deletion, insertion, substitution, adjacent swap) plus
 * some hash collisions, which the caller verifies.
 */
export class TypoIndex {
  private readonly hashes: Int32Array;
  private readonly wordIds: Int32Array;
  private readonly mask: number;

  constructor(private readonly vocabulary: readonly string[]) {
    let entries = 0;
    for (const word of vocabulary) entries += word.length + 1;
    let capacity = 1024;
    while (capacity < entries * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.hashes = new Int32Array(capacity);
    this.wordIds = new Int32Array(capacity).fill(-1);
    vocabulary.forEach((word, id) => {
      for (const hash of deletionHashes(word)) this.insert(hash, id);
    });
  }

  private insert(hash: number, id: number): void {
    let slot = hash & this.mask;
    while (this.wordIds[slot] !== -1) {
      if (this.hashes[slot] === hash && this.wordIds[slot] === id) return;
      slot = (slot + 1) & this.mask;
    }
    this.hashes[slot] = hash;
    this.wordIds[slot] = id;
  }

  /** Vocabulary words that may be within one edit of `word` (verify before use). */
  near(word: string): string[] {
    const found = new Set<number>();
    for (const hash of deletionHashes(word)) {
      let slot = hash & this.mask;
      while (this.wordIds[slot] !== -1) {
        if (this.hashes[slot] === hash) found.add(this.wordIds[slot]);
        slot = (slot + 1) & this.mask;
      }
    }
    return [...found].map((id) => this.vocabulary[id]);
  }
}
