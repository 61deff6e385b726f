import copy
import dataclasses
import gc
import json
import pickle
import threading

import pytest

import liptako
from liptako import _core

TEXT = ("Mali’s junta leader, Colonel Assimi Goïta, said on Saturday that Mali, Niger and "
        "Burkina Faso had signed a pact. Goïta met the Economic Community of West African "
        "States (ECOWAS) envoys. ECOWAS threatened sanctions.")


def test_extract_returns_typed_document(extractor):
    doc = extractor.extract(TEXT, dct="2023-09-18", id="a1")
    assert isinstance(doc, liptako.Document)
    assert doc.id == "a1"
    assert doc.dct.value == "2023-09-18" and doc.dct.source == "given"
    labels = {(e.label, e.id) for e in doc.entities}
    assert ("COUNTRY", "country/MLI") in labels
    assert ("COUNTRY", "country/NER") in labels
    assert ("COUNTRY", "country/BFA") in labels
    ecowas = [e for e in doc.entities if e.text == "ECOWAS"]
    assert len(ecowas) == 2 and len({e.id for e in ecowas}) == 1
    goita = [e for e in doc.entities if e.label == "PERSON" and "Go" in e.text]
    assert len(goita) == 2 and len({e.id for e in goita}) == 1
    for e in doc.entities:
        assert TEXT[e.start:e.end] == e.text
    saturday = [t for t in doc.timexes if t.text == "Saturday"]
    assert saturday and saturday[0].value == "2023-09-16"


def test_to_dict_follows_output_format(extractor):
    doc = extractor.extract(TEXT, dct="2023-09-18", id="a1")
    d = doc.to_dict()
    assert set(d) == {"id", "dct", "entities", "timexes", "events", "sentences"}
    e = d["entities"][0]
    assert {"start", "end", "text", "label", "id", "name", "mention", "source",
            "sentence"} <= set(e)
    assert e["mention"] in {"name", "alias", "acronym", "demonym", "partial"}
    t = d["timexes"][0]
    assert {"start", "end", "text", "type", "value", "anchor"} <= set(t)
    assert json.loads(doc.to_json()) == d


def test_dateline_is_used_without_dct(extractor):
    doc = extractor.extract("date 2023-11-13\nMali signed a pact on Saturday.")
    assert doc.dct.source == "dateline" and doc.dct.value == "2023-11-13"
    assert doc.timexes[-1].value == "2023-11-11"


def test_no_dct_leaves_relative_dates_underspecified(extractor):
    doc = extractor.extract("Mali signed a pact on Saturday.")
    assert doc.dct.source == "none" and doc.dct.value is None
    assert [(t.value, t.anchor) for t in doc.timexes] == [("XXXX-WXX-6", "none")]


def test_invalid_dct_is_a_clear_error(extractor):
    with pytest.raises(liptako.Error, match="2023-02-30"):
        extractor.extract("text", dct="2023-02-30")


def test_text_must_be_str(extractor):
    with pytest.raises(TypeError):
        extractor.extract(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   \n\t  ", "x" * 100_000, "Mali\x00Niger",
                                  "\ud800 Mali \udfff", "🇲🇱" * 1000, "(" * 10_000])
def test_bad_input_gives_a_result(extractor, text):
    doc = extractor.extract(text)
    for e in doc.entities + doc.timexes:
        assert text[e.start:e.end] == e.text


def test_lone_surrogates_keep_offsets(extractor):
    text = "\ud83d Mali’s army and \udc00 Niger’s"
    doc = extractor.extract(text)
    assert [e.text for e in doc.entities] == ["Mali", "Niger"]
    for e in doc.entities:
        assert text[e.start:e.end] == e.text


def test_extract_many_in_order_with_errors_in_place():
    x = liptako.Extractor({"options": {"max_text_bytes": 200}})
    texts = [f"Mali and Niger, report {i}." for i in range(50)]
    texts[7] = "Niger " * 100  # over the limit
    results = x.extract_many(texts, ids=[f"d{i}" for i in range(50)], workers=2)
    assert len(results) == 50
    assert isinstance(results[7], liptako.LimitError)
    assert results[7].doc_id == "d7"
    for i, r in enumerate(results):
        if i != 7:
            assert isinstance(r, liptako.Document) and r.id == f"d{i}"
            assert r.text == texts[i]
    with pytest.raises(liptako.LimitError):
        x.extract_many(texts, errors="raise")


def test_extract_many_accepts_generators_and_dcts(extractor):
    gen = (f"Mali signed on Saturday, story {i}." for i in range(600))
    dcts = ("2023-09-18" for _ in range(600))
    results = list(extractor.iter_extract(gen, dcts=dcts, workers=2, batch_size=64))
    assert len(results) == 600
    assert all(r.timexes[0].value == "2023-09-16" for r in results)
    assert [r.id for r in results[:3]] == ["0", "1", "2"]


def test_threads_equal_serial(extractor, corpus):
    texts = list(corpus.values()) * 5
    serial = [extractor.extract(t).to_dict() for t in texts]
    out = [None] * 4

    def work(k):
        out[k] = [extractor.extract(t).to_dict() for t in texts]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(o == serial for o in out)
    many = extractor.extract_many(texts, workers=2)
    assert [d.to_dict() for d in many] == [dict(s, id=str(i)) for i, s in enumerate(serial)]


def test_pickle_round_trip_rebuilds_the_recipe():
    x = liptako.Extractor()
    x.add_entity("Operation Barkhane", "OPERATION", aliases=["Barkhane"])
    y = pickle.loads(pickle.dumps(x))
    text = "France ended Operation Barkhane; Barkhane troops left Mali."
    assert y.extract(text).to_dict() == x.extract(text).to_dict()
    assert any(e.label == "OPERATION" for e in y.extract(text).entities)


def test_add_entity_and_rule():
    x = liptako.Extractor()
    x.add_entity("Wagner Group", "ORG", id="org/wagner", aliases=["Wagner"])
    x.add_rule("ship", "VESSEL", r"\bthe (MV [A-Z][a-z]+)")
    doc = x.extract("Wagner fighters boarded the MV Atlas.")
    got = {(e.text, e.label, e.id) for e in doc.entities}
    assert ("Wagner", "ORG", "org/wagner") in got
    assert ("MV Atlas", "VESSEL", "vessel/mv-atlas") in got


def test_bad_rule_raises_config_error_naming_the_rule():
    x = liptako.Extractor()
    with pytest.raises(liptako.ConfigError, match=r"pattern.*'broken'"):
        x.add_rule("broken", "X", "(a")
    with pytest.raises(liptako.ConfigError, match="broken2"):
        x.add_rule("broken2", "X", r"(a)\1")


def test_from_config_file_and_errors(tmp_path):
    gaz = tmp_path / "ships.json"
    gaz.write_text(json.dumps({"format": "liptako-gazetteer/1", "label": "VESSEL",
                               "entries": [{"name": "Atlas Star"}]}))
    cfg = tmp_path / "config.json"
    cfg.write_text(json.dumps({"gazetteers": ["ships.json"], "bundled": False}))
    x = liptako.Extractor.from_config(cfg)
    assert [e.id for e in x.extract("the Atlas Star in Mali").entities] == ["vessel/atlas-star"]
    with pytest.raises(liptako.ConfigError, match="missing.json"):
        liptako.Extractor.from_config({"gazetteers": ["missing.json"]})
    bad = tmp_path / "bad.json"
    bad.write_text('{"entries": [')
    with pytest.raises(liptako.ConfigError, match="bad.json.*invalid JSON"):
        liptako.Extractor.from_config({"gazetteers": [str(bad)]})
    with pytest.raises(liptako.ConfigError, match=r"/entities/0/aliases"):
        liptako.Extractor.from_config({"entities": [{"name": "A", "label": "X", "aliases": 3}]})
    with pytest.raises(liptako.ConfigError, match="cannot read"):
        liptako.Extractor.from_config(tmp_path / "nope.json")


def test_exception_hierarchy():
    assert issubclass(liptako.ConfigError, liptako.Error)
    assert issubclass(liptako.LimitError, liptako.Error)
    assert issubclass(liptako.Error, Exception)


def test_dateline_agency_rule_keeps_gazetteer_identity(extractor):
    doc = extractor.extract("BAMAKO, Nov 18 (Sahel Wire) - Mali signed. ABUJA (AP) - Talks.")
    got = {(e.text, e.label, e.source) for e in doc.entities}
    assert ("Sahel Wire", "ORG", "rule:dateline_agency") in got
    ap = [e for e in doc.entities if e.text == "AP"]
    assert ap and ap[0].label == "ORG" and ap[0].id == "org/associated-press"


def test_single_word_is_not_the_long_form_of_an_acronym(extractor):
    doc = extractor.extract("Talks in ABUJA (AP) ended; AP reporters left.")
    assert all(e.label != "LOCATION" for e in doc.entities if e.text == "AP")


def test_a_first_name_before_a_place_head_names_a_place(extractor):
    # the bundled place heads hold facilities and landforms ("Dock", "Cemetery",
    # "Creek"): a first name then such a head is a place, not a person
    doc = extractor.extract("Rescuers searched Victoria Dock, Grace Cemetery and Kevin Creek.")
    got = [(e.text, e.label) for e in doc.entities]
    assert got == [("Victoria Dock", "LOCATION"), ("Grace Cemetery", "LOCATION"),
                   ("Kevin Creek", "LOCATION")]


def test_bundled_units_and_articles(extractor):
    # the bundled aliases "the United States" and "the Sahel" keep their article out
    # of the mention; the bundled organisation heads hold units ("Division", "Fleet")
    doc = extractor.extract("The 101st Airborne Division and the US Sixth Fleet left the "
                            "United States for the Sahel.")
    got = [(e.text, e.label) for e in doc.entities]
    assert got == [("101st Airborne Division", "ORG"), ("US Sixth Fleet", "ORG"),
                   ("United States", "COUNTRY"), ("Sahel", "LOCATION")]
    assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)


def test_bundled_former_states_and_city_names(extractor):
    # the bundled countries hold former states; a club's or a university's alias that
    # is a city's name ("Marseille", "Dortmund") is left to the city
    doc = extractor.extract("The Soviet Union and East Germany were allies; fans of Olympique "
                            "de Marseille travelled from Marseille to Dortmund.")
    got = [(e.text, e.label, e.id) for e in doc.entities]
    assert got == [("Soviet Union", "COUNTRY", "country/SUHH"),
                   ("East Germany", "COUNTRY", "country/DDDE"),
                   ("Olympique de Marseille", "ORG", "org/olympique-de-marseille"),
                   ("Marseille", "LOCATION", "location/marseille"),
                   ("Dortmund", "LOCATION", "location/dortmund")]


def test_bundled_cities_named_like_words(extractor):
    # well-known cities whose names are also dictionary words ("boston" is a card game)
    # are bundled, found with a capital only
    doc = extractor.extract("Talks moved from Geneva to Boston; a nice boston day.")
    assert [(e.text, e.label) for e in doc.entities] == [("Geneva", "LOCATION"),
                                                         ("Boston", "LOCATION")]


def test_bundled_city_spellings(extractor):
    # the curated other spellings of cities name the geonames city
    doc = extractor.extract("Flights from Ndjamena and Marrakech reached Fez; a red fez.")
    assert [(e.text, e.id) for e in doc.entities] == [("Ndjamena", "location/n-djamena"),
                                                      ("Marrakech", "location/marrakesh"),
                                                      ("Fez", "location/fes")]
    doc = extractor.extract("Strikes hit Khan Younis, Jabalia and Odessa.")
    assert [(e.text, e.id) for e in doc.entities] == [("Khan Younis", "location/khan-yunis"),
                                                      ("Jabalia", "location/jabalya"),
                                                      ("Odessa", "location/odesa")]


def test_bundled_heads_of_empires_railways_and_newspapers(extractor):
    # "Empire" and "Tower" are bundled place heads, "Railroad" and "Sentinel"
    # organisation heads: a name before them is no person's
    doc = extractor.extract("The Ottoman Empire fell; the Maine Central Railroad and the "
                            "Orlando Sentinel reported from Trump Tower.")
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Ottoman Empire", "LOCATION"), ("Maine Central Railroad", "ORG"),
        ("Orlando Sentinel", "ORG"), ("Trump Tower", "LOCATION")]


def test_bundled_towns_need_a_place_context(extractor):
    # the bundled towns (smaller than its cities; "Ennis" is a surname too) are
    # places where the text speaks of one; a town whose name without its accents is
    # a common word ("Göd") is not bundled
    doc = extractor.extract("He grew up in Ennis; Ennis said faith in God grew there.")
    assert [(e.text, e.label, e.start) for e in doc.entities] == [("Ennis", "LOCATION", 14)]


def test_a_town_opens_a_team_name_anywhere(extractor):
    # out of a place's context a town's name is no place, but "<Town> <Plural>"
    # is still a club's name
    doc = extractor.extract("The Bolton Wanderers signed him.")
    assert [(e.text, e.label) for e in doc.entities] == [("Bolton Wanderers", "ORG")]
    # but a town named like a given name opens a person's name there
    doc = extractor.extract("Aussie Marion Phillips won.")
    assert [e.label for e in doc.entities if e.label == "ORG"] == []


def test_bundled_counties_and_provinces(extractor):
    # ISO 3166-2's second-level subdivisions (counties, departments, provinces) are
    # bundled, and a region listed with a bracketed other form by the name before
    # it ("Catalunya [Cataluña]"); a short one ("Ain"), one named like a dictionary
    # word without its accents ("Plungė") or like a given name ("Clare") is not
    doc = extractor.extract("Floods reached Cumbria and the Gironde; Catalunya and Stockholms "
                            "län voted, as did Bohol and Tapoa. Shares Plunge as Ain and "
                            "Clare count votes.")
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Cumbria", "LOCATION"), ("Gironde", "LOCATION"), ("Catalunya", "LOCATION"),
        ("Stockholms län", "LOCATION"), ("Bohol", "LOCATION"), ("Tapoa", "LOCATION")]


def test_bundled_english_names_of_subdivisions(extractor):
    # subdivisions that ISO 3166-2 names in their own language are found under the
    # English names of the news (tools/curated/locations.json, "subdivision_aliases"),
    # and "East Azerbaijan" is no longer the country
    doc = extractor.extract("Strikes hit Anbar, East Azerbaijan and Lower Shabelle.")
    assert [(e.text, e.id) for e in doc.entities] == [
        ("Anbar", "location/al-anbar-iq"), ("East Azerbaijan", "location/azarbayjan-e-sharqi-ir"),
        ("Lower Shabelle", "location/shabeellaha-hoose-so")]
    # and Europe's regions under their English names
    doc = extractor.extract(
        "Voters in Bavaria, Catalonia, Lombardy and Wallonia went to the polls.")
    assert [(e.text, e.id) for e in doc.entities] == [
        ("Bavaria", "location/bayern-de"), ("Catalonia", "location/catalunya-es"),
        ("Lombardy", "location/lombardia-it"), ("Wallonia", "location/wallonia")]


def test_former_opens_no_name(extractor):
    # a sentence's first "Former" is no organisation's word before a head ("House")
    doc = extractor.extract("Former House Speaker Harlan Voss spoke.")
    assert [(e.text, e.label) for e in doc.entities] == [("Harlan Voss", "PERSON")]


def test_bundled_company_heads(extractor):
    # "Records", "Aerospace", "Foods" are bundled organisation heads: the capitalised
    # words before them name a company
    doc = extractor.extract("She signed with Harbor Light Records; Kestrel Aerospace and "
                            "Nordvik Foods sponsored the tour.")
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Harbor Light Records", "ORG"), ("Kestrel Aerospace", "ORG"), ("Nordvik Foods", "ORG")]


def test_jan_is_a_given_name_and_jan_period_a_month(extractor):
    # "Jan" opens a person's name ("Jan Egeland"); neither "Jan." nor "Jan" before a
    # day's number is a name, and the date is still a date
    doc = extractor.extract("UN envoy Jan Egeland arrived on Jan. 5 and left on Jan 9.",
                            dct="2024-01-10")
    assert [(e.text, e.label) for e in doc.entities] == [
        ("UN", "ORG"), ("Jan Egeland", "PERSON")]
    assert [t.value for t in doc.timexes] == ["2024-01-05", "2024-01-09"]


def test_hotels_are_organisations_and_avenues_places(extractor):
    # the bundled heads: "Hotel", "Casino" head organisations; "Ave", "Blvd" places
    doc = extractor.extract("They met at the Harlan Voss Hotel and the Ostrava Casino, "
                            "then walked down Kessler Ave to Brandt Blvd.")
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Harlan Voss Hotel", "ORG"), ("Ostrava Casino", "ORG"), ("Kessler Ave", "LOCATION"),
        ("Brandt Blvd", "LOCATION")]
    # "Hall" heads organisations too, a person's surname after a given name alone
    doc = extractor.extract("Gunmen stormed the Ostrava City Hall, Jessica Hall said.")
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Ostrava City Hall", "ORG"), ("Jessica Hall", "PERSON")]


def test_industry_words_head_companies(extractor):
    # the bundled heads name a company's trade: "Robotics", "Therapeutics", "Steel"
    doc = extractor.extract("Kessler Robotics bought Brandt Therapeutics from Ostrava Steel.")
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Kessler Robotics", "ORG"), ("Brandt Therapeutics", "ORG"), ("Ostrava Steel", "ORG")]


def test_a_company_named_like_a_person(extractor):
    # after "Harlan Voss Corp." and "Edith Brandt Holdings Inc.", "Harlan Voss" and
    # "Edith Brandt" name the companies, not people
    doc = extractor.extract("On Monday, Harlan Voss Corp. bid for Edith Brandt Holdings Inc.; "
                            "later Harlan Voss said Edith Brandt had refused.")
    assert [(e.text, e.label, e.id) for e in doc.entities] == [
        ("Harlan Voss Corp", "ORG", "org/harlan-voss-corp"),
        ("Edith Brandt Holdings Inc", "ORG", "org/edith-brandt-holdings-inc"),
        ("Harlan Voss", "ORG", "org/harlan-voss-corp"),
        ("Edith Brandt", "ORG", "org/edith-brandt-holdings-inc")]


def test_dotted_legal_forms(extractor):
    # "S.p.A.", "S.A.", "N.V." close a company's name, and its name alone refers to it
    doc = extractor.extract("Shares of Edith Kessler S.p.A. rose; later Edith Kessler said "
                            "Ostrava N.V. would sell.")
    assert [(e.text, e.label, e.id) for e in doc.entities] == [
        ("Edith Kessler S.p.A.", "ORG", "org/edith-kessler-s-p-a"),
        ("Edith Kessler", "ORG", "org/edith-kessler-s-p-a"),
        ("Ostrava N.V.", "ORG", "org/ostrava-n-v")]


def test_a_demonym_before_a_common_word_opens_no_name(extractor):
    # "Irish" and "Swiss" are given names too, but before a common word they
    # open a company's name, not a person's
    doc = extractor.extract("Irish Rail agreed; Swiss Timber did not.")
    assert [e.label for e in doc.entities if e.label == "PERSON"] == []


def test_an_ideology_adjective_is_no_part_of_a_name(extractor):
    # "Islamist" describes the party; it is not in its name
    doc = extractor.extract("The leader of the Islamist Kessa Movement spoke.")
    assert [e.text for e in doc.entities if e.label == "ORG"] == ["Kessa Movement"]


def test_a_sentence_first_word_after_a_quote_or_bracket(extractor):
    # "To" opening a quotation or a bracket is the sentence's first word, capitalised
    # as such: not the town "Tô"
    doc = extractor.extract("He left the hall. \u201cTo the people of Kenya,\u201d he said. "
                            "(To be fair, he said so.)")
    assert [(e.text, e.label) for e in doc.entities] == [("Kenya", "COUNTRY")]


def test_a_function_word_acronym_in_a_capitals_headline(extractor):
    # "IS" (the Islamic State's acronym) in a headline set in capitals is the verb;
    # in running text, and "US" or "AP" in capitals, stay what they name
    doc = extractor.extract("STORM IS OVER AS US AID ARRIVES. Later the IS said so (AP).")
    assert [(e.text, e.label) for e in doc.entities] == [
        ("US", "COUNTRY"), ("IS", "ORG"), ("AP", "ORG")]


def test_a_republic_is_a_place(extractor):
    # "Republic" names a state, not an organisation: "the Irish Republic"
    doc = extractor.extract("Britain and the Irish Republic signed it.")
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Britain", "COUNTRY"), ("Irish Republic", "LOCATION")]


def test_place_prefixes_of_several_words(extractor):
    # the bundled place prefixes "Bay of", "Isle of", "Republic of" open a place's name
    doc = extractor.extract("They sailed from the Bay of Zorkland to the Isle of Varn.")
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Bay of Zorkland", "LOCATION"), ("Isle of Varn", "LOCATION")]


def test_us_state_abbreviations(extractor):
    # the news agencies' abbreviations of US states are the states, with their case
    # only ("fell ill." is no Illinois), and a town before one is a place
    doc = extractor.extract("The plant in Harlanville, Ky., and the mayor of Edithburg, Calif., "
                            "closed; she fell ill.")
    assert [(e.text, e.label, e.id) for e in doc.entities] == [
        ("Harlanville", "LOCATION", "location/harlanville"),
        ("Ky.", "LOCATION", "location/kentucky-us"),
        ("Edithburg", "LOCATION", "location/edithburg"),
        ("Calif.", "LOCATION", "location/california-us")]


def test_bundled_broadcasters_and_leagues(extractor):
    # US networks and sports leagues are bundled organisations; a geonames place
    # named "<org head> of <name>" ("University of Texas") is no bundled town
    doc = extractor.extract("NBC and CBS covered the NHL and NASCAR; the University of Texas won.")
    assert [(e.text, e.label) for e in doc.entities] == [
        ("NBC", "ORG"), ("CBS", "ORG"), ("NHL", "ORG"), ("NASCAR", "ORG"),
        ("University of Texas", "ORG")]


def test_stages_select_what_runs():
    dates_only = liptako.Extractor({"options": {"stages": ["timexes"]}})
    doc = dates_only.extract(TEXT, dct="2023-09-18")
    assert doc.entities == [] and doc.events == []
    assert [t.value for t in doc.timexes if t.text == "Saturday"] == ["2023-09-16"]
    names_only = liptako.Extractor({"options": {"stages": ["entities"]}})
    doc = names_only.extract(TEXT)
    assert doc.entities and doc.timexes == [] and doc.events == []
    with pytest.raises(liptako.ConfigError, match="events stage needs"):
        liptako.Extractor({"options": {"stages": ["events"]}})
    with pytest.raises(liptako.ConfigError, match=r"/options/stages/0: unknown stage"):
        liptako.Extractor({"options": {"stages": ["dates"]}})


def test_ids_and_dcts_must_cover_every_text(extractor):
    with pytest.raises(ValueError, match="ids has fewer items than texts"):
        extractor.extract_many(["Mali.", "Niger."], ids=["only-one"])
    with pytest.raises(ValueError, match="dcts has fewer items than texts"):
        extractor.extract_many(["Mali.", "Niger."], dcts=["2023-09-18"])


# -- the engine builds the result objects itself (python/src/bindings.cpp) ---------------

def _json_dict(extractor, text, doc_id="", dct=None):
    """The document through the JSON output path, in Document.to_dict() form."""
    raw = json.loads(extractor._engine_now().extract_json(text, doc_id, dct))
    raw["dct"] = {"value": raw["dct"]["value"], "source": raw["dct"]["source"]}
    return raw


def _check_same_as_json(extractor, texts):
    ids = [f"d{i}" for i in range(len(texts))]
    many = extractor.extract_many(texts, ids=ids, dcts=["2023-09-18"] * len(texts), workers=2)
    for doc_id, text, batch_doc in zip(ids, texts, many):
        expected = _json_dict(extractor, text, doc_id, "2023-09-18")
        doc = extractor.extract(text, dct="2023-09-18", id=doc_id)
        assert doc.to_dict() == expected, doc_id
        assert batch_doc == doc and batch_doc.to_dict() == expected, doc_id
        assert doc.text is text and batch_doc.text is text


def test_documents_equal_the_json_output_on_the_examples(extractor, corpus):
    _check_same_as_json(extractor, list(corpus.values()))


def test_documents_equal_the_json_output_on_the_seeds(extractor, seeds):
    _check_same_as_json(extractor, list(seeds.values()))


UNICODE = ("👍🏽 Mali’s junta met Goi\u0308ta and \ud800 Niger’s envoys in Niamey on 3 March 2023. "
           "🇲🇱🇳🇪 Burkina Faso signed a defence pact with Mali on Saturday. 中文 ECOWAS \udfff "
           "threatened sanctions against Niger on Sunday. Café owners in Bamako cheered.")


@pytest.mark.parametrize("text", [UNICODE, UNICODE.encode("utf-8", "surrogatepass")
                                  .decode("utf-8", "replace"), UNICODE.encode("ascii", "replace")
                                  .decode("ascii")])
def test_offsets_are_code_points_on_any_text(extractor, text):
    doc = extractor.extract(text, dct="2023-09-18")
    (batch_doc,) = extractor.extract_many([text], ids=[""], dcts=["2023-09-18"], workers=1)
    assert batch_doc == doc
    names = [e.text for e in doc.entities]
    assert {"Mali", "Niger", "Niamey", "Burkina Faso", "ECOWAS", "Bamako"} <= set(names)
    assert [t.text for t in doc.timexes] == ["3 March 2023", "Saturday", "Sunday"]
    for m in doc.entities + doc.timexes:
        assert text[m.start:m.end] == m.text
    for ev in doc.events:
        assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
        assert text[ev.sentence.start:ev.sentence.end] == ev.sentence.text
    assert [s for s, _ in doc.sentences] == sorted(s for s, _ in doc.sentences)
    assert doc.sentences[-1][1] <= len(text)
    # The JSON path slices the UTF-8 bytes in C++ (a lone surrogate becomes
    # U+FFFD there): everything else is the same.
    assert _without_mention_texts(doc.to_dict()) == \
        _without_mention_texts(_json_dict(extractor, text, "", "2023-09-18"))
    if "\ud800" not in text:
        assert doc.to_dict() == _json_dict(extractor, text, "", "2023-09-18")


def _without_mention_texts(d):
    for m in d["entities"] + d["timexes"] + [ev["trigger"] for ev in d["events"]]:
        del m["text"]
    return d


def test_strings_made_from_invalid_utf8_read_as_in_the_json_output():
    # A rule entity's name and id come from the text: here with lone surrogates,
    # which are invalid UTF-8 in C++ (matched by \C, any byte); both paths
    # replace them with U+FFFD.
    x = liptako.Extractor({"options": {"stages": ["entities"]}})
    x.add_rule("ship", "VESSEL", r"\bthe (MV At\C+las)")
    text = "Mali seized the MV At\ud800las\udfff yesterday."
    doc = x.extract(text)
    (ship,) = [e for e in doc.entities if e.label == "VESSEL"]
    assert ship.text == "MV At\ud800las" == text[ship.start:ship.end]
    assert "\ufffd" in ship.name and "\ud800" not in ship.name
    assert _without_mention_texts(doc.to_dict()) == _without_mention_texts(_json_dict(x, text))


def test_results_pickle_compare_hash_and_stay_frozen(extractor):
    doc = extractor.extract(TEXT, dct="2023-09-18", id="a1")
    assert doc.events and doc.entities and doc.timexes
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and again.to_dict() == doc.to_dict()
    assert copy.deepcopy(doc) == doc
    e = doc.entities[0]
    assert hash(e) == hash(pickle.loads(pickle.dumps(e))) == hash(copy.copy(e))
    assert len({*doc.entities}) == len({(x.start, x.end, x.id) for x in doc.entities})
    assert hash(doc.timexes[0]) == hash(dataclasses.replace(doc.timexes[0]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.start = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.events[0].trigger.text = "x"  # type: ignore[misc]
    assert dataclasses.replace(e, label="X").label == "X" and e.label != "X"
    for cls in (liptako.Document, liptako.Entity, liptako.Timex, liptako.Event):
        assert "__slots__" in vars(cls), cls  # the binding fills the slots


def test_documents_build_their_lists_once_on_first_read(extractor):
    # Documents come from the engine with their lists unbuilt; whatever reads them
    # first (an attribute, ==, pickle, copy, to_dict) sees the same documents.
    docs = extractor.extract_many([TEXT] * 4, dcts=["2023-09-18"] * 4, workers=2)
    built = extractor.extract(TEXT, dct="2023-09-18", id="0").to_dict()
    assert docs[0].to_dict() == built
    assert pickle.loads(pickle.dumps(docs[1])).to_dict() == dict(built, id="1")
    assert copy.deepcopy(docs[2]) == docs[2] and docs[2].to_dict() == dict(built, id="2")
    # Threads racing to read one document get the same lists.
    doc, seen = docs[3], []
    barrier = threading.Barrier(4)

    def read() -> None:
        barrier.wait()
        seen.append((doc.entities, doc.events, doc.sentences))

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(all(a is b for a, b in zip(s, seen[0])) for s in seen) and seen[0][0]
    # Reading one document builds its batch's next ones too; any order reads the same.
    texts = [f"Niger and Mali met on {day}." for day in ("Monday", "Tuesday", "Friday")] * 3
    expected = [extractor.extract(t).to_dict() for t in texts]
    docs = extractor.extract_many(texts, ids=[str(k) for k in range(len(texts))], workers=2)
    for k in (7, 2, 8, 0, 1, 3, 4, 5, 6):
        assert docs[k].to_dict() == dict(expected[k], id=str(k))


def test_a_list_set_before_reading_stays_set(extractor):
    doc = extractor.extract(TEXT, dct="2023-09-18")
    doc.entities = []
    assert doc.entities == [] and doc.timexes and doc.events
    fresh = liptako.Document("x", "text", liptako.Dct(None, "none"))
    assert (fresh.entities, fresh.timexes, fresh.events, fresh.sentences) == ([], [], [], [])
    assert fresh == pickle.loads(pickle.dumps(fresh)) and fresh != doc


def test_result_objects_are_left_out_of_garbage_collection(extractor):
    # Mentions and events hold no mutable container: no cycle can pass through
    # them, so the collector never has to walk them.
    doc = extractor.extract(TEXT, dct="2023-09-18")
    ev = doc.events[0]
    assert isinstance(ev.participants, tuple) and ev.participants
    assert hash(ev) == hash(pickle.loads(pickle.dumps(ev)))
    for obj in (doc.entities[0], doc.timexes[0], ev, ev.participants, ev.trigger, doc.dct):
        assert not gc.is_tracked(obj), obj


def test_batches_leave_the_garbage_collector_as_it_was(extractor):
    texts = [TEXT] * 20
    assert gc.isenabled()
    extractor.extract_many(texts, workers=2)
    assert gc.isenabled()
    gc.disable()
    try:
        extractor.extract_many(texts, workers=2)
        assert not gc.isenabled()
    finally:
        gc.enable()
    # Documents are collected like any object once unreferenced.
    gc.collect()
    before = len(gc.get_objects())
    for _ in range(3):
        extractor.extract_many(texts, workers=2)
    gc.collect()
    assert len(gc.get_objects()) < before + 100


def test_an_extracted_batch_gives_its_results_once(extractor):
    batch = extractor._engine_now().extract_batch(["Mali.", "Niger."], ["a", "b"], [None, None], 2)
    docs = batch.results()
    assert [d.id for d in docs] == ["a", "b"] and docs[1].entities[0].text == "Niger"
    with pytest.raises(RuntimeError, match="already"):
        batch.results()
    # A text that is not a str is an error in its place; the others are extracted.
    batch = extractor._engine_now().extract_batch([b"Mali", "Mali."], ["a", "b"], [None, None], 1)
    with pytest.raises(RuntimeError, match="after results"):
        batch.errors()
    first, second = batch.results()
    assert first == ("Error", "text must be str, not bytes")
    assert second.entities[0].text == "Mali" and batch.errors() == 1


def test_result_classes_must_match_the_binding(extractor):
    @dataclasses.dataclass(frozen=True)
    class Wrong:
        start: int

    kinds = dict(document=liptako.Document, dct=liptako.Dct, entity=liptako.Entity,
                 timex=liptako.Timex, span=liptako.Span, participant=liptako.Participant,
                 event_date=liptako.EventDate, event=liptako.Event)
    with pytest.raises(TypeError, match="fields start, end, text, label"):
        _core.register_result_types(**dict(kinds, entity=Wrong))
    with pytest.raises(TypeError, match="must be classes"):
        _core.register_result_types(**dict(kinds, span=42))

    class Slotted:
        __slots__ = ("id", "text")

    with pytest.raises(TypeError, match="must have the __slots__ id, text, dct, _entities"):
        _core.register_result_types(**dict(kinds, document=Slotted))
    # A refused registration leaves the one in use.
    assert isinstance(extractor.extract("Mali.").entities[0], liptako.Entity)


def test_iter_extract_abandoned_midway_leaves_the_engine_usable():
    # The next batch is being extracted on native threads when the consumer stops:
    # dropping the generator waits for them, and nothing is lost for later calls.
    x = liptako.Extractor()
    texts = [f"Mali and Niger met in Niamey on Monday, report {i}." for i in range(600)]
    it = x.iter_extract(texts, workers=2, batch_size=50)
    first = [next(it) for _ in range(3)]
    del it
    assert all(isinstance(d, liptako.Document) for d in first)
    again = x.extract_many(texts[:120], workers=2)
    assert [d.id for d in again] == [str(i) for i in range(120)]
    assert all(d.entities for d in again)


def test_bundled_known_surnames_alone_are_the_people(extractor):
    # wordfreq lowercases, so it ranks famous surnames among frequent words; the bundled
    # common words leave out a known person's surname that is no dictionary word
    doc = extractor.extract("Putin met Macron in Moscow; Merkel stayed in Berlin.")
    got = [(e.text, e.id) for e in doc.entities if e.label == "PERSON"]
    assert got == [("Putin", "person/vladimir-putin"), ("Macron", "person/emmanuel-macron"),
                   ("Merkel", "person/angela-merkel")]


def test_bundled_al_is_a_given_name_and_an_article(extractor):
    # "Al" is kept among the bundled given names though it is a frequent word: a name
    # after it is a person's; the bundled places and organisations named with it stay
    doc = extractor.extract("Al Gore met Al Jazeera reporters. Police in Al Anbar said no.")
    got = [(e.text, e.label) for e in doc.entities]
    assert got == [("Al Gore", "PERSON"), ("Al Jazeera", "ORG"), ("Al Anbar", "LOCATION")]


def test_bundled_theatres_and_district_attorneys(extractor):
    doc = extractor.extract("District Attorney Harlan Voss spoke at the Kessa Theatre.")
    got = [(e.text, e.label, e.title) for e in doc.entities]
    assert got == [("Harlan Voss", "PERSON", "District Attorney"),
                   ("Kessa Theatre", "LOCATION", None)]


def test_bundled_shoals_and_atolls_are_places(extractor):
    doc = extractor.extract("Coast guard ships met near Kessa Shoal and Varno Atoll on Monday.")
    got = [(e.text, e.label) for e in doc.entities]
    assert got == [("Kessa Shoal", "LOCATION"), ("Varno Atoll", "LOCATION")]


def test_bundled_us_body_alias_after_another_countrys_possessive(extractor):
    # "Senate" is an alias of the United States Senate; after "Chad's" it is Chad's
    # senate, and so is the same alias elsewhere in the document
    doc = extractor.extract("Chad's Senate approved the budget. The Senate will vote again. "
                            "The U.S. Senate did not.")
    got = [(e.text, e.id) for e in doc.entities if e.label == "ORG"]
    assert got == [("Senate", "org/senate"), ("Senate", "org/senate"),
                   ("U.S. Senate", "org/united-states-senate")]
    doc = extractor.extract("America's Senate approved the budget.")
    assert [e.id for e in doc.entities if e.label == "ORG"] == ["org/united-states-senate"]


def test_bundled_congo_is_the_democratic_republic_unless_the_republic_is_named(extractor):
    # "Congo" alone is the Democratic Republic of the Congo, as the news agencies write it;
    # after "the Republic of Congo" (and no other Congo) it is that Republic
    doc = extractor.extract("Fighting in the Democratic Republic of Congo went on. "
                            "Congo's army said. ")
    assert [e.id for e in doc.entities] == ["country/COD", "country/COD"]
    doc = extractor.extract("Congo's army said.")
    assert [e.id for e in doc.entities] == ["country/COD"]
    doc = extractor.extract("Fighting in the Republic of Congo went on. Congo's army said.")
    assert [e.id for e in doc.entities] == ["country/COG", "country/COG"]


def test_bundled_africa_cdc_is_not_the_us_agency(extractor):
    doc = extractor.extract("Africa CDC declared an emergency; the CDC in Atlanta agreed.")
    got = [(e.text, e.id) for e in doc.entities if e.label == "ORG"]
    assert got == [("Africa CDC", "org/africa-centres-for-disease-control-and-prevention"),
                   ("CDC", "org/centers-for-disease-control-and-prevention")]


def test_bundled_conventions_are_treaties_or_gatherings(extractor):
    # "Convention" is a thing's head, not an organisation's
    doc = extractor.extract("Varno violated the Kessa Convention, delegates at the Democratic "
                            "National Convention said.")
    assert [e.text for e in doc.entities if e.label == "ORG"] == []


def test_bundled_city_known_by_its_short_name(extractor):
    # the bundled city "Frankfurt am Main" is "Frankfurt" in news, datelines too
    doc = extractor.extract("FRANKFURT (Reuters) - Shares fell in Frankfurt on Monday.")
    got = [(e.text, e.id) for e in doc.entities if e.label == "LOCATION"]
    assert got == [("FRANKFURT", "location/frankfurt-am-main"),
                   ("Frankfurt", "location/frankfurt-am-main")]


def test_a_ships_prefix_is_no_organisation(extractor):
    # "BRP", "HMS", "USS" open a ship's name: no organisation
    doc = extractor.extract("A Kessan ship rammed the BRP Varno Kessel near the shoal, and "
                            "the HMS Zorkland followed.")
    assert [e.text for e in doc.entities if e.label == "ORG"] == []


def test_a_common_word_in_capitals_after_the_is_an_acronym(extractor):
    # a frequent word written in capitals names an institution after "the"; elsewhere
    # it is the word
    doc = extractor.extract("In 1987 the HALO bought the station, and his HALO glowed.")
    assert [(e.text, e.start) for e in doc.entities if e.label == "ORG"] == [("HALO", 12)]


def test_bundled_party_under_its_long_and_short_names(extractor):
    # a party's name spelled out and its acronym are one organisation
    doc = extractor.extract("The Pakistan Muslim League-Nawaz (PML-N) won 75 seats.")
    assert {e.id for e in doc.entities if e.label == "ORG"} == {"org/pakistan-muslim-league-n"}


def test_bundled_chief_officer_titles(extractor):
    # "Chief Technology Officer" is a title, not the start of a name
    doc = extractor.extract("A week after Chief Technology Officer Harlan Voss left, Chief "
                            "Financial Officer Kessa Dorn spoke.")
    assert [(e.text, e.label) for e in doc.entities] == [
        ("Harlan Voss", "PERSON"), ("Kessa Dorn", "PERSON")]


def test_bundled_senior_general_is_a_title(extractor):
    # Myanmar's highest rank: the title, not the start of a name of four words
    doc = extractor.extract("The junta's chief, Senior General Harlan Voss Kessa, did not "
                            "respond. Vice Senior General Abel Dorn Varno spoke.")
    assert [(e.text, e.label, e.title) for e in doc.entities] == [
        ("Harlan Voss Kessa", "PERSON", "Senior General"),
        ("Abel Dorn Varno", "PERSON", "Vice Senior General")]
