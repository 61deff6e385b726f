"""The README's Python example does what the README says."""

import liptako


def test_readme_example():
    x = liptako.Extractor()
    doc = x.extract("Mali, Niger and Burkina Faso signed a defence pact on Saturday, "
                    "junta leader Assimi Goïta said.", dct="2023-09-18")
    got = [(e.label, e.text, e.id) for e in doc.entities]
    assert ("COUNTRY", "Mali", "country/MLI") in got
    assert ("PERSON", "Assimi Goïta", "person/assimi-goita") in got
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [("Saturday", "DATE", "2023-09-16")]
    [ev] = doc.events
    assert ev.type == "AGREEMENT" and ev.date is not None and ev.date.value == "2023-09-16"
    assert {"Mali", "Niger", "Burkina Faso"} <= {p.name for p in ev.participants}


def test_readme_gazetteer_example():
    g = liptako.Gazetteer(["Burkina Faso", "ECOWAS", "Assimi Goita"])
    text = "Burkina Faso left ECOWAS."
    assert g.find(text) == [liptako.Match(0, 12, 0), liptako.Match(18, 24, 1)]
    starts, ends, values = g.find_arrays(text)
    assert (list(starts), list(ends), list(values)) == ([0, 18], [12, 24], [0, 1])
