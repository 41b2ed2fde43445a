/**
 * Sentence openers, for the key-point condenser: which first words lean on the sentence before, which
 * connectives can go, and which clauses set a condition that a bullet must keep. English has its own,
 * richer lists (first below); other languages are described as OpenerWords. opener-rules.ts compiles
 * both for matching.
 *
 * Phrases are lower case, words separated by single spaces; elided forms are written with a straight
 * apostrophe ("d'ailleurs"). Chinese and Japanese phrases are matched on characters.
 */

// ---------------------------------------------------------------------------------------------------
// English

/** Openers that point back at something the previous sentence named. */
export const BACK_REFERENCES = [
  'this', 'these', 'that', 'those', 'such', 'it', 'its', 'they', 'them', 'their', 'theirs', 'he', 'she',
  'his', 'her', 'him', 'hers', 'another', 'the latter', 'the former', 'the same', 'the above',
  'the aforementioned',
];

/**
 * Openers that make the sentence conditional on the previous one ("Otherwise, the migration is
 * cancelled"): dropping them would turn a condition into a fact, so the sentence is not used at all.
 */
export const LEANING_CONDITIONS = [
  'otherwise', 'if so', 'in that case', 'in this case', 'in which case', 'in such a case', 'in such cases',
  'failing that', 'or else', 'until then', 'by then', 'under these conditions', 'under those conditions',
  'under such conditions', 'under these circumstances', 'under those circumstances', 'in these circumstances',
  'in those circumstances', 'if this happens', 'if that happens',
];

/** Connectives that continue an argument; on their own they say nothing. */
export const LINKING_CONNECTIVES = [
  'however', 'additionally', 'moreover', 'furthermore', 'also', 'thus', 'therefore', 'consequently',
  'instead', 'meanwhile', 'still', 'yet', 'but', 'and', 'or', 'nor', 'so', 'then', 'finally',
  'similarly', 'likewise', 'hence', 'accordingly', 'nevertheless', 'nonetheless', 'conversely',
  'besides', 'indeed', 'again', 'plus', 'lastly', 'subsequently', 'thereafter',
  'afterwards', 'here', 'as a result', 'in addition', 'as such', 'in turn', 'in contrast',
  'by contrast', 'on the other hand', 'at the same time', 'that said', 'even so', 'in other words',
  'to that end', 'to this end', 'in this way', 'in doing so', 'as a consequence', 'for example',
  'for instance',
];

/**
 * Words and phrases (lower case) that a bullet never starts with, because they lean on the sentence
 * before. Connectives followed by a comma are dropped instead ("However, costs rose" → "Costs rose");
 * a sentence opening on a pronoun or demonstrative is not used at all (except a section's first
 * sentence opening on "This …" or "These …" with a noun: there is nothing before it to lean on).
 */
export const DANGLING_OPENERS: ReadonlySet<string> = new Set([...LINKING_CONNECTIVES, ...BACK_REFERENCES, ...LEANING_CONDITIONS]);

/**
 * Lead-ins that point back, but only as a whole phrase before a comma: "Because of this, …" leans,
 * "Because of this year's drought …" does not. They go with their comma.
 */
const BACK_LEAD_INS = [
  'after that', 'after this', 'before that', 'because of this', 'because of that', 'despite this',
  'despite that', 'in spite of this', 'in spite of that', 'since then', 'for this reason', 'for that reason',
  'due to this', 'owing to this', 'in response to this', 'in response to that', 'in addition to this',
  'apart from this', 'apart from that', 'aside from this', 'aside from that', 'besides this',
  'with this in mind', 'on this basis', 'against this background', 'against this backdrop',
  'in light of this', 'in view of this', 'given this', 'as a result of this', 'on top of this',
  'following this', 'with this', 'with that',
];

/** Sentence adverbials that can be dropped with their comma without changing what the clause says. */
export const CONNECTIVES = [
  ...LINKING_CONNECTIVES,
  ...BACK_LEAD_INS,
  'in short', 'in summary', 'in sum', 'in conclusion', 'in particular', 'in fact', 'in practice',
  'of course', 'after all', 'above all', 'on top of that', 'beyond that', 'beyond this', 'as noted',
  'as mentioned', 'as expected', 'equally', 'alternatively', 'ultimately', 'notably', 'importantly',
  'crucially', 'critically', 'interestingly', 'specifically', 'namely', 'overall', 'first', 'firstly',
  'second', 'secondly', 'third', 'thirdly', 'next', 'further', 'later', 'now', 'today', 'currently',
  'clearly', 'of note', 'in general', 'generally', 'typically', 'in essence', 'essentially', 'so far',
  'to date', 'for now', 'going forward', 'looking ahead', 'in the meantime', 'on balance', 'all in all',
  'by and large', 'in any case', 'at present', 'in total', 'in aggregate', 'put simply', 'simply put',
];

/** Connectives that are dropped even without a comma ("But the board declined …"). */
export const DROP_WITHOUT_COMMA = [
  'and', 'but', 'yet', 'moreover', 'furthermore', 'additionally', 'consequently', 'therefore', 'thus',
  'hence', 'however',
];

/**
 * Openers of a conditional, concessive or exceptive clause, or of a qualifier on a figure. Dropping
 * one changes what the sentence claims: "Unless funding is approved by March, the migration will be
 * cancelled" is not "The migration will be cancelled". A bullet keeps them, at the start or at the end.
 */
export const CONDITIONS = [
  'if', 'unless', 'whether', 'although', 'though', 'albeit', 'even', 'provided', 'providing', 'assuming',
  'supposing', 'only if', 'only when', 'only after', 'only once', 'only until', 'only where', 'until', 'till',
  'once', 'as long as', 'so long as', 'as soon as', 'in case',
  'in the event', 'on condition', 'on the condition', 'despite', 'in spite of', 'notwithstanding', 'except',
  'excepting', 'excluding', 'barring', 'absent', 'without', 'but for', 'save for', 'other than',
  'apart from', 'aside from', 'with the exception of', 'subject to', 'depending on', 'dependent on',
  'conditional on', 'conditional upon', 'contingent on', 'contingent upon', 'pending',
  ...LEANING_CONDITIONS,
];

/**
 * Openers that set a condition or qualify the figures only at the start of a sentence: after a comma,
 * "…, where demand is highest" or "…, including Spain" elaborate and can go.
 */
export const LEAD_CONDITIONS = [
  'when', 'whenever', 'where', 'wherever', 'while', 'whilst', 'whereas', 'should', 'were', 'had',
  'including', 'adjusted', 'after adjusting', 'like-for-like', 'on a like-for-like basis', 'at constant',
  'in constant', 'on an adjusted', 'on an underlying', 'on an organic', 'organically',
];

/** "Only" restricts the clause before it ("…, but only in two regions"); opening one, it sets no condition. */
export const TRAILING_CONDITIONS = ['only'];

/** Words after "This" or "These" that make it a pronoun ("This means …", "These include …", "This also …"). */
export const NOT_AFTER_DETERMINER = new Set([
  'it', 'its', 'they', 'them', 'their', 'he', 'she', 'him', 'his', 'her', 'we', 'us', 'our', 'you', 'your',
  'i', 'me', 'my', 'a', 'an', 'the', 'this', 'these', 'that', 'those', 'there', 'here',
  'mean', 'meant', 'show', 'shown', 'led', 'lead', 'left', 'leave', 'made', 'make', 'put', 'set', 'cut',
  'brought', 'bring', 'gave', 'give', 'took', 'take', 'kept', 'keep', 'came', 'come', 'became', 'become',
  'went', 'got', 'get', 'saw', 'grew', 'drew', 'held', 'hold', 'built', 'felt', 'found', 'paid', 'sent',
  'spent', 'won', 'lost', 'sold', 'rose', 'fell', 'drove', 'drive', 'reflect', 'suggest', 'indicate',
  'imply', 'include', 'represent', 'remain', 'require', 'allow', 'help', 'add', 'cover', 'account',
  'affect', 'create', 'reduce', 'increase', 'raise', 'explain', 'follow', 'point', 'highlight', 'underline',
  'underscore', 'confirm', 'demonstrate', 'need', 'provide', 'offer', 'form', 'seem', 'appear', 'apply',
  'matter', 'vary', 'differ', 'range', 'total', 'amount', 'cost', 'alone', 'together', 'all', 'each',
  'already', 'still', 'now', 'often', 'typically', 'mainly', 'largely', 'mostly', 'partly', 'clearly',
  'certainly', 'probably', 'likely', 'apparently', 'one', 'way',
]);

/** Determiners that open a section's first sentence without leaning: "This report reviews …". */
export const OPENING_DETERMINERS = ['this', 'these'];

/** Words a main clause cannot start with: what follows the comma would not stand alone. */
export const NOT_A_SUBJECT = new Set([
  'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'into', 'onto', 'over', 'under', 'about',
  'across', 'after', 'before', 'during', 'since', 'until', 'through', 'between', 'among', 'amid',
  'against', 'without', 'within', 'upon', 'via', 'per', 'like', 'unlike', 'than', 'and', 'or', 'but',
  'nor', 'so', 'yet', 'because', 'although', 'though', 'while', 'whereas', 'if', 'unless', 'when',
  'where', 'which', 'who', 'whom', 'whose', 'that', 'what', 'how', 'why', 'is', 'are', 'was', 'were',
  'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could',
  'should', 'may', 'might', 'must', 'shall', 'not', 'as', 'also', 'then', 'thus', 'however', 'too',
  'especially', 'particularly', 'including', 'such', 'even', 'only', 'just', 'both', 'either',
  'neither', 'whether', 'respectively',
]);

// ---------------------------------------------------------------------------------------------------
// Other languages

export interface OpenerWords {
  /** Connectives that continue an argument: dropped with their comma, otherwise the sentence leans back. */
  linking: readonly string[];
  /** Pronouns, demonstratives and phrases built on them that point at the sentence before. */
  backRefs: readonly string[];
  /** Sentence adverbials that can go with their comma, but lean on nothing ("In short,"). */
  adverbials?: readonly string[];
  /** Connectives that can go even without a comma ("But costs rose"); 'all' for every linking one. */
  bare?: readonly string[] | 'all';
  /** Demonstratives used as determiners ("This report …"): fine in a section's very first sentence. */
  determiners?: readonly string[];
  /** Back-references that are also articles: they lean only when no capitalised noun follows ("Das Werk …"). */
  articles?: readonly string[];
  /** Words after a determiner that show it stands for a whole clause after all ("Esta es …"). */
  pronounCues?: readonly string[];
  /** How to tell that a noun follows a determiner, when pronoun cues cannot. */
  nounTest?: 'capital' | 'article';
  /** Nouns of time: "Cette année" points at the report's period, not at the sentence before. */
  timeNouns?: readonly string[];
  /** Phrases that start like a back-reference but point at nothing ("Es gibt", "Il y a"). */
  notLeaning?: readonly string[];
  /** Openers of a conditional, concessive or exceptive clause: a condensed sentence must keep them. */
  conditions: readonly string[];
  /** Qualifiers that restrict the clause before them ("…, nur in Bayern"), but open none of their own. */
  trailingConditions?: readonly string[];
  /** Written without spaces between words: phrases are matched on characters. */
  unspaced?: boolean;
  /** Elided words ("d'", "c'", "quest'") are words of their own. */
  elision?: boolean;
  /**
   * Verb-second languages: a fronted adverb pushes the verb right after it ("Deshalb hat der Vorstand
   * …"), and dropping the adverb would leave a question. A connective without a comma can only go
   * when a subject follows it: one of these words, a capitalised word or a number.
   */
  subjectStarts?: readonly string[];
  /** Words that a bare connective must not be glued to (Japanese particles: "また|は" is "または"). */
  gluedTo?: RegExp;
}

const de: OpenerWords = {
  linking: [
    'allerdings', 'jedoch', 'außerdem', 'darüber hinaus', 'daher', 'deshalb', 'deswegen', 'darum', 'zudem',
    'ferner', 'ebenso', 'ebenfalls', 'auch', 'aber', 'und', 'oder', 'doch', 'denn', 'dennoch', 'trotzdem',
    'gleichwohl', 'nichtsdestotrotz', 'nichtsdestoweniger', 'folglich', 'somit', 'also', 'infolgedessen',
    'demnach', 'dementsprechend', 'stattdessen', 'hingegen', 'dagegen', 'andererseits', 'gleichzeitig',
    'zugleich', 'währenddessen', 'inzwischen', 'schließlich', 'zuletzt', 'anschließend', 'danach',
    'zusätzlich', 'des weiteren', 'weiterhin', 'überdies', 'im gegensatz dazu', 'im übrigen',
    'beispielsweise', 'zum beispiel', 'nämlich', 'vielmehr', 'trotz allem', 'genauso',
  ],
  backRefs: [
    'dies', 'diese', 'dieser', 'dieses', 'diesem', 'diesen', 'das', 'es', 'er', 'sie', 'ihr', 'ihre',
    'ihren', 'ihrem', 'ihrer', 'ihres', 'sein', 'seine', 'seinen', 'seinem', 'seiner', 'seines', 'solche',
    'solcher', 'solches', 'solchen', 'derartige', 'derartigen', 'jener', 'jene', 'jenes', 'letztere',
    'letzterer', 'erstere', 'ersterer', 'damit', 'dadurch', 'dabei', 'daraus', 'darauf', 'davon', 'dazu',
    'dafür', 'daraufhin', 'hierbei', 'hierdurch', 'hiermit', 'dort', 'hier', 'sonst', 'andernfalls',
    'in diesem fall', 'in dem fall',
  ],
  adverbials: [
    'insgesamt', 'zusammenfassend', 'kurz gesagt', 'im allgemeinen', 'allgemein', 'grundsätzlich',
    'insbesondere', 'vor allem', 'tatsächlich', 'derzeit', 'aktuell', 'heute', 'zunächst', 'erstens',
    'zweitens', 'drittens', 'bisher', 'bislang', 'letztlich', 'im ergebnis',
  ],
  bare: 'all',
  determiners: ['dieser', 'diese', 'dieses', 'diesem', 'diesen'],
  articles: ['das'],
  nounTest: 'capital',
  timeNouns: ['jahr', 'quartal', 'monat', 'woche', 'halbjahr', 'geschäftsjahr', 'sommer', 'winter', 'frühjahr', 'herbst', 'zeitraum'],
  // "Es" is as often a dummy subject as a pronoun.
  notLeaning: ['es gibt', 'es gab', 'es geht um'],
  conditions: [
    'wenn', 'falls', 'sofern', 'soweit', 'es sei denn', 'außer', 'ausgenommen', 'obwohl', 'obgleich',
    'obschon', 'wenngleich', 'auch wenn', 'selbst wenn', 'solange', 'sobald', 'bis', 'vorausgesetzt',
    'unter der voraussetzung', 'vorbehaltlich', 'abgesehen von', 'trotz', 'ohne', 'sonst', 'andernfalls', 'ob',
  ],
  trailingConditions: ['nur'],
  subjectStarts: [
    'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'wir', 'ich',
    'man', 'unser', 'unsere', 'unseren', 'unserem', 'unserer', 'viele', 'alle', 'kein', 'keine', 'rund', 'etwa',
  ],
};

const fr: OpenerWords = {
  linking: [
    'cependant', 'toutefois', 'néanmoins', 'pourtant', 'de plus', 'en outre', 'par ailleurs', "d'ailleurs",
    'en effet', 'par conséquent', 'en conséquence', 'de ce fait', 'ainsi', 'aussi', 'donc', 'alors',
    'également', 'enfin', 'ensuite', 'puis', 'mais', 'et', 'or', 'de même', 'dès lors', 'en revanche',
    'par contre', 'au contraire', "à l'inverse", 'parallèlement', 'entre-temps', 'dans le même temps',
    'en parallèle', 'par exemple', 'autrement dit', "c'est-à-dire", "c'est pourquoi", 'pour cela',
    'pour ce faire', 'malgré cela', 'malgré tout', "d'autre part", 'en plus', 'de surcroît', 'du coup',
  ],
  backRefs: [
    'ceci', 'cela', 'ça', 'ce', 'cet', 'cette', 'ces', 'il', 'elle', 'ils', 'elles', 'celui-ci', 'celle-ci',
    'ceux-ci', 'celles-ci', 'celui', 'celle', 'ceux', "c'", 'son', 'sa', 'ses', 'leur', 'leurs', 'tel',
    'telle', 'tels', 'telles', 'lui', 'eux', 'là', 'ici', 'dans ce cadre', 'à cet égard', 'sinon',
    'dans ce cas', 'le cas échéant', 'auquel cas', 'si oui', 'si non',
  ],
  adverbials: [
    'en résumé', 'en somme', 'bref', 'au total', 'globalement', 'en général', 'en particulier', 'notamment',
    'en fait', 'actuellement', "aujourd'hui", "d'abord", "tout d'abord", 'premièrement', 'deuxièmement',
    'en conclusion', 'finalement', 'au final', "jusqu'ici",
  ],
  bare: ['mais', 'et', 'or', 'puis', 'donc', "c'est pourquoi"],
  determiners: ['ce', 'cet', 'cette', 'ces'],
  pronounCues: ['qui', 'que', "qu'", 'dont', 'sont', 'fut', 'sera', 'serait', "n'", 'ne', 'est', 'était'],
  timeNouns: ['année', 'an', 'trimestre', 'mois', 'semaine', 'semestre', 'exercice', 'été', 'hiver', 'printemps', 'automne', 'période'],
  notLeaning: ['il y a', 'il existe', 'il reste'],
  conditions: [
    'si', "s'", 'sauf', 'à moins', 'bien que', 'quoique', 'même si', 'même', 'tant que', 'pourvu', 'à condition',
    "jusqu'à", 'dès que', 'lorsque', 'quand', 'sans', 'sinon', 'malgré', 'hormis', 'excepté', 'en cas', 'sous réserve', 'hors',
  ],
  trailingConditions: ['seulement', 'uniquement'],
  elision: true,
};

const es: OpenerWords = {
  linking: [
    'sin embargo', 'no obstante', 'además', 'asimismo', 'por lo tanto', 'por tanto', 'por consiguiente',
    'en consecuencia', 'por ello', 'por eso', 'así', 'así pues', 'de este modo', 'de esta manera',
    'de esta forma', 'también', 'igualmente', 'del mismo modo', 'por otro lado', 'por otra parte', 'en cambio',
    'por el contrario', 'luego', 'entonces', 'finalmente', 'por último', 'de hecho', 'es decir', 'o sea',
    'por ejemplo', 'en otras palabras', 'aun así', 'pero', 'y', 'o', 'mientras tanto', 'como resultado',
    'a su vez', 'encima', 'es más', 'con todo', 'ahora bien',
  ],
  backRefs: [
    'esto', 'esta', 'este', 'estos', 'estas', 'eso', 'esa', 'ese', 'esos', 'esas', 'ello', 'él', 'ella',
    'ellos', 'ellas', 'dicho', 'dicha', 'dichos', 'dichas', 'tal', 'tales', 'su', 'sus', 'aquel', 'aquella',
    'aquello', 'aquellos', 'aquellas', 'lo cual', 'allí', 'ahí', 'aquí', 'de lo contrario', 'en ese caso',
    'en este caso', 'en tal caso',
  ],
  adverbials: [
    'en resumen', 'en general', 'en particular', 'en total', 'actualmente', 'hoy', 'en conclusión',
    'sobre todo', 'primero', 'en primer lugar', 'en segundo lugar', 'en síntesis', 'en definitiva', 'hasta ahora',
  ],
  bare: ['pero', 'y', 'además', 'asimismo', 'también', 'por eso', 'por ello', 'por lo tanto', 'por tanto', 'entonces'],
  determiners: ['este', 'esta', 'estos', 'estas'],
  pronounCues: [
    'es', 'son', 'fue', 'fueron', 'será', 'serán', 'ha', 'han', 'era', 'eran', 'supone', 'significa', 'implica',
    'muestra', 'refleja', 'incluye', 'representa', 'permite', 'hace', 'tiene', 'tienen', 'se', 'no', 'también',
  ],
  timeNouns: [
    'año', 'trimestre', 'mes', 'semana', 'semestre', 'ejercicio', 'verano', 'invierno', 'otoño', 'primavera', 'periodo', 'período',
  ],
  conditions: [
    'si', 'salvo', 'a menos', 'a no ser', 'aunque', 'aun', 'siempre que', 'siempre y cuando', 'hasta', 'excepto',
    'incluso si', 'mientras', 'cuando', 'sin', 'de lo contrario', 'pese a',
    'a pesar de', 'en caso', 'con tal de', 'excluyendo',
  ],
  trailingConditions: ['sólo', 'solo', 'solamente'],
};

const pt: OpenerWords = {
  linking: [
    'no entanto', 'entretanto', 'porém', 'contudo', 'todavia', 'além disso', 'ademais', 'portanto', 'assim',
    'desse modo', 'dessa forma', 'deste modo', 'desta forma', 'consequentemente', 'por isso', 'por conseguinte',
    'também', 'ainda assim', 'mesmo assim', 'por outro lado', 'em contrapartida', 'mas', 'e', 'ou', 'então',
    'logo', 'finalmente', 'por fim', 'aliás', 'de fato', 'ou seja', 'por exemplo', 'igualmente',
    'da mesma forma', 'enquanto isso', 'como resultado', 'em consequência', 'nesse sentido', 'em seguida', 'depois',
  ],
  backRefs: [
    'isto', 'isso', 'aquilo', 'este', 'esta', 'estes', 'estas', 'esse', 'essa', 'esses', 'essas', 'aquele',
    'aquela', 'aqueles', 'aquelas', 'ele', 'ela', 'eles', 'elas', 'tal', 'tais', 'seu', 'sua', 'seus', 'suas',
    'dito', 'dita', 'neste', 'nesta', 'nestes', 'nestas', 'nesse', 'nessa', 'nesses', 'nessas', 'deste',
    'desta', 'desse', 'dessa', 'o mesmo', 'a mesma', 'caso contrário', 'nesse caso', 'neste caso', 'lá', 'aí',
    'ali', 'aqui',
  ],
  adverbials: [
    'em resumo', 'em geral', 'em particular', 'em suma', 'atualmente', 'hoje', 'em primeiro lugar', 'primeiro',
    'no total', 'em conclusão', 'até agora', 'sobretudo',
  ],
  bare: ['mas', 'e', 'além disso', 'também', 'assim', 'por isso', 'portanto', 'então', 'porém', 'contudo'],
  determiners: ['este', 'esta', 'estes', 'estas', 'neste', 'nesta'],
  pronounCues: [
    'é', 'são', 'foi', 'foram', 'será', 'serão', 'tem', 'têm', 'significa', 'representa', 'mostra', 'reflete',
    'inclui', 'permite', 'se', 'não', 'também',
  ],
  timeNouns: ['ano', 'trimestre', 'mês', 'semana', 'semestre', 'exercício', 'verão', 'inverno', 'outono', 'primavera', 'período'],
  conditions: [
    'se', 'a menos', 'a não ser', 'salvo', 'embora', 'ainda que', 'mesmo que', 'mesmo se', 'desde que',
    'contanto', 'até', 'exceto', 'enquanto', 'quando', 'sem', 'caso', 'senão',
    'apesar de', 'excluindo',
  ],
  trailingConditions: ['apenas', 'somente', 'só'],
};

const it: OpenerWords = {
  linking: [
    'tuttavia', 'però', 'inoltre', 'pertanto', 'quindi', 'dunque', 'comunque', 'infatti', 'invece',
    'ciononostante', 'nonostante ciò', 'di conseguenza', 'perciò', 'anche', 'allo stesso modo', "d'altra parte",
    "d'altro canto", 'in seguito', 'poi', 'infine', 'ma', 'e', 'o', 'eppure', 'anzi', 'ad esempio',
    'per esempio', 'cioè', 'ossia', 'in altre parole', 'nel frattempo', 'al contempo', 'allo stesso tempo',
    'in questo modo', 'così', 'altresì', 'peraltro', 'del resto', 'oltre a ciò', 'per questo',
    'per questo motivo', 'a sua volta',
  ],
  backRefs: [
    'questo', 'questa', 'questi', 'queste', "quest'", 'ciò', 'esso', 'essa', 'essi', 'esse', 'tale', 'tali',
    'suo', 'sua', 'suoi', 'sue', 'il suo', 'la sua', 'i suoi', 'le sue', 'lui', 'lei', 'loro', 'quello',
    'quella', 'quelli', 'quelle', "quell'", 'detto', 'detta', 'detti', 'dette', 'qui', 'lì', 'là',
    'altrimenti', 'in tal caso', 'in questo caso', 'in quel caso',
  ],
  adverbials: [
    'in sintesi', 'in generale', 'in particolare', 'in totale', 'attualmente', 'oggi', 'innanzitutto',
    'in primo luogo', 'in conclusione', 'finora', 'complessivamente', 'soprattutto',
  ],
  bare: ['ma', 'e', 'inoltre', 'quindi', 'pertanto', 'perciò', 'però', 'anche', 'infatti', 'tuttavia', 'dunque'],
  determiners: ['questo', 'questa', 'questi', 'queste', "quest'"],
  pronounCues: [
    'è', 'sono', 'era', 'fu', 'ha', 'hanno', 'sarà', 'significa', 'rappresenta', 'comporta', 'mostra',
    'riflette', 'include', 'permette', 'si', 'non', 'anche',
  ],
  timeNouns: ['anno', 'trimestre', 'mese', 'settimana', 'semestre', 'esercizio', 'estate', 'inverno', 'autunno', 'primavera', 'periodo'],
  conditions: [
    'se', 'a meno', 'salvo', 'sebbene', 'benché', 'nonostante', 'anche se', 'purché', 'a condizione', 'fino',
    'finché', 'tranne', 'eccetto', 'quando', 'mentre', 'senza', 'altrimenti', 'qualora',
    'malgrado', 'in caso', 'escludendo',
  ],
  trailingConditions: ['solo', 'soltanto'],
  elision: true,
};

const nl: OpenerWords = {
  linking: [
    'echter', 'bovendien', 'daarom', 'daarnaast', 'verder', 'toch', 'ook', 'maar', 'en', 'of', 'dus',
    'daarentegen', 'desondanks', 'niettemin', 'vervolgens', 'daarna', 'tenslotte', 'ten slotte',
    'bijvoorbeeld', 'met andere woorden', 'tegelijkertijd', 'intussen', 'ondertussen', 'evenzo', 'eveneens',
    'immers', 'namelijk', 'derhalve', 'dientengevolge', 'als gevolg hiervan', 'zodoende', 'aldus', 'anderzijds',
  ],
  backRefs: [
    'dit', 'dat', 'deze', 'die', 'hij', 'zij', 'ze', 'hun', 'haar', 'zijn', 'zulke', "zo'n", 'daardoor',
    'hierdoor', 'daarmee', 'hiermee', 'daarbij', 'hierbij', 'daarvan', 'daarop', 'daar', 'hier', 'anders',
    'in dat geval', 'in dit geval',
  ],
  adverbials: [
    'kortom', 'samenvattend', 'over het algemeen', 'in het algemeen', 'met name', 'in het bijzonder',
    'momenteel', 'vandaag', 'eerst', 'ten eerste', 'ten tweede', 'tot nu toe', 'in totaal', 'al met al',
  ],
  bare: 'all',
  determiners: ['deze', 'dit'],
  pronounCues: [
    'is', 'zijn', 'was', 'waren', 'heeft', 'hebben', 'had', 'wordt', 'worden', 'werd', 'betekent', 'leidt',
    'kan', 'zal', 'zou', 'toont', 'laat', 'maakt', 'geeft', 'omvat', 'vormt', 'ook', 'niet',
  ],
  timeNouns: ['jaar', 'kwartaal', 'maand', 'week', 'halfjaar', 'boekjaar', 'zomer', 'winter', 'voorjaar', 'najaar', 'periode'],
  conditions: [
    'als', 'indien', 'tenzij', 'hoewel', 'ofschoon', 'mits', 'tot', 'totdat', 'behalve', 'zolang', 'zodra',
    'wanneer', 'zonder', 'anders', 'ondanks', 'ook als', 'zelfs als', 'exclusief',
  ],
  trailingConditions: ['alleen'],
  subjectStarts: ['de', 'het', 'een', 'we', 'wij', 'ik', 'onze', 'ons', 'men', 'er', 'veel', 'alle'],
};

const ru: OpenerWords = {
  linking: [
    'однако', 'кроме того', 'более того', 'помимо этого', 'кроме этого', 'поэтому', 'следовательно',
    'таким образом', 'тем не менее', 'вместе с тем', 'в результате', 'в то же время', 'также', 'к тому же',
    'впрочем', 'зато', 'но', 'а', 'и', 'или', 'итак', 'например', 'наконец', 'между тем', 'напротив',
    'в свою очередь', 'соответственно', 'значит', 'то есть', 'иными словами', 'другими словами', 'затем',
    'потом', 'тем самым', 'отсюда', 'во-вторых', 'в-третьих', 'с другой стороны',
  ],
  backRefs: [
    'это', 'эти', 'этот', 'эта', 'этого', 'этой', 'этим', 'этому', 'этих', 'он', 'она', 'оно', 'они', 'его',
    'её', 'ее', 'их', 'такой', 'такая', 'такое', 'такие', 'данный', 'данная', 'данное', 'тот', 'та', 'те',
    'то', 'там', 'тогда', 'при этом', 'в связи с этим', 'в результате этого', 'вследствие этого',
    'в этом случае', 'в таком случае', 'иначе', 'в противном случае',
  ],
  adverbials: [
    'в частности', 'в целом', 'в итоге', 'в общем', 'в основном', 'прежде всего', 'во-первых', 'сейчас',
    'сегодня', 'в настоящее время', 'в заключение', 'по сути',
  ],
  bare: ['но', 'а', 'и', 'однако', 'поэтому', 'также', 'зато', 'затем', 'потом', 'кроме того', 'следовательно'],
  determiners: ['этот', 'эта', 'эти'],
  pronounCues: [
    'является', 'являются', 'был', 'была', 'были', 'было', 'означает', 'означают', 'показывает', 'показывают',
    'стал', 'стала', 'привел', 'привела', 'привело', 'не', 'также',
  ],
  timeNouns: ['год', 'квартал', 'месяц', 'неделя', 'период', 'полугодие', 'сезон'],
  conditions: [
    'если', 'хотя', 'пока', 'кроме', 'при условии', 'даже', 'несмотря', 'без', 'когда', 'иначе',
    'в случае', 'разве', 'за исключением',
  ],
  trailingConditions: ['только', 'лишь'],
};

const zh: OpenerWords = {
  linking: [
    '然而', '但是', '但', '可是', '不过', '而且', '并且', '而', '此外', '另外', '因此', '所以', '因而', '于是',
    '从而', '由此', '为此', '同时', '与此同时', '另一方面', '相反', '反之', '尽管如此', '即便如此', '除此之外',
    '不仅如此', '况且', '再者', '再说', '其次', '然后', '接着', '最后', '总之', '换句话说', '换言之', '也就是说',
    '例如', '比如', '譬如', '故此', '由此可见', '可见', '同样', '此后', '随后', '之后', '后来',
  ],
  backRefs: [
    '这', '那', '该', '此', '其', '它', '他', '她', '上述', '前者', '后者', '以上', '对此', '在此', '如此', '否则',
    '不然', '在这种情况下',
  ],
  adverbials: ['总的来说', '总体而言', '总体来看', '目前', '当前', '首先', '特别是', '尤其是', '事实上', '实际上', '简而言之'],
  bare: [
    '然而', '但是', '但', '可是', '不过', '而且', '并且', '此外', '因此', '所以', '因而', '于是', '同时', '与此同时',
    '另一方面', '尽管如此', '即便如此', '除此之外', '不仅如此', '总之', '换句话说', '换言之', '也就是说', '况且',
    '再者', '相反', '反之', '为此', '由此', '从而', '此后', '随后', '之后', '后来', '然后', '接着', '最后', '其次',
  ],
  determiners: ['这份', '这项', '这个', '这些', '这一', '这次', '这篇', '这类', '这家', '该'],
  conditions: [
    '如果', '假如', '假设', '若', '要是', '倘若', '除非', '只要', '只有', '即使', '即便', '哪怕', '尽管', '虽然', '一旦',
    '直到', '除了', '否则', '不然', '万一',
  ],
  unspaced: true,
};

const ja: OpenerWords = {
  linking: [
    'しかし', 'しかしながら', 'だが', 'ですが', 'でも', 'けれども', 'ところが', 'また', 'さらに', '更に', '加えて',
    'それに', 'そのうえ', 'その上', 'なお', 'したがって', '従って', 'そのため', 'このため', 'それゆえ', 'ゆえに',
    'よって', 'そこで', 'その結果', 'この結果', 'これにより', 'それにより', 'これによって', '一方', '他方', '逆に',
    '反対に', 'それでも', 'にもかかわらず', 'とはいえ', 'ただし', '但し', '例えば', 'たとえば', 'つまり',
    'すなわち', '要するに', 'そして', 'それから', '次に', '最後に', '同時に', '同様に', '結果として',
  ],
  backRefs: [
    'これ', 'この', 'それ', 'その', 'あれ', 'あの', 'こう', 'そう', 'こちら', 'そちら', '彼', '同社', '同氏', '同年',
    '同月', '同期', '同国', '当該', '上記', '前述', '前者', '後者', 'そこ',
  ],
  adverbials: ['特に', '全体として', '総じて', '現在', '現時点では', 'まず', '第一に', 'これまで', 'これまでに', 'これから', '要約すると'],
  bare: [
    'しかし', 'しかしながら', 'だが', 'ですが', 'けれども', 'ところが', 'また', 'さらに', '更に', '加えて', 'そのうえ',
    'その上', 'なお', 'したがって', '従って', 'そのため', 'このため', 'それゆえ', 'ゆえに', 'よって', 'そこで',
    'その結果', 'この結果', 'これにより', 'それにより', '一方', '他方', 'それでも', 'にもかかわらず', 'とはいえ',
    'そして', 'それから', '次に', '最後に', '同様に', '結果として',
  ],
  determiners: ['この', 'これらの'],
  notLeaning: ['それぞれ', 'これまで', 'これから'],
  conditions: ['もし', '仮に', 'たとえ', '万一', '万が一'],
  unspaced: true,
  gluedTo: /^\p{Script=Hiragana}/u,
};

const ko: OpenerWords = {
  linking: [
    '하지만', '그러나', '그런데', '또한', '또', '게다가', '더욱이', '더불어', '아울러', '따라서', '그러므로', '그래서',
    '그리고', '그러니까', '결과적으로', '그 결과', '이에 따라', '이로 인해', '이로써', '반면', '반면에', '한편',
    '그럼에도', '그럼에도 불구하고', '오히려', '대신', '즉', '예를 들어', '예컨대', '다시 말해', '마지막으로', '끝으로',
    '그 후', '그 다음', '동시에', '마찬가지로',
  ],
  backRefs: [
    '이', '이는', '이것', '이것은', '이것이', '이들', '이들은', '이러한', '이런', '이와', '이에', '이로', '그', '그는',
    '그녀', '그녀는', '그들', '그들은', '그것', '그것은', '그것이', '그러한', '그런', '그와', '저', '저것', '해당',
    '상기', '동사', '위의', '이같은', '이 같은', '그렇지 않으면', '그 경우', '이 경우', '이후',
  ],
  adverbials: ['특히', '전반적으로', '요약하면', '현재', '우선', '먼저', '첫째', '둘째', '지금까지', '결론적으로'],
  bare: 'all',
  determiners: ['이'],
  conditions: ['만약', '만일', '비록', '설령', '단', '다만', '혹시'],
  trailingConditions: ['오직'],
};

const ar: OpenerWords = {
  linking: [
    'ومع ذلك', 'مع ذلك', 'لكن', 'ولكن', 'غير أن', 'بيد أن', 'إلا أن', 'بالإضافة إلى ذلك', 'وبالإضافة إلى ذلك',
    'إضافة إلى ذلك', 'علاوة على ذلك', 'وعلاوة على ذلك', 'فضلا عن ذلك', 'فضلاً عن ذلك', 'لذلك', 'ولذلك', 'لذا',
    'ولذا', 'وبالتالي', 'بالتالي', 'وعليه', 'كذلك', 'وكذلك', 'أيضا', 'أيضاً', 'في المقابل', 'وفي المقابل',
    'من ناحية أخرى', 'ومن ناحية أخرى', 'من جهة أخرى', 'في الوقت نفسه', 'وفي الوقت نفسه', 'في الوقت ذاته',
    'نتيجة لذلك', 'ونتيجة لذلك', 'ثم', 'كما', 'أخيرا', 'أخيراً', 'وأخيرا', 'وأخيراً', 'على سبيل المثال', 'مثلا',
    'فمثلا', 'بمعنى آخر', 'إذن', 'بذلك', 'وبذلك', 'هكذا', 'وهكذا', 'بالمثل',
  ],
  backRefs: [
    'هذا', 'هذه', 'ذلك', 'تلك', 'هؤلاء', 'أولئك', 'هذان', 'هاتان', 'هو', 'هي', 'هم', 'هن', 'وهذا', 'وهذه', 'وذلك',
    'وتلك', 'وهو', 'وهي', 'وهم', 'وإلا', 'في هذه الحالة', 'وفي هذه الحالة', 'في تلك الحالة',
  ],
  adverbials: [
    'بشكل عام', 'عموما', 'عموماً', 'على وجه الخصوص', 'خاصة', 'حاليا', 'حالياً', 'اليوم', 'أولا', 'أولاً', 'ثانيا',
    'ثانياً', 'في الواقع', 'باختصار', 'إجمالا', 'إجمالاً',
  ],
  bare: [
    'لكن', 'ولكن', 'غير أن', 'بيد أن', 'إلا أن', 'لذلك', 'ولذلك', 'لذا', 'ولذا', 'وبالتالي', 'بالتالي', 'وعليه',
    'ثم', 'وبذلك', 'وهكذا', 'إذن',
  ],
  determiners: ['هذا', 'هذه'],
  nounTest: 'article',
  timeNouns: ['العام', 'السنة', 'الربع', 'الشهر', 'الأسبوع', 'الفترة'],
  conditions: [
    'إذا', 'وإذا', 'إن', 'وإن', 'لو', 'ولو', 'ما لم', 'رغم', 'ورغم', 'على الرغم', 'وعلى الرغم', 'بالرغم', 'حتى',
    'إلا', 'باستثناء', 'شريطة', 'بشرط', 'طالما', 'عندما', 'وعندما', 'ما دام',
  ],
};

/** Opener words by primary language subtag. */
export const OPENER_WORDS: Readonly<Record<string, OpenerWords>> = { de, fr, es, pt, it, nl, ru, zh, ja, ko, ar };
