/**
 * Turns term bags into sparse TF-IDF vectors over a vocabulary learned from the
 * training documents. A vector is made of groups (say, words and letter
 * n-grams), each with sublinear term frequency (1 + log tf, so one word repeated
 * twenty times does not drown the rest), smoothed IDF and unit length, then
 * scaled so that the groups' shares of the squared length add up to 1: long
 * BBC articles and short AG headlines land on the same scale, and thousands of
 * n-grams do not outvote a few words.
 */
import type { TermBag, TermKind } from "./features.ts";

export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export interface GroupSpec {
  /** The kinds of terms in this group, each with the fewest training documents a term must occur in. */
  minDocumentFrequency: Partial<Record<TermKind, number>>;
  /** Share of the vector's squared length (the shares of a view add up to 1). */
  share: number;
}

export interface GroupJSON {
  kinds: TermKind[];
  share: number;
  terms: string[];
  idf: number[];
}

export interface VectorizerJSON {
  groups: GroupJSON[];
}

interface Group {
  kinds: TermKind[];
  share: number;
  terms: readonly string[];
  idf: Float64Array;
  index: Map<string, number>;
  offset: number;
}

/**
 * A training set's term bags with every distinct term replaced by a number, so
 * that the inner cross-validation's folds count and look up integers instead of
 * hashing the same strings again for every fold.
 */
export class EncodedCorpus {
  readonly terms: string[] = [];
  readonly ids = new Map<string, number>();
  readonly documents: Record<TermKind, Int32Array>[];

  constructor(bags: readonly TermBag[]) {
    const id = (term: string): number => {
      let i = this.ids.get(term);
      if (i === undefined) {
        i = this.terms.length;
        this.ids.set(term, i);
        this.terms.push(term);
      }
      return i;
    };
    this.documents = bags.map((bag) => Object.fromEntries(Object.entries(bag).map(([kind, terms]) => [kind, Int32Array.from(terms, id)])) as Record<TermKind, Int32Array>);
  }

  get size(): number {
    return this.documents.length;
  }
}

export class Vectorizer {
  readonly size: number;

  private constructor(private readonly groups: Group[]) {
    this.size = groups.reduce((sum, g) => sum + g.terms.length, 0);
  }

  /** Learns the vocabulary and IDF of the given documents of a corpus. */
  static fit(corpus: EncodedCorpus, documents: readonly number[], specs: readonly GroupSpec[]): Vectorizer {
    const documentFrequency = new Int32Array(corpus.terms.length);
    const lastSeen = new Int32Array(corpus.terms.length).fill(-1);
    const kinds = [...new Set(specs.flatMap((spec) => Object.keys(spec.minDocumentFrequency) as TermKind[]))];
    for (const d of documents) {
      const document = corpus.documents[d] as Record<TermKind, Int32Array>;
      for (const kind of kinds) {
        for (const id of document[kind]) {
          if (lastSeen[id] === d) continue;
          lastSeen[id] = d;
          documentFrequency[id] = (documentFrequency[id] as number) + 1;
        }
      }
    }
    const kindOf = new Map<number, TermKind>();
    for (const d of documents) for (const kind of kinds) for (const id of (corpus.documents[d] as Record<TermKind, Int32Array>)[kind]) kindOf.set(id, kind);
    const n = documents.length;
    let offset = 0;
    const groups = specs.map((spec) => {
      const groupKinds = Object.keys(spec.minDocumentFrequency) as TermKind[];
      const kept: number[] = [];
      for (const [id, kind] of kindOf) {
        const min = spec.minDocumentFrequency[kind];
        if (min !== undefined && (documentFrequency[id] as number) >= min) kept.push(id);
      }
      // Sorted so that the same training set always gives the same feature order.
      const terms = kept.map((id) => corpus.terms[id] as string).sort();
      const idf = Float64Array.from(terms, (term) => Math.log((1 + n) / (1 + (documentFrequency[corpus.ids.get(term) as number] as number))) + 1);
      const group = makeGroup(groupKinds, spec.share, terms, idf, offset);
      offset += terms.length;
      return group;
    });
    return new Vectorizer(groups);
  }

  /** Sublinear TF-IDF, unit length per group. An all-unknown document is the zero vector. */
  transform(bag: TermBag): SparseVector {
    return this.build((group, add) => {
      for (const kind of group.kinds) {
        for (const term of bag[kind]) {
          const i = group.index.get(term);
          if (i !== undefined) add(i);
        }
      }
    });
  }

  /** The same vectors as `transform`, for documents of an encoded corpus. */
  transformer(corpus: EncodedCorpus): (document: number) => SparseVector {
    const columns = this.groups.map((group) => {
      const column = new Int32Array(corpus.terms.length).fill(-1);
      group.terms.forEach((term, i) => {
        const id = corpus.ids.get(term);
        if (id !== undefined) column[id] = i;
      });
      return column;
    });
    return (d) => {
      const document = corpus.documents[d] as Record<TermKind, Int32Array>;
      let g = 0;
      return this.build((group, add) => {
        const column = columns[g++] as Int32Array;
        for (const kind of group.kinds) {
          for (const id of document[kind]) {
            const i = column[id] as number;
            if (i >= 0) add(i);
          }
        }
      });
    };
  }

  private build(collect: (group: Group, add: (i: number) => void) => void): SparseVector {
    const indices: number[] = [];
    const values: number[] = [];
    for (const group of this.groups) {
      const counts = new Map<number, number>();
      collect(group, (i) => counts.set(i, (counts.get(i) ?? 0) + 1));
      const local = [...counts.keys()].sort((a, b) => a - b);
      const weighted = local.map((i) => (1 + Math.log(counts.get(i) as number)) * (group.idf[i] as number));
      const norm = Math.sqrt(weighted.reduce((sum, v) => sum + v * v, 0));
      if (norm === 0) continue;
      const scale = Math.sqrt(group.share) / norm;
      local.forEach((i, k) => {
        indices.push(group.offset + i);
        values.push((weighted[k] as number) * scale);
      });
    }
    return { indices: Int32Array.from(indices), values: Float64Array.from(values) };
  }

  toJSON(): VectorizerJSON {
    return { groups: this.groups.map((g) => ({ kinds: [...g.kinds], share: g.share, terms: [...g.terms], idf: Array.from(g.idf, round) })) };
  }

  static fromJSON(json: VectorizerJSON): Vectorizer {
    let offset = 0;
    return new Vectorizer(
      json.groups.map((g) => {
        if (g.terms.length !== g.idf.length) throw new Error("vectorizer: terms and idf differ in length");
        const group = makeGroup(g.kinds, g.share, g.terms, Float64Array.from(g.idf), offset);
        offset += g.terms.length;
        return group;
      }),
    );
  }
}

function makeGroup(kinds: TermKind[], share: number, terms: readonly string[], idf: Float64Array, offset: number): Group {
  return { kinds, share, terms, idf, index: new Map(terms.map((term, i) => [term, i])), offset };
}

/** Six significant digits: plenty for scoring, and a model file a third the size. */
export function round(value: number): number {
  return Number(value.toPrecision(6));
}
