/**
 * The structural look: refusals and limits in the shapes that do not put the company first — a third
 * party, a system or the terms as subject (“the airline can’t refund …”, “the system won’t let us …”),
 * the passive (“gift cards cannot be exchanged”, “refunds aren’t given on sale items”), a state with or
 * without a subject (“not possible”, “not supported”, “not eligible”, “isn’t part of your plan”), and a
 * lack of means or plans (“there’s no option to …”, “we have no plans to …”).
 *
 * Each shape is a pattern over word classes (classes.json) and the sentence’s normalized tokens; negation
 * and voice come from the tokens. It runs only on sentences the phrase data marks as candidates.
 */
import {alternation, matchTokens, type Sentence, textOf} from '../kit/index.js'
import classes from './classes.json' with {type: 'json'}
import words from './words.json' with {type: 'json'}
import {clauseFrom, clauseTo, isConditional} from './clauses.js'

/** What kind of limit was found. */
export type LimitKind = 'third-party' | 'passive' | 'state' | 'means' | 'customer'

/** A limit the structural look found: tokens `[from, to)` of the sentence. */
export interface Limit {
  from: number
  to: number
  kind: LimitKind
  /** The token where the pattern matched, inside `[from, to)`. */
  at: number
  /** Tokens `[from, to)` of the negative auxiliary (“can not”, “will not”), for a positive form. */
  negation?: {from: number; to: number}
}

const set = (list: readonly string[]) => new Set(list)

const adverbs = `(?: (?:${alternation([...words.adverbs, 'strictly', 'always', 'ever', 'yet'])}))*`
const serviceVerbs = set([...words.serviceVerbs, ...classes.agentVerbs])
const reassuringVerbs = set(words.reassuringVerbs)
const perceptionVerbs = set(words.perceptionVerbs)
const courtesyVerbs = set(words.courtesyVerbs)
const statusParticiples = set([
  'refunded',
  'reimbursed',
  'issued',
  'exchanged',
  'transferred',
  'waived',
  'granted',
  'extended',
  'applied',
  'combined',
  'given'
])
const notActing = set([
  'are',
  'is',
  'would',
  'need',
  'want',
  'like',
  'have',
  'wish',
  'prefer',
  'still',
  'ever',
  'can',
  'could',
  'do',
  'did',
  'had',
  'were',
  'was'
])
const stockVerbs = set(['stock', 'carry', 'sell', 'have'])
const hedges = set(['promise', 'promises', 'guarantee', 'guarantees', 'guaranteed'])
const progressiveVerbs = set(classes.progressiveVerbs)
const notActions = set(['have', 'be', 'need', 'want', 'require', 'expect', 'think', 'know'])
const lackedOfferings = set(classes.lackedOfferings)
const noNews = set([
  'info',
  'information',
  'news',
  'update',
  'updates',
  'details',
  'detail',
  'word',
  'answer',
  'answers',
  'timeline',
  'timeframe',
  'time',
  'date',
  'eta',
  'record',
  'records',
  'knowledge',
  'visibility',
  'idea',
  'clue',
  'reason',
  'problem',
  'issue',
  'issues',
  'plans'
])
const customerLimitVerbs = set(classes.customerLimitVerbs)
const empathy = set([
  'sorry',
  'hear',
  'hearing',
  'understand',
  'see',
  'seems',
  'looks',
  'notice',
  'noticed',
  'sounds',
  'frustrating',
  'annoying',
  'why'
])
const terms = set(classes.agentTerms)
const abilityModals = set(classes.passiveAbilityModals)
const limitParticiples = set(classes.limitParticiples)
const entitled = set(classes.entitledParticiples)
const entitlements = set(classes.entitlements)
const policyParticiples = set(classes.policyParticiples)
const reassured = set(classes.reassuredParticiples)
const privateParticiples = set(classes.privateParticiples)
const privateThings = set(classes.privateThings)
const irreversible = set(classes.irreversible)
const offerings = set(classes.offerings)
const places = set(classes.places)
const timeNouns = set(classes.timeNouns)
const timeVerbs = set(classes.timeVerbs)
const companySubjects = alternation(words.companySubjects)
const parties = set(classes.agentParties)
const systems = set(classes.agentSystems)
const teams = set(classes.agentTeams)
const notSubjects = set(['please', 'kindly', 'just', 'so', 'and', 'but', 'or', 'also', 'still', 'simply', 'then', 'now', 'we', 'i', 'our'])
const customerWords = set(['you', 'i', 'he', 'she', 'they', 'we', 'it', 'that', 'this', 'which', 'who', 'what', 'why', 'how'])
const attributive = set(['a', 'an', 'the', 'any', 'your', 'our', 'this', 'that', 'these', 'those', 'of', 'my'])
const complements = set(classes.complements)
const subjectStarts = set(classes.subjectStarts)

// A third party, a system or the terms, then a refusal: “the airline can’t refund”, “our booking system won’t let us”.
const agentRefusal = new RegExp(
  `(?<=^| )(?:(?<det>${alternation(classes.agentDeterminers)})(?: [^ ]+)? (?<head>[^ ]+)|(?<team>${alternation(classes.agentTeams)}))${adverbs}` +
    ` (?<modal>can not|will not be able to|will not|would not|do not|does not|is not able to|are not able to|is unable to|are unable to|no longer)` +
    `(?= (?<verb>[^ ]+)(?: (?<next>[^ ]+))?)`,
  'g'
)
// “They are unable to backdate it”: a team or partner named before, with a service verb.
const theyRefusal = new RegExp(
  `(?<=^| )they${adverbs} (?<modal>can not|will not be able to|will not|would not|do not|are unable to|are not able to|no longer)${adverbs} (?<verb>[^ ]+)(?= |$)`,
  'g'
)
// The company, then a limit that needs no particular verb: “we are not in a position to”, “we no longer offer”.
const companyLimit = new RegExp(
  `(?<=^| )(?:${companySubjects})${adverbs} (?:(?:am|are|is)${adverbs} (?:${alternation(classes.companyLimits)})|no longer (?<verb>[^ ]+))(?= [^ ]+)`,
  'g'
)
// “We don’t currently have a vacation hold option”: the company lacks something it could offer.
const lacking = new RegExp(`(?<=^| )(?:${companySubjects})${adverbs} do not${adverbs} have(?= [^ ]+)`, 'g')
// The limit put on the customer: “you can’t amend a booking with an amount due”, “you’re unable to pool your miles”.
const customerLimit = new RegExp(
  `(?<=^| )you${adverbs} (?<modal>can not|will not be able to|are unable to|are not able to|are not allowed to|will not be allowed to|are not permitted to|are no longer able to|can no longer)${adverbs} (?<verb>[^ ]+)(?= |$)`,
  'g'
)
// Any subject but the customer, then a limit verb: “the game doesn’t support …”, “the price doesn’t include …”.
const productLimit = new RegExp(
  `(?<=^| )(?<subject>[^ ]+) (?:does not|do not|will not|can not|no longer)${adverbs} (?<verb>${alternation(classes.anySubjectVerbs)})(?= [^ ]+)`,
  'g'
)
// “The Starter tier has no API access”.
const hasNo = /(?<=^| )(?<subject>[^ ]+) (?:has|have) no(?= [^ ]+)/g
// A refusal in the progressive: “we’re not accepting new patients”, “we are currently not offering upgrades”.
const progressive = new RegExp(
  `(?<=^| )(?:${companySubjects})${adverbs} (?:(?:am|are|is)${adverbs} not|will not be|would not be)${adverbs} (?<verb>[^ ]+ing)(?= [^ ]+)`,
  'g'
)
// “We’re not going to refund it”, “we’re not going to be able to”.
const goingTo = new RegExp(
  `(?<=^| )(?:${companySubjects})${adverbs} (?:am|are|is)${adverbs} not going to(?: be able to)? (?<verb>[^ ]+)(?= |$)`,
  'g'
)
// “That falls outside our policy”, “it’s outside the return window”.
const outside = new RegExp(
  `(?<=^| )(?:is|are|falls|fall|was) (?:well |just |slightly )?outside (?:of )?(?:the|our|your|this|that|its) (?:[^ ]+ )?(?:${alternation(classes.entitlements)})(?= |$)`,
  'g'
)
// “No refunds on sale items”, “there are no exchanges after 30 days”.
const noOfferings = new RegExp(
  `(?<=^| )no (?<what>${alternation(classes.offerings)}) (?<next>on|for|to|after|once|within|are|is|can|will|past|beyond|without)(?= |$)`,
  'g'
)
// “We have to decline your claim”; “your appeal was rejected”.
const declines = new RegExp(
  `(?<=^| )(?:(?:${companySubjects})${adverbs} (?:(?:have|had|will have|would have|are going|must|need) (?:to )?|will |must |can only )?(?:${alternation(classes.refusalVerbs)}) (?:your|the|this|that|any|a)` +
    `|(?<request>${alternation(classes.refusalRequests)}) (?:has|have|was|were|is|are|will)(?: been| be)? (?:${alternation(classes.refusalParticiples)})` +
    `|(?:the|our) (?:[^ ]+ )?(?:${alternation(classes.agentParties)}) (?:has |have |had )?(?:${alternation(classes.refusalParticiples)}) (?:the|your|this|that|any))(?= |$)`,
  'g'
)
// The passive: “cannot be transferred”, “aren’t given”, “will no longer be offered”.
const passive = new RegExp(
  `(?<=^| )(?<aux>${alternation([...classes.passiveAbilityModals, ...classes.passiveStateModals])})${adverbs}(?<be> be)?${adverbs} (?<part>[^ ]+)(?= |$)`,
  'g'
)
// A state, with or without a copula: “not possible”, “strictly not allowed”, “non-refundable”.
const state = new RegExp(
  `(?<=^| )(?:(?<cop>is|are|was|were|be)${adverbs} )?not${adverbs}(?: be)? (?<state>${alternation([...classes.states, 'allowed', 'permitted', 'supported'])})(?= |$)` +
    `|(?<=^| )non[- ](?:refundable|transferable|transferrable|exchangeable|returnable|cancellable|cancelable|changeable|amendable)(?= |$)`,
  'g'
)
// “Refund is not available”, “that option isn’t available on this plan”.
const unavailable = new RegExp(`(?<=^| )(?<cop>is|are|will be)${adverbs} not${adverbs} available(?= |$)`, 'g')
// “isn’t part of your plan”.
const partOf = new RegExp(
  `(?<=^| )(?:is|are)${adverbs} not${adverbs} part of (?:your|the|this|that|our|a|any) (?:[^ ]+ )?(?:${alternation(classes.entitlements)})(?= |$)`,
  'g'
)
// No means, no plans: “there’s no option to”, “we don’t have a way to”, “no plans to”, “nothing can be done”.
const means = new RegExp(
  [
    `(?<=^| )(?:(?:we|i) (?:do not|does not) have (?:a|an|any|the) |(?:we|i) have no |there is no |there are no |there is not (?:a |an |any )?|there are not (?:any )?|there will be no )(?:other |real |current |further |(?!(?:better|best|wrong|bad|right|good|perfect|easier|quicker|nicer|greater) )[^ ]+ )?(?:${alternation(classes.means)})(?= (?:to|for|in place to|on|in|at|with|available|of (?!(?:knowing|telling|seeing|checking|verifying|confirming|finding|predicting) )[^ ]+ing) )`,
    `(?<=^| )no (?:current )?plans? to(?= [^ ]+)`,
    `(?<=^| )(?:${companySubjects}) (?:am|are|is) not planning (?:to|on)(?= [^ ]+)`,
    `(?<=^| )(?:there is )?not (?:much|a lot|a great deal) (?:more |else )?(?:that )?(?:we|i) (?:can|could) (?:do|offer)`,
    `(?<=^| )nothing (?:more |else |further )?(?:that )?(?:can|could) be done`,
    `(?<=^| )(?:is |are |falls |fall )?(?:outside|beyond) (?:of )?what (?:we|i) (?:can|are able to|am able to) (?:do|offer|change)`,
    `(?<=^| )(?:there is )?no way (?:around|round)`,
    // “Our policy prevents us from issuing refunds”.
    `(?<=^| )(?<preventer>[^ ]+) (?:prevents|prevent|stops|stop|bars|bar|restricts|restrict|prohibits|prohibit) (?:us|me) from`,
    // “We only ship within the UK”.
    `(?<=^| )(?:${companySubjects})${adverbs} (?:can |will |do )?only (?:${alternation(classes.progressiveVerbs)})(?= [^ ]+)`,
    // “This offer is only valid for new customers”, “refunds are only available as store credit”.
    `(?<=^| )(?:is|are) only (?:valid|available|possible|offered|accepted|given|issued) (?:for|to|as|in|on|with|within|at)`
  ].join('|'),
  'g'
)

/** The limits the structural look finds in a candidate sentence, each a whole clause, guarded. */
export function findLimits(sentence: Sentence): Limit[] {
  const found: Limit[] = []
  const add = (shape: Omit<Limit, 'at'>, at: number) => {
    const limit = {...shape, at}
    if (isExcused(sentence, limit, at)) return
    if (found.some((other) => limit.from < other.to && other.from < limit.to)) return
    found.push(limit)
  }

  for (const match of matchTokens(sentence, agentRefusal)) {
    const {det, head, team, modal, verb, next} = match.match.groups ?? {}
    if (det === 'your' && !terms.has(head)) continue
    // A head outside the classes (“the café”, “our lab”) refuses only with a service verb.
    const known = head === undefined || parties.has(head) || teams.has(head) || systems.has(head) || terms.has(head)
    // A team at the start of the clause (“Billing can’t split …”), not “the shipping costs”.
    if (team !== undefined && match.from !== clauseFrom(sentence, match.from)) continue
    // The company’s own people (“our pharmacy team”) refuse with any verb, as “we” do.
    const own = (det === 'our' && (parties.has(head) || teams.has(head))) || team !== undefined
    // “The vet can’t see Milo until Thursday”: a visit with a time is a limit, whoever is seen.
    const visit = verb === 'see' && /(?:^| )(?:until|before|till)(?= )/.test(textOf(sentence, match.to, clauseTo(sentence, match.to)))
    if (!visit && !(own ? isOwnRefusal(modal, verb, next) : isRefused(modal, verb, next))) continue
    if (!known && (!serviceVerbs.has(verb) || verb === 'see') && !visit) continue
    // “That certainly doesn’t …”, “their names won’t …”: only “the” or “our” make a noun we don’t know a subject.
    if (!known && ((det !== 'the' && det !== 'our') || head.endsWith('ly'))) continue
    const first = modal.split(' ')[0]
    let negationFrom = match.from
    while (negationFrom < match.to && sentence.tokens[negationFrom].norm !== first) negationFrom++
    add(
      {
        from: match.from,
        to: clauseTo(sentence, match.to),
        kind: 'third-party',
        negation: {from: negationFrom, to: negationFrom + modal.split(' ').length}
      },
      match.from
    )
  }
  for (const match of matchTokens(sentence, theyRefusal)) {
    const {modal, verb} = match.match.groups ?? {}
    // “They don’t stock it at that store” is a stock fact.
    if (!serviceVerbs.has(verb) || verb === 'see' || stockVerbs.has(verb) || !isRefused(modal, verb, undefined)) continue
    add({from: match.from, to: clauseTo(sentence, match.to), kind: 'third-party'}, match.from)
  }
  for (const match of matchTokens(sentence, companyLimit)) {
    const verb = match.match.groups?.verb
    // “We no longer send …”: any action the company stopped, not “we no longer see the error”.
    if (verb !== undefined && (perceptionVerbs.has(verb) || courtesyVerbs.has(verb) || notActions.has(verb))) continue
    add({from: match.from, to: clauseTo(sentence, match.to), kind: 'third-party'}, match.from)
  }
  for (const match of matchTokens(sentence, lacking)) {
    if (!isLacking(sentence, match.to)) continue
    add({from: match.from, to: clauseTo(sentence, match.to), kind: 'third-party'}, match.from)
  }
  for (const match of matchTokens(sentence, customerLimit)) {
    const {modal, verb} = match.match.groups ?? {}
    if (!customerLimitVerbs.has(verb) || isSymptom(sentence, match.from)) continue
    const negationFrom = match.from + 1
    add(
      {
        from: match.from,
        to: clauseTo(sentence, match.to),
        kind: 'customer',
        negation: {from: negationFrom, to: negationFrom + modal.split(' ').length}
      },
      match.from
    )
  }
  for (const match of matchTokens(sentence, productLimit)) {
    const subject = match.match.groups?.subject ?? ''
    // “Please don’t include any PINs” asks the customer; “we don’t …” is the first-person look’s.
    if (customerWords.has(subject) || notSubjects.has(subject)) continue
    add({from: stateFrom(sentence, match.from), to: clauseTo(sentence, match.to), kind: 'third-party'}, match.from)
  }
  for (const match of matchTokens(sentence, hasNo)) {
    if (customerWords.has(match.match.groups?.subject ?? '') || !isLacking(sentence, match.to)) continue
    add({from: stateFrom(sentence, match.from), to: clauseTo(sentence, match.to), kind: 'third-party'}, match.from)
  }
  for (const match of matchTokens(sentence, progressive)) {
    const verb = stem(match.match.groups?.verb ?? '')
    // “We’re not seeing any outages” reports what the records show; only verbs of offering refuse.
    if (!progressiveVerbs.has(verb)) continue
    add({from: match.from, to: clauseTo(sentence, match.to), kind: 'third-party'}, match.from)
  }
  for (const match of matchTokens(sentence, goingTo)) {
    const verb = match.match.groups?.verb ?? ''
    if (!serviceVerbs.has(verb) || reassuringVerbs.has(verb)) continue
    add({from: match.from, to: clauseTo(sentence, match.to), kind: 'third-party'}, match.from)
  }
  for (const match of matchTokens(sentence, outside)) {
    add({from: stateFrom(sentence, match.from), to: clauseTo(sentence, match.to), kind: 'state'}, match.from)
  }
  for (const match of matchTokens(sentence, noOfferings)) {
    const next = match.match.groups?.next
    // “No changes are needed”: good news.
    const after = sentence.tokens[match.to]?.norm ?? ''
    if (
      (next === 'are' || next === 'is' || next === 'will') &&
      !['allowed', 'permitted', 'accepted', 'given', 'issued', 'offered', 'possible', 'available', 'made', 'processed'].includes(after)
    )
      continue
    add({from: stateFrom(sentence, match.from), to: clauseTo(sentence, match.to), kind: 'state'}, match.from)
  }
  for (const match of matchTokens(sentence, declines)) {
    add(
      {from: match.match.groups?.request ? stateFrom(sentence, match.from) : match.from, to: clauseTo(sentence, match.to), kind: 'passive'},
      match.from
    )
  }
  for (const match of matchTokens(sentence, passive)) {
    const {aux, be, part} = match.match.groups ?? {}
    // “refunded.Thanks-Mo”: a word glued to the next sentence.
    if (!isPassiveLimit(sentence, aux, be !== undefined, part.replace(/\..*$/, ''), match.to, match.from)) continue
    const negationFrom = match.from
    const negationTo = negationFrom + aux.split(' ').length
    add(
      {
        from: subjectFrom(sentence, match.from),
        to: clauseTo(sentence, match.to),
        kind: 'passive',
        negation: {from: negationFrom, to: negationTo}
      },
      match.from
    )
  }
  for (const match of matchTokens(sentence, state)) {
    const cop = match.match.groups?.cop
    // “It was not possible to reach you” tells what happened, not what the company allows.
    if (cop === 'was' || cop === 'were') continue
    // “The link is not valid” is a diagnosis; “the coupon isn’t valid on sale items” a limit.
    if (match.match.groups?.state === 'valid' && !['for', 'on', 'with', 'in'].includes(sentence.tokens[match.to]?.norm ?? '')) continue
    // “the purchase of a non-refundable ticket” names a kind of ticket.
    if (cop === undefined && attributive.has(sentence.tokens[match.from - 1]?.norm ?? '')) continue
    add({from: stateFrom(sentence, match.from), to: complementTo(sentence, match.to), kind: 'state'}, match.from)
  }
  for (const match of matchTokens(sentence, unavailable)) {
    if (!isOffering(sentence, match.from, match.to)) continue
    add({from: stateFrom(sentence, match.from), to: complementTo(sentence, match.to), kind: 'state'}, match.from)
  }
  for (const match of matchTokens(sentence, partOf)) {
    add({from: stateFrom(sentence, match.from), to: clauseTo(sentence, match.to), kind: 'state'}, match.from)
  }
  for (const match of matchTokens(sentence, means)) {
    const preventer = match.match.groups?.preventer
    // “Nothing prevents us from …” is an offer.
    if (preventer === 'nothing') continue
    // “Our policy prevents us from …”, “this offer is only valid for …”: the limit starts at its subject.
    const first = sentence.tokens[match.from].norm
    const from =
      preventer !== undefined || ['is', 'are', 'falls', 'fall', 'outside', 'beyond'].includes(first)
        ? stateFrom(sentence, match.from)
        : match.from
    add({from, to: clauseTo(sentence, match.to), kind: 'means'}, match.from)
  }
  return found
}

// “That is not a feature”: the clause edge stops before “that”, but here it is the subject.
function stateFrom(sentence: Sentence, from: number): number {
  const start = clauseFrom(sentence, from)
  const before = sentence.tokens[start - 1]
  const opens = start - 1 === 0 || sentence.tokens[start - 2]?.punctuation
  return before !== undefined && before.norm === 'that' && opens ? start - 1 : start
}

// “non-refundable, sorry”: a state runs on only into its complement (“not possible to …”, “not allowed on …”).
function complementTo(sentence: Sentence, to: number): number {
  const next = sentence.tokens[to]
  if (next === undefined || next.punctuation || !complements.has(next.norm)) return to
  return clauseTo(sentence, to)
}

// “Once an account has been created the Online ID can’t be changed”: with no comma, the subject starts
// at a determiner right after a verb.
function subjectFrom(sentence: Sentence, aux: number): number {
  const start = clauseFrom(sentence, aux)
  const {tokens} = sentence
  for (let index = aux - 1; index > start; index--) {
    if (!subjectStarts.has(tokens[index].norm)) continue
    const before = tokens[index - 1].norm
    if (before.endsWith('ed') || before === 'been' || before === 'done' || before === 'made') return index
  }
  return start
}

// “we don’t have … option / support / access”, not “we don’t have any news yet” (an honest no-news).
function isLacking(sentence: Sentence, from: number): boolean {
  const {tokens} = sentence
  for (let index = from; index < Math.min(tokens.length, from + 5); index++) {
    const {norm, punctuation} = tokens[index]
    if (punctuation || noNews.has(norm)) return false
    if (lackedOfferings.has(norm)) return true
  }
  return false
}

// “I’m sorry you’re unable to leave a review”, “if you can’t change it”: the customer’s own trouble.
function isSymptom(sentence: Sentence, from: number): boolean {
  const {tokens} = sentence
  // Back to the last punctuation mark: “sorry to hear that you’re unable to …”.
  for (let index = from - 1; index >= 0 && !tokens[index].punctuation; index--) if (empathy.has(tokens[index].norm)) return true
  // “you won’t be able to keep your music if you revert to Free” tells the consequence of a choice.
  for (let index = from; index < tokens.length; index++) if (tokens[index].norm === 'if' || tokens[index].norm === 'unless') return true
  return false
}

// “accepting” → accept, “shipping” → ship, “taking” → take.
function stem(verb: string): string {
  const bare = verb.slice(0, -3)
  if (progressiveVerbs.has(bare)) return bare
  if (progressiveVerbs.has(`${bare}e`)) return `${bare}e`
  return bare.length > 2 && bare.at(-1) === bare.at(-2) ? bare.slice(0, -1) : bare
}

function isOwnRefusal(modal: string, verb: string, next: string | undefined): boolean {
  if (perceptionVerbs.has(verb)) return next === 'you'
  if (courtesyVerbs.has(verb) || notActions.has(verb) || verb === 'be') return false
  if (modal === 'do not' || modal === 'does not' || modal === 'will not' || modal === 'would not') return isRefused(modal, verb, next)
  return true
}

// A third party or system refuses a service (“won’t refund”, “doesn’t allow”, “won’t let us”), not
// “the app won’t open” (a symptom) or “the bank won’t charge you” (good news).
function isRefused(modal: string, verb: string, next: string | undefined): boolean {
  if (verb === 'see') return next === 'you'
  if (!serviceVerbs.has(verb)) return false
  if (reassuringVerbs.has(verb) && (modal === 'will not' || modal === 'would not' || modal === 'do not' || modal === 'does not'))
    return false
  return true
}

// “can’t be transferred” is a limit with any participle of the class; after “is not” / “will not be” only
// the participles of a rule count (“aren’t given”), since the rest report a status (“isn’t delivered yet”).
function isPassiveLimit(sentence: Sentence, aux: string, be: boolean, part: string, after: number, before: number): boolean {
  if (reassured.has(part)) return false
  if (privateParticiples.has(part)) {
    if (!abilityModals.has(aux) || !be) return false
    // “Your card number can’t be stored”: the customer’s data, protected.
    const subject = sentence.tokens.slice(clauseFrom(sentence, before), before).map((token) => token.norm)
    return !subject.some((norm) => privateThings.has(norm))
  }
  if (abilityModals.has(aux)) return be && limitParticiples.has(part)
  const modal = aux.startsWith('will') || aux.startsWith('would')
  if (modal !== be) return false
  if (entitled.has(part)) return isEntitlement(sentence, after)
  if (!policyParticiples.has(part)) return false
  // “Your refund is not issued yet”: a status that will change; “isn’t offered in your area yet” is still a rule.
  if (!statusParticiples.has(part)) return true
  const rest = sentence.tokens.slice(after, clauseTo(sentence, after)).map((token) => token.norm)
  return !rest.includes('yet') && !rest.includes('still')
}

// “in your plan”, “by the warranty”, “with this fare”.
function isEntitlement(sentence: Sentence, after: number): boolean {
  const words = sentence.tokens.slice(after, after + 4).map((token) => token.norm)
  if (!['in', 'with', 'by', 'under', 'on'].includes(words[0])) return false
  if (entitlements.has(words[1])) return true
  if (!['your', 'the', 'this', 'that', 'our', 'a', 'any'].includes(words[1])) return false
  return entitlements.has(words[2]) || entitlements.has(words[3])
}

// “Refund is not available”: the subject is something the company offers, or the limit is where it serves.
function isOffering(sentence: Sentence, from: number, to: number): boolean {
  const {tokens} = sentence
  const head = tokens[from - 1]?.norm
  if (head !== undefined && offerings.has(head)) return true
  const after = tokens.slice(to, to + 4).map((token) => token.norm)
  return (
    (after[0] === 'in' || after[0] === 'for') &&
    ['your', 'the', 'this', 'that'].includes(after[1]) &&
    (places.has(after[2]) || places.has(`${after[2]} ${after[3]}`))
  )
}

/**
 * What looks like a limit and is not one: a question, a condition, a quoted label, an honest “no time
 * yet”, a warning that protects the customer.
 */
export function isExcused(sentence: Sentence, limit: {from: number; to: number}, at: number): boolean {
  return (
    isQuestion(sentence, limit.to) ||
    isConditional(sentence, limit.from) ||
    isQuoted(sentence, at) ||
    isNoTimeYet(sentence, limit.from, limit.to) ||
    isHedge(sentence, limit.from, limit.to) ||
    isWarning(sentence, limit.from, limit.to)
  )
}

// “Is the charger not compatible with your laptop?”
function isQuestion(sentence: Sentence, to: number): boolean {
  for (let index = to; index < sentence.tokens.length; index++) {
    const token = sentence.tokens[index]
    if (!token.punctuation) continue
    if (token.norm === '?') return true
    if (token.norm === '.' || token.norm === '!' || token.norm === ';') return false
  }
  return false
}

// “Tap ‘Not now’”, “select “Do not disturb””: a label in quotes is the interface speaking.
function isQuoted(sentence: Sentence, from: number): boolean {
  let open = false
  for (let index = 0; index < from; index++) {
    const {raw} = sentence.tokens[index]
    if (/^[‘“]/.test(raw)) open = true
    else if (raw === '"' || raw.startsWith('"')) open = !open
    else if (raw === "'" && (index === 0 || sentence.tokens[index - 1].end < sentence.tokens[index].start)) open = true
    if (/[’”]$/.test(raw) && raw.length > 1 ? !/s’$/.test(raw) : raw === '’' || raw === '”') open = false
    else if (raw.length > 1 && raw.endsWith('"')) open = false
  }
  return open
}

/** “I can’t give you a date yet”, “we’re unable to provide a timescale”: what broken-promises asks for. */
export function isNoTimeYet(sentence: Sentence, from: number, to: number): boolean {
  const norms = sentence.tokens.slice(from, to).map((token) => token.norm)
  const verb = norms.findIndex((norm) => timeVerbs.has(norm))
  if (verb < 0) return false
  for (let index = verb + 1; index < Math.min(norms.length, verb + 6); index++) {
    if (timeNouns.has(norms[index]) || timeNouns.has(`${norms[index]} ${norms[index + 1] ?? ''}`)) return true
  }
  return false
}

/** “We’re not making any promises”, “late check-out can’t be guaranteed”: the honest hedge broken-promises asks for. */
export function isHedge(sentence: Sentence, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (hedges.has(sentence.tokens[index].norm)) return true
  return false
}

// “Once the account is deleted, it can’t be recovered”: the limit warns the customer before they act.
function isWarning(sentence: Sentence, from: number, to: number): boolean {
  const norms = sentence.tokens.slice(from, to).map((token) => token.norm)
  // “Once you submit the form, it can’t be edited”: the customer is told before they act.
  const {tokens} = sentence
  for (let index = 0; index < tokens.length - 2; index++) {
    if (!['once', 'after', 'if', 'when', 'before'].includes(tokens[index].norm) || tokens[index + 1].norm !== 'you') continue
    // “If you’d like, …”, “if you are referring to …”: no action of the customer’s.
    if (notActing.has(tokens[index + 2].norm)) continue
    const before = index < from && !tokens.slice(index, from).some((token) => contrasts.has(token.norm))
    // “… can’t be edited after you submit it”: right after the limit, not “…, but if you reach out …”.
    const after = index >= to && index - to <= 1
    if (before || after) return true
  }
  if (!norms.some((norm) => irreversible.has(norm))) return false
  // “after you confirm” warns; “after 90 days” is only a time.
  return sentence.tokens.some(
    (token, index) =>
      token.norm === 'once' ||
      token.norm === 'if' ||
      (token.norm === 'before' && sentence.tokens[index + 1]?.norm === 'you') ||
      (token.norm === 'after' && !/^\d|^(?:a|an|one|two|three|the)$/.test(sentence.tokens[index + 1]?.norm ?? ''))
  )
}

const contrasts = set(classes.contrasts)
const offerModals = set(classes.offerModals)
const offerStates = set(classes.offerStates)
const openStates = set(['free', 'available', 'open', 'possible'])
const copulas = set(['are', 'am', 'is', 'would be', 'will be'])
const offerSubjects = set(['we', 'i', 'you', 'they', 'our', 'it', 'there', 'this', 'that', 'he', 'she'])

/**
 * “We can’t refund the fare, but we can move you to tomorrow’s flight”: the sentence offers the way
 * forward next to the limit (after a contrast, or before one), so the finding is milder.
 */
export function offersAlternative(sentence: Sentence, from: number, to: number): boolean {
  const {tokens} = sentence
  for (let index = 0; index < tokens.length; index++) {
    if (index >= from && index < to) continue
    const norm = tokens[index].norm
    if (norm === 'instead' || norm === 'alternatively') return true
    if (!contrasts.has(norm)) continue
    // After the limit: “…, but we can …”. Before it: “You can …, but we can’t …”.
    const clause =
      index >= to
        ? tokens.slice(index + 1, clauseTo(sentence, index + 1))
        : tokens.slice(clauseFrom(sentence, Math.max(0, index - 1)), index)
    if (isOffer(clause.map((token) => token.norm))) return true
  }
  return false
}

// A subject, then a modal that is not negated: “we can”, “you’ll”, “we’re happy to”, not “we can’t” or “you’ll need to pay”.
function isOffer(norms: string[]): boolean {
  // “…, but Monday morning is free”: another time or way that is open.
  for (let index = 1; index < norms.length - 1; index++) {
    if ((norms[index] === 'is' || norms[index] === 'are') && openStates.has(norms[index + 1])) return true
  }
  for (let index = 0; index < norms.length - 1; index++) {
    // “we can”, “our team will”, “the gate staff can”: a subject, then a modal.
    if (!offerSubjects.has(norms[index]) && !offerModals.has(norms[index + 1])) continue
    let modal = index + 1
    if (norms[index] === 'our' || norms[index] === 'there') modal++
    const copula = copulas.has(norms[modal]) && offerStates.has(norms[modal + 1])
    if (!offerModals.has(norms[modal]) && !copula) continue
    const after = norms.slice(modal + 1, modal + 3)
    if (after.includes('not') || after.includes('never') || after.includes('no')) continue
    if (after[0] === 'need' || after[0] === 'have' || (after[0] === 'be' && after[1] === 'charged')) continue
    return true
  }
  return false
}

const channel = new RegExp(
  `(?:^| )(?:via|on|over|through|in|here on|here in) (?:this |a |the )?(?:${alternation(classes.channels)})(?= |$)`
)

/** “We’re unable to view account details via Twitter”: what the records show, as a limit of the channel. */
export function viaChannel(after: string | undefined): boolean {
  return after !== undefined && channel.test(after)
}
