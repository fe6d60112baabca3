from tolltrace.nlp.sentences import needs_parse, split_sentences

TEXT = (
    "Guards in Koss detained 40 students on Monday, the Monitor said. Mr. Varo denied it.\n\n"
    "The ministry's statement was brief.The vigil went on until dawn."
)


def test_sentences_carry_exact_offsets() -> None:
    sentences = split_sentences(TEXT)
    assert [s.text for s in sentences] == [
        "Guards in Koss detained 40 students on Monday, the Monitor said.",
        "Mr. Varo denied it.",
        "The ministry's statement was brief.",
        "The vigil went on until dawn.",
    ]
    for sentence in sentences:
        assert TEXT[sentence.start : sentence.end] == sentence.text


def test_an_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == ()
    assert split_sentences("   \n\n ") == ()


def test_only_sentences_that_may_state_a_count_or_a_victim_need_a_parse() -> None:
    assert needs_parse("Guards detained 40 students.")
    assert needs_parse("Dozens were taken to hospital.")
    assert needs_parse("Tomas Varo was hanged at dawn.")
    assert needs_parse("Guards said she was tortured in custody.")
    assert not needs_parse("Protesters gathered in the square.")  # no count, no one named
    assert not needs_parse("The ministry's statement was brief.")
    assert not needs_parse("The vigil went on until dawn.")
