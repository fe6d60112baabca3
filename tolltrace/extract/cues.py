"""Word lists for attribution: the verbs, nouns and modifiers by which English says who
reports a figure, and by which it disputes one. Entries are lower-case lemmas (spaCy's:
"data" is "datum") unless a comment says they are word forms."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs of saying, reporting, finding and believing whose complement clause is the reported
# content ("police said [12 were killed]", "the study found [that ...]").
SPEECH_VERBS = _words("""
    say tell report state declare announce confirm claim write estimate count record reveal
    publish document add note explain insist argue assert allege acknowledge admit warn tweet
    post testify indicate suggest show find conclude cite quote disclose list tally verify
    calculate determine assess observe remark reply respond answer complain accuse charge
    contend maintain repeat reiterate stress emphasize emphasise underline highlight mention
    recall predict believe think fear suspect brief inform boast brag vow pledge promise
    concede caution signal specify detail describe relay recount reckon guess project
    forecast expect point continue rule interject ask wonder
    deny dismiss reject dispute refute contest rebut
""")

# Reporting verbs whose direct object can itself be the figure ("the group documented
# 1,000 deaths"). Not "claim" nor "take": "the attack claimed 30 lives" names a cause.
OBJECT_REPORT_VERBS = _words("""
    report document record count confirm estimate cite list tally verify publish reveal
    disclose announce log reckon calculate compile expect predict forecast project anticipate
    track register show
""")
# Verbs that report their object only when a document or a body of inquiry finds it: "a report
# by the rapporteur found 1,300 cases", not "villagers found the bodies of 38 people".
FINDING_VERBS = _words("find uncover")

# Verbs that say who their object is, with "as": "the coroner identified the man killed as
# Jon Arven" reports that a man was killed (not "identified 1,186 of the dead by name").
NAMING_VERBS = _words("identify name")

# Verbs of communication whose object is what they communicate ("X condemned the raids in
# which 121 were detained"), and those whose preposition's object is ("spoke of 300 dead").
OBJECT_TOPIC_VERBS = _words("""
    mention cite condemn denounce decry deplore lament criticize criticise blame praise hail
    welcome highlight stress emphasize emphasise describe recall discuss propose promise
    pledge vow advocate demand tout accuse allege acknowledge admit deny dispute reject
    dismiss question protest extol laud salute honor honour call attribute
""")
TOPIC_PREPOSITIONS: dict[str, frozenset[str]] = {
    verb: frozenset(prepositions.split())
    for verb, prepositions in {
        "talk": "about of", "speak": "about of on", "point": "to", "refer": "to",
        "comment": "on", "warn": "about of against", "ask": "about", "complain": "about of",
        "boast": "about of", "brag": "about of", "testify": "about to on",
        "write": "about of on", "tell": "of about", "report": "on", "call": "for",
        "accuse": "of", "insist": "on", "blame": "for", "admit": "to", "confess": "to",
        "attribute": "to", "criticize": "for", "criticise": "for", "condemn": "for",
        "pay": "to",  # only with TRIBUTE_NOUNS: "paid tribute to the 49 killed"
    }.items()
}  # fmt: skip
TRIBUTE_NOUNS = _words("tribute homage condolence respect")

# Verbs that report a figure only when their object names one ("gave a toll of 30";
# "released 30 prisoners" is an event, "released figures" a report).
FIGURE_OBJECT_VERBS = _words("give provide release issue update revise raise lower publish")
FIGURE_NOUNS = _words("toll figure number count tally estimate statistic datum list total")

# Verbs that set a figure through "at"/"to" ("put the toll at 42", "raised the toll to 50").
TOLL_SETTING_VERBS = _words("put place peg estimate set fix raise revise lower update increase")

# Documents standing for their authors ("VHRM's report shows ...", "a poll by Gallup found").
DOCUMENT_NOUNS = _words("""
    report study survey poll analysis datum figure statistic statement investigation review
    audit census count tally list document paper letter release bulletin estimate account
    assessment finding research database record dossier
""")

# Nouns whose clause or "of"-phrase is content: "evidence that 300 were executed",
# "claims of 300 deaths", "his plan to deport 11 million".
CONTENT_NOUNS = _words("""
    evidence proof report claim statement estimate allegation assertion account testimony
    finding indication sign confirmation announcement news word rumor rumour assessment
    conclusion belief view suggestion figure datum plan proposal promise pledge vow call
    threat comment remark warning demand charge accusation prediction
""")

# "In a statement, X ...": the clause's subject made the statement.
STATEMENT_NOUNS = _words("""
    statement interview report letter tweet post posting message release bulletin speech
    address testimony briefing communique communiqué op-ed editorial filing submission
    declaration announcement video broadcast blog
""")

# Verbs that deny or dispute their complement.
DENY_VERBS = _words("""
    deny dismiss reject dispute refute contest debunk disprove rebut discredit contradict
    retract disavow challenge question doubt
""")
# Verbs that say a figure is inflated or made up ("X exaggerated the toll").
EXAGGERATE_VERBS = _words("exaggerate inflate fabricate invent overstate overestimate")
# Word forms that call a figure or claim false ("false claims that", "falsely claimed").
FALSE_WORDS = _words("""
    false bogus baseless unfounded fabricated fake exaggerated inflated unsubstantiated
    fictitious erroneous inaccurate debunked discredited untrue spurious groundless invented
    made-up wrong incorrect mistaken
""")
FALSE_ADVERBS = _words("falsely wrongly erroneously mistakenly baselessly untruthfully")
# Nouns whose absence ("no evidence that ...") disputes what follows.
GROUNDS_NOUNS = _words("evidence proof basis sign indication confirmation")
# Negated, these count people rather than deny them: "300 have not been released".
STILL_VERBS = _words("""
    account return see hear find release free know locate identify recover charge try bury
""")
# Intransitive verbs whose negation denies their subject's count: "300 did not die".
DYING_VERBS = _words("die perish drown starve disappear vanish")
# Word forms after "not" that make it part of the figure: "not less than 300".
COMPARATIVES = _words("less fewer more under over below above only")

# Nouns naming a person, for resolving "he" / "she" to an earlier subject.
PERSON_NOUNS = _words("""
    official spokesman spokeswoman spokesperson minister president leader advisor adviser
    director chief head officer commander general colonel governor mayor senator lawmaker
    representative ambassador envoy diplomat activist lawyer attorney judge prosecutor
    witness survivor doctor physician researcher investigator analyst expert journalist
    reporter correspondent author writer editor candidate secretary chairman chairwoman chair
    member founder father mother man woman son daughter brother sister wife husband resident
    student professor scholar priest cleric ayatollah rapporteur monitor observer source
    campaigner organizer organiser coordinator manager aide deputy agent worker nurse victim
    prisoner detainee relative citizen king queen prince sheikh imam pastor bishop mullah
""")
# Word forms that mark a phrase as naming a woman, or a man.
FEMININE = _words("she her spokeswoman woman mother daughter sister wife queen chairwoman mrs. ms.")
MASCULINE = _words("he him his spokesman man father son brother husband king prince chairman mr.")
# Heads of proper names that are organisations or places, not persons.
ORGANISATION_HEADS = _words("""
    ministry department party government council committee commission organization
    organisation agency office court army police force service union association institute
    foundation center centre watch monitor network group campaign house administration bureau
    university times post news press journal tribune herald guardian radio tv television
    channel company corporation bank fund republic kingdom state nations un
""")
# What any organisation may be called once named: "the group said", "the organisation found".
GENERIC_BODIES = _words("group organisation organization ngo watchdog monitor body charity")

# Words of evidence that name no author: "Reports suggest ...", "figures show ...".
GENERIC_SOURCES = _words("""
    report reports source sources figure figures data estimate estimates account accounts
    information statistics
""")

# Word forms of third-person pronouns (subject and possessive), by the subject they agree as.
PRONOUN_KINDS = {
    "he": "he", "him": "he", "his": "he", "she": "she", "her": "she", "they": "they",
    "them": "they", "their": "they", "it": "it", "its": "it",
}  # fmt: skip
# Word forms of a partitive aside after a count ("most of them police officers"): it describes
# the counted, it never says who reports them.
PARTITIVE_QUANTIFIERS = _words("""
    most many some all half none several few both each majority two three four five dozens
    hundreds thousands
""")
PARTITIVE_PRONOUNS = _words("them whom those these us")
# Inside a quotation these stand for its speaker.
FIRST_PERSON = _words("i we my our me us you your")
RELATIVE_PRONOUNS = _words("who which that whom")

# Dependency labels of the words kept in a source's name.
PHRASE_DEPS = _words("""
    compound amod nmod poss case prep pobj appos nummod quantmod flat conj cc punct det
    predet npadvmod nn dep
""")
OPEN_QUOTES = "“«"
CLOSE_QUOTES = "”»"
STRAIGHT_QUOTES = ('"', "''")
