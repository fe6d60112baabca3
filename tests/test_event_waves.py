"""Waves of violence (protests, crackdowns, massacres) across fictional reports from a fictional
country, Kestland: reports that never name the wave join the event other reports name."""

from __future__ import annotations

from tests.test_link_events import claim, document, main_event_of
from tolltrace.link.event_claims import STATISTIC, assign_slots, is_statistic
from tolltrace.link.event_names import named_mentions
from tolltrace.link.events import LinkDocument, link_events

LORSK = (
    "LORSK — Security forces shot dead nine protesters in Lorsk on Tuesday as demonstrations "
    "against the bread price spread across Kestland, the Tallow Rights Group said. Witnesses "
    "said soldiers of the Ninth Brigade fired from the roof of the Granary Exchange."
)
NAMED = (
    "The April protests in Kestland have left at least 40 people dead, the Tallow Rights Group "
    "said on Monday. Its researchers counted the dead in Lorsk, Harwel and the capital, Ostrava "
    "Vale, where soldiers of the Ninth Brigade broke up a march."
)
LATER = (
    "HARWEL — Police shot dead two men at a protest in Harwel on Friday, the Tallow Rights "
    "Group said, weeks after the bread price protests in Lorsk and Ostrava Vale ended."
)


def wave() -> list[LinkDocument]:
    return [
        document(
            "lorsk", "2031-04-10", "Nine protesters shot in Lorsk", LORSK,
            claim("lorsk", LORSK, "shot dead nine protesters", "killed", 9, "2031-04-08"),
        ),
        document(
            "named", "2031-04-21", "Toll of April protests reaches 40", NAMED,
            claim("named", NAMED, "at least 40 people dead", "killed", 40),
        ),
        document(
            "later", "2031-05-24", "Two shot at Harwel protest", LATER,
            claim("later", LATER, "shot dead two men", "killed", 2, "2031-05-23"),
        ),
    ]  # fmt: skip


def test_a_report_of_part_of_a_named_wave_joins_it() -> None:
    events = link_events(wave())
    lorsk = main_event_of(events, "lorsk")
    assert lorsk.name == "the April protests"
    assert lorsk.type == "protests"
    assert {"lorsk:" + str(LORSK.index("shot dead nine")) + ":killed"} <= set(lorsk.claims)
    assert "named" in lorsk.documents and "named" in lorsk.leads and "lorsk" in lorsk.leads
    assert any("lorsk" in line and "2031-04" in line for line in lorsk.evidence)


def test_a_wave_does_not_absorb_an_incident_of_another_month() -> None:
    events = link_events(wave())
    assert main_event_of(events, "later").id != main_event_of(events, "lorsk").id


def test_a_point_event_never_absorbs_by_name_and_month() -> None:
    named_shooting = NAMED.replace("The April protests", "The April shooting")
    docs = wave()
    docs[1] = document(
        "named", "2031-04-21", "Toll", named_shooting,
        claim("named", named_shooting, "at least 40 people dead", "killed", 40),
    )  # fmt: skip
    events = link_events(docs)
    assert main_event_of(events, "lorsk").id != main_event_of(events, "named").id


def test_a_report_naming_its_own_wave_puts_its_lead_in_it() -> None:
    text = (
        "Soldiers killed 12 people in Harwel on Saturday, the Tallow Rights Group said. It "
        "was the third day of the April protests. On June 2, Kestland hanged Ivo Marek, "
        "convicted of a killing during the April protests."
    )
    twelve = claim("d", text, "killed 12 people", "killed", 12, "2031-04-05")
    hanged = claim("d", text, "hanged Ivo Marek", "executed", 1, "2031-06-02")
    found = assign_slots(text, "2031-06-20", [twelve, hanged])
    assert found.lead_key == "protests|2031-04"
    assert found.slots[twelve.id] == "named:protests|2031-04"
    assert found.slots[hanged.id] != "named:protests|2031-04"  # dated to a day outside it


def test_names_of_waves() -> None:
    def keys(text: str, published: str | None = None) -> list[str]:
        return [m.key for m in named_mentions(text, published)]

    assert keys("after last week's protests", "2031-04-16") == ["protests|2031-04"]
    assert keys("after last week's protests", "2031-05-03") == ["protests|2031-04"]
    assert keys("this month's unrest", "2031-04-16") == ["protests|2031-04"]
    assert keys("last month's crackdown", "2031-01-16") == ["protests|2030-12"]
    assert keys("the March crackdown", "2031-04-16") == keys("the March protests", "2031-04-16")
    assert keys("the Granary prison massacre") == keys("the Granary massacre")
    assert named_mentions("the 1977 Granary massacre")[0].year == 1977
    assert keys("the Tallow group said the massacre") == []


def test_a_count_over_a_whole_year_is_a_statistic() -> None:
    text = "Kestland carried out 31 executions in 2030, the group said."
    executions = claim("d", text, "31 executions", "executed", 31, "2030")
    assert is_statistic(executions)
    assert assign_slots(text, "2031-04-10", [executions]).slots[executions.id] == STATISTIC


BRIEF = (
    "LORSK — Kestland hanged Ivo Marek in Lorsk on Tuesday. The Tallow Rights Group says at "
    "least 40 people died in the unrest, and 12 more were killed in the crackdown on the "
    "marches."
)
HANGING = (
    "Ivo Marek was hanged at Lorsk prison on Tuesday, his lawyer said. Soldiers of the Ninth "
    "Brigade guarded the gates of the prison."
)


def test_a_later_report_restating_a_waves_figure_gives_it_to_the_wave() -> None:
    docs = [
        *wave(),
        document(
            "brief", "2031-06-11", "Kestland hangs Ivo Marek", BRIEF,
            claim("brief", BRIEF, "hanged Ivo Marek", "executed", 1, "2031-06-10"),
            claim("brief", BRIEF, "at least 40 people died", "killed", 40),
            claim("brief", BRIEF, "12 more were killed", "killed", 12),
        ),
        document(
            "hanging", "2031-06-10", "Ivo Marek hanged", HANGING,
            claim("hanging", HANGING, "Ivo Marek was hanged", "executed", 1, "2031-06-10"),
        ),
    ]  # fmt: skip
    events = link_events(docs)
    wave_event = main_event_of(events, "named")
    claims = set(wave_event.claims)
    assert {c.id for c in docs[3].claims if c.category == "killed"} <= claims
    hanging = main_event_of(events, "brief")
    assert hanging.id != wave_event.id and "hanging" in hanging.documents
    assert "brief" in wave_event.documents


def test_an_undated_restatement_of_the_lead_stays_with_the_lead() -> None:
    text = (
        "Kestland hanged Ivo Marek on June 2, convicted of a killing during the April "
        "protests. Marek was hanged at dawn. Soldiers killed 40 people during the unrest."
    )
    lead = claim("d", text, "hanged Ivo Marek", "executed", 1, "2031-06-02")
    again = claim("d", text, "Marek was hanged", "executed", 1)
    forty = claim("d", text, "killed 40 people", "killed", 40)
    found = assign_slots(text, "2031-06-03", [lead, again, forty])
    assert found.slots[again.id] == found.slots[lead.id] != "named:protests|2031-04"
    assert found.slots[forty.id] == "named:protests|2031-04"


def test_a_part_of_a_count_goes_where_that_count_went() -> None:
    text = (
        "The 1977 Granary massacre is remembered each August. "
        + "Relatives lit candles and read names. " * 30
        + "Guards killed at least 300 prisoners that August. The group has identified 240 of "
        "the dead by name."
    )
    massacre = claim("d", text, "killed at least 300 prisoners", "killed", 300, "1977-08")
    named = claim("d", text, "240 of the dead", "killed", 240)
    found = assign_slots(text, "2031-08-20", [massacre, named])
    assert found.slots[massacre.id] == "named:massacre|granary"  # by its year
    assert found.slots[named.id] == "named:massacre|granary"  # the name is too far: by its whole
