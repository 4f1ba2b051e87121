/**
 * “Appreciate” thanks (*I appreciate your patience*, *we appreciate you reaching out*) or understands
 * (*I appreciate this is frustrating*, *we appreciate your frustration*); only the first is thanks.
 */
import type {Sentence} from '../kit/index.js'

// What follows “appreciate” when it means “understand”: a clause (that, this is, how, you are …) or a
// feeling or state of affairs as its object.
const clause = new Set(['how', 'what', 'why', 'where', 'when', 'whether', 'there'])
const subject = new Set(['you', 'it', 'this', 'that', 'they', 'he', 'she', 'we'])
const finiteVerbs = new Set([
  'is',
  'are',
  'was',
  'were',
  'have',
  'has',
  'had',
  'must',
  'may',
  'might',
  'would',
  'will',
  'can',
  'could',
  'should',
  'do',
  'did',
  'feel',
  'need',
  'want'
])
const states = new Set([
  'frustration',
  'frustrations',
  'disappointment',
  'annoyance',
  'anger',
  'upset',
  'concern',
  'concerns',
  'worry',
  'worries',
  'situation',
  'position',
  'predicament',
  'difficulty',
  'difficulties',
  'urgency',
  'importance',
  'seriousness',
  'inconvenience',
  'stress',
  'fact',
  'point',
  'perspective',
  'view',
  'frustrating',
  'struggle',
  'struggles',
  'confusion',
  'dilemma'
])
const determiners = new Set(['your', 'the', 'this', 'that', 'how', 'any', 'all', 'such'])
// “Thank you for your patience; I appreciate it” — thanks whatever follows.
const thanksObjects = new Set([
  'patience',
  'understanding',
  'feedback',
  'business',
  'support',
  'loyalty',
  'time',
  'help',
  'kindness',
  'custom',
  'cooperation',
  'co-operation'
])

/** Whether the word at `index` of the sentence is “appreciate” meaning “understand”, not thanks. */
export function meansUnderstanding(sentence: Sentence, index: number): boolean {
  const word = sentence.tokens[index]?.norm
  if (word !== 'appreciate' && word !== 'appreciating' && word !== 'appreciates') return false
  const next: string[] = []
  for (let at = index + 1; at < sentence.tokens.length && next.length < 5; at++) {
    const token = sentence.tokens[at]
    if (token.punctuation) break
    next.push(token.norm)
  }
  const [first, second, third] = next
  if (first === undefined) return false
  // “appreciate this is hard”, “appreciate you are upset”, “appreciate it's been a long wait”.
  if (subject.has(first) && second !== undefined && finiteVerbs.has(second)) return true
  if (clause.has(first)) return true
  // “appreciate that you've waited”: a clause; “appreciate that feedback”: thanks.
  if (first === 'that' && second !== undefined && (subject.has(second) || second === 'there' || second === 'your')) return true
  // “appreciate your frustration”, “appreciate the inconvenience this caused”, “appreciate how frustrating”.
  if (states.has(first)) return true
  if (
    determiners.has(first) &&
    second !== undefined &&
    (states.has(second) || (third !== undefined && states.has(third) && !thanksObjects.has(second)))
  )
    return true
  return false
}
