/**
 * Turns term lists into sparse TF-IDF vectors over a vocabulary learned from the
 * training documents: sublinear term frequency (1 + log tf, so one word repeated
 * twenty times does not drown the rest), smoothed IDF, and unit length (so long
 * BBC articles and short AG headlines land on the same scale).
 */

export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export interface VectorizerOptions {
  /** A term must occur in at least this many training documents to be kept. */
  minDocumentFrequency: number;
}

export interface VectorizerJSON {
  terms: string[];
  idf: number[];
}

export class Vectorizer {
  private readonly index: Map<string, number>;

  private constructor(
    readonly terms: readonly string[],
    readonly idf: Float64Array,
  ) {
    this.index = new Map(terms.map((term, i) => [term, i]));
  }

  get size(): number {
    return this.terms.length;
  }

  static fit(documents: readonly (readonly string[])[], options: VectorizerOptions): Vectorizer {
    const documentFrequency = new Map<string, number>();
    for (const terms of documents) {
      for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    // Sorted so that the same training set always gives the same feature order.
    const kept = [...documentFrequency]
      .filter(([, df]) => df >= options.minDocumentFrequency)
      .map(([term]) => term)
      .sort();
    const n = documents.length;
    const idf = new Float64Array(kept.length);
    kept.forEach((term, i) => {
      idf[i] = Math.log((1 + n) / (1 + (documentFrequency.get(term) ?? 0))) + 1;
    });
    return new Vectorizer(kept, idf);
  }

  /** Counts of known terms (for Naive Bayes); `binary` counts each term once. */
  counts(terms: readonly string[], binary = false): SparseVector {
    const counts = new Map<number, number>();
    for (const term of terms) {
      const i = this.index.get(term);
      if (i !== undefined) counts.set(i, binary ? 1 : (counts.get(i) ?? 0) + 1);
    }
    return toSparse(counts);
  }

  /** Sublinear TF-IDF, L2-normalized. An all-unknown document is the zero vector. */
  tfidf(terms: readonly string[]): SparseVector {
    const vector = this.counts(terms);
    let norm = 0;
    for (let k = 0; k < vector.indices.length; k++) {
      const value = (1 + Math.log(vector.values[k] as number)) * (this.idf[vector.indices[k] as number] as number);
      vector.values[k] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < vector.values.length; k++) vector.values[k] = (vector.values[k] as number) / norm;
    return vector;
  }

  toJSON(): VectorizerJSON {
    return { terms: [...this.terms], idf: Array.from(this.idf, round) };
  }

  static fromJSON(json: VectorizerJSON): Vectorizer {
    if (json.terms.length !== json.idf.length) throw new Error("vectorizer: terms and idf differ in length");
    return new Vectorizer(json.terms, Float64Array.from(json.idf));
  }
}

function toSparse(counts: Map<number, number>): SparseVector {
  const indices = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const values = Float64Array.from(indices, (i) => counts.get(i) ?? 0);
  return { indices, values };
}

/** Six significant digits: plenty for scoring, and a model file a third the size. */
export function round(value: number): number {
  return Number(value.toPrecision(6));
}
