export {
  type Directive,
  type Region,
  type RegionKind,
  type ReplyContext,
  type RuleSettings,
  isReplyText,
  regionAt,
  replyContext,
  replyRegions
} from './context.js'
export {
  type Check,
  type Report,
  type Rule,
  type RuleMeta,
  type RuleSetting,
  type Severity,
  defineRule,
  parseSetting,
  report
} from './define-rule.js'
export {type RuleDocs, type RuleMetaData, ruleMeta} from './define-rule.js'
export {type Fix, applyFix, insertAfter, replaceWith} from './fixes.js'
export {type Language, defineLanguage, languageOf} from './languages.js'
export {expandWord, foldWide, foldWord, phraseWords} from './normalize.js'
export {type PhraseEntry, type PhraseMatch, PhraseMatcher, type PhraseSet, definePhrases, findPhrases, sentencesWith} from './phrases.js'
export {type Point, lineStarts, pointAt} from './position.js'
export {
  type JoinedMatch,
  type JoinedText,
  type Sentence,
  type Token,
  type TokenRange,
  joinedEndOffset,
  joinedOffset,
  joinedText,
  joinedToken,
  matchJoined,
  matchTokens,
  nearby,
  sentencesOf,
  spanOf,
  startsSentence,
  textOf
} from './sentences.js'
export {alternation, capitalize, matchCase, quote, ruleUrl} from './text.js'
export {type ChineseCheck, type Clause, clausesOf, endsWord, joinedSpan, reportJoined, startsWord} from './chinese.js'
export {SpanSet} from './spans.js'
