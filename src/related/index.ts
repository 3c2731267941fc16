/**
 * An in-memory index of stories for /related: TF-IDF over headline and body (sublinear term
 * frequency, cosine), a second TF-IDF space of names and numbers, and recency. Pure: no
 * database, no network.
 *
 * Documents are added one by one; `seal()` recomputes every weight with the collection's
 * final statistics (a batch, like the command line's). Stories added after that are weighed
 * with the statistics of the moment, which drift slowly as an archive grows.
 */
import { Postings } from "./postings.ts";
import { textTerms } from "./terms.ts";

export interface RelatedDocument {
  id: string;
  title: string;
  text: string;
  /** When the story was published; stories close in time to the query rank a little higher. */
  date?: Date | null;
  /** Overrides the guess of how Cyrillic words are stemmed. */
  language?: "uk" | "ru";
}

export interface RelatedOptions {
  /** How many to return. */
  k: number;
  /** Internal numbers of documents never to return (the story itself, its group). */
  exclude?: ReadonlySet<number>;
  /** Recency is measured from here when the query has no date (the bot: now). */
  now?: Date;
}

export interface RelatedHit {
  /** The document's internal number, from `add`. */
  doc: number;
  id: string;
  score: number;
}

export interface IndexTuning {
  /** How many times a headline word counts, against once for a body word. */
  titleWeight: number;
  /** Weight of the names-and-numbers similarity against the words' similarity (1). */
  namesWeight: number;
  /** The strongest terms a stored story keeps (memory) and a query uses (speed). */
  maxTerms: number;
  /** How many of the most similar stories are re-ranked by their neighbourhood (0: plain TF-IDF). */
  pool: number;
  /** Query expansion in score space: the query's nearest stories whose similarities are added to its own. */
  expansion: number;
  /** Size of the neighbourhood two stories must share to stay close (the query's and the candidate's). */
  neighbours: number;
  /** Days over which the recency bonus halves. */
  recencyHalfLifeDays: number;
  /** The most recency multiplies a score by (1 + this). */
  recencyWeight: number;
}

export const DEFAULT_TUNING: IndexTuning = {
  titleWeight: 2,
  namesWeight: 0.25,
  maxTerms: 100,
  pool: 50,
  expansion: 2,
  neighbours: 5,
  recencyHalfLifeDays: 7,
  recencyWeight: 0.1,
};

interface Vector {
  terms: Int32Array;
  /** 1 + ln tf, divided by the vector's TF-IDF length. */
  weights: Float32Array;
}

interface StoredDoc {
  id: string;
  words: Vector;
  names: Vector;
  /** Milliseconds since the epoch, NaN when unknown. */
  time: number;
}

/** One TF-IDF space: vocabulary, document frequencies and postings. */
class Space {
  readonly vocabulary = new Map<string, number>();
  readonly df: number[] = [];
  readonly postings: Postings[] = [];

  idOf(term: string, create: boolean): number {
    let id = this.vocabulary.get(term);
    if (id === undefined && create) {
      id = this.df.length;
      this.vocabulary.set(term, id);
      this.df.push(0);
      this.postings.push(new Postings());
    }
    return id ?? -1;
  }

  idf(term: number, documents: number): number {
    return Math.log((documents + 1) / ((this.df[term] ?? 0) + 1)) + 1;
  }

  /** Term counts of a bag, with `weight` per occurrence, keyed by term id (-1: unknown term, kept apart). */
  counts(terms: readonly string[], weight: number, into: Map<number, number>, create: boolean, unknown: Map<string, number>): void {
    for (const term of terms) {
      const id = this.idOf(term, create);
      if (id >= 0) into.set(id, (into.get(id) ?? 0) + weight);
      else unknown.set(term, (unknown.get(term) ?? 0) + weight);
    }
  }
}

export class RelatedIndex {
  private readonly docs: StoredDoc[] = [];
  private readonly words = new Space();
  private readonly names = new Space();
  private scores = new Float32Array(0);
  private readonly tuning: IndexTuning;

  constructor(tuning: Partial<IndexTuning> = {}) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
  }

  get size(): number {
    return this.docs.length;
  }

  idOf(doc: number): string {
    return this.docs[doc]!.id;
  }

  /** Adds a story; returns its internal number. */
  add(document: RelatedDocument): number {
    const { words, names } = this.bags(document, true);
    const doc = this.docs.length;
    for (const id of words.keys()) this.words.df[id]!++;
    for (const id of names.keys()) this.names.df[id]!++;
    const stored: StoredDoc = {
      id: document.id,
      words: this.vector(this.words, words, doc + 1),
      names: this.vector(this.names, names, doc + 1),
      time: document.date ? document.date.getTime() : Number.NaN,
    };
    this.docs.push(stored);
    this.post(this.words, stored.words, doc);
    this.post(this.names, stored.names, doc);
    return doc;
  }

  /** Reweighs every story with the collection's current statistics. */
  seal(): void {
    const n = this.docs.length;
    for (const space of [this.words, this.names]) for (const p of space.postings) p.length = 0;
    for (let doc = 0; doc < n; doc++) {
      const stored = this.docs[doc]!;
      stored.words = this.renormalize(this.words, stored.words, n);
      stored.names = this.renormalize(this.names, stored.names, n);
      this.post(this.words, stored.words, doc);
      this.post(this.names, stored.names, doc);
    }
  }

  /** Stories most like a stored one, best first, the story itself left out. */
  similarTo(doc: number, options: RelatedOptions): RelatedHit[] {
    const stored = this.docs[doc]!;
    const exclude = new Set(options.exclude ?? []);
    exclude.add(doc);
    const query = { words: this.tfidf(stored.words, this.words), names: this.tfidf(stored.names, this.names) };
    return this.search(query, stored.time, { ...options, exclude });
  }

  /** Stories most like a text that is not in the index (a fetched page, the user's words). */
  similarToText(document: Omit<RelatedDocument, "id">, options: RelatedOptions): RelatedHit[] {
    const { words, names } = this.bags({ ...document, id: "" }, false);
    const n = this.docs.length + 1;
    const query = {
      words: this.tfidf(this.vector(this.words, words, n), this.words),
      names: this.tfidf(this.vector(this.names, names, n), this.names),
    };
    const time = document.date ? document.date.getTime() : Number.NaN;
    return this.search(query, time, options);
  }

  private bags(document: RelatedDocument, create: boolean): { words: Map<number, number>; names: Map<number, number> } {
    const title = textTerms(document.title, document.language);
    const body = textTerms(document.text, document.language);
    const unknown = new Map<string, number>();
    const words = new Map<number, number>();
    const names = new Map<number, number>();
    this.words.counts(title.words, this.tuning.titleWeight, words, create, unknown);
    this.words.counts(body.words, 1, words, create, unknown);
    this.names.counts(title.names, this.tuning.titleWeight, names, create, unknown);
    this.names.counts(body.names, 1, names, create, unknown);
    return { words, names };
  }

  /** A stored vector: the strongest terms, 1 + ln tf over the TF-IDF length. */
  private vector(space: Space, counts: Map<number, number>, documents: number): Vector {
    const entries: Array<[number, number, number]> = [];
    for (const [term, tf] of counts) {
      const logTf = 1 + Math.log(tf);
      entries.push([term, logTf, logTf * space.idf(term, documents)]);
    }
    entries.sort((a, b) => b[2] - a[2] || a[0] - b[0]);
    if (entries.length > this.tuning.maxTerms) entries.length = this.tuning.maxTerms;
    let norm = 0;
    for (const e of entries) norm += e[2] * e[2];
    norm = Math.sqrt(norm) || 1;
    return {
      terms: Int32Array.from(entries, (e) => e[0]),
      weights: Float32Array.from(entries, (e) => e[1] / norm),
    };
  }

  private renormalize(space: Space, vector: Vector, documents: number): Vector {
    // Recover 1 + ln tf from the stored weights: they share one divisor.
    let norm = 0;
    for (let i = 0; i < vector.terms.length; i++) {
      const w = vector.weights[i]! * space.idf(vector.terms[i]!, documents);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    const weights = new Float32Array(vector.weights.length);
    for (let i = 0; i < weights.length; i++) weights[i] = vector.weights[i]! / norm;
    return { terms: vector.terms, weights };
  }

  private post(space: Space, vector: Vector, doc: number): void {
    for (let i = 0; i < vector.terms.length; i++) space.postings[vector.terms[i]!]!.push(doc, vector.weights[i]!);
  }

  /** A vector with its TF-IDF weights (unit length up to the drift of the statistics since it was stored). */
  private tfidf(vector: Vector, space: Space): Vector {
    const n = this.docs.length;
    const weights = new Float32Array(vector.weights.length);
    for (let i = 0; i < weights.length; i++) weights[i] = vector.weights[i]! * space.idf(vector.terms[i]!, n);
    return { terms: vector.terms, weights };
  }

  /**
   * Cosine TF-IDF retrieval of a pool of candidates, then re-ranking within the pool by their
   * neighbourhoods: stories of one event are each other's nearest neighbours, while a story of
   * the same kind about another event shares words with the query but not its neighbours.
   */
  private search(query: { words: Vector; names: Vector }, time: number, options: RelatedOptions): RelatedHit[] {
    const n = this.docs.length;
    if (this.scores.length < n) this.scores = new Float32Array(Math.max(n, this.scores.length * 2));
    const scores = this.scores;
    const touched: number[] = [];
    const accumulate = (space: Space, vector: Vector, factor: number): void => {
      for (let t = 0; t < vector.terms.length; t++) {
        const postings = space.postings[vector.terms[t]!];
        if (!postings) continue;
        const w = vector.weights[t]! * space.idf(vector.terms[t]!, n) * factor;
        const docs = postings.docs;
        const weights = postings.weights;
        for (let i = 0; i < postings.length; i++) {
          const doc = docs[i]!;
          if (scores[doc] === 0) touched.push(doc);
          scores[doc]! += w * weights[i]!;
        }
      }
    };
    // Query vectors hold TF-IDF weights; postings hold (1 + ln tf) / length: one idf factor is left to apply.
    const unweighted = (v: Vector, space: Space): Vector => ({
      terms: v.terms,
      weights: Float32Array.from(v.weights, (w, i) => w / space.idf(v.terms[i]!, n)),
    });
    accumulate(this.words, unweighted(query.words, this.words), 1);
    accumulate(this.names, unweighted(query.names, this.names), this.tuning.namesWeight);
    const pool = this.top(touched, options.exclude, Math.max(options.k, this.tuning.pool));
    for (const doc of touched) scores[doc] = 0;

    const ranked = this.tuning.pool > 0 ? this.rerank(query, pool) : pool;
    const reference = Number.isNaN(time) ? (options.now?.getTime() ?? Number.NaN) : time;
    if (!Number.isNaN(reference) && this.tuning.recencyWeight > 0) {
      const halfLife = this.tuning.recencyHalfLifeDays * 86_400_000;
      for (const hit of ranked) {
        const t = this.docs[hit.doc]!.time;
        if (!Number.isNaN(t)) hit.score *= 1 + this.tuning.recencyWeight * Math.pow(0.5, Math.abs(reference - t) / halfLife);
      }
    }
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return ranked.slice(0, options.k);
  }

  private rerank(query: { words: Vector; names: Vector }, pool: RelatedHit[]): RelatedHit[] {
    const nodes = [query, ...pool.map((hit) => ({ words: this.tfidf(this.docs[hit.doc]!.words, this.words), names: this.tfidf(this.docs[hit.doc]!.names, this.names) }))];
    const size = nodes.length;
    const self = 1 + this.tuning.namesWeight;
    // Pairwise similarity within the pool, as the retrieval scored it.
    const sim = new Float32Array(size * size);
    for (let i = 0; i < size; i++) {
      sim[i * size + i] = self;
      const wordsDense = this.dense(nodes[i]!.words);
      const namesDense = this.dense(nodes[i]!.names, true);
      for (let j = i + 1; j < size; j++) {
        const s = dot(wordsDense, nodes[j]!.words) + this.tuning.namesWeight * dot(namesDense, nodes[j]!.names);
        sim[i * size + j] = s;
        sim[j * size + i] = s;
      }
      this.clear(nodes[i]!.words);
      this.clear(nodes[i]!.names, true);
    }
    // Each story's similarities plus those of its nearest stories, weighted by how near they are.
    const expanded = new Float32Array(size * size);
    for (let i = 0; i < size; i++) {
      const row = sim.subarray(i * size, (i + 1) * size);
      expanded.set(row, i * size);
      for (const x of nearest(row, i, this.tuning.expansion)) {
        const weight = row[x]!;
        for (let j = 0; j < size; j++) if (j !== i) expanded[i * size + j]! += weight * sim[x * size + j]!;
      }
    }
    // Each story's neighbourhood: itself and its nearest stories, with their expanded similarities.
    const neighbourhoods = Array.from({ length: size }, (_, i) => {
      const row = expanded.subarray(i * size, (i + 1) * size);
      const members = new Map<number, number>([[i, self]]);
      for (const x of nearest(row, i, this.tuning.neighbours)) members.set(x, row[x]!);
      return members;
    });
    return pool.map((hit, p) => ({ ...hit, score: expanded[p + 1]! * cosine(neighbourhoods[0]!, neighbourhoods[p + 1]!) }));
  }

  private denseWords = new Float32Array(0);
  private denseNames = new Float32Array(0);

  private dense(vector: Vector, names = false): Float32Array {
    const size = (names ? this.names : this.words).df.length;
    let buffer = names ? this.denseNames : this.denseWords;
    if (buffer.length < size) {
      buffer = new Float32Array(Math.max(size, buffer.length * 2));
      if (names) this.denseNames = buffer;
      else this.denseWords = buffer;
    }
    for (let i = 0; i < vector.terms.length; i++) buffer[vector.terms[i]!] = vector.weights[i]!;
    return buffer;
  }

  private clear(vector: Vector, names = false): void {
    const buffer = names ? this.denseNames : this.denseWords;
    for (let i = 0; i < vector.terms.length; i++) buffer[vector.terms[i]!] = 0;
  }

  private top(touched: readonly number[], exclude: ReadonlySet<number> | undefined, k: number): RelatedHit[] {
    const scores = this.scores;
    const best: number[] = [];
    for (const doc of touched) {
      if (exclude?.has(doc) || scores[doc]! <= 0) continue;
      if (best.length === k && scores[doc]! <= scores[best[k - 1]!]!) continue;
      let i = best.length < k ? best.length : k - 1;
      best[i] = doc;
      while (i > 0 && (scores[best[i - 1]!]! < scores[doc]! || (scores[best[i - 1]!]! === scores[doc]! && best[i - 1]! > doc))) {
        best[i] = best[i - 1]!;
        best[i - 1] = doc;
        i--;
      }
    }
    return best.map((doc) => ({ doc, id: this.docs[doc]!.id, score: scores[doc]! }));
  }
}

/** A sparse vector against a dense one (terms unknown to the dense one count zero). */
function dot(dense: Float32Array, vector: Vector): number {
  let sum = 0;
  for (let i = 0; i < vector.terms.length; i++) sum += (dense[vector.terms[i]!] ?? 0) * vector.weights[i]!;
  return sum;
}

/** The `count` highest entries of a row, other than `self`. */
function nearest(row: Float32Array, self: number, count: number): number[] {
  const order: number[] = [];
  for (let j = 0; j < row.length; j++) if (j !== self && row[j]! > 0) order.push(j);
  order.sort((a, b) => row[b]! - row[a]! || a - b);
  return order.slice(0, count);
}

function cosine(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): number {
  let product = 0;
  let na = 0;
  let nb = 0;
  for (const [key, x] of a) {
    na += x * x;
    const y = b.get(key);
    if (y !== undefined) product += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? product / Math.sqrt(na * nb) : 0;
}
