import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {phraseWords} from './normalize.js'
import {type Sentence, sentencesOf} from './sentences.js'

/** One entry of a rule's phrase data. */
export interface PhraseEntry {
  /** Lower-case words, matched on normalized tokens (case, apostrophes, dashes and contractions folded). */
  phrase: string
  suggestions?: string[]
  note?: string
}

/** A rule's phrase data, registered with the shared matcher. */
export interface PhraseSet<Entry extends PhraseEntry = PhraseEntry> {
  readonly entries: readonly Entry[]
  readonly lang: string
}

/** Where a phrase was found. */
export interface PhraseMatch<Entry extends PhraseEntry = PhraseEntry> {
  entry: Entry
  sentence: Sentence
  /** Token range `[from, to)` in `sentence.tokens`. */
  from: number
  to: number
  start: number
  end: number
}

interface Hit {
  set: PhraseSet
  entry: PhraseEntry
  length: number
}

interface TrieNode {
  next: Map<string, TrieNode>
  hits: Hit[]
}

/** A compiled matcher over one or more phrase sets. */
export class PhraseMatcher {
  private readonly root: TrieNode = {next: new Map(), hits: []}

  /** Add every entry of a set. */
  add(set: PhraseSet): void {
    for (const entry of set.entries) {
      const words = phraseWords(entry.phrase)
      if (words.length === 0) continue
      let node = this.root
      for (const word of words) {
        let child = node.next.get(word)
        if (!child) {
          child = {next: new Map(), hits: []}
          node.next.set(word, child)
        }
        node = child
      }
      node.hits.push({set, entry, length: words.length})
    }
  }

  /** Every match in the sentences, in one pass: each start token walks the trie as far as it goes. */
  run(sentences: Sentence[], each: (set: PhraseSet, match: PhraseMatch) => void): void {
    for (const sentence of sentences) {
      const {tokens} = sentence
      for (let from = 0; from < tokens.length; from++) {
        let node = this.root.next.get(tokens[from].norm)
        let to = from + 1
        while (node) {
          for (const hit of node.hits) {
            each(hit.set, {
              entry: hit.entry,
              sentence,
              from,
              to,
              start: tokens[from].start,
              end: tokens[to - 1].end
            })
          }
          if (to >= tokens.length) break
          node = node.next.get(tokens[to].norm)
          to++
        }
      }
    }
  }
}

const registry: PhraseSet[] = []
const shared = new Map<string, PhraseMatcher>()
const found = new WeakMap<Root, Map<PhraseSet, PhraseMatch[]>>()

/**
 * Register a rule's phrase data with the one shared matcher. Call it once, at module level:
 * the data of every rule is compiled together, at first use.
 */
export function definePhrases<Entry extends PhraseEntry>(entries: readonly Entry[], lang = 'en'): PhraseSet<Entry> {
  const set: PhraseSet<Entry> = {entries, lang}
  registry.push(set)
  shared.delete(lang)
  return set
}

/**
 * The places in the reply where the set's phrases occur. The first call for a tree walks it once
 * for every registered set; later calls (from other rules) read the result.
 */
export function findPhrases<Entry extends PhraseEntry>(tree: Root, file: VFile, set: PhraseSet<Entry>): PhraseMatch<Entry>[] {
  let byTree = found.get(tree)
  if (!byTree) {
    byTree = new Map()
    found.set(tree, byTree)
    const sentences = sentencesOf(tree, file)
    const results = byTree
    matcherFor(set.lang).run(sentences, (owner, match) => {
      let list = results.get(owner)
      if (!list) {
        list = []
        results.set(owner, list)
      }
      list.push(match)
    })
  }
  return (byTree.get(set) ?? []) as PhraseMatch<Entry>[]
}

function matcherFor(lang: string): PhraseMatcher {
  let matcher = shared.get(lang)
  if (!matcher) {
    matcher = new PhraseMatcher()
    for (const set of registry) if (set.lang === lang) matcher.add(set)
    shared.set(lang, matcher)
  }
  return matcher
}
