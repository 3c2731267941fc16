/**
 * The stored stories' vectors, packed: all term ids in one growable Int32Array and all weights in
 * one Float32Array, with offsets per story. A typed array per story would cost more in headers
 * than in data (100,000 stories × 4 arrays).
 */
export interface Vector {
  terms: Int32Array;
  /** 1 + ln tf, divided by the vector's TF-IDF length. */
  weights: Float32Array;
}

export interface StoredDoc {
  id: string;
  words: Vector;
  names: Vector;
  /** Milliseconds since the epoch, NaN when unknown. */
  time: number;
}

export class DocStore {
  private terms = new Int32Array(1 << 16);
  private weights = new Float32Array(1 << 16);
  private used = 0;
  /** Per story: where its words start, where its names start, where they end. */
  private offsets = new Int32Array(3 * 1024);
  private times = new Float64Array(1024);
  private readonly ids: string[] = [];

  get length(): number {
    return this.ids.length;
  }

  push(doc: Omit<StoredDoc, never>): number {
    const index = this.ids.length;
    const size = doc.words.terms.length + doc.names.terms.length;
    this.reserve(size, index + 1);
    const start = this.used;
    this.terms.set(doc.words.terms, start);
    this.weights.set(doc.words.weights, start);
    const namesStart = start + doc.words.terms.length;
    this.terms.set(doc.names.terms, namesStart);
    this.weights.set(doc.names.weights, namesStart);
    this.used += size;
    this.offsets[3 * index] = start;
    this.offsets[3 * index + 1] = namesStart;
    this.offsets[3 * index + 2] = this.used;
    this.times[index] = doc.time;
    this.ids.push(doc.id);
    return index;
  }

  id(doc: number): string {
    return this.ids[doc]!;
  }

  time(doc: number): number {
    return this.times[doc]!;
  }

  /** Views of a story's vectors (writing a weight writes the store). */
  words(doc: number): Vector {
    return this.view(this.offsets[3 * doc]!, this.offsets[3 * doc + 1]!);
  }

  names(doc: number): Vector {
    return this.view(this.offsets[3 * doc + 1]!, this.offsets[3 * doc + 2]!);
  }

  get(doc: number): StoredDoc | undefined {
    if (doc < 0 || doc >= this.ids.length) return undefined;
    return { id: this.ids[doc]!, words: this.words(doc), names: this.names(doc), time: this.times[doc]! };
  }

  private view(from: number, to: number): Vector {
    return { terms: this.terms.subarray(from, to), weights: this.weights.subarray(from, to) };
  }

  private reserve(values: number, docs: number): void {
    if (this.used + values > this.terms.length) {
      const size = Math.max(this.used + values, Math.ceil(this.terms.length * 1.5));
      const terms = new Int32Array(size);
      terms.set(this.terms.subarray(0, this.used));
      this.terms = terms;
      const weights = new Float32Array(size);
      weights.set(this.weights.subarray(0, this.used));
      this.weights = weights;
    }
    if (docs > this.times.length) {
      const size = Math.max(docs, this.times.length * 2);
      const offsets = new Int32Array(3 * size);
      offsets.set(this.offsets);
      this.offsets = offsets;
      const times = new Float64Array(size);
      times.set(this.times);
      this.times = times;
    }
  }
}
