/**
 * An in-memory index of stories for /related: TF-IDF over headline and body (sublinear term
 * frequency, cosine), a second TF-IDF space of names and numbers, and recency. Pure: no
 * database, no network.
 *
 * Documents are added one by one; `seal()` recomputes every weight with the collection's
 * final statistics (a batch, like the command line's). Stories added after that are weighed
 * with the statistics of the moment, which drift slowly as an archive grows.
 */
import { DocStore, type Vector } from "./doc-store.ts";
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
  /** False: plain TF-IDF order, for a few words where a neighbourhood says little. */
  rerank?: boolean;
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
  /** The strongest terms a stored story keeps (memory and the re-ranking's cost). */
  maxTerms: number;
  /** The strongest terms of a story that retrieval can find it by (memory and speed; the re-ranking sees all `maxTerms`). */
  postedTerms: number;
  /** The strongest terms a query looks up (speed: a story's weak terms have the longest postings). */
  queryTerms: number;
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
  postedTerms: 32,
  queryTerms: 20,
  pool: 30,
  expansion: 2,
  neighbours: 5,
  recencyHalfLifeDays: 7,
  recencyWeight: 0.1,
};

/** A text's distinct terms and how often each occurs (headline words counted `titleWeight` times). */
interface Bag {
  terms: Int32Array;
  tf: Float64Array;
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

  /** Scratch term frequencies over the vocabulary, and the terms touched, reused for every bag. */
  private tf = new Float64Array(1024);
  private readonly touched: number[] = [];

  /** Adds terms to the bag being counted, `weight` per occurrence (unknown terms are skipped unless `create`). */
  count(terms: readonly string[], weight: number, create: boolean): void {
    for (const term of terms) {
      const id = this.idOf(term, create);
      if (id < 0) continue;
      if (id >= this.tf.length) {
        const grown = new Float64Array(Math.max(id + 1, this.tf.length * 2));
        grown.set(this.tf);
        this.tf = grown;
      }
      if (this.tf[id] === 0) this.touched.push(id);
      this.tf[id]! += weight;
    }
  }

  /** The counted bag as parallel arrays (term ids, frequencies); the scratch is cleared. */
  takeBag(): Bag {
    const terms = Int32Array.from(this.touched);
    const tf = new Float64Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      tf[i] = this.tf[terms[i]!]!;
      this.tf[terms[i]!] = 0;
    }
    this.touched.length = 0;
    return { terms, tf };
  }
}

export class RelatedIndex {
  private readonly docs = new DocStore();
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
    return this.docs.id(doc);
  }

  /** Adds a story; returns its internal number. */
  add(document: RelatedDocument): number {
    const { words, names } = this.bags(document, true);
    const doc = this.docs.length;
    for (const id of words.terms) this.words.df[id]!++;
    for (const id of names.terms) this.names.df[id]!++;
    this.docs.push({
      id: document.id,
      words: this.vector(this.words, words, doc + 1),
      names: this.vector(this.names, names, doc + 1),
      time: document.date ? document.date.getTime() : Number.NaN,
    });
    this.post(this.words, this.docs.words(doc), doc);
    this.post(this.names, this.docs.names(doc), doc);
    return doc;
  }

  /** Reweighs every story with the collection's current statistics. */
  seal(): void {
    const n = this.docs.length;
    for (const space of [this.words, this.names]) for (const p of space.postings) p.length = 0;
    for (let doc = 0; doc < n; doc++) {
      const words = this.docs.words(doc);
      const names = this.docs.names(doc);
      this.renormalize(this.words, words, n);
      this.renormalize(this.names, names, n);
      this.post(this.words, words, doc);
      this.post(this.names, names, doc);
    }
  }

  /** True when a stored story has every word of a text among its terms (a search's "all the words"). */
  hasAllWords(doc: number, text: string): boolean {
    if (doc < 0 || doc >= this.docs.length) return false;
    const words = this.docs.words(doc);
    const wanted = textTerms(text).words;
    if (wanted.length === 0) return false;
    return wanted.every((word) => {
      const id = this.words.vocabulary.get(word);
      return id !== undefined && words.terms.includes(id);
    });
  }

  /** Stories most like a stored one, best first, the story itself left out. */
  similarTo(doc: number, options: RelatedOptions): RelatedHit[] {
    const stored = this.docs.get(doc)!;
    const exclude = new Set(options.exclude ?? []);
    exclude.add(doc);
    return this.search({ words: stored.words, names: stored.names }, stored.time, { ...options, exclude });
  }

  /** Stories most like a text that is not in the index (a fetched page, the user's words). */
  similarToText(document: Omit<RelatedDocument, "id">, options: RelatedOptions): RelatedHit[] {
    const { words, names } = this.bags({ ...document, id: "" }, false);
    const n = this.docs.length + 1;
    const query = { words: this.vector(this.words, words, n), names: this.vector(this.names, names, n) };
    const time = document.date ? document.date.getTime() : Number.NaN;
    return this.search(query, time, options);
  }

  private bags(document: RelatedDocument, create: boolean): { words: Bag; names: Bag } {
    const title = textTerms(document.title, document.language);
    const body = textTerms(document.text, document.language);
    this.words.count(title.words, this.tuning.titleWeight, create);
    this.words.count(body.words, 1, create);
    this.names.count(title.names, this.tuning.titleWeight, create);
    this.names.count(body.names, 1, create);
    return { words: this.words.takeBag(), names: this.names.takeBag() };
  }

  /** A stored vector: the strongest terms, 1 + ln tf over the TF-IDF length. */
  private vector(space: Space, bag: Bag, documents: number): Vector {
    const size = bag.terms.length;
    const logTf = new Float64Array(size);
    const weight = new Float64Array(size);
    const order: number[] = new Array<number>(size);
    for (let i = 0; i < size; i++) {
      logTf[i] = 1 + Math.log(bag.tf[i]!);
      weight[i] = logTf[i]! * space.idf(bag.terms[i]!, documents);
      order[i] = i;
    }
    order.sort((a, b) => weight[b]! - weight[a]! || bag.terms[a]! - bag.terms[b]!);
    const kept = Math.min(size, this.tuning.maxTerms);
    let norm = 0;
    for (let i = 0; i < kept; i++) norm += weight[order[i]!]! ** 2;
    norm = Math.sqrt(norm) || 1;
    const terms = new Int32Array(kept);
    const weights = new Float32Array(kept);
    for (let i = 0; i < kept; i++) {
      terms[i] = bag.terms[order[i]!]!;
      weights[i] = logTf[order[i]!]! / norm;
    }
    return { terms, weights };
  }

  /** Rescales a stored vector in place to unit TF-IDF length under the current statistics. */
  private renormalize(space: Space, vector: Vector, documents: number): void {
    // The stored weights share one divisor, so rescaling them by their current length suffices.
    let norm = 0;
    for (let i = 0; i < vector.terms.length; i++) {
      const w = vector.weights[i]! * space.idf(vector.terms[i]!, documents);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < vector.weights.length; i++) vector.weights[i] = vector.weights[i]! / norm;
  }

  private post(space: Space, vector: Vector, doc: number): void {
    const posted = Math.min(vector.terms.length, this.tuning.postedTerms);
    for (let i = 0; i < posted; i++) space.postings[vector.terms[i]!]!.push(doc, vector.weights[i]!);
  }

  /**
   * Cosine TF-IDF retrieval of a pool of candidates, then re-ranking within the pool by their
   * neighbourhoods: stories of one event are each other's nearest neighbours, while a story of
   * the same kind about another event shares words with the query but not its neighbours.
   */
  private search(query: { words: Vector; names: Vector }, time: number, options: RelatedOptions): RelatedHit[] {
    const n = this.docs.length;
    const wordsIdf = this.idfTable(this.words);
    const namesIdf = this.idfTable(this.names);
    if (this.scores.length < n) this.scores = new Float32Array(Math.max(n, this.scores.length * 2));
    const scores = this.scores;
    const touched: number[] = [];
    // Both sides hold (1 + ln tf) / length: the query's TF-IDF weight and the story's each need one idf.
    const accumulate = (space: Space, idf: Float32Array, vector: Vector, factor: number): void => {
      for (let t = 0; t < vector.terms.length; t++) {
        const term = vector.terms[t]!;
        const postings = space.postings[term];
        if (!postings) continue;
        const w = vector.weights[t]! * idf[term]! * idf[term]! * factor;
        const docs = postings.docs;
        const weights = postings.weights;
        for (let i = 0; i < postings.length; i++) {
          const doc = docs[i]!;
          if (scores[doc] === 0) touched.push(doc);
          scores[doc]! += w * weights[i]!;
        }
      }
    };
    accumulate(this.words, wordsIdf, strongest(query.words, this.tuning.queryTerms), 1);
    accumulate(this.names, namesIdf, strongest(query.names, this.tuning.queryTerms), this.tuning.namesWeight);
    const pool = this.top(touched, options.exclude, Math.max(options.k, this.tuning.pool));
    for (const doc of touched) scores[doc] = 0;

    const ranked = this.tuning.pool > 0 && options.rerank !== false ? this.rerank(query, pool, wordsIdf, namesIdf) : pool;
    const reference = Number.isNaN(time) ? (options.now?.getTime() ?? Number.NaN) : time;
    if (!Number.isNaN(reference) && this.tuning.recencyWeight > 0) {
      const halfLife = this.tuning.recencyHalfLifeDays * 86_400_000;
      for (const hit of ranked) {
        const t = this.docs.time(hit.doc);
        if (!Number.isNaN(t)) hit.score *= 1 + this.tuning.recencyWeight * Math.pow(0.5, Math.abs(reference - t) / halfLife);
      }
    }
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return ranked.slice(0, options.k);
  }

  private rerank(query: { words: Vector; names: Vector }, pool: RelatedHit[], wordsIdf: Float32Array, namesIdf: Float32Array): RelatedHit[] {
    const nodes = [query, ...pool.map((hit) => ({ words: this.docs.words(hit.doc), names: this.docs.names(hit.doc) }))];
    const size = nodes.length;
    const namesWeight = this.tuning.namesWeight;
    const self = 1 + namesWeight;
    // Pairwise similarity within the pool, as the retrieval scored it.
    const sim = new Float32Array(size * size);
    const wordsDense = this.dense(this.words.df.length, false);
    const namesDense = this.dense(this.names.df.length, true);
    for (let i = 0; i < size; i++) {
      sim[i * size + i] = self;
      fill(wordsDense, nodes[i]!.words, wordsIdf);
      fill(namesDense, nodes[i]!.names, namesIdf);
      for (let j = i + 1; j < size; j++) {
        const s = dot(wordsDense, nodes[j]!.words, wordsIdf) + namesWeight * dot(namesDense, nodes[j]!.names, namesIdf);
        sim[i * size + j] = s;
        sim[j * size + i] = s;
      }
      clear(wordsDense, nodes[i]!.words);
      clear(namesDense, nodes[i]!.names);
    }
    // Each story's similarities plus those of its nearest stories, weighted by how near they are.
    const expanded = new Float32Array(sim);
    for (let i = 0; i < size; i++) {
      const row = sim.subarray(i * size, (i + 1) * size);
      for (const x of nearest(row, i, this.tuning.expansion)) {
        const weight = row[x]!;
        const other = x * size;
        for (let j = 0; j < size; j++) if (j !== i) expanded[i * size + j]! += weight * sim[other + j]!;
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

  /** A zeroed scratch vector over a space's vocabulary, reused across queries. */
  private dense(size: number, names: boolean): Float32Array {
    const buffer = names ? this.denseNames : this.denseWords;
    if (buffer.length >= size) return buffer;
    const grown = new Float32Array(Math.max(size, buffer.length * 2));
    if (names) this.denseNames = grown;
    else this.denseWords = grown;
    return grown;
  }

  private idfCache = new Map<Space, { documents: number; table: Float32Array }>();

  /**
   * Every term's idf, recomputed when the collection has grown by a hundredth since
   * (idf moves by less than that fraction of a unit; new terms are filled in at once).
   */
  private idfTable(space: Space): Float32Array {
    const n = this.docs.length;
    const cached = this.idfCache.get(space);
    if (cached && cached.table.length >= space.df.length && n - cached.documents <= cached.documents / 100) {
      return cached.table;
    }
    const table = new Float32Array(space.df.length);
    for (let term = 0; term < table.length; term++) table[term] = space.idf(term, n);
    this.idfCache.set(space, { documents: n, table });
    return table;
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
    return best.map((doc) => ({ doc, id: this.docs.id(doc), score: scores[doc]! }));
  }
}

/** The first `count` terms of a vector (its strongest: vectors are kept sorted by weight). */
function strongest(vector: Vector, count: number): Vector {
  if (vector.terms.length <= count) return vector;
  return { terms: vector.terms.subarray(0, count), weights: vector.weights.subarray(0, count) };
}

function fill(dense: Float32Array, vector: Vector, idf: Float32Array): void {
  for (let i = 0; i < vector.terms.length; i++) dense[vector.terms[i]!] = vector.weights[i]! * idf[vector.terms[i]!]!;
}

function clear(dense: Float32Array, vector: Vector): void {
  for (let i = 0; i < vector.terms.length; i++) dense[vector.terms[i]!] = 0;
}

/** A vector's TF-IDF form against a dense TF-IDF vector. */
function dot(dense: Float32Array, vector: Vector, idf: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < vector.terms.length; i++) {
    const term = vector.terms[i]!;
    sum += dense[term]! * vector.weights[i]! * idf[term]!;
  }
  return sum;
}

/** The `count` highest positive entries of a row, other than `self`, highest first. */
function nearest(row: Float32Array, self: number, count: number): number[] {
  const best: number[] = [];
  for (let j = 0; j < row.length; j++) {
    const value = row[j]!;
    if (j === self || value <= 0) continue;
    if (best.length === count && value <= row[best[count - 1]!]!) continue;
    let i = best.length < count ? best.length : count - 1;
    best[i] = j;
    while (i > 0 && row[best[i - 1]!]! < value) {
      best[i] = best[i - 1]!;
      best[i - 1] = j;
      i--;
    }
  }
  return best;
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
