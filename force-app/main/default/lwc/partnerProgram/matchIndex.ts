/**
 * Blocking-key postings for a million accounts without a million-entry `Map`: keys are hashed
 * to 32 bits into an open-addressing table of typed arrays, and each key's account indexes
 * form a linked list in two more typed arrays. Almost nothing for the garbage collector to
 * walk. A hash collision can only add a candidate, which scoring then rejects; it never hides
 * one.
 */

/** 32-bit FNV-1a hash of a string. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export class PostingIndex {
  private slotHash = new Int32Array(1024);
  /** First posting of the key in a slot, or -1 for an empty slot. */
  private slotHead = new Int32Array(1024).fill(-1);
  private slotCount = new Int32Array(1024);
  private keys = 0;
  private postingId = new Int32Array(1024);
  private postingNext = new Int32Array(1024);
  private postings = 0;
  /** Keys in the order first seen (kept only when asked for, e.g. the word vocabulary). */
  readonly vocabulary: string[] | null;

  constructor(options: { keepKeys?: boolean } = {}) {
    this.vocabulary = options.keepKeys ? [] : null;
  }

  add(key: string, id: number): void {
    if (!key) return;
    if ((this.keys + 1) * 2 > this.slotHash.length) this.growTable();
    const hash = hashKey(key);
    const slot = this.findSlot(hash);
    const head = this.slotHead[slot];
    if (head === -1) {
      this.slotHash[slot] = hash;
      this.keys++;
      this.vocabulary?.push(key);
    } else if (this.postingId[head] === id) return;
    if (this.postings === this.postingId.length) this.growPostings();
    this.postingId[this.postings] = id;
    this.postingNext[this.postings] = head;
    this.slotHead[slot] = this.postings++;
    this.slotCount[slot]++;
  }

  get(key: string): number[] {
    const slot = this.findSlot(hashKey(key));
    const result: number[] = [];
    for (let p = this.slotHead[slot]; p !== -1; p = this.postingNext[p])
      result.push(this.postingId[p]);
    return result.reverse();
  }

  size(key: string): number {
    const slot = this.findSlot(hashKey(key));
    return this.slotHead[slot] === -1 ? 0 : this.slotCount[slot];
  }

  private findSlot(hash: number): number {
    const mask = this.slotHash.length - 1;
    let slot = hash & mask;
    while (this.slotHead[slot] !== -1 && this.slotHash[slot] !== hash) slot = (slot + 1) & mask;
    return slot;
  }

  private growTable(): void {
    const oldHash = this.slotHash;
    const oldHead = this.slotHead;
    const oldCount = this.slotCount;
    const capacity = oldHash.length * 2;
    this.slotHash = new Int32Array(capacity);
    this.slotHead = new Int32Array(capacity).fill(-1);
    this.slotCount = new Int32Array(capacity);
    for (let i = 0; i < oldHash.length; i++) {
      if (oldHead[i] === -1) continue;
      const slot = this.findSlot(oldHash[i]);
      this.slotHash[slot] = oldHash[i];
      this.slotHead[slot] = oldHead[i];
      this.slotCount[slot] = oldCount[i];
    }
  }

  private growPostings(): void {
    const ids = new Int32Array(this.postingId.length * 2);
    ids.set(this.postingId);
    this.postingId = ids;
    const next = new Int32Array(this.postingNext.length * 2);
    next.set(this.postingNext);
    this.postingNext = next;
  }
}
