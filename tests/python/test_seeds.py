"""The seed articles and their dev-gold expectations (../shared; skipped without it)."""

import json

from conftest import shared_path

from liptako.evaluation import gold


def test_offsets_are_exact_on_every_seed(extractor, seeds):
    for name, text in seeds.items():
        doc = extractor.extract(text, id=name)
        assert doc.entities, name
        for m in doc.entities + doc.timexes:
            assert text[m.start:m.end] == m.text, (name, m)
        for ev in doc.events:
            assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
            for p in ev.participants:
                assert 0 <= p.start <= p.end <= len(text)


def _scores(extractor, seeds):
    gold_dir = shared_path("eval", "dev-gold")
    predicted = [extractor.extract(text, id=name).to_dict() for name, text in seeds.items()]
    return gold.score_documents(predicted, str(gold_dir))


def test_every_required_person_country_org_is_found(extractor, seeds):
    result = _scores(extractor, seeds)
    ent = result["entities"]
    assert ent["fn"] == 0, gold.format_report(result)
    assert ent["precision"] >= 0.95, gold.format_report(result)


def test_every_required_timex_value_is_found(extractor, seeds):
    result = _scores(extractor, seeds)
    assert result["timexes"]["fn"] == 0, gold.format_report(result)


def test_events_and_their_dates(extractor, seeds):
    result = _scores(extractor, seeds)
    ev = result["events"]
    assert ev["fn"] == 0, gold.format_report(result)
    assert ev["f1"] >= 0.85, gold.format_report(result)


def test_document_dates(extractor, seeds):
    gold_dir = shared_path("eval", "dev-gold")
    for name, text in seeds.items():
        expected = json.loads((gold_dir / name.replace(".txt", ".json")).read_text())["dct"]
        assert extractor.extract(text).dct.value == expected, name
