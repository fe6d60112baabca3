"""Gun Violence Archive: named people against the incidents' participants (issue 20).

Per article. The gold people of an article are the named participants of its incident(s)
whose surname the article's text contains (an article can only be expected to name whom it
names). Our people are the article's document persons with a name
(`victim_records.victim_mentions` grouped by `link.victims.document_persons`).

- Named victims: a gold victim is a participant of type Victim, or any participant Killed or
  Injured (a suspect shot dead is a person killed); ours are persons whose fate is a harm
  (killed, executed, injured, tortured). Precision counts ours that match a gold victim of
  the article; recall counts gold victims matched.
- Fate accuracy: over matched victims, our fate (killed/executed -> Killed, injured ->
  Injured, arrested/detained/sentenced -> Arrested) is among the participant's statuses.
- Suspects: gold are participants of type Subject-Suspect not Killed or Injured; ours are
  persons whose fate is arrested, detained or sentenced.
- Linking: every document person of the scored articles is linked by `link.victims`
  (splink); over the pairs of matched persons in different articles, a pair is gold-linked
  when both match the same participant of the same incident, predicted-linked when both are
  in one victim. Pairwise precision, recall and F1.

A name matches a participant's when their surnames agree after `person_names` folding and
their given names agree (equal, one a prefix of the other, or one side has none).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from typing import Any

from rapidfuzz.distance import JaroWinkler

from tolltrace.evaluate.datasets import GvaGold, Participant
from tolltrace.evaluate.metrics import Row, ratio
from tolltrace.extract.victim_records import victim_mentions
from tolltrace.link.events import LinkDocument
from tolltrace.link.person_names import name_words
from tolltrace.link.victims import DocumentPerson, document_persons, link_victims

_HARM = frozenset(("killed", "executed", "injured", "tortured"))
_HELD = frozenset(("arrested", "detained", "sentenced"))
_STATUS = {
    "killed": "Killed", "executed": "Killed", "injured": "Injured", "tortured": "Injured",
    "arrested": "Arrested", "detained": "Arrested", "sentenced": "Arrested",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PRCounts:
    predicted: int
    gold: int
    matched_predicted: int
    matched_gold: int

    @property
    def precision(self) -> float | None:
        return ratio(self.matched_predicted, self.predicted)

    @property
    def recall(self) -> float | None:
        return ratio(self.matched_gold, self.gold)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    def to_json(self) -> dict[str, Any]:
        return {
            "predicted": self.predicted,
            "gold": self.gold,
            "matched_predicted": self.matched_predicted,
            "matched_gold": self.matched_gold,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class PeopleReport:
    victims: PRCounts
    suspects: PRCounts
    fate_matched: int
    fate_correct: int
    linking: PRCounts  # pairs: predicted-linked, gold-linked, correct (twice)
    errors: tuple[dict[str, Any], ...] = ()  # misses and false persons, for the tune part

    @property
    def fate_accuracy(self) -> float | None:
        return ratio(self.fate_correct, self.fate_matched)

    def rows(self) -> list[Row]:
        return [
            ("named victims: ours / gold", f"{self.victims.predicted} / {self.victims.gold}", None),
            ("named-victim precision", self.victims.precision, None),
            ("named-victim recall", self.victims.recall, None),
            ("named-victim F1", self.victims.f1, 0.85),
            ("fate accuracy", self.fate_accuracy, 0.90),
            ("suspects: ours / gold", f"{self.suspects.predicted} / {self.suspects.gold}", None),
            ("suspect precision", self.suspects.precision, None),
            ("suspect recall", self.suspects.recall, None),
            ("suspect F1", self.suspects.f1, 0.75),
            ("person linking pairwise precision", self.linking.precision, None),
            ("person linking pairwise recall", self.linking.recall, None),
            ("person linking pairwise F1", self.linking.f1, 0.90),
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "victims": self.victims.to_json(),
            "suspects": self.suspects.to_json(),
            "fate_matched": self.fate_matched,
            "fate_correct": self.fate_correct,
            "fate_accuracy": self.fate_accuracy,
            "linking_pairs": self.linking.to_json(),
        }


def names_match(ours: str, theirs: str) -> bool:
    mine, gold = name_words(ours), name_words(theirs)
    if not mine or not gold:
        return False
    if len(mine) == 1 or len(gold) == 1:  # a surname alone, or a child's given name alone
        alone, full = (mine, gold) if len(mine) == 1 else (gold, mine)
        return alone[0] in (full[-1], full[0])
    if mine[-1] != gold[-1]:
        return False
    first, other = mine[0], gold[0]
    return (
        first.startswith(other)
        or other.startswith(first)
        or JaroWinkler.similarity(first, other) >= 0.85
    )


def _mentioned(participant: Participant, folded_text: str) -> bool:
    """The article names the participant: their surname, or their given name, is in it."""
    words = name_words(participant.name or "")
    if not words:
        return False
    return any(
        re.search(rf"\b{re.escape(word)}\b", folded_text) is not None
        for word in {words[-1], words[0]}
        if len(word) > 2
    )


def _folded(text: str) -> str:
    return " ".join(name_words(text))


def score_people(
    gold: GvaGold,
    linked: Mapping[str, LinkDocument],
    main_event: Mapping[str, str],
) -> PeopleReport:
    persons_of: dict[str, list[DocumentPerson]] = {}
    for doc, document in linked.items():
        if doc not in gold.article_incidents:
            continue
        mentions = victim_mentions(document.claims, document.text, document=doc, uri=doc)
        event = main_event.get(doc)
        if event is not None:
            mentions = [replace(m, event=event) for m in mentions]
        persons_of[doc] = [p for p in document_persons(mentions) if p.name]
    victims = [0, 0, 0, 0]
    suspects = [0, 0, 0, 0]
    fate_matched = fate_correct = 0
    errors: list[dict[str, Any]] = []
    matched_to: dict[str, tuple[str, int]] = {}  # person id -> (incident, participant index)
    for doc, persons in persons_of.items():
        text = _folded(linked[doc].text)
        people = [
            (incident, index, participant)
            for incident in gold.article_incidents[doc]
            for index, participant in enumerate(gold.incidents[incident].participants)
            if participant.name and _mentioned(participant, text)
        ]
        gold_victims = [p for p in people if _harmed(p[2])]
        gold_suspects = [p for p in people if not _harmed(p[2]) and "Suspect" in p[2].type]
        ours_victims = [p for p in persons if _fate(p) in _HARM]
        ours_suspects = [p for p in persons if _fate(p) in _HELD]
        for person in persons:  # linking: any named participant of the article
            hit = _match(person, people)
            if hit is not None:
                matched_to[person.id] = (hit[0], hit[1])
        pairs = _pair_up(ours_victims, gold_victims)
        victims[0] += len(ours_victims)
        victims[1] += len(gold_victims)
        victims[2] += len(pairs)
        victims[3] += len(pairs)
        for person, (_, _, participant) in pairs:
            fate_matched += 1
            fate_correct += _STATUS[_fate(person)] in participant.statuses
            if _STATUS[_fate(person)] not in participant.statuses:
                errors.append(_error(doc, "fate", person, participant))
        paired = {id(p) for p, _ in pairs}
        gold_paired = {(g[0], g[1]) for _, g in pairs}
        errors += [
            _error(doc, "false victim", p, None) for p in ours_victims if id(p) not in paired
        ]
        errors += [
            _error(doc, "missed victim", None, g[2])
            for g in gold_victims
            if (g[0], g[1]) not in gold_paired
        ]
        spairs = _pair_up(ours_suspects, gold_suspects)
        suspects[0] += len(ours_suspects)
        suspects[1] += len(gold_suspects)
        suspects[2] += len(spairs)
        suspects[3] += len(spairs)
    linking = _linking(persons_of, matched_to)
    return PeopleReport(
        PRCounts(*victims), PRCounts(*suspects), fate_matched, fate_correct, linking,
        tuple(errors),
    )  # fmt: skip


def _harmed(participant: Participant) -> bool:
    return (
        participant.type == "Victim"
        or "Killed" in participant.statuses
        or "Injured" in participant.statuses
    )


def _fate(person: DocumentPerson) -> str:
    from tolltrace.extract.victim_records import GRAVITY

    return min((m.fate for m in person.mentions), key=GRAVITY.index)


def _match(
    person: DocumentPerson, people: Sequence[tuple[str, int, Participant]]
) -> tuple[str, int, Participant] | None:
    name = person.name or ""
    for item in people:
        if names_match(name, item[2].name or ""):
            return item
    return None


def _pair_up(
    ours: Sequence[DocumentPerson], gold: Sequence[tuple[str, int, Participant]]
) -> list[tuple[DocumentPerson, tuple[str, int, Participant]]]:
    """One-to-one: each of ours takes the first unmatched gold person its name matches."""
    taken: set[tuple[str, int]] = set()
    pairs = []
    for person in ours:
        for item in gold:
            if (item[0], item[1]) in taken or not names_match(
                person.name or "", item[2].name or ""
            ):
                continue
            taken.add((item[0], item[1]))
            pairs.append((person, item))
            break
    return pairs


def _linking(
    persons_of: Mapping[str, Sequence[DocumentPerson]], matched_to: Mapping[str, tuple[str, int]]
) -> PRCounts:
    persons = [p for ps in persons_of.values() for p in ps if p.id in matched_to]
    if len(persons) < 2:
        return PRCounts(0, 0, 0, 0)
    victims = link_victims([m for p in persons for m in p.mentions])
    cluster = {m.id: v.id for v in victims for m in v.mentions}
    predicted = gold_links = correct = 0
    for a, b in combinations(persons, 2):
        if a.mentions[0].document == b.mentions[0].document:
            continue
        ours = cluster[a.id] == cluster[b.id]
        theirs = matched_to[a.id] == matched_to[b.id]
        predicted += ours
        gold_links += theirs
        correct += ours and theirs
    return PRCounts(predicted, gold_links, correct, correct)


def _error(
    doc: str, kind: str, person: DocumentPerson | None, participant: Participant | None
) -> dict[str, Any]:
    return {
        "document": doc,
        "kind": kind,
        "ours": None if person is None else person.name,
        "our_fate": None if person is None else _fate(person),
        "gold": None if participant is None else participant.name,
        "gold_status": None if participant is None else list(participant.statuses),
        "gold_type": None if participant is None else participant.type,
    }
