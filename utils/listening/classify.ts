import { classifyQuestion } from '../questions/classify';
import { normaliseText } from '../questions/normalise';
import type { ListeningMove, MoveVerdict } from './types';
import { contentStems } from './words';

export type { ListeningMove, MoveVerdict } from './types';

// Captions can run long; like the question checker, look at the first part of a turn only.
const MAX_CHARS = 2_000;
// The mentee's last few turns are what a restatement or a summary can draw on.
const MAX_CONTEXT_TURNS = 8;

// Minimal encouragers (Egan's "minimal prompts"): a turn made only of these keeps the mentee talking.
const ENCOURAGER_RE = new RegExp(
  '^(?:' +
    [
      'oh no',
      'mm+[- ]?h?m+',
      'mh?m+',
      'mm+',
      'hm+',
      'uh[- ]?huh',
      'a+h',
      'oh+',
      'wow',
      'yeah',
      'yes',
      'yep',
      'right',
      'okay',
      'ok',
      'sure(?: thing)?',
      'i see',
      'i hear you',
      "i'm listening",
      "i'm with you",
      'go on',
      'go ahead',
      'please',
      'keep going',
      'carry on',
      'tell me',
      'take (?:all )?(?:the |your )?time(?: you need)?',
      'take a moment',
      'no (?:rush|hurry)',
      'and(?: then)?',
      'really',
      'interesting',
      'of course',
      'absolutely',
      'fair enough',
      'got it',
      "(?:that's|it's) (?:okay|ok|fine|alright|all right)",
      'indeed',
      'exactly',
      'i understand',
    ].join('|') +
    ')(?:[\\s,.!?;:-]+|$)',
);

// Logistics, greetings and thanks: the call itself rather than the conversation.
const OTHER_RE =
  /\b(?:hi|hello|hey|good (?:morning|afternoon|evening)|morning|welcome back|bye|goodbye|see you|speak soon|cheers|take care|happy new year|have a (?:lovely|good|great|nice)|thanks?(?: you)?(?: so much)?(?: for| that's|,|\.|!|$)|appreciate you|can you (?:hear|see)|hear me|see my screen|share (?:my|the) screen|stop sharing|(?:on )?mute|camera|connection|cut out|breaking up|echo|the noise|the sound|link|in the chat|(?:the |an )?invite|next (?:session|time|week's session)|same time (?:next|then)|book (?:the|a|in)|(?:get|got) started|shall we (?:start|begin|get|do|pick|turn)|let's (?:start|begin|wrap|take a|meet)|pick up where|wrap (?:up|it up)|a (?:short |quick |two-minute |five-minute )?break|minutes left|our time|(?:have|need) to (?:stop|leave|go)|recording|captions|sorry i'm late|for the delay|say that again|my dog|glass of water|switch to the phone|check the time|take a note|my notes|the notes|send (?:you )?the summary|email you)\b/;

// Drawing several threads together.
const SUMMARY_RE =
  /\b(?:so far|sum(?:ming)? (?:it )?up|summari[sz]\w*|in summary|(?:a |quick )summary|recap\w*|(?:pull|pulling|draw|drawing|bring|bringing|put|putting|gather|gathering)(?: it| that| those| them| the threads| everything)?(?: all)? (?:together|up)|in short|in a nutshell|overall|all in all|taken together|big picture|the (?:whole )?picture|main (?:themes|points)|key points|play back|three (?:things|threads|worries|options)|common thread|what (?:we've|we have) (?:covered|talked about|looked at|said|got)|we've (?:covered|looked at|talked about|got:)|you've (?:told me about|mentioned|named|described)|what you've (?:described|said)|from everything|where (?:we are|we've got to)|across the)\b/;

// A reflection announced as one: "it sounds like", "what I'm hearing", "in other words".
const REFLECTION_RE =
  /^(?:so )?(?:it )?(?:sounds?|seems?)(?: (?:like|as though|as if))?\b|^(?:so )?what i(?:'m| am|'ve)? hear(?:ing|d)?\b|^(?:so )?what (?:matters|counts|really matters)\b|^(?:so )?if i(?:'ve got (?:it|that|you)| understand| heard)|^in other words\b|^(?:so )?you(?:'re| are) (?:saying|telling me)\b/;
// The mentee as the subject of a statement: "you're torn", "you feel", "you'd like".
const SECOND_PERSON_RE =
  /^(?:so )?(?:for you,? )?you(?:'re| are| feel| felt| sound| seem| want| wanted| would like|'d like|'d rather| don't want| miss| love| need| can't| aren't| were| have| had)\b/;
// A check tacked on a reflection asks nothing new: the reflection is the move.
const CHECK_TAG_RE =
  /[,.;\s-]+(?:is that (?:right|fair|it)|did i get that(?: right)?|have i got that(?: right)?|am i right|does that sound right|is that what you mean|fair)\s*\?*\s*$/;

// Telling or fixing. Checked on statements only: advice asked as a question stays leading.
const ADVICE_RE =
  /\b(?:you (?:should|ought|must|need to|have to|'ve got to|could try|could use|might try)|you've got to|you'd be better off|if i were (?:you|in your)|in your shoes|i'd (?:suggest|recommend|advise|take|go|push|pick|start|say|focus|do|ask|use|try|wait|get|talk)|i would (?:suggest|recommend|advise|take|go)|(?:i )?(?:suggest|recommend)|my (?:advice|recommendation|suggestion)|the (?:best|right) (?:thing|approach|way|move|option)|the trick is|the key is|what you (?:want|need|should|have) (?:to do|is)|what you should do|it's worth|it (?:would|'d) be (?:better|best|wise)|make sure|don't forget|i think the right)\b/;
// Advice addressed to the mentee inside a story ("When I was stuck I asked; you should too").
const ADVICE_TO_YOU_RE = /\byou(?:'ve got to| should| ought| must| need to| have to| could)\b|\bif i were you\b/;
// An imperative opening a turn ("Put the charity work first", "Don't reply tonight").
const IMPERATIVE_RE =
  /^(?:just |honestly,? (?:just )?)?(?:try|put|start|write|get|use|keep|make|set|take|go|ask|send|stop|speak|learn|read|rehearse|have|delegate|pick|focus|block|talk|tell|don't|do not|never|always|avoid|book|call|email|drop|find|give|leave|move|plan|prioriti[sz]e|say|schedule|see|sleep|switch|turn|wait|walk|limit|cut|add|apply|document|negotiate|record|note|join|bring|check)\b/;
// The mentor's own story: first person, in the past or as experience.
const SHARING_RE =
  /\b(?:when i(?:'m| was| first| started| became| went| moved| learned| led| switched| taught| joined| left| had| did| got| came)?|when my|in my (?:experience|last|first|previous|old|own|day|career)|i remember|i had (?:a|the|same|my|to)|i once|i used to|i've been there|i've had|i've (?:done|seen|mentored|felt|made)|i went|i was|my (?:first|own|old|last|previous) |years ago|early (?:on|in my)|for me,? the|personally|i did|i took|i turned|i moved|i joined|i burned|i found|i felt|i still get|happened to me|at my (?:old|last|previous)|we had (?:a|the)|we tried|i learned|i made|i lost|i spent|i left|i quit|i changed|i struggled|i cried|i got|i thought|i loved|i hated|for me\b.{0,30}\bwas)\b/;
// Asking someone to say more: open, though it carries no question mark.
const INVITATION_RE =
  /^(?:tell me (?:more|about|what|how|why)|say more|talk me through|walk me through|describe|explain)\b/;
// Words that open a spoken turn without changing its move.
const LEADING_FILLER_RE = /^(?:(?:um+|uh+|er+m?|okay|ok|right|well|yeah|and|now|honestly|look|alright|so,)[\s,.-]+)+/;

function matchText(re: RegExp, text: string): string | undefined {
  return re.exec(text)?.[0]?.trim();
}

interface Reflection {
  /** Mentee words the turn repeats, oldest first. */
  words: string[];
  /** How many of the context's turns the turn draws on. */
  turnsDrawnOn: number;
}

function reflectionOf(turnText: string, context: readonly string[]): Reflection {
  const mine = contentStems(turnText);
  const words: string[] = [];
  let turnsDrawnOn = 0;
  const seen = new Set<string>();
  for (const menteeTurn of context) {
    let hit = false;
    for (const [s, surface] of contentStems(menteeTurn)) {
      if (!mine.has(s)) continue;
      hit = true;
      if (!seen.has(s)) {
        seen.add(s);
        words.push(surface);
      }
    }
    if (hit) turnsDrawnOn += 1;
  }
  return { words, turnsDrawnOn };
}

function recentContext(context: readonly unknown[] | undefined): string[] {
  if (!Array.isArray(context)) return [];
  return context
    .filter((t): t is string => typeof t === 'string')
    .slice(-MAX_CONTEXT_TURNS)
    .map((t) => t.slice(0, MAX_CHARS));
}

function verdict(move: ListeningMove, evidence: Array<string | undefined>): MoveVerdict {
  return { move, evidence: evidence.filter((e): e is string => typeof e === 'string' && e.length > 0) };
}

/** Several points drawn together: a list that reaches back over more than one mentee turn. */
function looksLikeList(text: string): boolean {
  const separators = (text.match(/,|;|:| and /g) ?? []).length;
  return separators >= 2;
}

/**
 * The active-listening move of a mentor turn, given the mentee's preceding turns (oldest first).
 * Questions keep the question checker's kinds (advice asked as a question stays `leading`); a
 * reflection with a check tag ("…, is that right?") stays a reflection. Pure and deterministic;
 * never throws on any input.
 */
export function classifyMove(text: string, context: readonly string[] = []): MoveVerdict {
  const raw = typeof text === 'string' ? text.slice(0, MAX_CHARS) : '';
  const normalised = normaliseText(raw);
  if (!/[\p{L}\p{N}]/u.test(normalised)) return verdict('other', []);
  const menteeTurns = recentContext(context);

  // Strip encouragers one by one: if nothing is left, the whole turn was one.
  let rest = normalised;
  for (let guard = 0; guard < 8 && rest.length > 0; guard += 1) {
    const m = ENCOURAGER_RE.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
  }
  if (rest.length === 0) return verdict('encouraging', [normalised.replace(/[\s,.!?;:-]+$/, '')]);

  const words = normalised.split(' ').length;
  const otherCue = words <= 14 ? matchText(OTHER_RE, normalised) : undefined;
  const summaryCue = matchText(SUMMARY_RE, normalised);
  // Logistics first, unless the turn plainly recaps ("let me recap before we go: …") or advises
  // ("if I were you, I'd book a week off").
  if (otherCue && !summaryCue && !ADVICE_RE.test(normalised)) return verdict('other', [otherCue]);

  const body = normalised.replace(LEADING_FILLER_RE, '');
  const withoutTag = body.replace(CHECK_TAG_RE, '');
  const checked = withoutTag !== body;
  // Only summaries and reflections need the overlap with the mentee's words: work it out lazily.
  let overlap: Reflection | undefined;
  const reflected = () => (overlap ??= reflectionOf(withoutTag, menteeTurns));
  const question = classifyQuestion(checked ? withoutTag : body);

  if (summaryCue) {
    const { words: echoed } = reflected();
    return verdict('summarising', echoed.length > 0 ? echoed : [summaryCue]);
  }

  const reflectionCue = matchText(REFLECTION_RE, withoutTag);
  if (reflectionCue && (question.kind === 'statement' || checked || !/\?\s*$/.test(body)))
    return reflectionVerdict(withoutTag, reflected(), reflectionCue);

  const sharingCue = matchText(SHARING_RE, body);
  if (
    sharingCue &&
    /^(?:so )?(?:when|in my|i |i'|years|early|my |for me|personally|at my|we )/.test(body) &&
    question.kind !== 'open'
  ) {
    if (!ADVICE_TO_YOU_RE.test(body)) return verdict('sharing', [sharingCue]);
  }

  // "Don't reply tonight" is an instruction; "don't you think…" stays a leading question.
  const negativeImperative = /^(?:just )?(?:don't|do not|never) (?!you\b|we\b|they\b|i\b|he\b|she\b)/.test(body);
  if (negativeImperative) return verdict('advice', [matchText(IMPERATIVE_RE, body)]);
  if (question.kind !== 'statement' && !checked) return verdict(question.kind, [body]);
  if (INVITATION_RE.test(body)) return verdict('open', [body]);

  const adviceCue = matchText(ADVICE_RE, body) ?? matchText(IMPERATIVE_RE, body);
  if (adviceCue) return verdict('advice', [adviceCue]);
  if (sharingCue) return verdict('sharing', [sharingCue]);

  if (SECOND_PERSON_RE.test(withoutTag) || reflectionCue || checked)
    return reflectionVerdict(withoutTag, reflected(), reflectionCue);
  // "So the cost is your weekends": a "so" statement that takes up the mentee's words.
  const { words: echoed } = reflected();
  if (/^so\b/.test(withoutTag) && echoed.length > 0) return reflectionVerdict(withoutTag, reflected(), undefined);
  if (echoed.length >= 2) return reflectionVerdict(withoutTag, reflected(), undefined);
  return verdict('other', []);
}

function reflectionVerdict(text: string, reflection: Reflection, cue: string | undefined): MoveVerdict {
  const move: ListeningMove = reflection.turnsDrawnOn >= 3 && looksLikeList(text) ? 'summarising' : 'restating';
  return verdict(move, reflection.words.length > 0 ? reflection.words : [cue]);
}
