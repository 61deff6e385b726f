"""The spaCy pipeline component (skipped when spaCy is not installed)."""

import pytest

spacy = pytest.importorskip("spacy")

import liptako.spacy  # noqa: E402, F401  (registers the factory)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("liptako")
    return nlp


TEXT = ("Mali and Niger signed a defence pact in Niamey on 16 September 2023. "
        "President Assimi Goita met ECOWAS envoys.")


def test_ents_with_spacy_labels(nlp):
    doc = nlp(TEXT)
    got = {(e.text, e.label_, e.kb_id_) for e in doc.ents}
    assert ("Mali", "GPE", "country/MLI") in got
    assert ("Niamey", "LOC", "location/niamey") in got
    assert ("Assimi Goita", "PERSON", "person/assimi-goita") in got
    assert any(label == "ORG" for _, label, _ in got)
    spans = {(s.text, s.label_, s.kb_id_) for s in doc.spans["liptako"]}
    assert ("Mali", "COUNTRY", "country/MLI") in spans
    assert ("16 September 2023", "DATE", "2023-09-16") in spans
    assert doc._.liptako.entities  # the liptako Document rides along


def test_liptako_labels_and_timexes_in_ents():
    nlp = spacy.blank("en")
    nlp.add_pipe("liptako", config={"labels": "liptako", "timexes_in_ents": True,
                                    "spans_key": "lk"})
    doc = nlp(TEXT)
    labels = {e.label_ for e in doc.ents}
    assert {"COUNTRY", "LOCATION", "PERSON", "DATE"} <= labels
    assert "lk" in doc.spans


def test_existing_ents_kept_where_they_do_not_overlap(nlp):
    doc = nlp.make_doc(TEXT)
    doc.ents = [spacy.tokens.Span(doc, 0, 1, label="MISC"),    # "Mali": overlaps liptako
                spacy.tokens.Span(doc, 5, 6, label="THING")]   # "defence"
    doc = nlp.get_pipe("liptako")(doc)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Mali", "GPE") in ents and ("Mali", "MISC") not in ents
    assert ("defence", "THING") in ents


def test_pipe_and_misaligned_offsets(nlp):
    docs = list(nlp.pipe(["Mali's army.", "NIAMEY-based officials met."]))
    assert [e.kb_id_ for e in docs[0].ents][:1] == ["country/MLI"]
    assert all(e.text for d in docs for e in d.ents)
