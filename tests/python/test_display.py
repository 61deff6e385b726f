"""Document._repr_html_ / liptako.display.render_html."""

import re
from html.parser import HTMLParser

import liptako
from liptako.display import render_html
from liptako._document import Dct, Document, Entity, Timex


class _Checker(HTMLParser):
    """Checks that tags nest properly and collects text and script tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.scripts, self.text, self.marks = [], 0, [], []
        self._in_doc = 0

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        self.stack.append(tag)
        if tag == "mark":
            self.marks.append(dict(attrs))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def check(html):
    c = _Checker()
    c.feed(html)
    c.close()
    assert c.stack == [], c.stack
    return c


def doc_text(html):
    """The article text back from the rendered div, label chips removed."""
    body = html.split('<div class="liptako-doc">', 1)[1]
    body = re.sub(r'<span class="liptako-label">.*?</span>', "", body)
    c = _Checker()
    c.feed("<div><div>" + body)
    return "".join(c.text)


def test_repr_html_highlights_entities_and_dates(extractor):
    text = ("Mali and Niger signed a defence pact in Niamey on 16 September 2023. "
            "President Assimi Goita met ECOWAS envoys.")
    doc = extractor.extract(text, id="pact")
    html = doc._repr_html_()
    assert html == render_html(doc)
    c = check(html)
    titles = [m["title"] for m in c.marks]
    assert any("country/MLI" in t and "Mali" in t for t in titles)
    assert any("2023-09-16" in t for t in titles)  # timex value in the hover title
    assert any("person/assimi-goita" in t for t in titles)
    classes = {m["class"] for m in c.marks}
    assert {"liptako-entity", "liptako-timex"} <= classes
    # A legend with the labels present, coloured.
    legend = html.split('class="liptako-legend"', 1)[1].split("</div>", 1)[0]
    for label in ("COUNTRY", "PERSON", "ORG", "DATE"):
        assert label in legend
    assert "#feca74" in html
    assert doc_text(html) == text


def test_text_is_escaped_and_runs_nothing(extractor):
    text = ('Mali <script>alert("pwned")</script> & Niger <img src=x onerror=alert(1)> '
            'signed a pact on 3 March 2023.')
    doc = extractor.extract(text, id='<b>"id"</b>')
    html = doc._repr_html_()
    c = check(html)
    assert c.scripts == 0
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    assert doc_text(html) == text


def test_titles_and_labels_are_escaped():
    text = "Al \"Q\" <Group> met."
    ent = Entity(0, 14, text[0:14], 'EVIL"><script>', 'org/"x"', "<b>name</b>", "name",
                 "gazetteer", 0)
    doc = Document("d", text, Dct(None, "none"), [ent], [], [])
    html = render_html(doc)
    c = check(html)
    assert c.scripts == 0 and "<b>" not in html
    assert c.marks[0]["title"].startswith('EVIL"><script>')  # round-trips as an attribute


def test_overlapping_spans_do_not_break_markup():
    text = "On 3 March 2023 Mali and Niger met in Niamey."
    ents = [
        Entity(16, 20, "Mali", "COUNTRY", "country/MLI", "Mali", "name", "gazetteer", 0),
        Entity(16, 30, "Mali and Niger", "ORG", "org/x", "X", "name", "rule", 0),  # overlaps
        Entity(25, 30, "Niger", "COUNTRY", "country/NER", "Niger", "name", "gazetteer", 0),
        Entity(38, 44, "Niamey", "LOCATION", "location/niamey", "Niamey", "name", "gazetteer",
               0),
    ]
    timexes = [
        Timex(3, 15, "3 March 2023", "DATE", "2023-03-03", "absolute", 0),
        Timex(11, 20, "2023 Mali", "DATE", "2023", "absolute", 0),  # overlaps an entity
        Timex(40, 60, "out of range", "DATE", "x", "absolute", 0),  # beyond the text
    ]
    doc = Document("o", text, Dct(None, "none"), ents, timexes, [])
    html = render_html(doc)
    c = check(html)
    marked = [(m["class"], m["title"].split()[1]) for m in c.marks]
    # Entities win over timexes; among entities the earlier-then-longer span wins.
    assert marked == [("liptako-timex", "2023-03-03"), ("liptako-entity", "org/x"),
                      ("liptako-entity", "location/niamey")]
    assert doc_text(html) == text


def test_label_filter_and_events(extractor):
    doc = extractor.extract("Gunmen attacked a convoy near Djibo on 2 May 2023.", id="e")
    html = render_html(doc, labels=["LOCATION"], timexes=False)
    c = check(html)
    assert all(m["class"] == "liptako-entity" for m in c.marks)
    if doc.events:
        html = render_html(doc)
        assert "liptako-event" in html
        assert doc.events[0].type in html


def test_empty_document():
    doc = Document("", "", Dct(None, "none"))
    check(render_html(doc))
    assert isinstance(liptako.Extractor, type)
