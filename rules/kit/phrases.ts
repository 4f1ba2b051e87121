import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {type Language, languageOf} from './languages.js'
import {memo} from './memo.js'
import {type Sentence, sentencesOf} from './sentences.js'

/** One entry of a rule's phrase data. */
export interface PhraseEntry {
  /**
   * Lower-case words, matched on normalized tokens (case, apostrophes, dashes and contractions folded).
   * In a language written without spaces (Chinese), the phrase is matched character by character and
   * must start and end on word boundaries.
   */
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

/** A compiled matcher over one or more phrase sets of one language. */
export class PhraseMatcher {
  private readonly root: TrieNode = {next: new Map(), hits: []}
  private readonly language: Language

  /** A matcher for text in language `lang` (a code such as `en` or `zh`). */
  constructor(lang = 'en') {
    this.language = languageOf(lang)
  }

  /** Add every entry of a set. */
  add(set: PhraseSet): void {
    for (const entry of set.entries) {
      const words = this.language.phraseUnits(entry.phrase)
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

  /**
   * Every match in the sentences, in one pass: each token start walks the trie, unit by unit (a word,
   * or a character), as far as it goes; a match counts where a token ends.
   */
  run(sentences: Sentence[], each: (set: PhraseSet, match: PhraseMatch) => void): void {
    if (!this.language.units) {
      for (const sentence of sentences) this.runWords(sentence, each)
      return
    }
    for (const sentence of sentences) this.runUnits(sentence, this.language.units, each)
  }

  // Each token is one unit: a match starts and ends on any token.
  private runWords(sentence: Sentence, each: (set: PhraseSet, match: PhraseMatch) => void): void {
    const {tokens} = sentence
    for (let first = 0; first < tokens.length; first++) {
      let node = this.root.next.get(tokens[first].norm)
      let next = first + 1
      while (node) {
        for (const hit of node.hits) {
          each(hit.set, {entry: hit.entry, sentence, from: first, to: next, start: tokens[first].start, end: tokens[next - 1].end})
        }
        if (next >= tokens.length) break
        node = node.next.get(tokens[next].norm)
        next++
      }
    }
  }

  private runUnits(sentence: Sentence, unitsOf: (norm: string) => string[], each: (set: PhraseSet, match: PhraseMatch) => void): void {
    const {tokens} = sentence
    const units: string[] = []
    const owner: number[] = []
    tokens.forEach((token, index) => {
      for (const unit of unitsOf(token.norm)) {
        units.push(unit)
        owner.push(index)
      }
    })
    const clitics = this.language.clitics
    // A match starts where a token starts, or after units that are glued on before a word; it ends
    // where a token ends, or before units glued on after one.
    const canStart = (index: number): boolean => {
      if (index === 0 || owner[index - 1] !== owner[index]) return true
      if (!clitics) return false
      for (let back = index - 1; back >= 0 && owner[back] === owner[index]; back--) if (!clitics.before.has(units[back])) return false
      return true
    }
    const canEnd = (index: number): boolean => {
      if (index === units.length || owner[index] !== owner[index - 1]) return true
      if (!clitics) return false
      for (let ahead = index; ahead < units.length && owner[ahead] === owner[index - 1]; ahead++)
        if (!clitics.after.has(units[ahead])) return false
      return true
    }
    for (let first = 0; first < units.length; first++) {
      if (!canStart(first)) continue
      let node = this.root.next.get(units[first])
      let next = first + 1
      while (node) {
        if (node.hits.length > 0 && canEnd(next)) {
          const from = owner[first]
          const to = owner[next - 1] + 1
          for (const hit of node.hits) {
            each(hit.set, {entry: hit.entry, sentence, from, to, start: tokens[from].start, end: tokens[to - 1].end})
          }
        }
        if (next >= units.length) break
        node = node.next.get(units[next])
        next++
      }
    }
  }
}

const registry: PhraseSet[] = []
const shared = new Map<string, PhraseMatcher>()

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
  const byTree = memo(tree, 'phrases', () => {
    const results = new Map<PhraseSet, PhraseMatch[]>()
    const collect = (owner: PhraseSet, match: PhraseMatch) => {
      let list = results.get(owner)
      if (!list) {
        list = []
        results.set(owner, list)
      }
      list.push(match)
    }
    const sentences = sentencesOf(tree, file)
    // Each sentence is matched against the data of its own language; most replies have one.
    const lang = sentences[0]?.lang
    if (sentences.every((sentence) => sentence.lang === lang)) {
      if (lang !== undefined) matcherFor(lang).run(sentences, collect)
      return results
    }
    const byLang = new Map<string, Sentence[]>()
    for (const sentence of sentences) {
      const list = byLang.get(sentence.lang)
      if (list) list.push(sentence)
      else byLang.set(sentence.lang, [sentence])
    }
    for (const [code, list] of byLang) matcherFor(code).run(list, collect)
    return results
  })
  return (byTree.get(set) ?? []) as PhraseMatch<Entry>[]
}

function matcherFor(lang: string): PhraseMatcher {
  let matcher = shared.get(lang)
  if (!matcher) {
    matcher = new PhraseMatcher(lang)
    for (const set of registry) if (set.lang === lang) matcher.add(set)
    shared.set(lang, matcher)
  }
  return matcher
}

/** The sentences in which the set's phrases occur, each once, in order: the candidates for a closer look. */
export function sentencesWith(tree: Root, file: VFile, set: PhraseSet): Sentence[] {
  const sentences = new Set<Sentence>()
  for (const match of findPhrases(tree, file, set)) sentences.add(match.sentence)
  return [...sentences]
}
