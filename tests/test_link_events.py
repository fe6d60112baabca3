"""Event linking across documents: fictional reports of fictional incidents in fictional towns."""

from __future__ import annotations

import re
from dataclasses import replace

from tolltrace.link.event_claims import OTHER, STATISTIC, assign_slots, is_statistic
from tolltrace.link.event_cluster import UnionFind, average_linkage
from tolltrace.link.event_names import named_mentions
from tolltrace.link.events import LinkDocument, link_events, main_events
from tolltrace.model import Claim, Event


def claim(
    doc: str,
    text: str,
    phrase: str,
    category: str,
    low: int,
    when: str | None = None,
    where: str | None = None,
) -> Claim:
    """A claim on the first occurrence of `phrase` in `text`, its sentence cut at full stops."""
    start = text.index(phrase)
    end = start + len(phrase)
    stop_before = text.rfind(". ", 0, start)
    first = max(stop_before + 2 if stop_before != -1 else 0, text.rfind("\n", 0, start) + 1)
    stop = text.find(".", end)
    sentence = text[first : stop + 1 if stop != -1 else len(text)]
    return Claim(
        id=f"{doc}:{start}:{category}",
        document=doc,
        uri=f"fiction://{doc}",
        text=phrase,
        sentence=sentence,
        start=start,
        end=end,
        raw_start=start,
        raw_end=end,
        low=low,
        high=low,
        qualifier="exact",
        category=category,
        subject="people",
        when=when,
        where=where,
    )


def document(
    doc: str, published: str, title: str | None, text: str, *claims: Claim
) -> LinkDocument:
    return LinkDocument(doc, f"fiction://{doc}", title, published, text, tuple(claims))


TAVERN_FIRST = (
    "KEREVO — Two people were killed and one was injured when a gunman opened fire outside the "
    "Alder Tavern on Dunmore Street late Monday, police said. The victims were identified as "
    "Tomas Varnell, 34, and Ilsa Brandt, 29. Detective Maren Holt said the suspect fled in a "
    "grey van and asked witnesses to call the Kerevo police."
)
TAVERN_LATER = (
    "A third person has died after the shooting outside the Alder Tavern in Kerevo, Detective "
    "Maren Holt said on Thursday. Tomas Varnell and Ilsa Brandt died at the scene on Dunmore "
    "Street; Pell Quinton, 41, died in hospital. Three people were killed in all."
)
LISK_ROAD = (
    "BRAVELLE — A man was wounded in a shooting on Lisk Road in Bravelle on Monday night, "
    "Sergeant Oda Fenwick said. The victim, Corin Maddox, 22, was taken to Saint Aurel "
    "Hospital, where he was in stable condition."
)
HARROW_PARK = (
    "TELLIN — A woman was killed in Harrow Park in Tellin on Monday, Chief Aldo Ressler said. "
    "She was named as Wren Okafor, 51. Officers searched the park for a gunman. "
    "Police said 344 people were killed in the city last year."
)


def shootings() -> list[LinkDocument]:
    return [
        document(
            "tavern-1", "2031-03-04", "Two killed in Dunmore Street shooting", TAVERN_FIRST,
            claim("tavern-1", TAVERN_FIRST, "Two people were killed", "killed", 2, "2031-03-03"),
            claim("tavern-1", TAVERN_FIRST, "one was injured", "injured", 1, "2031-03-03"),
        ),
        document(
            "tavern-2", "2031-03-07", "Third victim dies after Alder Tavern shooting",
            TAVERN_LATER,
            claim("tavern-2", TAVERN_LATER, "Three people were killed", "killed", 3),
        ),
        document(
            "lisk", "2031-03-04", "Man wounded in Lisk Road shooting", LISK_ROAD,
            claim("lisk", LISK_ROAD, "A man was wounded", "injured", 1, "2031-03-03"),
        ),
        document(
            "harrow", "2031-03-04", "Woman killed at Harrow Park", HARROW_PARK,
            claim("harrow", HARROW_PARK, "A woman was killed", "killed", 1, "2031-03-03"),
            claim("harrow", HARROW_PARK, "344 people were killed", "killed", 344, "2030"),
        ),
    ]  # fmt: skip


def main_event_of(events: list[Event], doc: str) -> Event:
    main = main_events(events)
    return next(event for event in events if event.id == main[doc])


def test_two_outlets_days_apart_with_different_counts_link() -> None:
    events = link_events(shootings())
    tavern = main_event_of(events, "tavern-1")
    assert main_events(events)["tavern-2"] == tavern.id
    assert tavern.documents == ("tavern-1", "tavern-2")
    assert len(tavern.claims) == 3
    assert tavern.when == "2031-03-03" and tavern.type == "killed"
    assert any("tavern-1 ~ tavern-2" in line and "alder" in line for line in tavern.evidence)


def test_incidents_on_the_same_day_in_other_towns_stay_apart() -> None:
    events = link_events(shootings())
    main = main_events(events)
    assert len({main["tavern-1"], main["lisk"], main["harrow"]}) == 3
    lisk = main_event_of(events, "lisk")
    assert lisk.documents == ("lisk",) and lisk.label.startswith("injured")


def test_an_aggregate_statistic_is_not_the_incident() -> None:
    docs = shootings()
    events = link_events(docs)
    harrow = main_event_of(events, "harrow")
    statistic = next(c for c in docs[3].claims if c.low == 344)
    assert statistic.id not in harrow.claims
    assert all(statistic.id not in event.claims for event in events)
    assert is_statistic(statistic)
    assert assign_slots(HARROW_PARK, "2031-03-04", docs[3].claims).slots[statistic.id] == STATISTIC


def test_every_document_with_a_claim_has_one_main_event() -> None:
    events = link_events(shootings())
    main = main_events(events)
    assert set(main) == {"tavern-1", "tavern-2", "lisk", "harrow"}
    leads = [doc for event in events for doc in event.leads]
    assert len(leads) == len(set(leads))


def test_ids_are_stable_whatever_the_input_order() -> None:
    docs = shootings()
    first = link_events(docs)
    again = link_events(list(reversed(docs)))
    assert first == again
    assert [e.id for e in first] == sorted(e.id for e in first)
    assert all(re.fullmatch(r"[0-9a-f]{24}", e.id) for e in first)


ANNIVERSARY = (
    "Survivors of the 2029 massacre gathered in Port Elsin on Sunday. Between May and June of "
    "2029, guards executed at least 400 prisoners, monitors say. Separately, a journalist was "
    "arrested on Friday."
)
REPORT = (
    "A new report on the massacre of 2029 says that more than 450 prisoners were executed. "
    "The authors also recall the Harbour Square killings."
)
FOLLOW_UP = "Families asked again for the truth about the Harbour Square massacre."


def named_documents() -> list[LinkDocument]:
    return [
        document(
            "anniversary", "2033-06-02", None, ANNIVERSARY,
            claim("anniversary", ANNIVERSARY, "executed at least 400 prisoners", "executed", 400),
            claim("anniversary", ANNIVERSARY, "a journalist was arrested", "arrested", 1,
                  "2033-05-31"),
        ),
        document(
            "report", "2034-01-15", None, REPORT,
            claim("report", REPORT, "more than 450 prisoners were executed", "executed", 450),
        ),
        document("follow-up", "2035-02-01", None, FOLLOW_UP),
    ]  # fmt: skip


def test_a_named_event_links_documents_however_it_is_written() -> None:
    events = link_events(named_documents())
    massacre = next(e for e in events if e.when == "2029")
    assert massacre.documents == ("anniversary", "report")
    assert massacre.type == "massacre" and massacre.name == "the 2029 massacre"
    assert len(massacre.claims) == 2  # the year in the sentence points to the name
    main = main_events(events)
    assert main["report"] == massacre.id
    assert main["anniversary"] != massacre.id or len(massacre.claims) == 2
    square = next(e for e in events if e.name and "Harbour Square" in e.name)
    assert square.documents == ("follow-up", "report") and square.claims == ()


def test_a_claim_dated_otherwise_is_not_put_in_the_named_event() -> None:
    events = link_events(named_documents())
    arrest = "anniversary:" + str(ANNIVERSARY.index("a journalist was arrested")) + ":arrested"
    massacre = next(e for e in events if e.when == "2029")
    assert arrest not in massacre.claims
    assert any(arrest in e.claims for e in events)


def test_named_mentions_normalise_the_ways_of_writing_a_name() -> None:
    keys = {
        m.key
        for text in (
            "the 1988 massacre",
            "the massacre of 1988",
            "during the massacre in 1988 ...",
            "The Massacre", "the killings of 1988",
        )
        for m in named_mentions(text)
    }  # fmt: skip
    assert keys == {"massacre|1988"}
    (uprising,) = named_mentions("After the November uprisings, ...", "2019-12-06")
    assert uprising.key == "protests|2019-11" and uprising.when == "2019-11"
    (january,) = named_mentions("since the January protests", "2020-11-02")
    assert january.key == "protests|2020-01"
    (bombing,) = named_mentions("the anniversary of the AMIA bombing")
    assert bombing.key == "bombing|amia"
    assert named_mentions("after the Chicago shooting and the Monday attack") == []


def test_average_linkage_does_not_chain() -> None:
    # 0~1 and 1~2 are strong, 0~2 is unrelated: single linkage would chain all three.
    scores = {(0, 1): 50.0, (1, 2): 30.0, (0, 2): -40.0}
    assert average_linkage(3, scores, 12.0) == [0, 0, 2]
    assert average_linkage(3, {(0, 1): 50.0, (1, 2): 30.0, (0, 2): 20.0}, 12.0) == [0, 0, 0]


def test_union_find_groups() -> None:
    sets = UnionFind(["a", "b", "c", "d"])
    sets.union("a", "b")
    sets.union("c", "d")
    sets.union("b", "d")
    assert sorted(len(group) for group in sets.groups().values()) == [4]


def test_empty_input_gives_no_events() -> None:
    assert link_events([]) == []
    calls: list[tuple[int, int]] = []
    link_events(shootings(), progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (5, 5)


ROUNDUP = (
    "A woman was shot dead outside a bakery on Corve Lane on Sunday, Tarnwick police said. "
    "Seven other people were wounded in separate shootings across Tarnwick on Sunday. "
    "Two men were hurt in Tarnwick shootings overnight. "
    "The shootings on Corve Lane began at noon, and a bystander was wounded there too. "
    "Two farmhands lost their lives in unrelated knife-related incidents near Tarnwick."
)


def test_a_roundup_of_several_shootings_is_a_statistic() -> None:
    dead = claim("r", ROUNDUP, "A woman was shot dead", "killed", 1, "2031-03-02")
    separate = claim("r", ROUNDUP, "Seven other people were wounded", "injured", 7, "2031-03-02")
    overnight = claim("r", ROUNDUP, "Two men were hurt", "injured", 2)
    bystander = claim("r", ROUNDUP, "a bystander was wounded", "injured", 1)
    teenagers = claim("r", ROUNDUP, "Two farmhands lost their lives", "killed", 2)
    found = assign_slots(ROUNDUP, "2031-03-03", [dead, separate, overnight, bystander, teenagers])
    slots = found.slots
    assert slots[separate.id] == slots[overnight.id] == slots[teenagers.id] == STATISTIC
    # "the shootings" of one incident's volley is no roundup
    assert slots[dead.id] == slots[bystander.id] == "main"


SUMMED = (
    "A man was shot dead outside his home on Alder Row on Saturday, while four other residents "
    "were wounded in shootings in the city from Saturday into Sunday, Tarnwick police said. "
    "Six people were hurt in gun violence in the county over the weekend. "
    "Nine were killed in Tarnwick in March alone. "
    "Two students were wounded during a violent weekend in the north. "
    "In the past three weeks, five children have been shot in Tarnwick. "
    "Three people were shot in a two-hour span on Sunday. "
    "Some 240 residents were hurt in those attacks over the year. "
    "A neighbour was wounded in the attack on Alder Row."
)


def test_counts_summed_over_several_incidents_are_statistics() -> None:
    dead = claim("s", SUMMED, "A man was shot dead", "killed", 1, "2031-03-01")
    summed = [
        claim("s", SUMMED, "four other residents were wounded", "injured", 4, "2031-03-01"),
        claim("s", SUMMED, "Six people were hurt", "injured", 6),
        claim("s", SUMMED, "Nine were killed", "killed", 9, "2031-03"),
        claim("s", SUMMED, "Two students were wounded", "injured", 2),
        claim("s", SUMMED, "five children have been shot", "injured", 5),
        claim("s", SUMMED, "Three people were shot", "injured", 3, "2031-03-02"),
        claim("s", SUMMED, "Some 240 residents were hurt", "injured", 240),
    ]
    neighbour = claim("s", SUMMED, "A neighbour was wounded", "injured", 1)
    slots = assign_slots(SUMMED, "2031-03-03", [dead, *summed, neighbour]).slots
    assert [slots[c.id] for c in summed] == [STATISTIC] * len(summed)
    # the count before "while ... in shootings" and "the attack" (one incident) stay the lead's
    assert slots[dead.id] == slots[neighbour.id] == "main"


CITYWIDE = (
    "A baker was shot dead on Corve Lane on Sunday, Tarnwick police said. "
    "Nine people were shot in Tarnwick in about six hours. "
    "Eleven people were hurt during a violent Sunday night in the city. "
    "Five men were wounded on the North and East sides on Sunday."
)


def test_a_citywide_tally_over_hours_or_sides_is_a_statistic() -> None:
    baker = claim("w", CITYWIDE, "A baker was shot dead", "killed", 1, "2031-03-02")
    tallies = [
        claim("w", CITYWIDE, "Nine people were shot", "injured", 9, "2031-03-02"),
        claim("w", CITYWIDE, "Eleven people were hurt", "injured", 11, "2031-03-02"),
        claim("w", CITYWIDE, "Five men were wounded", "injured", 5, "2031-03-02"),
    ]
    slots = assign_slots(CITYWIDE, "2031-03-03", [baker, *tallies]).slots
    assert [slots[c.id] for c in tallies] == [STATISTIC] * len(tallies)
    assert slots[baker.id] == "main"


COORDINATED = (
    "A grocer was shot dead on Alder Row on Saturday, Tarnwick police said. "
    "Three people were killed, including a nurse, and nine others were wounded in shootings "
    "from Friday to Sunday. "
    "Two porters were hurt on Alder Row and a van was set alight, while a guard was wounded "
    "in shootings elsewhere."
)


def test_a_count_coordinated_with_one_in_shootings_sums_them_too() -> None:
    grocer = claim("c", COORDINATED, "A grocer was shot dead", "killed", 1, "2031-03-01")
    killed = claim("c", COORDINATED, "Three people were killed", "killed", 3, "2031-03-01")
    wounded = claim("c", COORDINATED, "nine others were wounded", "injured", 9, "2031-03-01")
    porters = claim("c", COORDINATED, "Two porters were hurt", "injured", 2, "2031-03-01")
    slots = assign_slots(COORDINATED, "2031-03-02", [grocer, killed, wounded, porters]).slots
    assert slots[killed.id] == slots[wounded.id] == STATISTIC
    # "while" opens another clause: its shootings are not the porters'
    assert slots[grocer.id] == slots[porters.id] == "main"


PAST_DAYS = (
    "Three children have been shot across the county in the past four days, two fatally. "
    "A boy who was shot earlier this month has died, police said."
)


def test_a_count_over_several_days_is_a_statistic_but_one_person_is_an_incident() -> None:
    summed = claim("p", PAST_DAYS, "Three children have been shot", "victims", 3,
                   "2031-02-26/2031-03-02")  # fmt: skip
    boy = claim("p", PAST_DAYS, "A boy who was shot earlier this month has died", "killed", 1,
                "2031-03-01/2031-03-02")  # fmt: skip
    slots = assign_slots(PAST_DAYS, "2031-03-02", [summed, boy]).slots
    assert slots[summed.id] == STATISTIC
    assert slots[boy.id] != STATISTIC


def test_a_count_dated_over_years_is_a_statistic_but_a_season_may_be_an_event() -> None:
    text = "Between January 2026 and August 2029, 70 people were killed. In summer 1988 40 died."
    years = claim("y", text, "70 people were killed", "killed", 70, "2026-01/2029-08")
    summer = claim("y", text, "40 died", "killed", 40, "1988-06/1988-08")
    assert is_statistic(years)
    assert not is_statistic(summer)


RECALLED = (
    "Five dockers were wounded outside a bar on Harbour Street in Kerevo early Sunday. "
    "In August, a cyclist was gunned down in a car park two blocks away. "
    "Two weeks ago, two students were killed in a crash on the ring road."
)


def test_a_count_dated_to_another_month_is_another_incident() -> None:
    four = claim("r", RECALLED, "Five dockers were wounded", "victims", 5, "2031-11-23")
    august = claim("r", RECALLED, "a cyclist was gunned down", "killed", 1, "2031-08")
    found = assign_slots(RECALLED, "2031-11-24", [four, august])
    assert found.slots[four.id] == "main"
    assert found.slots[august.id] == "side:2031-08"
    # a month that holds the lead's day may be the lead itself
    november = claim("r", RECALLED, "a cyclist was gunned down", "killed", 1, "2031-11")
    assert assign_slots(RECALLED, "2031-11-24", [four, november]).slots[november.id] == "main"


def test_the_lead_is_the_latest_news_not_the_first_date() -> None:
    # the earlier incident comes first in this text: the recent one still leads
    text = RECALLED.split(". ")[2] + " " + RECALLED.split(". ")[0] + "."
    earlier = claim("r", text, "two students were killed", "killed", 2, "2031-11-10")
    four = claim("r", text, "Five dockers were wounded", "victims", 5, "2031-11-23")
    found = assign_slots(text, "2031-11-24", [earlier, four])
    assert found.lead_day is not None and found.lead_day.isoformat() == "2031-11-23"
    assert found.slots[four.id] == "main"
    assert found.slots[earlier.id] == "side:2031-11-10"
    # published long after both, the report leads with the first dated count
    assert assign_slots(text, "2032-03-01", [earlier, four]).slots[earlier.id] == "main"


DISTANCE = (
    "Two dockers were shot dead on Harbour Street in Kerevo on Sunday. "
    "The attack came ten days after a gunman killed five guards at a depot in Tarnwick. "
    "Another shooting in Kerevo just 24 hours later left three porters wounded, two days after "
    "four nurses were hurt in a blast. "
    "Two days after the shooting, a third docker died. "
    "A year earlier, a cyclist was gunned down on the same street. "
    "Mourners recalled a clerk who died in a previous attack on the depot. "
    "Two years after six people were shot dead at a bar, a Kerevo man was charged."
)


def test_an_incident_told_by_its_distance_from_another_is_another_incident() -> None:
    lead = claim("d", DISTANCE, "Two dockers were shot dead", "killed", 2, "2031-03-02")
    others = [
        claim("d", DISTANCE, "killed five guards", "killed", 5),
        claim("d", DISTANCE, "four nurses were hurt", "injured", 4),
        claim("d", DISTANCE, "a cyclist was gunned down", "killed", 1),
        claim("d", DISTANCE, "a clerk who died", "killed", 1),
    ]
    third = claim("d", DISTANCE, "a third docker died", "killed", 1)
    # "Two years after ..., a man was charged": the distance is the charge's, not a shooting's
    charged = claim("d", DISTANCE, "six people were shot dead", "killed", 6)
    found = assign_slots(DISTANCE, "2031-03-03", [lead, *others, third, charged])
    assert all(found.slots[c.id].startswith(f"side:{OTHER}") for c in others)
    assert len({found.slots[c.id] for c in others}) == 4  # one incident per sentence
    assert found.slots[lead.id] == found.slots[third.id] == found.slots[charged.id] == "main"


def test_another_incident_is_an_event_of_its_own_without_a_date() -> None:
    lead = claim("d", DISTANCE, "Two dockers were shot dead", "killed", 2, "2031-03-02")
    guards = claim("d", DISTANCE, "killed five guards", "killed", 5)
    document = LinkDocument(
        "d", "fiction://d", "Dockers shot", "2031-03-03", DISTANCE, (lead, guards)
    )
    events = link_events([document])
    (side,) = [e for e in events if guards.id in e.claims]
    assert lead.id not in side.claims
    assert side.when is None and "d" not in side.leads


UNDATED_LEAD = (
    "Four dockers have been shot at a bar on Harbour Street in Kerevo. "
    "In August, a guard and three members of his family were found dead near the quay."
)
CHARGED = (
    "Three porters were charged in a July 2030 shooting on Harbour Street that left a boy dead. "
    "The boy's death shook the street."
)


def test_a_month_past_after_an_undated_lead_is_another_incident() -> None:
    dockers = claim("u", UNDATED_LEAD, "Four dockers have been shot", "victims", 4)
    august = claim("u", UNDATED_LEAD, "a guard and three members of his family were found dead",
                   "killed", 4, "2031-08")  # fmt: skip
    slots = assign_slots(UNDATED_LEAD, "2032-03-26", [dockers, august]).slots
    assert slots[dockers.id] == "main"
    assert slots[august.id] == "side:2031-08"
    # a report that opens with the month follows that incident up: it is the lead
    boy = claim("f", CHARGED, "left a boy dead", "killed", 1, "2030-07")
    death = claim("f", CHARGED, "The boy's death", "killed", 1)
    slots = assign_slots(CHARGED, "2031-10-01", [boy, death]).slots
    assert slots[boy.id] == slots[death.id] == "main"


TALLIES = (
    "A porter was shot dead on Harbour Street on Sunday, Kerevo police said. "
    "Five porters died after a series of night shootings in Kerevo. "
    "Gunfire left six other porters hurt at four separate bloody scenes. "
    "Two people were hurt in a shooting that spread to two different scenes."
)


def test_a_series_of_shootings_and_separate_scenes_are_statistics() -> None:
    porter = claim("t", TALLIES, "A porter was shot dead", "killed", 1, "2031-03-02")
    tallies = [
        claim("t", TALLIES, "Five porters died", "killed", 5),
        claim("t", TALLIES, "six other porters hurt", "injured", 6),
    ]
    one_shooting = claim("t", TALLIES, "Two people were hurt", "injured", 2)
    slots = assign_slots(TALLIES, "2031-03-03", [porter, *tallies, one_shooting]).slots
    assert [slots[c.id] for c in tallies] == [STATISTIC] * len(tallies)
    assert slots[porter.id] == slots[one_shooting.id] == "main"


SEPARATELY = (
    "Two dockers were shot dead on Harbour Street in Kerevo on Sunday. "
    "Separately, a guard was stabbed to death near the depot. "
    "In another shooting, three porters were wounded."
)
MEANWHILE = (
    "A nurse was wounded on Harbour Street in Kerevo on Sunday. "
    "Meanwhile, a clerk was fatally shot in Tarnwick. "
    "He died at the depot gate. "
    "She was taken to Kerevo General in fair condition."
)


def test_a_pronoun_right_after_another_incident_is_its_person() -> None:
    nurse = claim("m", MEANWHILE, "A nurse was wounded", "injured", 1, "2031-03-02")
    clerk = claim("m", MEANWHILE, "a clerk was fatally shot", "killed", 1)
    dead = replace(claim("m", MEANWHILE, "He died at the depot gate", "killed", 1), subject="He")
    she = replace(
        claim("m", MEANWHILE, "She was taken to Kerevo General", "injured", 1), subject="She"
    )
    slots = assign_slots(MEANWHILE, "2031-03-03", [nurse, clerk, dead, she]).slots
    assert slots[nurse.id] == "main"
    assert slots[clerk.id].startswith(f"side:{OTHER}")
    assert slots[dead.id] == slots[clerk.id]
    # "she" is not the man just counted dead: the nurse, the lead's
    assert slots[she.id] == "main"


def test_a_separate_incident_is_another_incident() -> None:
    lead = claim("s", SEPARATELY, "Two dockers were shot dead", "killed", 2, "2031-03-02")
    guard = claim("s", SEPARATELY, "a guard was stabbed to death", "killed", 1)
    porters = claim("s", SEPARATELY, "three porters were wounded", "injured", 3)
    slots = assign_slots(SEPARATELY, "2031-03-03", [lead, guard, porters]).slots
    assert slots[lead.id] == "main"
    assert slots[guard.id].startswith(f"side:{OTHER}")
    assert slots[porters.id].startswith(f"side:{OTHER}")


def test_a_part_of_the_victims_takes_their_slot() -> None:
    text = (
        "Eleven people were shot in separate shootings across Kerevo. "
        "Three of those victims died, police said."
    )
    shot = claim("v", text, "Eleven people were shot", "victims", 11, "2031-02-28")
    died = claim("v", text, "Three of those victims died", "killed", 3)
    slots = assign_slots(text, "2031-03-01", [shot, died]).slots
    assert slots[shot.id] == slots[died.id] == STATISTIC


RELATED = (
    "Kerevo Evening Post\n"
    "Two dockers shot dead on Harbour Street\n"
    "Two dockers were shot dead on Harbour Street in Kerevo on Sunday, police said. "
    "The gunman fled on foot and has not been found, and the street stayed closed until noon "
    "while officers searched the depot, the warehouses and the yards along the quay for him. "
    "Neighbours said the shots woke them before dawn and that they had feared the worst.\n"
    "Related stories\n"
    "Up to 40 feared dead in warehouse fire in Tarnwick\n"
    "3 dead, dozens hurt as ferry sinks off Arlen A ferry sinking killed three porters and "
    "left dozens of clerks hurt on their way to the coast on Sunday, closing the port for…\n"
    "UPDATE: third docker dies after Harbour Street shooting\n"
    "Harbour Street dockers remembered at vigil, two dead\n"
    "REPORT OF SHOTS FIRED LEADS TO TWO FATALITIES\n"
)


def _on_its_line(phrase: str, category: str, low: int) -> Claim:
    found = claim("h", RELATED, phrase, category, low)
    first = RELATED.rfind("\n", 0, found.start) + 1
    return replace(found, sentence=RELATED[first : RELATED.index("\n", found.start)])


def test_another_story_s_headline_below_the_report_is_another_incident() -> None:
    title = "Two dockers shot dead on Harbour Street"
    lead = claim("h", RELATED, "Two dockers were shot dead", "killed", 2)
    fire = _on_its_line("Up to 40 feared dead", "killed", 40)
    teaser = _on_its_line("killed three porters", "killed", 3)
    update = _on_its_line("third docker dies", "killed", 1)
    vigil = _on_its_line("two dead", "killed", 2)
    caption = _on_its_line("TWO FATALITIES", "killed", 2)
    own = _on_its_line("Two dockers shot dead", "killed", 2)  # the title, at the top
    claims = [own, lead, fire, teaser, update, vigil, caption]
    slots = assign_slots(RELATED, "2031-03-03", claims, title).slots
    assert slots[fire.id].startswith(f"side:{OTHER}")
    assert slots[teaser.id].startswith(f"side:{OTHER}")  # a teaser cut off by an ellipsis
    # an update, a headline sharing the title's names, a caption in capitals, the title itself
    assert {slots[c.id] for c in (own, lead, update, vigil, caption)} == {"main"}
    # without the title the lines are not judged
    assert assign_slots(RELATED, "2031-03-03", claims).slots[fire.id] == "main"


def test_a_sentence_inside_one_huge_line_is_no_headline() -> None:
    """A text of one long line (a scrape without breaks): its sentences are not lines of their
    own, and nothing is searched beyond a short margin around them."""
    filler = "The quay was quiet and the depot stayed shut all day long. " * 2000
    text = filler + "Two dockers shot dead on Harbour Street " + filler
    phrase = "Two dockers shot dead on Harbour Street"
    start = text.index(phrase)
    dockers = replace(claim("x", phrase, phrase, "killed", 2), start=start, end=start + len(phrase))
    slots = assign_slots(text, "2031-03-03", [dockers], "Guards hurt at the Kerevo depot").slots
    assert slots[dockers.id] == "main"


VIGIL = (
    "Four porters were shot at a vigil on Harbour Street in Kerevo on Monday evening. "
    "The vigil was for a docker who was killed on Sunday. "
    "His cousin, a clerk, was stabbed to death near the depot on Sunday. "
    "Mourners had gathered to remember two guards who died at the quay."
)
MOURNING = (
    "A docker was shot dead on Harbour Street in Kerevo on Sunday. "
    "On Monday evening neighbours held a vigil for the docker who was killed. "
    "Mourners had gathered to remember the docker who died at the quay."
)


def test_the_dead_a_vigil_is_for_are_another_incident_when_violence_hit_the_vigil() -> None:
    porters = claim("v", VIGIL, "Four porters were shot", "victims", 4, "2031-03-03")
    docker = claim("v", VIGIL, "a docker who was killed", "killed", 1, "2031-03-02")
    cousin = claim("v", VIGIL, "a clerk, was stabbed to death", "killed", 1, "2031-03-02")
    guards = claim("v", VIGIL, "two guards who died", "killed", 2)
    slots = assign_slots(VIGIL, "2031-03-04", [porters, docker, cousin, guards]).slots
    assert slots[porters.id] == "main"
    assert slots[docker.id].startswith(f"side:{OTHER}")
    assert slots[guards.id].startswith(f"side:{OTHER}")
    # dated to the day of the docker's killing, not the vigil's: that killing's
    assert slots[cousin.id] == slots[docker.id]
    # a report of the killing that tells of its vigil: the dead are its lead's
    shot = claim("m", MOURNING, "A docker was shot dead", "killed", 1, "2031-03-02")
    mourned = [
        claim("m", MOURNING, "the docker who was killed", "killed", 1),
        claim("m", MOURNING, "the docker who died", "killed", 1),
    ]
    slots = assign_slots(MOURNING, "2031-03-04", [shot, *mourned]).slots
    assert {slots[c.id] for c in (shot, *mourned)} == {"main"}


def test_the_dead_a_vigil_is_for_may_be_a_few_words_after_it() -> None:
    text = (
        "Shots rang out an hour into a vigil on Monday evening for a clerk killed on "
        "Sunday, hurting five porters on Harbour Street."
    )
    clerk = claim("g", text, "a clerk killed", "killed", 1)
    five = claim("g", text, "hurting five porters", "injured", 5)
    slots = assign_slots(text, "2031-03-04", [clerk, five]).slots
    assert slots[five.id] == "main"
    assert slots[clerk.id].startswith(f"side:{OTHER}")


def test_people_named_by_an_event_are_no_count_of_events() -> None:
    text = "Three other shooting victims are in stable condition at Kerevo General."
    victims = claim("e", text, "Three other shooting victims", "injured", 3)
    victims = replace(victims, subject="other shooting victims")
    assert not is_statistic(victims)
    homicides = replace(victims, subject="shootings")
    assert is_statistic(homicides)


def test_the_lead_is_never_a_count_the_text_tells_as_another_incident() -> None:
    text = (
        "Two dockers were shot dead on Harbour Street in Kerevo on Wednesday. "
        "The shooting came days before a gunman killed nine guards in Tarnwick early Sunday."
    )
    # published that Sunday: the guards' count alone is dated to the day of publication
    dockers = claim("l", text, "Two dockers were shot dead", "killed", 2, "2031-03-05")
    guards = claim("l", text, "a gunman killed nine guards", "killed", 9, "2031-03-09")
    found = assign_slots(text, "2031-03-09", [dockers, guards])
    assert found.lead_day is not None and found.lead_day.isoformat() == "2031-03-05"
    assert found.slots[dockers.id] == "main"
    assert found.slots[guards.id].startswith(f"side:{OTHER}")


def test_deaths_within_days_of_each_other_are_a_statistic() -> None:
    text = "In Kerevo, within a week of each other, two boys died of gunshot wounds at home."
    boys = claim("w", text, "two boys died", "killed", 2, "2031-11")
    spate = "A spate of New Year's Eve gunfire left nine porters hurt across Kerevo on Sunday."
    porters = claim("s", spate, "nine porters hurt", "injured", 9, "2031-01-01")
    assert is_statistic(porters)
    apart = "Two guards were killed in attacks hours apart."
    guards = claim("a", apart, "Two guards were killed", "killed", 2)
    assert is_statistic(boys)
    assert is_statistic(guards)


def test_a_later_death_of_the_lead_s_wounds_is_the_lead_s() -> None:
    text = (
        "Five porters were shot at the Kerevo depot on Monday. "
        "Tam Arven, 38, died of his wounds at Kerevo General on Saturday. "
        "A clerk was stabbed to death near the quay on Saturday."
    )
    porters = claim("w", text, "Five porters were shot", "victims", 5, "2031-03-03")
    arven = claim("w", text, "Tam Arven, 38, died", "killed", 1, "2031-03-08")
    clerk = claim("w", text, "A clerk was stabbed to death", "killed", 1, "2031-03-08")
    slots = assign_slots(text, "2031-04-01", [porters, arven, clerk]).slots
    assert slots[porters.id] == slots[arven.id] == "main"
    assert slots[clerk.id] == "side:2031-03-08"
