"""The words that name what happened to people, by claim category, as spaCy lemmatises them.

A category comes from the word that governs a count (its predicate, its head noun, or the noun
a "toll" or "number" is of), never from a keyword elsewhere in the sentence: see claims.py.
"""

from __future__ import annotations

# Verbs whose grammatical object (or passive subject) is who it happened to.
TRANSITIVE: dict[str, str] = {
    **dict.fromkeys(
        ("kill", "murder", "slaughter", "massacre", "slay", "assassinate", "behead", "lynch",
         "martyr", "annihilate", "exterminate", "strangle", "stone", "bludgeon",
         "mow", "butcher", "decease"),
        "killed",
    ),
    **dict.fromkeys(("execute", "hang"), "executed"),
    **dict.fromkeys(
        ("injure", "wound", "hurt", "maim", "hospitalize", "hospitalise", "graze", "wing"),
        "injured",
    ),
    **dict.fromkeys(("arrest", "apprehend", "capture", "nab", "round"), "arrested"),
    **dict.fromkeys(("detain", "intern"), "detained"),
    **dict.fromkeys(("imprison", "jail", "incarcerate"), "imprisoned"),
    **dict.fromkeys(("abduct", "kidnap", "disappear"), "disappeared"),
    **dict.fromkeys(("torture",), "tortured"),
    **dict.fromkeys(("sentence", "convict", "condemn"), "sentenced"),
    **dict.fromkeys(("displace", "evacuate", "uproot", "expel", "deport"), "displaced"),
    **dict.fromkeys(
        ("shoot", "stab", "attack", "beat", "target", "affect", "harm", "strike", "gun"),
        "victims",
    ),
}  # fmt: skip

# Verbs whose subject is who it happened to (or who did it, for the protest verbs).
INTRANSITIVE: dict[str, str] = {
    **dict.fromkeys(("die", "perish", "drown", "succumb", "pass away"), "killed"),
    **dict.fromkeys(("disappear", "vanish"), "disappeared"),
    **dict.fromkeys(("flee",), "displaced"),
    **dict.fromkeys(("protest", "demonstrate", "rally", "march", "riot"), "protesters"),
}  # fmt: skip

# Nouns and adjectives that are themselves a category: "1,500 deaths", "the massacre of ...".
NOMINAL: dict[str, str] = {
    **dict.fromkeys(
        ("death", "dead", "deceased", "fatality", "killing", "murder", "massacre", "slaughter",
         "homicide", "body", "corpse", "martyr", "genocide", "assassination", "lives"),
        "killed",
    ),
    **dict.fromkeys(("execution", "hanging"), "executed"),
    **dict.fromkeys(("injury", "injured", "wounded", "wound"), "injured"),
    **dict.fromkeys(("arrest", "arrestee", "arrested"), "arrested"),
    **dict.fromkeys(("executed",), "executed"),
    **dict.fromkeys(("imprisoned", "jailed"), "imprisoned"),
    **dict.fromkeys(("disappeared",), "disappeared"),
    **dict.fromkeys(("detained",), "detained"),
    **dict.fromkeys(("detention", "detainee", "custody"), "detained"),
    **dict.fromkeys(("imprisonment", "prison", "jail", "incarceration"), "imprisoned"),
    **dict.fromkeys(("disappearance", "abduction", "kidnapping", "missing"), "disappeared"),
    **dict.fromkeys(("torture",), "tortured"),
    **dict.fromkeys(("sentence", "conviction"), "sentenced"),
    **dict.fromkeys(("refugee", "evacuee", "displacement", "displaced"), "displaced"),
    **dict.fromkeys(("protester", "protestor", "demonstrator", "rioter", "marcher"), "protesters"),
    **dict.fromkeys(("victim", "casualty", "survivor"), "victims"),
}  # fmt: skip

# Nouns a counted noun may be named by without stating what happened ("political prisoners"):
# the fallback category when no predicate gives one.
HOLDERS: dict[str, str] = {
    **dict.fromkeys(("prisoner", "inmate", "convict"), "imprisoned"),
    **dict.fromkeys(("detainee",), "detained"),
}  # fmt: skip

# Causes of a death that is no violence: "died of a heart attack", "died from cancer". A
# death in custody of one stays a death a report may dispute; a bare "died" stays a killing.
NATURAL_CAUSES = frozenset(
    ("cancer", "illness", "disease", "causes", "stroke", "pneumonia", "age", "leukemia",
     "tumor", "tumour", "aids", "covid", "covid-19", "coronavirus", "virus", "flu",
     "influenza", "dementia", "alzheimer", "diabetes", "overdose", "aneurysm", "seizure"),
)  # fmt: skip
# "died of a heart attack": an attack only with these before it ("died from the attack" is
# the attack's death). Complications, infections and failures may follow a wound: not here.
NATURAL_ATTACKS = frozenset(("heart", "asthma", "panic"))

# Accidents of the road, rail and air, not violence: "killed in a car crash", "died in a
# collision". A bare "accident" only with a vehicle before it: "a hunting accident" is a gun's.
ACCIDENTS = frozenset(("crash", "collision", "wreck", "pileup", "derailment"))
# ... unless the sentence tells of violence: "killed in the crash after soldiers fired on the car".
CRASH_VIOLENCE = frozenset(
    ("shoot", "fire", "gunfire", "gunshot", "bullet", "gunman", "attack", "ambush", "bomb",
     "explosion", "blast", "missile", "shell", "shelling", "airstrike", "ram")
)  # fmt: skip
VEHICLES = frozenset(
    ("car", "traffic", "road", "vehicle", "auto", "automobile", "motorcycle", "motor", "bus",
     "truck", "train", "plane", "boating", "bike", "bicycle")
)  # fmt: skip
# What a person "struck by ..." on the road was struck by: "struck by a vehicle", "hit by a
# drunk driver".
ROAD_AGENTS = frozenset(
    ("car", "vehicle", "auto", "automobile", "motorcycle", "bus", "truck", "train", "suv",
     "van", "pickup", "sedan", "minivan", "taxi", "tram", "driver", "motorist")
)  # fmt: skip

# Words of custody: a death in their sentence is a death in custody, whatever its cause.
CUSTODY_WORDS = frozenset(
    ("custody", "prison", "jail", "detention", "cell", "inmate", "prisoner", "detainee",
     "arrest", "police", "guard", "interrogation", "camp")
)  # fmt: skip

# Nouns that carry a count for another word: "the death toll", "the number of those killed".
CARRIERS = frozenset(("toll", "number", "figure", "total", "count", "tally", "estimate", "sum"))

# Prepositional complements that make a neutral verb a category: "taken into custody".
COMPLEMENTS: dict[tuple[str, str], str] = {
    **dict.fromkeys((("into", "custody"), ("in", "custody"), ("in", "detention"),
                     ("under", "arrest"), ("into", "detention")), "detained"),
    **dict.fromkeys((("to", "prison"), ("in", "prison"), ("to", "jail"), ("in", "jail"),
                     ("behind", "bars")), "imprisoned"),
    **dict.fromkeys((("to", "death"),), "killed"),
    **dict.fromkeys((("on", "row"), ("under", "sentence")), "sentenced"),
}  # fmt: skip

# Verbs that put or keep people somewhere: only they make "in prison" a category.
PLACING = frozenset(
    ("hold", "keep", "remain", "be", "languish", "put", "place", "send", "take", "throw",
     "lock", "spend", "serve", "sit", "stay", "transfer", "move", "bring", "lead", "die",
     "shoot", "beat", "stab", "starve", "return", "land", "end", "get", "rot")
)  # fmt: skip

# Heads that make a violent verb or noun an intent, not an event: "an effort to kill himself",
# "attempted murders of five teenagers".
INTENT = frozenset(
    ("try", "attempt", "attempted", "plan", "threaten", "want", "effort", "intend", "seek", "mean",
     "vow", "plot", "conspire", "conspiracy", "threat", "bid", "intent", "intention")
)  # fmt: skip

# Adjectives that make an event a killing: "a fatal shooting", "the deadly attack".
FATAL_EVENT = frozenset(("fatal", "deadly", "lethal", "murderous"))

# Adverbs and complements that turn "shot" into a killing or an injury.
FATAL = frozenset(("fatally", "dead", "death", "mortally", "lethally"))
NONFATAL = frozenset(("non-fatally", "nonfatally", "injured", "wounded", "hurt"))

# The provisional category of a person shot, stabbed or wounded: injured in a document that
# reports no death, generic victims in one that does (the dead were shot too).
WOUNDED = "wounded?"

# Violent verbs that wound unless the text says the victim died ("was shot in the leg").
WOUNDING = frozenset(("shoot", "stab", "strike"))

# Who did the harm, named as such: "the gunman", "the suspect" (not "himself": a child who
# shot himself is the victim).
ASSAILANTS = frozenset(
    ("gunman", "gunmen", "shooter", "shooters", "suspect", "suspects", "attacker", "attackers",
     "assailant", "assailants", "robber", "robbers", "intruder", "intruders", "killer")
)  # fmt: skip

# What was fired at people who were "hit by" it: "hit by gunfire", "hit by a stray bullet".
PROJECTILES = frozenset(
    ("gunfire", "bullet", "round", "shot", "shrapnel", "pellet", "buckshot", "crossfire",
     "fire", "gunshot")
)  # fmt: skip

# Where a person is hit: "hit in the leg", "hit in his side".
BODY_PARTS = frozenset(
    ("head", "face", "neck", "chest", "back", "abdomen", "stomach", "torso", "side", "leg",
     "arm", "hand", "foot", "shoulder", "hip", "thigh", "knee", "ankle", "buttock", "groin",
     "wrist", "elbow", "jaw", "eye", "calf", "shin", "toe", "finger", "heel", "forearm")
)  # fmt: skip

# Violent verbs whose object is as often a thing or a country: "struck a deal", "hit Kerevo".
GLANCING = frozenset(("strike", "hit", "attack", "target", "affect", "harm"))

# Verbs that take people as object but only mean death with people: "lost 120,000 members".
LOSS = frozenset(("lose",))

# Counted nouns that are not people: counts of them are never casualty claims.
NOT_PEOPLE = frozenset(
    ("city", "town", "village", "province", "country", "state", "county", "district",
     "publication", "article", "report", "page", "book", "newspaper", "year", "month", "day",
     "hour", "minute", "second", "week", "decade", "time", "shot", "gunshot", "round", "bullet",
     "house", "home", "building", "car", "vehicle", "dollar", "percent", "mile", "kilometer",
     "kilometre", "branch", "attack", "incident", "shooting", "bombing", "explosion", "raid",
     "protest", "demonstration", "rally", "gun", "weapon", "rifle", "pistol", "firearm",
     "charge", "count", "session", "trial", "meeting", "event", "point", "degree",
     "acre", "ton", "pound", "share", "seat", "vote", "school", "site", "location", "place",
     "street", "block", "store", "shop", "business", "office", "camp", "facility", "cell",
     "grave", "game", "season", "episode", "story", "post", "photo", "video", "letter",
     "name", "list", "document", "file", "record", "law", "bill", "wound",
     # distances, parts of buildings and bodies, things and animals: "three doors away",
     # "hit in both legs", "two spent casings", "killed two dogs"
     "door", "floor", "room", "window", "wall", "step", "foot", "yard", "inch", "meter",
     "metre", "apartment", "lane", "road", "corner", "bus", "truck", "train", "plane", "boat",
     "bag", "box", "table", "bed", "chair", "leg", "arm", "hand", "finger", "bone", "organ",
     "part", "piece", "item", "casing", "magazine", "dog", "cat", "horse", "animal", "tree"),
)  # fmt: skip

# Singular nouns for one person: "a man was shot" is a claim of one.
PERSON_NOUNS = frozenset(
    ("man", "woman", "boy", "girl", "teen", "teenager", "child", "person", "officer",
     "student", "activist", "journalist", "victim", "prisoner", "resident", "driver",
     "mother", "father", "son", "daughter", "husband", "wife", "brother", "sister", "baby",
     "infant", "toddler", "protester", "worker", "employee", "individual", "youth", "juvenile",
     "adult", "pedestrian", "bystander", "passenger", "customer", "clerk", "guard", "deputy",
     "trooper", "teacher", "doctor", "nurse", "lawyer", "dissident", "blogger", "cleric",
     "farmer", "soldier", "civilian", "detainee", "inmate", "suspect", "gunman", "shooter",
     "demonstrator", "grandmother", "grandfather", "neighbor", "neighbour", "friend",
     "girlfriend", "boyfriend", "cousin", "uncle", "aunt", "nephew", "niece", "owner",
     "classmate", "colleague", "coworker", "co-worker", "relative", "sibling", "parent", "kid",
     "member", "male", "female", "hunter", "homeowner", "motorist", "cyclist", "roommate",
     "fiancee", "fiancé", "fiancée", "fiance", "stepson", "stepdaughter", "stepfather",
     "stepmother", "grandson", "granddaughter", "mom", "dad", "firefighter", "patron",
     "tenant", "shopper", "veteran"),
)  # fmt: skip

# Words of organisations and offices: a proper noun containing one is not a person's name.
ORGANISATION_WORDS = frozenset(
    ("ministry", "council", "party", "police", "department", "government", "court", "office",
     "organization", "organisation", "agency", "committee", "commission", "army", "guard",
     "guards", "force", "forces", "union", "association", "institute", "university", "news",
     "times", "post", "press", "tv", "radio", "network", "group", "center", "centre", "bureau",
     "service", "services", "authority", "assembly", "parliament", "regime", "republic",
     "county", "city", "state", "street", "avenue", "road", "square", "hospital", "school",
     "church", "mosque", "prison", "monitor", "watch", "amnesty", "international", "sheriff",
     "company", "inc", "corp", "club", "park", "mall", "station", "front", "movement",
     "alliance", "coalition", "federation", "league", "brigade", "militia", "foundation",
     "society", "fund", "trust", "initiative", "project", "campaign", "council"),
)  # fmt: skip

MONTHS = frozenset(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
     "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday", "today", "yesterday", "tonight", "night", "morning")
)  # fmt: skip
