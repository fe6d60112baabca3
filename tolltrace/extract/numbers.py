"""Counts in one sentence: every stated quantity that could be a number of people.

`find_counts(sentence)` returns each count as a `Count` (an interval with its qualifier, the
exact words and their offsets). It decides whether a number *is a count*, not what it counts:
"60 bank branches" is returned and `counted_noun` names "bank branches"; the extraction stage
decides whether that is a casualty figure. Regular expressions and text2num only, so it runs
on every sentence of a corpus: a sentence with no digit and no number word costs one search.

Forms (DESIGN.md interval conventions)
--------------------------------------
===============================================  ==========  ======  ===============
words                                            low         high    qualifier
===============================================  ==========  ======  ===============
"1,500", "1 500", "33.7k", "1.5 million",        n           n       exact
"12 thousand", "twenty-three", "a hundred",
"a dozen" (12), "half a dozen" (6), "one of the"
at least, no fewer/less than, not fewer/less     n           None    at_least
than, a minimum of, n or more, n+, n-plus,
n and counting
more than, over, upwards of, in excess of,       n           None    more_than
above, exceeding, greater than (also well/just
over ...)
up to, at most, as many as, as much as, no/not   None        n       at_most
more than, a maximum of, n or fewer/less, as
high as
fewer than, less than, under, below              None        n       less_than
about, around, approximately, approx., roughly,  n           n       approximately
some, (an) estimated, nearly, almost, close to,
circa, ca., ~, perhaps, maybe, n or so, n-odd,
"a couple (of)" (2)
between a and b, from a to b, a to b, a-b,       a           b       range
a–b, a or b (b > a; "1 to 1.5 million" scales
both ends)
===============================================  ==========  ======  ===============

Vague magnitudes: a plural unit means at least two of it, "several" three, "a few", "a
couple" and "many" two; "of" + a plural scale multiplies. All are `vague` with high None.

======================================  ========  =====================================  ========
words                                   low       words                                  low
======================================  ========  =====================================  ========
a handful                               3         dozens                                 24
a few dozen, a couple (of) dozen        24        several dozen                          36
scores (of / were ...)                  40        tens (of)                              20
hundreds, a few / a couple / many       200       several hundred(s)                     300
hundred(s)
thousands, a few / many thousand(s)     2,000     several thousand(s)                    3,000
tens of thousands                       20,000    several tens of thousands              30,000
hundreds of thousands                   200,000   several hundred thousand               300,000
millions                                2,000,000 tens / hundreds of millions            2e7 / 2e8
billions                                2e9       (lakhs, crores: 2e5, 2e7)
======================================  ========  =====================================  ========

Bare "several", "a few", "many", "numerous" are not counts (no magnitude to report).

Not counts: nothing is returned for
- years ("1988", "between 2014 and 2017"; but "more than 2000" and "2000 people" are counts),
  decades ("1980s", "'88"), dates ("June 1", "1 September 2019", "November 15 and 19, 2019",
  ISO and numeric dates), times ("11:30", "9 a.m.", "11 this morning");
- ages ("a 13-year-old", "aged 24", "ages 17, 19, and 20", "Name, 24,", "Name, 24 and Name",
  "Name, 32 of Kerevo", "another woman, also 22,", "(24)", "who was 10", "she will be 35",
  "a 25 y/o man", and "31, were injured" where a list was split);
- ordinals ("26th", "twenty-first"), fractions ("two-thirds", "1/2", "2 1/2", "one in five");
- money: currency symbols and codes before, currency words and codes after ("10.5 million
  Australian dollars", "2,000 euros", "($7.5 million)"), "a fine of ...", and any unit that is
  not people after a verb of paying ("embezzled 1.2 billion dravas");
- percentages, durations ("five years", "48 hours", "a five-year term"), measurements (km,
  miles, kg, degrees, hp, GB, rpm, points, "three times"), also at the end of a list ("five,
  two and one years"), and rates ("30 inmates a day");
- page furniture and identifiers: ad sizes ("728 x 90"), phone numbers and chained codes
  ("1-866-555-0199"), emergency numbers ("a 911 call"), postal codes ("TX 79999"), gallery
  counters ("Image 3 of 12", "1 / 12"), numbers inside links ("/story/203117/"), numbers
  after an identifier word ("Branch 41", "Article 186", "No. 4417", "Route 9", "Flight 17",
  "Ward 350") or after a capitalised word that is not there for grammar
  ("S&P 500", "LEX 18", "Planet 9"; a place before a plural noun is fine: "In Sarenna 300
  protesters"), numbers glued to letters ("MH17", "5G", "256GB", "COVID-19"), names and
  addresses ("787 Dreamliner", "575 Harrow Road", "the 5500 block", "the Group of Seven"),
  stock indices and lists ("FTSE 100", "the Fortune 500"), places in a table ("the bottom
  three" with no noun after);
- prices without a currency ("25k cheaper"), the size of a change with no noun after
  ("decreased by 1."), a number before a unit symbol that is no word ("18 R.", "16 billion b.");
- scores ("2-1"), decimals that are not whole numbers ("3.7 rebounds");
- "one" as a pronoun ("no one", "one another", "one must"); "one person", "one solution", "one
  of the protesters", "at least one", "only one child" are counts ("one day" is a duration),
  and so is "one" harmed: "one dead", "one was killed", "one fatally", "one who died",
  "killing one".
  "a"/"an" count only before a scale ("a hundred").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from text_to_num import text2num  # type: ignore[import-untyped]

from tolltrace.model import Count

__all__ = ["counted_noun", "find_counts"]

_REMEMBERED = 4096  # sentences whose counts are kept (see `find_counts`)
_NUMBER_WORD = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen"
)
_SCALE_OF = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "lakh": 100_000,
    "crore": 10_000_000,
    "dozen": 12,
    "score": 20,
    "ten": 10,
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "mil": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "bln": 1_000_000_000,
    "tn": 1_000_000_000_000,
}
_BARE_SCALES = frozenset(("hundred", "thousand", "million", "billion", "trillion", "dozen"))
_VAGUE_MODIFIER = {"several": 3, "few": 2, "couple": 2, "many": 2}
_VAGUE_UNIT = r"dozens|scores|tens|hundreds|thousands|millions|billions|lakhs|crores"
_VAGUE_TAIL = r"(?:\s+(?:of\s+)?(?:hundreds?|thousands?|millions?|billions?)\b)*"

# One pattern for every kind of number; its first search is the whole cost of a sentence
# without numbers. Alternatives are tried in order at each position; the lookahead (a digit,
# or a word starting with a letter some number word starts with) halves the cost of a miss.
_ATOM = re.compile(
    rf"""(?=\d|\b[abcdefhlmnostz])
    (?:(?P<num>(?<![\w.,'’])
        (?P<digits>\d{{1,3}},\d{{1,2}}(?=\s+(?:thousand|million|billion)\b)
                  |\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?
                  |\d{{1,3}}(?:[\x20\u00a0\u2009\u202f]\d{{3}})+(?![\d]|[.,]\d)
                  |\d+(?:\.\d+)?)
        (?:(?P<glued>k|m|mn|mln|mil|bn|bln|b|tn)(?![\w])
          |(?P<scale>(?:\s+(?:hundred|thousand|million|billion|trillion|lakhs?|crores?|dozen)\b)+
                    |\s(?:bn|mn|mln)\b))?)
    |(?P<vmod>\b(?P<mod>several|a\s+few|a\s+couple(?:\s+of)?|many)\s+
        (?P<munit>dozens?|hundreds?|thousands?|millions?|billions?|tens)\b(?P<mtail>{_VAGUE_TAIL}))
    |(?P<words>\b(?:(?:half\s+a|a\s+half|a)[\s-]+(?=(?:hundred|thousand|million|billion|dozen)\b))?
        (?:{_NUMBER_WORD})\b(?:(?:[\s-]+|\s+and\s+)(?:{_NUMBER_WORD})\b)*)
    |(?P<vsmall>\ba\s+(?P<small>handful|couple)\b)
    |(?P<vplural>\b(?P<punit>{_VAGUE_UNIT})\b(?P<ptail>{_VAGUE_TAIL})))
    """,
    re.IGNORECASE | re.VERBOSE,
)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DAYS = rf"{_DAY}(?:\s*(?:-|–|—|to|and|through|&)\s*{_DAY})?"
# Spans that hold digits but no count: dates, times, ad sizes, fractions, phone numbers.
_BLOCKED = re.compile(
    rf"""(?=[\d+(JFMASOND])(?:
     \b{_MONTH}\.?\s+(?:{_DAYS}(?![\d,.]?\d)(?:,?\s+\d{{4}}\b)?|(?:of\s+)?\d{{4}}\b)
    |(?<![\d,.]){_DAYS}\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+\d{{4}}\b)?
    |\b\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:T[\d:.]+Z?)?
    |\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b
    |\b\d+(?:\.\d+)?\s*/\s*\d+
    |\b\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:\s*(?i:[ap]\.m\.?|[ap]m\b))?
    |\b\d{{1,2}}(?:[.:]\d{{2}})?\s*(?i:[ap]\.m\.?|[ap]m\b|o['’]clock
        |(?:this|in\s+the|that|on\s+\w+)\s+(?:morning|afternoon|evening|night)\b)
    |\b\d+(?:\.\d+)?\s*[x×X]\s*\d+
    |(?:\+\d{{1,3}}[\s.-]?)?(?:\(\d{{2,4}}\)\s?|\b\d{{3}}[.-])\d{{3}}[.-]\d{{4}}\b
    |\+\d{{1,3}}(?:[\s.-]\d{{2,4}}){{2,5}}\b)
    """,
    re.VERBOSE,
)

# Qualifiers right before a count (searched in a short window that ends at the count).
_QUALIFIER_BEFORE = re.compile(
    r"""(?<![\w])(?:
     (?P<at_least>at\s+least|no\s+(?:fewer|less)\s+than|not\s+(?:fewer|less)\s+than
        |(?:a\s+)?minimum\s+of|≥|>=)
    |(?P<more_than>(?:(?:well|just|slightly|far|much|a\s+little|a\s+bit|considerably
        |significantly|substantially)\s+)?(?:more\s+than|over|upwards\s+of|in\s+excess\s+of
        |above|exceeding|greater\s+than)|>)
    |(?P<passed>(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|(?<!the\s)top(?:s|ped)?|break(?:s|ing)?
        |broke|pass(?:es|ed)|cross(?:es|ed))(?:\s+the)?)
    |(?P<at_most>up\s+to|at\s+(?:the\s+)?most|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as
        |no\s+more\s+than|not\s+more\s+than|(?:a\s+)?maximum\s+of|≤|<=)
    |(?P<less_than>(?:(?:just|slightly|well|a\s+little|a\s+bit)\s+)?
        (?:fewer\s+than|less\s+than|under|below)|<)
    |(?P<approximately>about|around|approximately|approx\.?|roughly|some|an\s+estimated
        |estimated|nearly|almost|close\s+to|circa|ca\.|c\.|perhaps|maybe|possibly
        |an\s+approximate|~|≈)
    )\s*\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_QUALIFIER_AFTER = re.compile(
    r"""(?:
     (?P<at_least>\s*\+|-plus\b|\s+plus\b|\s+or\s+more\b(?!\s+than)|\s+and\s+counting\b|\s+at\s+least\b)
    |(?P<at_most>\s+or\s+(?:fewer|less)\b(?!\s+than)|\s+at\s+(?:the\s+)?most\b)
    |(?P<approximately>\s+or\s+so\b|-odd\b|\s+or\s+thereabouts\b)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_ONLY_BEFORE = re.compile(
    r"(?<![\w])(?:only|just|exactly|precisely|merely|a\s+total\s+of|a\s+single|single)\s+\Z",
    re.IGNORECASE,
)
_RANGE_GAP = re.compile(
    r"\s*(?:(?P<dash>-|–|—|‒)|(?P<word>to|and|or|through|till|until)-?)"
    r"\s*(?P<money>[$€£¥₹])?\s*",
    re.IGNORECASE,
)
_RANGE_INTRO = re.compile(r"(?<![\w])(?P<intro>between|from)\s+(?:[$€£¥₹]\s*)?\Z", re.I)
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rising|rises|increased?|increasing|jumped|climbed|grew|grown|went|fell|"
    r"fallen|dropped|declined|decreased|doubled|tripled|surged|soared|revised|raised|lowered|"
    r"climbing|jumping|up|down)\s+(?:from\s+|by\s+)?\Z",
    re.IGNORECASE,
)
# "decreased by 1.": the size of a change (points, percent), unless a noun follows.
_CHANGE_BY_BEFORE = re.compile(
    r"""\b(?:rose|risen|rises|rising|increase[ds]?|increasing|decrease[ds]?|decreasing|jump(?:ed|s)
    |climb(?:ed|s)|grew|grows|fell|falls|fallen|drop(?:ped|s)|decline[ds]?|slipped|slid
    |gain(?:ed|s)|lost|loses|edged\s+(?:up|down)|up|down)\s+by\s+\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_CHAINED = re.compile(r"[-–]\w")
_CHAINED_DIGIT = re.compile(r"[-–]\d")
_RESTATE_OPEN = re.compile(r"\s*\(\s*")
_RESTATE_CLOSE = re.compile(r"\s*\)")

_CURRENCY_SYMBOL = "$€£¥₹₽₩₺₪₦₱฿₫₴₸﷼¢"
_CURRENCY_CODES = (
    r"USD|EUR|GBP|JPY|CNY|RMB|INR|IRR|IRT|AUD|CAD|CHF|HKD|SGD|NZD|ZAR|BRL|MXN|TRY|RUB|KRW|SAR|"
    r"AED|EGP|NGN|KES|PKR|BDT|IQD|SYP|LBP|AFN|MMK|ETB|UGX|TZS|GHS|XOF|XAF|YEN|BTC"
)
_MONEY_BEFORE = re.compile(
    rf"""(?:[{_CURRENCY_SYMBOL}]
    |(?<![\w])(?-i:{_CURRENCY_CODES}|US|Rs\.?|RM|Dhs?|Tk)
    |(?<![\w])(?:worth|valued\s+at|priced\s+at|costing|costs?|cost\s+of
      |(?:a|the|its|their)\s+(?:fine|bail|ransom|budget|salary|bribe|sum|compensation|loan
      |grant|bonus|award|payment|price|fee|tax|debt|deficit|profit|revenue|turnover|income
      |wage|pension|reward|bounty)\s+of)
      (?:\s+(?:about|around|some|nearly|almost|roughly|up\s+to|over|more\s+than))?\s)\s*\Z""",
    re.IGNORECASE | re.VERBOSE,
)
# Verbs of paying: with them any unit that is not a word for people is a currency ("embezzled
# 1.2 billion dravas"), so local and unlisted currencies are money too.
_MONEY_VERB_BEFORE = re.compile(
    r"""(?<![\w])(?:paid|pays?|paying|embezzl\w*|spent|spends?|spending|invest(?:ed|s|ing)?
    |budget(?:ed|s)?|launder(?:ed|s|ing)|earn(?:ed|s|ing)?|owe[sd]?|owing|fined)
    (?:\s+(?:about|around|some|nearly|almost|roughly|up\s+to|over|more\s+than|at\s+least
    |an\s+estimated|a\s+total\s+of))?\s+\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_CURRENCY_WORDS = (
    r"dollars?|cents?|euros?|eurocents?|pounds?|pence|quid|yen|yuan|renminbi|rupees?|rupiahs?|"
    r"ringgits?|shekels?|rand|pesos?|reais|francs?|kronor|kronur|kroner|kronas?|krones?|"
    r"liras?|lire|rubles?|roubles?|won|dinars?|dirhams?|riyals?|rials?|tomans?|baht|dong|"
    r"nairas?|kwacha|cedis?|shillings?|takas?|kyats?|afghanis?|manats?|tenge|soms?|lari|"
    r"hryvnias?|zlotys?|forints?|leva|lei|bitcoins?|sen|paisa|satoshis?"
)
_MONEY_AFTER = re.compile(
    rf"""[\s,]*(?:\(\s*(?:[A-Z]{{1,3}}\s?)?[{_CURRENCY_SYMBOL}]
    |
     (?:(?-i:[A-Z][a-z]+|US|U\.S\.|NZ|HK)\s+){{0,2}}(?:of\s+)?(?:{_CURRENCY_WORDS})\b
    |(?-i:{_CURRENCY_CODES})\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "25k cheaper than its rivals": a difference in price, whatever the currency.
_PRICE_COMPARATIVE_AFTER = re.compile(
    r"\s+(?:cheaper|pricier|costlier|dearer|(?:more|less)\s+expensive)\b", re.IGNORECASE
)
# Units of time, measure and proportion right after a number (hyphenated too: "5-year").
_UNIT_AFTER = re.compile(
    r"""[\s-]*(?:(?:more|additional|long|full|straight|consecutive|further|extra|whole|entire
        |hard|short|calendar|successive|solid|cubic|square|sq\.?|light|metric|nautical)[\s-]+)?
    (?:(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|wks?|fortnights?
        |months?|mos|years?|yrs?|decades?|centur(?:y|ies)|millenni(?:um|a)|weekends?|semesters?
        |terms?|(?:kilo|centi|milli|micro|nano)?met(?:re|er)s?|km|kms|cm|mm|μm|miles?|mi|yards?
        |yds?|feet|foot|ft|inch(?:es)?|acres?|hectares?|ha
        |(?:kilo|milli|micro)?grams?|kgs?|mg|lbs?|pounds?|ounces?|oz|tons?|tonnes?|carats?
        |(?:milli)?lit(?:re|er)s?|ml|gallons?|barrels?|bbl|bpd|pints?
        |degrees?|celsius|fahrenheit|kelvin|mph|kph|km/h|kmh|knots?
        |hp|bhp|horsepower|(?:kilo|mega|giga)?watts?|kw|mw|gw|kwh|mwh|gwh|twh|volts?|amps?
        |amperes?|mah|ohms?|joules?|calories|kcal|newtons?|nm
        |(?:kilo|mega|giga|tera)?(?:bytes?|bits?)|kb|mb|gb|tb|kbps|mbps|gbps|hz|khz|mhz|ghz
        |megapixels?|ppm|ppb|psi|ksi|mpa|kpa|pascals?|decibels?|db
        |percent|per\s*cent|pc|pct|percentage(?:\s+points?)?|basis\s+points?|bps|points?|pts
        |rpm|drams?|calib(?:er|re)s?|times|fold|o['’]clock)(?![^\W\d_])
      |°|%|(?-i:m|g|W|V|PS)(?![^\W\d_]))""",
    re.IGNORECASE | re.VERBOSE,
)
# "16 billion b.", "18 R.": a letter or two that is no English word, closing the clause, is
# the symbol of a unit or currency ("3 US troops" goes on to a noun; "5 MPs" is a plural).
_SYMBOL_AFTER = re.compile(
    r"""\s+(?!(?:a|an|as|at|be|by|do|go|he|if|in|is|it|me|my|no|of|on|or|so|to|up|us|we|am|ok)\b)
    (?-i:[A-Z]|[a-z]{1,2})(?=\s*(?:[.,;:!?)]|\Z))""",
    re.IGNORECASE | re.VERBOSE,
)
# "five, two and one years": a list of numbers shares the unit of its last one.
_LIST_TAIL = re.compile(
    rf"""(?:\s*(?:,|and|or|(?:,\s*)?(?:or|and)\s+even|(?:,\s*)?if\s+not)\s*
    (?:\d[\d,.]*\d|\d|(?:{_NUMBER_WORD}|{_VAGUE_UNIT})(?:[\s-]+(?:{_NUMBER_WORD}))*)
    (?![\w]),?)+""",
    re.IGNORECASE | re.VERBOSE,
)
# "30 executions a day": a rate, not a number of people.
_RATE_AFTER = re.compile(
    r"""(?:\s+(?!(?:were|was|are|is|have|had|in|on|at|of|and|or|to|by|for|with|from|who|that
        |which)\b)[^\W\d_][\w'’-]*){0,3}
    \s+(?:per|a|an|each|every)\s+(?:day|week|month|year|hour|minute|night|annum)\b
    (?!\s+(?:ago|earlier|later|before|after|on|since|from|of)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
_AGE_BEFORE = re.compile(
    r"(?<![\w])(?:aged|ages?(?:\s+of)?)\s+(?:\d{1,3}\s*(?:,\s*(?:and|or|&)?|and|or|&|to|-|–)\s*){0,6}\Z",
    re.IGNORECASE,
)
# "a 25 y/o man", "43 yrs old", "a 6-yo": an age in its short written forms.
_AGE_AFTER = re.compile(r"\s*(?:y/o|y\.o\.|yrs?\.?\s+old|-?yo|-y-o)(?![\w/])", re.IGNORECASE)
# "26, were also injured": a number followed by a comma and the verb is the age of a person
# named before it (a list split at a sentence break), never the subject of the verb.
_AGE_FRAGMENT_AFTER = re.compile(r",\s*(?:was|were|is|are|has|have|had)\b")
_AGE_VERB_BEFORE = re.compile(
    r"""(?<![\w])(?:(?:who|he|she|i)\s+(?:was|is|will\s+be|would\s+be|had\s+been|has\s+been)
    |(?:he|she)['’]s|i['’]m|turned|turns|turning)\s+\Z""",
    re.IGNORECASE | re.VERBOSE,
)
# "Jon Arven, 26," / "the boy, 7," / "Carlos, then 18,": an age in apposition to a person;
# also to persons, as a list: "two men, 19 and 20,", "the women, both 22,".
_APPOSITIVE_BEFORE = re.compile(
    r"(?:[A-Z][\w'’.-]*|\b(?:man|woman|boy|girl|teen|teenager|child|son|daughter|victim|"
    r"suspect|driver|resident|student|officer|mother|father|brother|sister|wife|husband|men|"
    r"women|boys|girls|teens|teenagers|children|sons|daughters|victims|suspects|brothers|"
    r"sisters|others|other|male|female|males|females))"
    r"(?:\s*\([^()]{1,25}\))?"  # "Lena Voss (left), 37"
    r"\s*(?:,|\()\s*(?:then\s+|now\s+|only\s+|just\s+|also\s+|age\s+|ages\s+|both\s+)?"
    r"(?:\d{1,3}\s*(?:,\s*(?:and|or|&)?|and|or|&)\s*)*\Z"
)
# "two men, one 18 and the other 26,", "one 33 years old, another 61,": the ages of the people
# a count has just named, one by one.
_ENUMERATED_BEFORE = re.compile(r"(?<![\w])(?:one|the\s+other)\s+\Z", re.IGNORECASE)
_ENUMERATED_MORE_BEFORE = re.compile(
    r"(?<![\w])one\s+\d{1,3}\b.{0,40}(?:another|others|the\s+other)\s+\Z", re.IGNORECASE
)
_ENUMERATED_AFTER = re.compile(r"\s*(?:[,;)]|\s[-–—]\s|\s+and\s+(?:the\s+other|another|one)\b)")
_NONE_BEFORE = re.compile(r"(?<![\w])(?:not|nor|never|without)\s+(?:even\s+)?(?:a\s+)?\Z", re.I)
# What ends an age in apposition: punctuation, a dash, the end, or the next name of a list
# ("Mira Voss, 24 and Tam Arven, 23"), a home town ("Arven, 32 of Kerevo") or a coordinated
# adjective ("Mira, 29 and pregnant,") or a note on the person ("Ana Ruiz, 79 (a nurse)").
_APPOSITIVE_AFTER = re.compile(
    r"""(?:\s*(?:,\s*(?:and|or|&)?|and|or|&)\s*\d{1,3}\b)*
    \s*(?:[,);.:|]|\s[-–—]\s|\Z|(?:and|&)\s+(?:[A-Z][a-z]|[a-z]+\s*,)|of\s+[A-Z][a-z]
    |\((?=[a-z]))""",
    re.VERBOSE,
)
# "a 12- and a 16-year-old": the first half of an age whose "year-old" comes later.
_SUSPENDED_AFTER = re.compile(r"-\s+(?:and|or|to)\s+(?:an?\s+)?\d{1,3}-years?-old", re.I)
_IDENTIFIER_BEFORE = re.compile(
    r"""(?<![\w])(?:articles?|art\.|sections?|sec\.|§|chapters?|ch\.|clauses?|paragraphs?
    |para\.|branch|ward|route|rte\.|highway|hwy\.?|interstate|flight|room|rm\.|cell|cellblock
    |block|building|bldg\.?|floor|platform|gate|bus|line|no\.?|nos\.?|number|nr\.?|num\.|\#|№
    |case|file|resolution|decree|law|act|bill|code|page|pages|p\.|pp\.|item|exhibit|district
    |precinct|zone|sector|unit|level|phase|round|stage|step|version|v\.|grade|category|cat\.
    |class|type|size|model|channel|table|figure|fig\.|appendix|annex|episode|season|volume
    |vol\.|issue|camp|hall|squad|battalion|brigade|regiment|station|terminal|lot|plot
    |apartment|apt\.|suite|box|ext\.|extension|tel\.?|phone|fax|id|serial|batch|row|seat
    |lane|exit|junction|pier|berth|dock|hangar|bay|bed|pavilion|wing|corridor|gallery|verse
    |rule|regulation|amendment|road|street|avenue|st\.|ave\.|rd\.|boulevard|blvd\.|tower|door
    |checkpoint|day|week|stop|track|hole|lap|tier|per|mark|image|photo|photograph|picture|slide
    |(?:image|photo|picture|slide|page)\s+\d{1,3}\s+of|ages?\s*:
    |s&p|sp|ftse|nasdaq|russell|nikkei|dow|cac|dax|asx|stoxx|sensex|nifty|kospi|ibex|fortune
    |forbes)\s*\Z""",
    re.IGNORECASE | re.VERBOSE,
)
# "a 911 call", "the 999 dispatcher": an emergency number, not a count.
_PHONE_SERVICE_AFTER = re.compile(
    r"\s+(?:calls?|callers?|dispatch(?:ers?)?|operators?|hotline|emergency|tapes?)\b", re.I
)
# "Kerevo, TX 79999": a postal code after a state's code.
_POSTCODE_BEFORE = re.compile(r"(?<![\w])[A-Z]{2}\.?\s+\Z")
# "1 / 12", "24/7": a counter or a fraction.
_SLASH_AFTER = re.compile(r"\s*/\s*\d")
_SLASH_BEFORE = re.compile(r"\d\s*/\s*\Z")
_RANK_BEFORE = re.compile(r"(?<![\w])the\s+(?:top|bottom)\s+\Z", re.IGNORECASE)
_PREVIOUS_TOKEN = re.compile(r"(?:^|(?<=[\s(\[\"“'‘]))(?P<token>[^\s(\[\"“'‘]+)[\x20\u00a0]\Z")
_SENTENCE_OPENING = re.compile(r"[\s\"“'‘(\[«—–-]*\Z")
_CLAUSE_OPENING = re.compile(r"(?:^|[.:;!?\"“'‘(\[—–]|\s-|--)\s*\Z")
_TITLE_WORD = re.compile(r"[A-Z][a-z]+")
_ADDRESS_AFTER = re.compile(
    r"""\s+(?:block\b|(?:(?:[NSEW]|North|South|East|West)\.?\s+)?
        (?:\d+(?:st|nd|rd|th)|[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,3}
        \s+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Lane|Ln|Way|Court|Ct|Place
        |Pl|Highway|Hwy|Terrace|Parkway|Pkwy|Square|Sq)\b)""",
    re.VERBOSE,
)
_NEXT_WORD = re.compile(r"\s+(?P<word>[^\W\d_][\w'’-]*)")
_NEXT_TWO = re.compile(r"\s+(?P<first>[^\W\d_][\w'’-]*)(?:\s+(?P<second>[^\W\d_][\w'’-]*))?")
_HYPHEN_WORD = re.compile(r"-(?P<word>[^\W\d_]+)")
_ORDINAL = re.compile(r"first|second|third|\w+th", re.IGNORECASE)
_FRACTION_AFTER = re.compile(
    r"[\s-]+(?:thirds?|quarters?|halves|half|fifths?|sixths?|sevenths?|eighths?|ninths?|"
    r"tenths?|hundredths?|thousandths?)\b",
    re.IGNORECASE,
)
_RATIO_AFTER = re.compile(
    rf"\s+in\s+(?:every\s+)?(?:\d{{1,3}}(?:,\d{{3}})*(?![\d.])|(?:{_NUMBER_WORD})\b)",
    re.IGNORECASE,
)
_MIXED_FRACTION = re.compile(r"\s+\d+\s*/\s*\d")
_RATIO_BEFORE = re.compile(rf"(?:\d|\b(?:{_NUMBER_WORD}))\s+in\s+\Z", re.IGNORECASE)
_SCORES_AFTER = re.compile(
    r"\s+(?:of|more|were|have|had|died|dead|killed|injured|wounded|arrested|detained)\b", re.I
)
# "five were shot, one fatally", "including one who died": "one" is a person harmed.
_ONE_HARMED_AFTER = re.compile(
    r"""\s+(?:fatally|mortally|critically|seriously|gravely|lethally|non-?fatally
    |(?:who|that)\s+(?:later\s+|also\s+)?(?:died|was\s+killed|was\s+fatally))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# "one dead", "one was killed", "one has died": "one" is who it happened to.
_ONE_HARMED_NEXT = re.compile(
    r"""\s+(?:(?:(?:was|is|were|has|had|have)\s+)?(?:been\s+)?(?:also\s+|later\s+)?
    (?:dead|deceased|killed|slain|died|dies|injured|wounded|hurt|shot|stabbed|hospitalized|hospitalised
    |arrested|detained|executed|missing|taken\s+to|pronounced|found\s+dead|in\s+(?:critical
    |serious|stable|fair|good)\s+condition))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# "shot three people, killing one", "killed one and injured 12": "one" as a harmed object.
_HARMING_BEFORE = re.compile(
    r"""\b(?:killing|killed|kills|wounding|wounded|injuring|injured|hurting|hurt|shooting|shot
    |stabbing|stabbed|hitting|striking|struck)\s+\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_OBJECT_END_AFTER = re.compile(
    r"\s*(?:[,.;:)!?]|--|\s[-–—]\s|\Z|\s+(?:and|while|but|as|when|after|before|during|in|on|at)\b)",
    re.IGNORECASE,
)
_ONE_OF = re.compile(r"\s+of\b(?!\s+(?:a\s+kind|these\s+days|those\s+days|the\s+few)\b)", re.I)
_WORD_TOKEN = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]+")
_GROUP_SEPARATOR = re.compile(r"[,\s\u00a0\u2009\u202f]")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_NOT_NAME_WORDS = _wordset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec i"
)
_YEAR_CONTEXT = _wordset(
    "the in since by until till during early late mid summer spring autumn fall winter year "
    "years before after of"
)
# Words for people: a count followed by one is a count of people, whatever its form.
_PEOPLE_PLURAL = _wordset(
    "people persons folk folks men women children kids boys girls babies infants teenagers "
    "teens youths youth minors adults police policemen personnel staff crew clergy militia "
    "protesters protestors demonstrators prisoners detainees inmates activists journalists "
    "reporters civilians soldiers troops officers guards members workers victims residents "
    "citizens villagers students farmers doctors nurses lawyers teachers clerics mothers "
    "fathers sons daughters brothers sisters wives husbands relatives families individuals "
    "suspects fighters militants bystanders passengers pedestrians employees officials judges "
    "witnesses survivors patients refugees migrants worshippers pilgrims dissidents bloggers "
    "writers others"
)
_PEOPLE_SINGULAR = _wordset(
    "person man woman child kid boy girl baby infant teenager teen minor adult policeman "
    "protester protestor demonstrator prisoner detainee inmate activist journalist reporter "
    "civilian soldier officer guard member worker victim resident citizen villager student "
    "farmer doctor nurse lawyer teacher cleric mother father son daughter brother sister wife "
    "husband relative family individual suspect fighter militant bystander passenger "
    "pedestrian employee official judge witness survivor patient refugee migrant worshipper "
    "male female hunter homeowner motorist cyclist toddler "
    "pilgrim dissident blogger writer"
)
_PRONOUNS = _wordset("them us you whom those these others all both")
_STOP_WORDS = _wordset(
    "a an the was were is are be been being have has had who whom which that in on at from "
    "to by for with and or but as than during since after before into across over under "
    "while when where including said according this last per will would could may might can "
    "did do does not also each every it its their his her our your my he she they we i there "
    "here then so if though although because about around more most less least some any no "
    "yet still now already again"
)
_SCORE_OWNERS = _wordset(
    "the their his her its our your my test exam credit these those high low top final average such"
)
_NOT_NOUNS = _wordset("dead hurt shot slain missing held taken hit")
_QUANTIFIERS = _wordset("all both only just another other those these such")
_NOT_AFTER_ONE = _wordset(
    "another other must should shall ought might cannot can't won't wouldn't couldn't didn't "
    "doesn't isn't wasn't got gets knew knows thought thinks said told"
)
_NOT_PLURAL = _wordset("news series species means headquarters")
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "'s", "’s")
_DETERMINERS = _wordset("the these those its their our his her my your whom which")


@dataclass(slots=True)
class _Atom:
    """One number as written: digits (with scale), number words, or a vague magnitude."""

    start: int
    end: int
    kind: str  # digits, words, vague
    value: Decimal  # for vague: the low end
    mantissa: Decimal  # value before its scale word ("1.5" of "1.5 million")
    scale: int  # 1 when no scale word or suffix
    digits: str = ""  # the digits without group separators ("1500" for "1,500")
    grouped: bool = False  # written with group separators: never a year
    approximate: bool = False  # "a couple"


@dataclass(slots=True)
class _Group:
    """An atom, or two atoms joined as a range, possibly restated in parentheses."""

    first: _Atom
    last: _Atom
    end: int
    low: Decimal
    high: Decimal | None  # None for a single number
    money: bool = False
    score: bool = False
    intro: int | None = None  # start of "between"/"from" opening a range


@lru_cache(maxsize=_REMEMBERED)
def find_counts(sentence: str) -> tuple[Count, ...]:
    """Every stated quantity in `sentence` that could count people, in text order.

    Offsets index `sentence`; `sentence[c.start:c.end] == c.text`. Overlapping candidates are
    resolved in favour of the longest. Never raises on any input. Remembered for the last few
    thousand sentences: the extract stage asks once to choose what to parse, once to read the
    claims.
    """
    first = _ATOM.search(sentence)
    if first is None:
        return ()
    blocked = []
    if _DIGIT.search(sentence):
        blocked = [(m.start(), m.end()) for m in _BLOCKED.finditer(sentence)]
    atoms = _atoms(sentence, first, blocked)
    if not atoms:
        return ()
    headline = _is_headline(sentence)
    counts = [
        count
        for group in _groups(sentence, atoms)
        if (count := _count(sentence, group, headline)) is not None
    ]
    return _longest(counts)


def counted_noun(sentence: str, count: Count) -> str | None:
    """The noun phrase right after `count` ("political prisoners", "people", "others"), or None.

    "of the victims" gives "victims"; a count joined by a hyphen gives the joined word
    ("three-member" gives "member"). None when a verb, a preposition or punctuation follows
    ("1,000 killed", "dozens were arrested").
    """
    rest = sentence[count.end : count.end + 120]
    hyphen = _HYPHEN_WORD.match(rest)
    if hyphen is not None and hyphen.group("word").lower() not in ("strong", "odd", "plus"):
        return hyphen.group("word")
    if hyphen is not None:
        rest = rest[hyphen.end() :]
    tokens: list[re.Match[str]] = []
    position = 0
    while len(tokens) < 6:
        match = _NEXT_WORD.match(rest, position)
        if match is None:
            break
        word = match.group("word").lower()
        if not tokens and word in ("more", "of", "additional", "further"):
            position = match.end()
            continue
        if not tokens and word in _DETERMINERS and rest[:position].lower().endswith("of"):
            position = match.end()
            continue
        if not tokens and word in ("most", "least") and rest[:position].lower().endswith("the"):
            position = match.end()
            continue
        if word in _PRONOUNS and not tokens:
            return match.group("word")
        if word in _STOP_WORDS:
            break
        tokens.append(match)
        position = match.end()
    for index, match in enumerate(tokens):
        word = match.group("word")
        if _is_plural_noun(word) or word.lower() in _PEOPLE_SINGULAR:
            last = match
            for following in tokens[index + 1 :]:  # "police officers", "bank branches"
                if not _is_plural_noun(following.group("word")):
                    break
                last = following
            return rest[tokens[0].start("word") : last.end("word")]
    first_word = tokens[0].group("word").lower() if tokens else ""
    if not tokens or first_word.endswith(("ed", "ing")) or first_word in _NOT_NOUNS:
        return None
    kept = [tokens[0]]
    for match in tokens[1:3]:  # "page document", not "crowd gathered"
        if match.group("word").lower().endswith(("ed", "ing")):
            break
        kept.append(match)
    return rest[kept[0].start("word") : kept[-1].end("word")]


# ------------------------------------------------------------------------------ atoms


def _atoms(sentence: str, first: re.Match[str], blocked: list[tuple[int, int]]) -> list[_Atom]:
    atoms: list[_Atom] = []
    match: re.Match[str] | None = first
    next_block = 0  # blocked spans are sorted and disjoint: walk them once
    while match is not None:
        start, end = match.span()
        resume = end
        while next_block < len(blocked) and blocked[next_block][1] <= start:
            next_block += 1
        if next_block < len(blocked) and blocked[next_block][0] < end:
            resume = max(blocked[next_block][1], start + 1)
        else:
            atom = _atom(sentence, match)
            if atom is not None:
                atoms.append(atom)
                resume = atom.end
            elif match.lastgroup == "words":
                word = _WORD_TOKEN.search(sentence, start)
                resume = word.end() if word is not None else end
        match = _ATOM.search(sentence, resume)
    return atoms


def _atom(sentence: str, match: re.Match[str]) -> _Atom | None:
    kind = match.lastgroup
    start, end = match.span()
    if kind == "num":
        return _digits_atom(sentence, match)
    if kind == "words":
        return _words_atom(sentence, start, end)
    if kind == "vmod":
        modifier = match.group("mod").lower().split()[-1]
        if modifier == "of":
            modifier = "couple"
        low = _VAGUE_MODIFIER[modifier] * _unit(match.group("munit"))
        low *= _tail(match.group("mtail"))
        return _Atom(start, end, "vague", Decimal(low), Decimal(low), 1)
    if kind == "vsmall":
        if match.group("small").lower() == "couple":
            return _Atom(start, end, "vague", Decimal(2), Decimal(2), 1, approximate=True)
        return _Atom(start, end, "vague", Decimal(3), Decimal(3), 1)
    if kind == "vplural":
        low = 2 * _unit(match.group("punit")) * _tail(match.group("ptail"))
        return _Atom(start, end, "vague", Decimal(low), Decimal(low), 1)
    return None


def _unit(word: str) -> int:
    word = word.lower()
    return _SCALE_OF[word[:-1] if word.endswith("s") else word]


def _tail(tail: str) -> int:
    factor = 1
    for word in _WORD_TOKEN.findall(tail):
        if word.lower() != "of":
            factor *= _unit(word)
    return factor


_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")  # (the pattern lets it through before a scale)


def _digits_atom(sentence: str, match: re.Match[str]) -> _Atom | None:
    digits = match.group("digits")
    if _DECIMAL_COMMA.fullmatch(digits):
        plain = digits.replace(",", ".")  # "6,7 thousand": a continental decimal comma
    else:
        plain = _GROUP_SEPARATOR.sub("", digits)
    if len(plain) > 18:
        return None  # no count has this many digits: an identifier or a table row
    scale = 1
    if match.group("glued"):
        scale = _SCALE_OF[match.group("glued").lower()]
    elif match.group("scale"):
        for word in _WORD_TOKEN.findall(match.group("scale")):
            scale *= _unit(word)
    if scale == 1 and "." in plain and _DOT_THOUSANDS.fullmatch(plain):
        after = sentence[match.end() : match.end() + 2]
        if len(after) == 2 and after[0] == " " and after[1].isalpha():
            plain = plain.replace(".", "")  # "1.500 people": a continental thousands mark
    try:
        mantissa = Decimal(plain)
    except InvalidOperation:
        return None
    grouped = plain != digits
    return _Atom(
        match.start(),
        match.end(),
        "digits",
        mantissa * scale,
        mantissa,
        scale,
        digits=plain,
        grouped=grouped,
    )


def _words_atom(sentence: str, start: int, end: int) -> _Atom | None:
    tokens = list(_WORD_TOKEN.finditer(sentence, start, end))
    while tokens:
        while tokens and tokens[-1].group().lower() == "and":
            tokens.pop()
        value = _words_value([t.group().lower() for t in tokens])
        if value is not None:
            number, scale = value
            mantissa = number / scale
            return _Atom(start, tokens[-1].end(), "words", number, mantissa, scale)
        tokens.pop()
    return None


def _words_value(words: list[str]) -> tuple[Decimal, int] | None:
    """The value of number words and the scale of the last one ("three thousand": 3000, 1000)."""
    if not words or (len(words) == 1 and words[0] in _BARE_SCALES):
        return None  # a bare "hundred" or "dozen" ("a baker's dozen") states no number
    factor = Decimal(1)
    if words[:2] in (["half", "a"], ["a", "half"]):
        factor, words = Decimal("0.5"), ["one", *words[2:]]
    elif words[0] == "a":
        words = ["one", *words[1:]]
    if len(words) < 2 and factor != 1:
        return None
    dozen = 1
    if words[-1] == "dozen":
        dozen, words = 12, words[:-1] or ["one"]
    if "dozen" in words or not words:
        return None
    try:
        number = int(text2num(" ".join(words), "en"))
    except (ValueError, TypeError):
        return None
    scale = 12 if dozen == 12 else _SCALE_OF.get(words[-1], 1) if len(words) > 1 else 1
    return Decimal(number) * factor * dozen, scale


# ----------------------------------------------------------------------------- groups


def _groups(sentence: str, atoms: list[_Atom]) -> list[_Group]:
    groups: list[_Group] = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        group = _Group(atom, atom, atom.end, atom.value, None)
        following = atoms[index + 1] if index + 1 < len(atoms) else None
        if following is not None and (joined := _range(sentence, atom, following)) is not None:
            group = joined
            index += 1
            following = atoms[index + 1] if index + 1 < len(atoms) else None
        if following is not None and _restates(sentence, group, following):
            close = _RESTATE_CLOSE.match(sentence, following.end)
            group.end = close.end() if close is not None else following.end
            index += 1
        groups.append(group)
        index += 1
    return groups


def _range(sentence: str, first: _Atom, second: _Atom) -> _Group | None:
    gap = _RANGE_GAP.fullmatch(sentence, first.end, second.start)
    if gap is None or first.kind == "vague" or second.kind == "vague":
        return None
    before = sentence[max(0, first.start - 40) : first.start]
    intro = _RANGE_INTRO.search(before)
    word = (gap.group("word") or "").lower()
    if word == "and" and (intro is None or intro.group("intro").lower() != "between"):
        return None
    if word in ("to", "through", "till", "until", "or") and _CHANGE_BEFORE.search(before):
        return None
    if _year_like(first) and (second.scale > 1 or second.kind != "digits"):
        return None  # "rose 60% in 2018 to 3.9 million": a year, then a count
    low, high = first.value, second.value
    if (
        first.scale == 1
        and second.scale > 1
        and first.kind == second.kind
        and "," not in sentence[first.start : first.end]
        and first.mantissa < second.mantissa
    ):
        low = first.mantissa * second.scale  # "1 to 1.5 million", "two to three thousand"
    if gap.group("dash") and _CHAINED.match(sentence, second.end):
        return _Group(first, second, second.end, low, high, score=True)  # "1-866-555": a code
    if low >= high:
        if gap.group("dash"):  # "2-1", "1988-89": scores, seasons, not a range
            return _Group(first, second, second.end, low, high, score=True)
        return None
    intro_start = None
    if intro is not None and (word != "and" or intro.group("intro").lower() == "between"):
        intro_start = first.start - len(before) + intro.start()
    money = bool(gap.group("money")) or bool(
        intro is not None and intro.group().rstrip()[-1:] in _CURRENCY_SYMBOL
    )
    return _Group(first, second, second.end, low, high, money=money, intro=intro_start)


def _restates(sentence: str, group: _Group, following: _Atom) -> bool:
    """'over 33,700 (thirty-three-thousand seven-hundred)': one count written twice."""
    if not _RESTATE_OPEN.fullmatch(sentence, group.end, following.start):
        return False
    if _RESTATE_CLOSE.match(sentence, following.end) is None:
        return False
    return group.high is None and following.value == group.low and following.kind != "vague"


# ----------------------------------------------------------------------------- counts


def _count(sentence: str, group: _Group, headline: bool) -> Count | None:
    if group.money or group.score:
        return None
    start = group.intro if group.intro is not None else group.first.start
    before = sentence[max(0, start - 60) : start]
    after = sentence[group.end : group.end + 80]
    if not _stands_alone(sentence, group, after):
        return None
    if _is_measure(before, after) or _is_age(before, after, group):
        return None
    if group.low == 1 and _NONE_BEFORE.search(before):
        return None  # "not a single prisoner", "not even one": nobody, not a count of one
    qualifier_match = _QUALIFIER_BEFORE.search(sentence, max(0, start - 40), start)
    if _is_identifier(before, after, group, headline) or _is_rank(before, after):
        return None
    if _CHANGE_BY_BEFORE.search(before[-30:]) and _ends_noun_phrase(after):
        return None  # "decreased by 1.": the size of a change
    if qualifier_match is None and _is_name_after(after, headline):
        return None  # "787 Dreamliner", but "at least 13 Al Houthi fighters"
    if _FRACTION_AFTER.match(after) or _is_ratio(before, after) or _RATE_AFTER.match(after):
        return None
    if _MIXED_FRACTION.match(after):  # "2 1/2 year-old"
        return None
    suffix = _QUALIFIER_AFTER.match(after) if qualifier_match is None else None
    if _is_year(group, before, after, qualifier_match is not None):
        return None
    if not _plausible_word_number(sentence, group, before, after, headline, qualifier_match):
        return None
    low = _whole(group.low)
    high = _whole(group.high) if group.high is not None else None
    if low is None or (group.high is not None and high is None):
        return None
    qualifier, low_out, high_out = _interval(group, low, high, qualifier_match, suffix)
    # a verb that says the figure was passed ("exceeded 6,000") is the claim's predicate
    verb = qualifier_match is not None and qualifier_match.lastgroup == "passed"
    text_start = start if qualifier_match is None or verb else qualifier_match.start()
    text_end = group.end + (suffix.end() if suffix is not None else 0)
    return Count(low_out, high_out, qualifier, sentence[text_start:text_end], text_start, text_end)


def _interval(
    group: _Group,
    low: int,
    high: int | None,
    before: re.Match[str] | None,
    after: re.Match[str] | None,
) -> tuple[str, int | None, int | None]:
    if high is not None:
        return "range", low, high
    if group.first.kind == "vague" and not group.first.approximate:
        return "vague", low, None
    word = before.lastgroup if before is not None else after.lastgroup if after else None
    if word == "passed":
        word = "more_than"
    if word in ("at_least", "more_than"):
        return word, low, None
    if word in ("at_most", "less_than"):
        return word, None, low
    if word == "approximately" or group.first.approximate:
        return "approximately", low, low
    return "exact", low, low


def _whole(value: Decimal) -> int | None:
    if value != value.to_integral_value():
        return None
    return int(value)


def _stands_alone(sentence: str, group: _Group, after: str) -> bool:
    """Not glued to letters ("MH17", "5G", "1980s"), signs ("-19", "'88") or ordinals."""
    start = group.first.start
    previous = sentence[start - 1] if start > 0 else " "
    if previous in "-−‐" and (start < 2 or not sentence[start - 2].isdigit()):
        return False
    if previous in "+#№@'’/\\=_\xad" or previous.isalnum():
        return False
    if group.first.kind == "digits":
        digits = group.first.digits
        if len(digits) > 1 and digits[0] == "0" and not digits.startswith("0."):
            return False  # "007", "09": codes and clock times
    if after[:1].isalnum() or after[:1] == "/" or after[:2] in ("'s", "’s"):
        return False
    if _CHAINED_DIGIT.match(after):
        return False
    hyphen = _HYPHEN_WORD.match(after)
    if hyphen is None:
        return True
    # "a three-member commission", "a six-cylinder engine" count; "twenty-first" is an ordinal.
    return not _ORDINAL.fullmatch(hyphen.group("word"))


def _is_ratio(before: str, after: str) -> bool:
    """'one in five prisoners': neither number is a count ('30 in two days' is one)."""
    ratio = _RATIO_AFTER.match(after)
    if ratio is not None and not _UNIT_AFTER.match(after, ratio.end()):
        return True
    return bool(_RATIO_BEFORE.search(before[-30:]))


def _is_measure(before: str, after: str) -> bool:
    """Money, a percentage, a duration or a measurement, also at the end of a list."""
    if _is_money(before, after) or _UNIT_AFTER.match(after) or _SYMBOL_AFTER.match(after):
        return True
    listed = _LIST_TAIL.match(after)
    return listed is not None and _is_measure("", after[listed.end() :])


def _is_money(before: str, after: str) -> bool:
    if _MONEY_BEFORE.search(before[-40:]) or _MONEY_AFTER.match(after):
        return True
    if _PRICE_COMPARATIVE_AFTER.match(after):
        return True
    if not _MONEY_VERB_BEFORE.search(before[-40:]):
        return False
    following = _NEXT_WORD.match(after)
    if following is None:
        return False
    word = following.group("word").lower()
    return word not in _PEOPLE_PLURAL and word not in _PEOPLE_SINGULAR and word != "of"


def _is_age(before: str, after: str, group: _Group) -> bool:
    if _AGE_BEFORE.search(before) or _SUSPENDED_AFTER.match(after):
        return True
    if group.high is not None or group.first.kind == "vague" or group.low > 120:
        return False
    if _AGE_AFTER.match(after):
        return True
    if group.first.kind == "digits" and not before.strip() and _AGE_FRAGMENT_AFTER.match(after):
        return True
    if (
        _AGE_VERB_BEFORE.search(before[-20:])
        and not _followed_by_noun(after)
        and not _ONE_OF.match(after)
    ):
        return True  # "who was 10", "she will be 35"; not "who was one of the victims"
    if group.first.kind != "digits":
        return False
    enumerated = _ENUMERATED_BEFORE.search(before[-20:]) or _ENUMERATED_MORE_BEFORE.search(
        before[-70:]
    )
    if enumerated and _ENUMERATED_AFTER.match(after):
        return True  # "two men, one 18 and the other 26,"
    if _ages_of_the_counted(before[-80:], after[:40]):
        return True  # "two women, 27 and 35 were hurt"
    return bool(_APPOSITIVE_BEFORE.search(before[-40:]) and _APPOSITIVE_AFTER.match(after))


def _ages_of_the_counted(before: str, after: str) -> bool:
    """The number is one of a list of as many numbers as the people a count has just named,
    and the list is not followed by a noun: "two women, [27] and [35] were hurt", "three
    women, 21, 32 and 49"."""
    found = _COUNTED_LIST_BEFORE.search(before)
    rest = _LIST_REST_AFTER.match(after)
    if found is None or rest is None or _followed_by_noun(after[rest.end() :]):
        return False
    word = found["n"].lower()
    people = int(word) if word.isdigit() else _SMALL_NUMBERS[word]
    listed = len(_LISTED.findall(found["ages"])) + 1 + len(_LISTED.findall(rest.group()))
    return people == listed and (" and " in f" {found['ages']} " or "and" in rest.group())


_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTED_LIST_BEFORE = re.compile(
    r"(?<![\w,])(?P<n>two|three|four|five|six|[2-6])\s+(?:\w+\s+)?"
    r"(?:men|women|males|females|boys|girls|teens|teenagers|children|victims|people)"
    r"\s*(?:,|--?|[—–])\s*"
    r"(?:ages?\s+)?(?P<ages>(?:\d{1,3}\s*(?:,\s*)?(?:(?:and|&)\s*)?)*)\Z",
    re.IGNORECASE,
)
# The numbers of the list after this one: ", 32 and 49", " and 42".
_LIST_REST_AFTER = re.compile(r"(?:\s*,?\s*(?:(?:and|&)\s*)?\d{1,3}\b)*")
_LISTED = re.compile(r"\d{1,3}")


_JSON_VALUE_BEFORE = re.compile(r'"\s*:\s*"?\Z')


def _is_identifier(before: str, after: str, group: _Group, headline: bool) -> bool:
    """'Branch 41', 'Article 186', 'No. 4417', 'Ward 350', 'S&P 500', 'Euro 2020', 'a 911
    call', 'TX 79999', 'Image 2 of 12'."""
    if _IDENTIFIER_BEFORE.search(before[-20:]) or _PHONE_SERVICE_AFTER.match(after):
        return True
    if _JSON_VALUE_BEFORE.search(before[-6:]):
        return True  # '"id":"1548", "count": 12': scraped script data, not prose
    if _SLASH_AFTER.match(after) or _SLASH_BEFORE.search(before[-10:]):
        return True
    postcode = len(group.first.digits) == 5 and not group.first.grouped
    if postcode and _POSTCODE_BEFORE.search(before[-6:]):
        return True
    if headline or group.first.kind == "vague":
        return False
    token = _PREVIOUS_TOKEN.search(before)
    if token is None:
        return False
    word = token.group("token")
    if not any(character.isupper() for character in word) or word[-1] in ",:;)]!?\"”'’":
        return False
    if word.lower().strip(".") in _NOT_NAME_WORDS or word.endswith(("'s", "’s")):
        return False
    if word.lower() in _STOP_WORDS or _QUALIFIER_BEFORE.search(word) or word.endswith("."):
        return False
    if not _TITLE_WORD.fullmatch(word):
        return True  # "MH 17", "S&P 500", "iPhone 11", "LEX 18": capitals are not grammar
    if group.first.grouped or group.first.scale > 1 or _followed_by_noun(after):
        return False  # "In Tehran 1,500 people": a place name, then a count
    # A capitalised first word is capitalised for grammar ("Roughly 300"), not as a name,
    # unless a singular noun follows: "Sector 9 patrol", "Planet 9 project" name a thing.
    if _CLAUSE_OPENING.search(before[: token.start()]) is None:
        return True
    return word.lower() not in _QUANTIFIERS and _modifies_noun(after)


def _is_rank(before: str, after: str) -> bool:
    """'slipped into the bottom three', 'finished in the top 10': a place in a table."""
    return bool(_RANK_BEFORE.search(before[-20:])) and _ends_noun_phrase(after)


def _ends_noun_phrase(after: str) -> bool:
    """No noun follows: punctuation, the end, or a function word ("the bottom three during")."""
    following = _NEXT_WORD.match(after)
    return following is None or following.group("word").lower() in _STOP_WORDS


def _is_name_after(after: str, headline: bool) -> bool:
    """'787 Dreamliner', '575 Wilbraham Road', '8311 83rd St.', 'the 5500 block of'.

    A run of capitalised words that ends in a plural noun is what is counted instead ("300
    Kurds", "13 Al Houthi fighters", "three Singaporean sisters").
    """
    if _ADDRESS_AFTER.match(after):
        return True
    if headline:
        return False
    following = _NEXT_WORD.match(after)
    if following is None:
        return False
    word = following.group("word")
    if not _TITLE_WORD.match(word) or word.lower() in _NOT_NAME_WORDS:
        return False
    position = following.start()
    for _ in range(4):
        following = _NEXT_WORD.match(after, position)
        if following is None:
            return True
        word = following.group("word")
        if _is_plural_noun(word):
            return False
        if not _TITLE_WORD.match(word):
            return True
        position = following.end()
    return True


def _modifies_noun(after: str) -> bool:
    """A lower-case singular noun follows ("9 citizen scientists"), not a verb ("12 died")."""
    following = _NEXT_WORD.match(after)
    if following is None:
        return False
    word = following.group("word")
    lowered = word.lower()
    if word != lowered or lowered in _STOP_WORDS or lowered in _NOT_NOUNS or len(lowered) < 4:
        return False
    return not _is_plural_noun(word) and not lowered.endswith(("ed", "ing", "ly"))


def _followed_by_noun(after: str) -> bool:
    following = _NEXT_WORD.match(after)
    return following is not None and _is_plural_noun(following.group("word"))


def _is_year(group: _Group, before: str, after: str, qualified: bool) -> bool:
    ends = [group.first] if group.high is None else [group.first, group.last]
    if not all(_year_like(atom) for atom in ends) or qualified:
        return False
    following = _NEXT_WORD.match(after)
    if following is None or not _is_plural_noun(following.group("word")):
        return True
    previous = before.rstrip().rsplit(None, 1)[-1].lower() if before.strip() else ""
    return previous in _YEAR_CONTEXT or previous.endswith(("'s", "’s"))


def _year_like(atom: _Atom) -> bool:
    return (
        atom.kind == "digits"
        and atom.scale == 1
        and not atom.grouped
        and len(atom.digits) == 4
        and atom.digits.isdigit()
        and 1000 <= int(atom.digits) <= 2099
    )


def _plausible_word_number(
    sentence: str,
    group: _Group,
    before: str,
    after: str,
    headline: bool,
    qualifier: re.Match[str] | None,
) -> bool:
    """Checks for words: names ("the Group of Seven"), "one" as a determiner, "scores"."""
    atom = group.first
    text = sentence[atom.start : atom.end]
    if atom.kind == "digits":
        return "." not in atom.digits or atom.scale > 1 or group.high is not None
    first_word = text.split()[0].split("-")[0]
    initial = _SENTENCE_OPENING.fullmatch(before) is not None or bool(
        _CLAUSE_OPENING.search(before)
    )
    if first_word[0].isupper() and first_word[1:2].islower() and not initial and not headline:
        return False
    lowered = text.lower()
    if atom.kind == "vague":
        if lowered.startswith("scores"):
            previous = before.rstrip().rsplit(None, 1)[-1].lower() if before.strip() else ""
            return bool(_SCORES_AFTER.match(after)) and previous not in _SCORE_OWNERS
        if lowered == "tens":
            return after.lower().lstrip().startswith("of ")
        return True
    if lowered != "one" or group.high is not None:
        return True
    previous = before.rstrip().rsplit(None, 1)[-1].lower() if before.strip() else ""
    if previous in ("which", "that") and (
        _ONE_HARMED_NEXT.match(after) or _one_before_noun(after, people_only=True)
    ):
        return True  # "a club in which one person was killed", "confirmed that one is dead"
    if previous in ("no", "any", "every", "each", "the", "this", "that", "which"):
        return False
    if qualifier is not None or _ONLY_BEFORE.search(before):
        return True
    if _ONE_OF.match(after) or _ONE_HARMED_AFTER.match(after) or _ONE_HARMED_NEXT.match(after):
        return True
    if _HARMING_BEFORE.search(before[-20:]) and _OBJECT_END_AFTER.match(after):
        return True  # "shot three people, killing one."
    return _one_before_noun(after)


def _one_before_noun(after: str, people_only: bool = False) -> bool:
    """'one solution', 'one wounded soldier': "one" before a singular noun or its adjective
    (with `people_only`, a word for a person).

    Not before a verb ("one says", "one must"), an adverb, a pronoun ("one another") or a
    word that ends a count ("one shot", "one killed": the other words of the claim decide).
    """
    following = _NEXT_WORD.match(after)
    if following is None:
        return False
    word = following.group("word")
    lowered = word.lower()
    if lowered in _PEOPLE_SINGULAR:
        return True
    if people_only:
        return False
    if lowered in _STOP_WORDS or lowered in _NOT_NOUNS or lowered in _NOT_AFTER_ONE:
        return False
    if not lowered.isalpha() or lowered.endswith(("ly", "ed")) or _is_plural_noun(word):
        return False
    return word[:1].islower()


def _is_plural_noun(word: str) -> bool:
    """A plural noun, or any word for people: what a count is followed by."""
    lowered = word.lower()
    if lowered in _PEOPLE_PLURAL:
        return True
    if lowered in _STOP_WORDS or lowered in _NOT_PLURAL or len(lowered) < 4:
        return False
    return lowered.endswith("s") and not lowered.endswith(_NOT_PLURAL_ENDINGS)


def _is_headline(sentence: str) -> bool:
    words = _LETTERS.findall(sentence)
    if len(words) < 4:
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    # Headlines are mostly capitalised and rarely end with a full stop.
    share = 0.6 if not sentence.rstrip().endswith(".") else 0.8
    return capitalised >= share * len(words)


def _longest(counts: list[Count]) -> tuple[Count, ...]:
    """Of overlapping counts keep the longest (the first of equals), in one sweep."""
    kept: list[Count] = []
    for count in sorted(counts, key=lambda c: (c.start, -c.end)):
        if kept and count.start < kept[-1].end:
            if count.end - count.start > kept[-1].end - kept[-1].start:
                kept[-1] = count
            continue
        kept.append(count)
    return tuple(kept)
