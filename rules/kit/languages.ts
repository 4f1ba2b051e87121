import {expandWord, foldWide, foldWord, phraseWords} from './normalize.js'

/**
 * How the kit reads the text of one language: how a token is folded, and the units that phrase
 * data is matched on. Languages are looked up by code, so the engine itself knows none of them.
 */
export interface Language {
  code: string
  /** Normalized tokens for one word as typed (English expands contractions: “can’t” → can, not). */
  foldWord(raw: string): string[]
  /** Normalized form of a punctuation mark or symbol. */
  foldMark(raw: string): string
  /**
   * Match units of one normalized token, for languages written without spaces: its characters.
   * Without it, each token is one unit: the word itself.
   */
  units?(norm: string): string[]
  /** Match units of a phrase as written in the data. */
  phraseUnits(phrase: string): string[]
  /**
   * Units that segmenters glue to the word after them (“也不|提供”) or before them (“感谢您”): a phrase may
   * start after such units inside a token, or end before them.
   */
  clitics?: {before: ReadonlySet<string>; after: ReadonlySet<string>}
}

const english: Language = {
  code: 'en',
  foldWord: (raw) => expandWord(foldWord(raw)),
  foldMark: foldWord,
  phraseUnits: phraseWords
}

// Chinese is written without spaces and segmenters differ on where a word ends, so phrases match
// character by character; a match must still start and end on word boundaries (“针对接下来” holds no “对接”).
const chinese: Language = {
  code: 'zh',
  foldWord: (raw) => [foldWide(raw)],
  foldMark: foldWide,
  units: (norm) => Array.from(norm),
  phraseUnits: (phrase) => Array.from(foldWide(phrase.replace(/\s+/g, ''))),
  clitics: {
    before: new Set(['也', '都', '就', '还', '并', '又', '再', '才', '请', '均', '却', '更', '这', '那', '是', '我', '您', '你']),
    after: new Set(['了', '的', '您', '你', '吗', '呢', '啊', '吧', '啦', '着', '过', '们', '到'])
  }
}

const languages = new Map<string, Language>([
  ['en', english],
  ['zh', chinese]
])

/** The language of a code; unknown codes read as English. */
export function languageOf(code: string): Language {
  return languages.get(code) ?? english
}

/** Register how the kit reads another language. */
export function defineLanguage(language: Language): void {
  languages.set(language.code, language)
}
