import {alternation, quote, type Sentence} from '../kit/index.js'
import words from './classes.json' with {type: 'json'}

// The shapes of blame in RULES.md, written as patterns over word classes (classes.json) and the
// sentence's folded tokens: who is named (a third party, a colleague, a system, the customer, the
// company itself), what they did (a fault verb, a slip, a workload state) and what ties it to the
// customer's problem (a causal link, a refusal, a hedge). Each pattern runs on the folded text of a
// candidate sentence only; `confirm` takes a closer look at the tokens around a match.

/** One shape: the pattern that finds it, a closer look, and how to talk about it. */
export interface Shape {
  pattern: RegExp
  reason: (actual: string) => string
  /** Extend the span to the end of the clause after the match. */
  toClauseEnd?: boolean
  /** Only when the sentence also refuses something. */
  needsRefusal?: boolean
  /** Only when nothing else in the sentence was flagged: the cause is already part of that finding. */
  alone?: boolean
  /** Not in a question (“Did you raise this with your bank?” asks, it does not send away). */
  notInQuestion?: boolean
  expected?: (actual: string) => string[]
  /**
   * Words the sentence must hold before the pattern is tried, one gate per alternative of the
   * pattern: a gate opens when the sentence holds a word of each of its groups. A cheap test on the
   * sentence's set of words, so most candidate sentences try only the shapes they could match.
   */
  gates?: ReadonlyArray<ReadonlyArray<ReadonlySet<string>>>
  /** The pattern names parties by their marks: it runs on the sentence `markParties` gives. */
  marked?: boolean
  /** A closer look at the match: the sentence, the match and the tokens `[from, to)` it covers. */
  confirm?: (sentence: Sentence, match: RegExpExecArray, from: number, to: number) => boolean
}

const at = '(?<=^| )'
const end = '(?= |$)'
const any = (list: readonly string[]) => `(?:${alternation(list)})`
// The word of each entry that every match of it contains: its last word (a head noun), or its first.
const lastWords = (...lists: ReadonlyArray<readonly string[]>) => new Set(lists.flat().map((entry) => entry.split(' ').at(-1) ?? entry))
// The longest word of each entry: the telling one (“beyond our control” → control).
const longestWords = (...lists: ReadonlyArray<readonly string[]>) =>
  new Set(lists.flat().map((entry) => entry.split(' ').reduce((longest, word) => (word.length > longest.length ? word : longest), '')))
// The telling word of each entry: its longest word that is not a common one (“busy at the moment” → busy).
const common = new Set([
  'the',
  'a',
  'an',
  'at',
  'of',
  'to',
  'on',
  'in',
  'our',
  'than',
  'moment',
  'right',
  'now',
  'today',
  'this',
  'week',
  'present',
  'very',
  'really',
  'extremely',
  'so',
  'incredibly',
  'super',
  'quite',
  'usual',
  'normal',
  'expected',
  'ever',
  'off',
  'run',
  'under',
  'lot',
  'feet',
  'there',
  'are',
  'is',
  'only',
  'just'
])
const tellingWords = (...lists: ReadonlyArray<readonly string[]>) =>
  new Set(
    lists.flat().map(
      (entry) =>
        entry
          .split(' ')
          .filter((word) => !common.has(word))
          .reduce((longest, word) => (word.length > longest.length ? word : longest), '') || entry.split(' ')[0]
    )
  )
const firstWords = (...lists: ReadonlyArray<readonly string[]>) => new Set(lists.flat().map((entry) => entry.split(' ')[0]))

const ownPlaces = new Set(['store', 'shop', 'branch', 'site', 'property', 'depot', 'lab', 'factory', 'platform', 'operator'])
// Parties are many words; a pattern with them spelled out takes V8 a second or more to compile. So a
// sentence is first marked (`markParties`): the last word of each party it names becomes ⓞ (someone
// outside the company the customer can be sent to), ⓟ (any other party) or ⓒ (the customer's own gear,
// named only in a guess), and the patterns name the marks.
const outsiderPhrases = new Set(words['parties.thirdParties'].filter((word) => !ownPlaces.has(word)))
const partyPhrases = new Set([
  ...words['parties.thirdParties'],
  ...words['parties.colleagues'],
  ...words['parties.systems'],
  ...words['parties.household']
])
const gearPhrases = new Set(words['parties.customerSystems'])
const party = '(?:ⓞ|ⓟ)'
// In a guess, the customer’s own gear may be named too (“most likely your battery saver killed the app”).
const guessedParty = '(?:ⓞ|ⓟ|ⓒ)'
// Whom a reply sends the customer to: not a store, branch or site, which are often the brand’s own.
// “your employer’s HR team”, “the airline’s baggage desk”: a team of the third party.
const teamOf = "(?:'s)?(?: (?:[^ ]+ )?(?:team|department|desk|office|helpline|line|support|services))?"
const outsider = 'ⓞ'
// A party as a noun phrase: a determiner that is not the company’s own “our” unless a partner follows.
const namedGuess = `(?:(?:the|your|their|a|an|this|that|my|our) )?(?:[^ ]+ ){0,2}?${guessedParty}`
const named = `(?:(?:the|your|their|a|an|this|that|my|our) )?(?:[^ ]+ )?${party}(?: (?:from|at|of) (?:the |our |your |their )?[^ ]+)?`
// A fault: a verb of the class, any verb done to the wrong thing (“delivered to the wrong address”), or not done.
const fault = `(?:${any(words['faultVerbs.words'])}|${any(words['faultVerbs.needWrong'])}(?: [^ ]+){0,3}? ${any(words['faultVerbs.wrongly'])}|(?![^ ]+ing )[^ ]+(?: [^ ]+){0,4}? (?:wrong|incorrect|${any(words['faultVerbs.bad'])})|(?:did not|never|failed to|forgot to|neglected to) (?!get |have |need |know |see |receive )[^ ]+(?: [^ ]+){0,2}? (?:the |a |an )?(?:right|correct)|(?:did not|never|failed to|forgot to|neglected to) (?:${any(words['customerSlips.omitted'])}|pass|deliver|ship|scan|process|bring|leave|record|send|update|notify|tell|inform|collect|turn up|show up|attend|call))`
const hedge = any(words['guesses.words'])
const auxiliary =
  '(?:has|have|had|is|was|were|are|must have|may have|might have|seems to have|appears to have|accidentally|mistakenly|actually|also|just|then|again|somehow)'

const link = new RegExp(`${at}${any([...words['links.words'], ...words['links.strong']])}${end}`)
// A strong link ties any past action of a party to the problem: “the developers pushed an update, which is why …”.
const strongLink = new RegExp(`${at}${any(words['links.strong'])}${end}`)
const pastForm = `(?:[a-z]+ed|${any(words['pastTense.words'])})`
// “…, so please try another card”: what follows the link is the way forward, not the consequence.
const wayForward = /^(?:please|i|we|let|you can|you could|feel free|do|kindly|just|if|our team will|the team will|it will|this will)(?= |$)/

const refusalWords =
  /(?:^| )(?:can not|unable to|not able to|will not|do not|does not|not possible|not allowed|not permitted|no refunds?|not eligible|not refundable|non-refundable|not offered|not available|can only|only (?:available|offer|possible|valid|eligible|accept|accepted)|(?:has|have) to be (?:declined|refused|rejected)|(?:have|has) to (?:decline|refuse|reject)|not let|not be able to|not to (?:accept|consider|offer|give|refund|allow|exchange|discuss|share|release|disclose|provide|issue|honou?r|change|replace))(?= |$)/
export const refuses = (text: string): boolean => refusalWords.test(text)

// The company’s own subject, for workload excuses.
const company =
  '(?:we|i|our (?:[^ ]+ ){0,2}?(?:team|teams|agents|staff|advisors|advisers|lines|department|centre|center|office|colleagues|reps|representatives)|the (?:[^ ]+ )?(?:team|agents|staff|lines)|all (?:of )?(?:our )?(?:channels|lines|agents|advisors|advisers|teams)|everyone here)'
// “… this week”, “… right now”: the time that goes with an excuse.
const when =
  '(?: (?:this week|this evening|this morning|today|tonight|right now|at the moment|at present|currently|lately|recently|at the minute))?'
// An amount of work: “a high volume of calls”, “massive requests”, “our backlog”, “the volume of enquiries”.
// Spelled out in full it compiles slowly, so the pattern takes up to four words before an amount or a
// contact word, and \`isLoad\` checks them for a size.
const load = (name: string) =>
  `(?<${name}>(?:[^ ]+ ){0,4}?${any([...words['workload.amounts'], ...words['workload.contacts']])}(?: ${any([...words['workload.amounts'], ...words['workload.contacts']])})?(?: of (?:[^ ]+ ){0,2}?${any(words['workload.contacts'])})?)${when}`
const sizeWord = new RegExp(`(?:^| )${any(words['workload.sizes'])}(?= |$)`)
const amountOf = new RegExp(`^(?:the|a) ${any(words['workload.amounts'])} of `)
const loadWords = new Set([...words['workload.amounts'], ...words['workload.contacts']])
const isLoad = (text: string): boolean => {
  const parts = text.split(' ')
  const head = parts.findIndex((word) => loadWords.has(word))
  const before = parts.slice(0, Math.max(head, 0)).join(' ')
  // “many ways for our customers”: a size of something else.
  if (/(?:^| )(?:for|to|with|from|by|in|on|at|about)(?: |$)/.test(before)) return false
  return sizeWord.test(before) || / ?backlog(?: |$)/.test(text) || amountOf.test(text)
}

const slip = `(?:${any(words['customerSlips.verbs'])})(?: [^ ]+){0,2}? (?:the |an |a |your |their )?${any(words['customerSlips.wrong'])}`
const omission = `(?:did not|never|have not|had not|failed to|forgot to|neglected to) (?:${any(words['customerSlips.omitted'])})`

// A reminder needs more than “as advised” mid-sentence (“proceed to the counter as advised”).
const reminderTimes = any(words['reminders.times'])

const ruleNouns = any(words['rulebook.nouns'])

// The gates of each shape (see `Shape.gates`).
const partyWords = lastWords(
  words['parties.thirdParties'],
  words['parties.colleagues'],
  words['parties.systems'],
  words['parties.household']
)
const guessedWords = lastWords(
  words['parties.thirdParties'],
  words['parties.colleagues'],
  words['parties.systems'],
  words['parties.household'],
  words['parties.customerSystems']
)
const outsiderWords = new Set([...lastWords(words['parties.thirdParties']), 'them', 'they'])
// A cause needs a fault, a wrong thing, a step not done, “because”, or a strong link (by its telling word).
const causeWords = new Set([
  ...firstWords(words['faultVerbs.words'], words['faultVerbs.needWrong']),
  ...words['faultVerbs.bad'],
  ...['wrong', 'incorrect', 'not', 'never', 'failed', 'forgot', 'neglected', 'because', 'since', 'one', 'ones'],
  ...[
    'hence',
    'why',
    'what',
    'caused',
    'causing',
    'resulting',
    'leading',
    'led',
    'down',
    'culprit',
    'reason',
    'cause',
    'blame',
    'explains'
  ],
  ...['came', 'comes', 'stemmed', 'stems', 'originated', 'originates', 'traces', 'traced', 'sits', 'lies', 'rests', 'remains']
])
// A guess needs a hedge or a lead, by its telling word.
const guessWords = new Set([
  ...firstWords(words['guesses.words']),
  ...[
    'likely',
    'likelihood',
    'doubt',
    'suspect',
    'think',
    'reckon',
    'imagine',
    'guess',
    'guessing',
    'bet',
    'chances',
    'odds',
    'believe',
    'sure',
    'say',
    'money'
  ]
])

export const shapes: Shape[] = [
  {
    // Causal attribution: “The warehouse mislabelled your box, and that’s what held it up”,
    // “Because the airline overbooked the flight, …”.
    pattern: new RegExp(
      `${at}(?<cause>(?:because|since|as|due to the fact that) )?${named}(?: ${auxiliary})* (?:${fault}|(?<past>${pastForm}))${end}` +
        // “The outage came from the upstream provider”, “the delay sits with the handling agent”.
        `|${at}(?<from>(?:came|comes|stemmed|stems|originated|originates|was coming|is coming|traces back|traced back) (?:from|to) ${named})${end}` +
        `|${at}(?<with>(?:the )?(?:delay|problem|issue|fault|responsibility|blame|hold-up|holdup|error|mistake|cause) (?:sits|lies|rests|remains) (?:entirely |squarely |solely |firmly )?with ${named})${end}` +
        // “Your broadband provider is the one throttling the speed”: a party singled out as the cause.
        `|${at}(?<one>${named} (?:is|are|was|were) (?:really |actually |definitely )?the (?:one|ones|people|company|party) (?:who |that )?(?:[^ ]+ing|caused|did|made|slowed|blocked|held))${end}`,
      'g'
    ),
    marked: true,
    gates: [[partyWords, causeWords]],
    reason: (actual) => `${quote(actual)} names someone else as the cause; the customer needs the problem owned and fixed`,
    toClauseEnd: true,
    alone: true,
    notInQuestion: true,
    confirm: (sentence, match, _from, to) => {
      const groups = match.groups ?? {}
      if (groups.from || groups.with || groups.one) return true
      // Any past action of a party counts only with “because” before it or a strong link after it.
      // “… because the supplier raised their costs, and I’ve applied a discount”: a diagnosis with a way forward.
      if (groups.past !== undefined)
        return strongLinked(sentence, to) || (/^(?:because|since) /.test(groups.cause ?? '') && !wayForwardIn(sentence))
      if (groups.cause) return true
      return linked(sentence, to) || new RegExp(`${at}${hedge}${end}`).test(match[0]) || again(sentence, to)
    }
  },
  {
    // Guessing at someone else’s fault: “the courier has probably lost it again”,
    // “it’s most likely the post office that misplaced it”.
    pattern: new RegExp(
      `${at}${named}(?: (?:has|have|had|is|was|were|are))? ${hedge}(?: (?:has|have|had|been))? ${fault}${end}` +
        `|${at}(?:(?:it is|that is|this is) )?${hedge} (?:(?:the|a|your|their) )?(?:[^ ]+ )?${party}(?: that| who)? (?:${fault}|(?:is|was|are) (?:to blame|at fault))${end}` +
        // “I suspect the bank has blocked it”, “my guess is the supplier mixed up the batches”.
        `|${at}(?:${any(words['guesses.leads'])}) (?:that |is that )?${named}(?: ${auxiliary})* ${fault}${end}` +
        // “Chances are the neighbour took it in”, “I’d bet the kids made those purchases”: a confident guess about any act.
        `|${at}(?:${any(words['guesses.strongLeads'])}) (?:that |is that )?${namedGuess}(?: ${auxiliary})* (?<past>${pastForm})${end}`,
      'g'
    ),
    marked: true,
    gates: [[guessedWords, guessWords]],
    reason: (actual) => `${quote(actual)} guesses at someone else’s fault; say what you know and what you will do`,
    toClauseEnd: true,
    notInQuestion: true
  },
  {
    // The customer as the cause: “since you typed the wrong postcode”, “because you didn’t register it”.
    pattern: new RegExp(
      `${at}(?:since|because|as|given that|seeing as|(?:is|was) (?:that|because)|due to the fact that) you (?:have |had )?(?:${slip}|${omission})${end}`,
      'g'
    ),
    gates: [[new Set(['you']), new Set([...lastWords(words['customerSlips.wrong']), 'not', 'never', 'failed', 'forgot', 'neglected'])]],
    reason: (actual) => `${quote(actual)} makes the customer the cause; say what happened and how to put it right`,
    toClauseEnd: true,
    notInQuestion: true
  },
  {
    // Counterfactual blame, inverted: “Had you read the care label, it wouldn’t have shrunk.”
    pattern:
      /(?<=^| )had you (?:only )?(?:not )?(?:[^ ]+)(?= .*(?:would|could|might) (?:not |never )?(?:have|need|be|happen) )|(?<=^| )(?:simply |just )?[a-z]+ing(?: [^ ]+){0,3}? (?:would|could|might) have (?:avoided|prevented|stopped|saved you|saved|spared you)(?= |$)/g,
    gates: [[new Set(['would', 'could', 'might'])]],
    reason: (actual) => `${quote(actual)} implies the customer caused this; say what will fix it`,
    toClauseEnd: true,
    notInQuestion: true,
    // “Had you wanted the larger size, you would have …” is rare; an FAQ’s benefit is not a reproach.
    confirm: (sentence) => !benefit.test(sentence.text)
  },
  {
    // Disowning in other words: “it’s out of our hands”, “not down to us”, “nothing we can do”.
    pattern: new RegExp(
      `${at}(?:(?:(?:it|that|this|which) is|(?:it|that|this) was|(?:we|i) have|there is|there is really|there is simply|there is just|there was)(?: (?:really|simply|just|completely|entirely|unfortunately|sadly|honestly|truly|genuinely|absolutely|totally))? )?${any(words['disowning.words'])}(?! (?:center|centre|centers|centres|line|lines|team|staff|code|map|manager|managers|support|number))(?: (?:about|over|with|for) (?:that|this|it|them))?${end}` +
        // Denying the cause: “a software update cannot cause that”, “our app could not have caused it”.
        `|${at}(?:(?:a|an|the|our|this|that|any) )?(?:[^ ]+ ){0,2}?(?:can not|could not|could never|can never) (?:possibly )?(?:have )?(?:cause|caused|be the cause of|have been the cause of|be responsible for|have been responsible for)${end}` +
        `|${at}(?:it|that|this|which) (?:is|was) not (?:really |actually )?(?:something|anything|an area|a thing|a matter|an issue) (?:that )?(?:we|i|(?:our|my) (?:[^ ]+ )?(?:team|department|company|store|shop|ⓟ|ⓞ)|the (?:[^ ]+ )?team) (?:can |are able to |is able to )?(?:deal with|deals with|handle|handles|control|controls|cover|covers|look after|looks after|help with|fix|are responsible for|is responsible for|am responsible for|look into|sort out)${end}` +
        `|${at}(?:it is |that is |this is |it is now |that is now |now )?in (?:the |your )?(?:[^ ]+ )?(?:${outsider})'s hands${end}` +
        `|${at}(?:(?:it|that|this|which) is|(?:it|that|this) (?:are|was)) (?:all |entirely |solely |only )?(?:handled|managed|controlled|decided|dealt with|run|operated|owned) (?:entirely |solely |only |directly )?by (?:the |your |their )?(?:[^ ]+ )?${outsider}${end}`,
      'g'
    ),
    marked: true,
    gates: [
      [longestWords(words['disowning.words'])],
      [new Set(['cause', 'caused', 'responsible'])],
      [new Set(['not']), new Set(['something', 'anything', 'area', 'thing', 'matter', 'issue'])],
      [new Set(['hands'])],
      [new Set(['handled', 'managed', 'controlled', 'decided', 'dealt', 'run', 'operated', 'owned']), new Set(['by'])]
    ],
    reason: (actual) => `${quote(actual)} disowns the problem; own it and say what you will do`,
    // “We have no control over how long customs takes”: the whole clause.
    toClauseEnd: true,
    confirm: (sentence, match) =>
      !/^(?:no control over|no say|no influence)/.test(match[0]) ||
      /^(?:we|i) have/.test(match[0]) ||
      !/ (?:your|you)$/.test(sentence.text.slice(0, sentence.text.indexOf(match[0])).trimEnd())
  },
  {
    // The problem placed on the customer’s side: “the issue is at your end”.
    pattern: new RegExp(
      `${at}(?:(?:the|this|that|your) )?${any(words['yourEnd.subjects'])} (?:is|lies|must be|seems to be|appears to be|looks to be|is probably|is likely|is most likely|is coming from|comes from|is definitely|is clearly)(?: (?:somewhere|probably|likely|most likely|definitely|clearly))? ${any(words['yourEnd.places'])}${end}`,
      'g'
    ),
    gates: [[firstWords(words['yourEnd.subjects']), lastWords(words['yourEnd.places'])]],
    reason: (actual) => `${quote(actual)} puts the problem on the customer’s side; say what you found and what will fix it`,
    notInQuestion: true
  },
  {
    // Sending the complaint elsewhere: “you’ll need to raise that with your bank”, “your best bet is to
    // reach out to your carrier”, “you’d need to speak to Skyline Tours directly”.
    pattern: new RegExp(
      `${at}(?:(?:you|you will|you would|you are going to|you may|you might|you are|you will be) (?:${any(words['referral.musts'])})|(?:your|the) (?:best bet|best option|best thing to do|best course of action) (?:is|would be) to|(?:it is|it would be|it will be) (?:best|better) to|(?<=^|[,;:.!?] |^@ ?[^ ]+ )(?:best|better) to) (?:${any(words['referral.verbs'])}) (?<whom>(?:the |your |their |a |an )?(?:folks (?:over )?at |people at |team at |guys at )?(?:(?:[^ ]+ ){0,2}?${outsider}${teamOf}|(?<name>[^ ]+))|them|they)(?: directly| yourself| instead| first)?${end}` +
        `|${at}(?:i would|i had|i will|we would|we will|i|we) (?:suggest|recommend|advise) (?:that you |you )?(?:${any(words['referral.verbs'])}) (?<whom2>(?:the |your |their )?(?:[^ ]+ ){0,2}?${outsider}${teamOf})(?: directly| yourself| instead| first)?${end}` +
        // “This should really be raised with your employer’s HR team.”
        `|${at}(?:this|that|it|these|those|which|your complaint|your claim|any claim|any complaint) (?:should|will need to|would need to|needs to|need to|has to|have to|must|will have to|would have to|is to|are to)(?: really| probably| actually)? be (?:${any(words['referral.passive'])}) (?:with|by|to|through) (?<whom3>(?:the |your |their )?(?:[^ ]+ ){0,2}?${outsider}${teamOf})${end}` +
        `|${at}(?:the|your) (?:[^ ]+ )?${outsider} (?:${any(words['referral.can'])})${end}` +
        // “Any complaint about the driver needs to go to the taxi firm itself.”
        `|${at}(?:any |your |the |this |that |these |those )?(?:complaint|complaints|claim|claims|query|queries|request|requests|refund|refunds|return|returns|this|that|it|these|those)(?: [^ ]+){0,4}? (?:needs to|need to|has to|have to|must|should|will need to|would need to|will have to) go (?:to|through|via) (?<whom4>(?:the |your |their )?(?:[^ ]+ ){0,2}?${outsider}${teamOf})(?: itself| themselves| directly)?${end}`,
      'g'
    ),
    marked: true,
    gates: [
      [
        new Set(['need', 'needs', 'have', 'has', 'must', 'should', 'want', 'best', 'better', 'suggest', 'recommend', 'advise']),
        firstWords(words['referral.verbs'])
      ],
      [outsiderWords, lastWords(words['referral.can'])],
      [new Set(['be']), firstWords(words['referral.passive']), outsiderWords],
      [new Set(['go']), outsiderWords]
    ],
    reason: (actual) => `${quote(actual)} sends the customer elsewhere; offer to contact them yourself`,
    notInQuestion: true,
    confirm: (sentence, match, from, to) => {
      const whom = match.groups?.whom ?? match.groups?.whom2 ?? match.groups?.whom3 ?? match.groups?.whom4 ?? ''
      if (/(?:^| )(?:our|us|we)(?: |$)/.test(whom)) return false
      // “you’d need to contact them”: a company never calls itself “them”.
      // (“you’ll need to ask them” is more often the account holder or a family member).
      // “If you booked with our Holidays team, you’d have to speak to them”: “them” is the brand’s own.
      if (/^(?:them|they)$/.test(whom))
        return !/ (?:ask|asking) them/.test(match[0]) && !/(?:^| )our /.test(sentence.text.slice(0, match.index))
      if (match.groups?.name === undefined) return true
      // A name not on the list: a capitalised word that is not the company’s own team.
      // “HP phone support”, “the Train Manager”: a channel or a role of the brand itself.
      const last = lastWord(sentence, from, to)
      const after = sentence.tokens.slice(last + 1, last + 3).map((token) => token.norm)
      return isName(sentence.tokens[last].raw) && !after.some((word) => ownChannel.has(word))
    }
  },
  {
    // The terms or policy as the reason for a refusal: “As per our terms and conditions, we cannot …”.
    pattern: new RegExp(
      `${at}(?:${any(words['rulebook.leads'])}) (?:(?:our|the|company|your|their|its|airline|hotel|store|strict|current|new|booking|fare|ticket|refund|return|returns|cancellation|ⓞ|ⓟ) )*${ruleNouns}(?: and (?:conditions|policies|regulations))?${end}` +
        `|${at}(?:our|the|company) (?:[^ ]+ )?${ruleNouns} (?:${any(words['rulebook.verbs'])})${end}` +
        // “It’s standard policy”, “those are the rules”.
        `|${at}(?:it|that|this) is (?:just |simply |only |unfortunately |sadly )?(?:(?:our|the|a|company|standard|strict|store|airline|hotel|bank|house|general|usual|normal|ⓞ|ⓟ) )*${ruleNouns}${end}` +
        `|${at}(?:those|these|that|them) (?:are|is) (?:just |simply |unfortunately )?(?:the|our) ${ruleNouns}${end}` +
        `|${at}(?:that|it|this) is (?:just |simply |unfortunately )?(?:how|what) (?:the |our )?(?:[^ ]+ )?${ruleNouns} (?:works|work|says|say|states|state|is|are|allows|allow|requires|require)${end}`,
      'g'
    ),
    gates: [[lastWords(words['rulebook.nouns'])]],
    reason: (actual) => `${quote(actual)} hides behind the rules; explain the reason, or what you can offer instead`,
    needsRefusal: true
  },
  {
    // Workload as the excuse: “we’re swamped this week”, “we are experiencing a high volume of calls”,
    // “due to the huge number of messages”, “there are only two of us on support”, “our queue is enormous”.
    pattern: new RegExp(
      `${at}${company}(?: (?:is|are|am|was|were|have been|has been|had been|will be|seem to be|are currently|is currently|have|has|will|will at times|at times|currently|still|often|do|may|might|can|are still|is still))*(?: (?:currently|still|just|really|very|so|extremely|a little|a bit|quite|very much|absolutely|completely|totally|all|rather|slightly|much|incredibly|unusually|particularly|somewhat))* ${any(words['workload.states'])}(?! [a-z]+ing(?: |$)| to | on (?:your|the|this|it))${when}${end}` +
        `|${at}(?:it|things|everything|life|work|the phones|the lines) (?:is|are|has been|have been|is been|was|were)(?: (?:absolutely|completely|totally|really|very|so|a bit|a little|pretty|quite|just|utterly))* ${any(words['workload.hectic.words'])}(?: (?:here|in here|over here|at our end|on our end|in the office|at the office|for us|on our side))?${when}${end}` +
        `|${at}(?:${any(words['workload.absent.groups'])}) (?:of )?(?:the|our|my) (?:[^ ]+ )?${any(words['workload.absent.staff'])} (?:is|are|has been|have been|was|were) (?:currently |still |all )?(?:${any(words['workload.absent.away'])})${end}` +
        `|${at}${company}(?: (?:is|are|am|was|were|have been|has been|had been|will be|will|will at times|at times|currently|still|often|do|may|might|can|have|has|just|recently))* (?:${any(words['workload.receive'])}) ${load('loadA')}${end}` +
        `|${at}(?:due to|because of|owing to|as a result of|given) ${load('loadB')}${end}` +
        `|${at}(?:there (?:are|is) |we are |we have )?${any(words['workload.few'])}${end}` +
        `|${at}(?:our|the) (?:[^ ]+ )?${any(words['workload.queues'])} (?:is|are|has been|have been)(?: (?:currently|very|really|so|absolutely|just|a little|a bit))* ${any(words['workload.long'])}${when}${end}`,
      'g'
    ),
    gates: [
      [tellingWords(words['workload.states'], words['workload.hectic.words'], words['workload.few'])],
      [lastWords(words['workload.absent.away']), new Set(words['workload.absent.staff'])],
      [new Set([...longestWords(words['workload.sizes']), ...words['workload.amounts']])],
      [firstWords(words['workload.queues']), lastWords(words['workload.long'])]
    ],
    reason: (actual) => `${quote(actual)} is an excuse about your workload; the customer needs an apology and a fix`,
    // “We’re busy preparing your replacement”, “busy” as a plain fact about opening hours in a question.
    notInQuestion: true,
    confirm: (sentence, match) => {
      const amount = match.groups?.loadA ?? match.groups?.loadB
      if (amount !== undefined) return isLoad(amount)
      return !bareState.test(match[0]) || busyAsExcuse(sentence, match)
    }
  },
  {
    // Reminders that the customer was told: “As previously advised”, “as you were told on the phone”.
    pattern: new RegExp(
      `${at}(?:as|like) (?<who>(?:i|we) (?:have |had )?(?:already |previously |just )?)?(?<time>(?:previously|already|earlier|before) )?(?:${any(words['reminders.verbs'])})(?<after> ${reminderTimes})?(?: (?:${reminderTimes}))?${end}` +
        // “This was all covered in the welcome pack you received.”
        `|${at}(?:this|that|it|which|these|those|all of this|all this) (?:was|were|is|are|has been|have been) (?:all |clearly |already |fully |explicitly )*(?:${any(words['reminders.documents.verbs'])}) (?:in|on|within) (?:the|your|our) (?:[^ ]+ )?(?:${any(words['reminders.documents.documents'])}) (?:that )?(?:${any(words['reminders.documents.received'])})${end}` +
        `|${at}as you (?:were|have been|had been|have (?:already |previously )?been|had (?:already |previously )?been) (?:already |previously )?(?:told|advised|informed)(?: ${reminderTimes})?${end}` +
        `|${at}as (?:my colleague|my colleagues|the agent|our agent|the team|our team|the previous agent) (?:has |had |have )?(?:already |previously )?(?:told you|advised|informed you|explained|said|mentioned)(?: ${reminderTimes})?${end}` +
        `|${at}(?:just )?to (?:${any(words['reminders.reiterate'])})(?: (?:what|myself))?(?: (?:my colleague|i|we|the agent|our team) (?:told you|said|explained|advised|mentioned))?${end}` +
        `|${at}you (?:were|have been|had been) (?:already|previously) (?:told|advised|informed)${end}` +
        `|${at}you (?:were|have been|had been) (?:told|advised|informed) (?:(?:this|that|about this) )?(?:already|previously|before|earlier|twice|several times|more than once|multiple times)${end}`,
      'g'
    ),
    gates: [
      [
        new Set([
          ...lastWords(words['reminders.verbs'], words['reminders.reiterate'], words['reminders.documents.verbs']),
          ...firstWords(words['reminders.verbs'], words['reminders.documents.verbs']),
          'told',
          'advised',
          'informed'
        ])
      ]
    ],
    reason: (actual) => `${quote(actual)} reminds the customer they were told; try ${quote('To recap')}`,
    expected: (actual) => (/^(?:as|like)\b/i.test(actual) && !/\byou\b/i.test(actual) ? ['To recap'] : []),
    confirm: (sentence, match, from, to) => {
      const groups = match.groups ?? {}
      if (/^(?:as|like) you |^you |^(?:this|that|it|which|these|those|all) /.test(match[0])) return true
      // “As mentioned in the manual”, “as stated on the invoice”: a reference, not a reminder.
      const next = sentence.tokens[to]?.norm
      if (
        !groups.time &&
        !groups.after &&
        next !== undefined &&
        ['in', 'on', 'by', 'below', 'here', 'for', 'to', 'during', 'at'].includes(next)
      )
        return false
      if (groups.who || groups.time || groups.after) return true
      // Bare “as advised”: only opening a clause and set off by a comma (“Sorry but as advised, …”).
      const before = sentence.tokens[from - 1]?.norm
      return next === ',' && (before === undefined || before === ',' || before === 'but' || before === 'and' || before === 'so')
    }
  }
]

// The consequence of an FAQ’s conditional is a benefit (“…, you would have received an email”), not a reproach.
const benefit =
  /(?:would|will) have (?:already )?(?:received|got|gotten|been sent|been given|been emailed|been notified|been able to|had)(?= |$)/

// “… left it at the wrong door again”: “again” in the same clause makes a fault a pattern.
function again(sentence: Sentence, to: number): boolean {
  for (let index = to; index < sentence.tokens.length && !sentence.tokens[index].punctuation; index++)
    if (sentence.tokens[index].norm === 'again') return true
  return false
}

function wayForwardIn(sentence: Sentence): boolean {
  return (
    /(?:^| )(?:i|we) (?:have|will|can|am going to|are going to|would like to) /.test(sentence.text) || /(?:^| )let me /.test(sentence.text)
  )
}

function strongLinked(sentence: Sentence, to: number): boolean {
  return to < sentence.tokens.length && strongLink.test(sentence.text.slice(sentence.starts[to]))
}

function linked(sentence: Sentence, to: number): boolean {
  if (to >= sentence.tokens.length) return false
  const rest = ` ${sentence.text.slice(sentence.starts[to])}`
  const found = link.exec(rest)
  if (!found) return false
  return !wayForward.test(rest.slice(found.index + found[0].length).trimStart())
}

const bareState = new RegExp(` ${any(words['workload.bare.words'])}$`)

// “busy” alone is an excuse when it closes the clause or is tied to time (“busy at the moment”, “busy today”).
function busyAsExcuse(sentence: Sentence, match: RegExpExecArray): boolean {
  const rest = sentence.text.slice(match.index + match[0].length).trimStart()
  return (
    rest === '' ||
    /^(?:[,.;:!)]|at the moment|right now|today|this week|at present|lately|recently|due to|because|as|with|and|so|than)(?: |$)/.test(rest)
  )
}

function lastWord(sentence: Sentence, from: number, to: number): number {
  let index = to - 1
  while (index > from && ['directly', 'yourself', 'instead', 'first'].includes(sentence.tokens[index].norm)) index--
  return index
}

const ownChannel = new Set([
  'support',
  'care',
  'help',
  'team',
  'us',
  'service',
  'services',
  'manager',
  'managers',
  'desk',
  'department',
  'office',
  'crew',
  'staff',
  'store',
  'centre',
  'center',
  'line',
  'lines',
  'app',
  'website',
  'chat',
  'phone',
  'helpline',
  'advisors',
  'advisers',
  'experts'
])

/** Whether the sentence's words (`present`, folded, with and without a trailing “'s”) open a gate of the shape. */
export function opens(shape: Shape, present: ReadonlySet<string>): boolean {
  const holds = (group: ReadonlySet<string>) => {
    for (const word of present) if (group.has(word)) return true
    return false
  }
  return shape.gates?.some((gate) => gate.every(holds)) ?? true
}

/**
 * The sentence with the last word of each party it names replaced by its mark (ⓞ, ⓟ, ⓒ; a possessive
 * keeps its “'s”), the longest phrase first. Tokens keep their places and offsets.
 */
export function markParties(sentence: Sentence): Sentence {
  const tokens = sentence.tokens.map((token, index) => {
    const possessive = token.norm.endsWith("'s")
    const head = possessive ? token.norm.slice(0, -2) : token.norm
    for (let length = Math.min(5, index + 1); length >= 1; length--) {
      const words = sentence.tokens.slice(index - length + 1, index).map((before) => before.norm)
      const phrase = [...words, head].join(' ')
      const mark = outsiderPhrases.has(phrase) ? 'ⓞ' : partyPhrases.has(phrase) ? 'ⓟ' : gearPhrases.has(phrase) ? 'ⓒ' : undefined
      if (mark) return {...token, norm: possessive ? `${mark}'s` : mark}
    }
    return token
  })
  const starts: number[] = []
  let length = 0
  for (const token of tokens) {
    starts.push(length)
    length += token.norm.length + 1
  }
  return {tokens, text: tokens.map((token) => token.norm).join(' '), starts, start: sentence.start, end: sentence.end, lang: sentence.lang}
}

function isName(raw: string): boolean {
  return /^\p{Lu}/u.test(raw) && raw !== 'I'
}

/**
 * The words or phrases a sentence must contain for a shape to match: the cheap pass’s entries. Each is a
 * word class of the shapes above that the pattern needs word for word, so a sentence without any of them
 * cannot match and is never looked at closely.
 */
export const cues: string[] = [
  // Causal attribution and guesses: a fault, a wrong thing, a step not done, a party singled out, a hedge.
  ...words['faultVerbs.words'],
  ...words['faultVerbs.needWrong'],
  'wrong',
  'incorrect',
  'right',
  'correct',
  'did not',
  'never',
  'failed to',
  'forgot to',
  'neglected to',
  'have not',
  'had not',
  'the one',
  'the ones',
  ...words['faultVerbs.bad'],
  ...words['links.strong'],
  'because',
  'since',
  'came from',
  'comes from',
  'stemmed from',
  'sits with',
  'lies with',
  'rests with',
  'remains with',
  ...words['guesses.words'],
  ...words['guesses.leads'],
  ...words['guesses.strongLeads'],
  // The customer's slip and the counterfactual.
  ...words['customerSlips.wrong'],
  'had you',
  'would have',
  'could have',
  'might have',
  // Disowning, denying the cause, the customer's end.
  ...words['disowning.words'],
  'hands',
  'handled',
  'managed',
  'controlled',
  'decided',
  'dealt with',
  'deal with',
  'deals with',
  'handle',
  'handles',
  'look after',
  'looks after',
  'responsible for',
  'cause',
  'caused',
  ...words['yourEnd.places'],
  // Sending elsewhere.
  ...words['referral.verbs'],
  ...words['referral.can'],
  ...words['referral.passive'],
  'go to',
  'go through',
  'go via',
  // The rules as the reason.
  ...words['rulebook.nouns'],
  // Workload.
  ...words['workload.states'],
  ...words['workload.hectic.words'],
  ...words['workload.sizes'],
  ...words['workload.amounts'],
  ...words['workload.absent.away'],
  ...words['workload.few'],
  ...words['workload.queues'],
  // Reminders.
  ...words['reminders.verbs'],
  ...words['reminders.reiterate'],
  ...words['reminders.documents.verbs']
]
