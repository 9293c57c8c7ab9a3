"""Property-based: whatever text an author puts in a data field, the page shows exactly that text."""

from __future__ import annotations

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from course.content import schemas as models
from course.render.environment import render
from course.render.figures import Figure, layout
from course.render.tables import TableRow, TableView

GLOSSARY = {"PCN": "Primary care network", "GP": "General practitioner", "A&E": "Accident & emergency"}

# Any printable text, markup characters and template syntax included, that the schema accepts:
# no control characters (YAML cannot hold most of them) and not blank.
pieces = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029\x85")
    | st.sampled_from(list("<>&\"'{}%|#*_`[]()!\\ \n")),
    max_size=20,
) | st.sampled_from(["{{ config }}", "{% if x %}", "}}", "%}", "PCN", "GP", "A&E", "<script>alert(1)</script>", "&amp;"])
texts = st.lists(pieces, min_size=1, max_size=5).map("".join).filter(lambda text: text.strip())


def visible(text: str) -> str:
    """What a reader sees: HTML collapses runs of white space."""
    return " ".join(text.split())


def shown(html: str, selector: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find("script"), "data must never become markup"
    return [visible(element.get_text()) for element in soup.select(selector)]


@settings(max_examples=150, deadline=None)
@given(label=texts, title=texts, question=texts, step=texts, prompt=texts)
def test_activity_fields_round_trip(label, title, question, step, prompt):
    activity = models.Activity.model_validate(
        {
            "id": "a",
            "label": label,
            "title": title,
            "mode": "individual",
            "minutes": 5,
            "question": question,
            "instructions": [step, step],
            "prompts": [{"id": "p", "text": prompt, "lines": 2}],
        }
    )
    html = render("activity.html", glossary=GLOSSARY, activity=activity, privacy_href="../privacy/")
    assert shown(html, ".activity__kind") == [visible(activity.label)]
    assert shown(html, ".activity__title") == [visible(activity.title)]
    assert shown(html, ".activity__question") == [visible(activity.question)]
    assert shown(html, ".activity__instructions li") == [visible(activity.instructions[0])] * 2
    assert shown(html, ".activity__prompt-text") == [visible(activity.prompts[0].text)]


@settings(max_examples=150, deadline=None)
@given(caption=texts, column=texts, label=texts, points=st.lists(texts, min_size=1, max_size=3))
def test_table_fields_round_trip(caption, column, label, points):
    table = TableView(
        id="t",
        caption=caption,
        corner="Aspect",
        columns=[column],
        rows=[TableRow(label, [points])],
        source=caption,
    )
    html = render("comparison_table.html", glossary=GLOSSARY, table=table)
    assert shown(html, "thead th")[1:] == [visible(column)]
    assert shown(html, "tbody th") == [visible(label)]
    cell = " ".join(shown(html, "tbody td"))
    assert cell == visible(" ".join(points))
    assert shown(html, "td")[0] == visible(" ".join(points))
    soup = BeautifulSoup(html, "html.parser")
    assert visible(soup.select_one("td")["data-column"]) == visible(column)


@settings(max_examples=100, deadline=None)
@given(name=texts, response=texts)
def test_figure_labels_round_trip(name, response):
    figure = Figure(
        title=name,
        description=response,
        caption=name,
        x_label="x",
        y_label="y",
        boxes=layout([("t", name, response)]),
    )
    html = render("typology_figure.html", glossary=GLOSSARY, figure=figure)
    assert shown(html, "text.typology-figure__name") == [visible(name)]
    assert shown(html, "text.typology-figure__response") == [visible(response)]
    assert shown(html, "title") == [visible(name)]
    assert shown(html, "desc") == [visible(response)]


@settings(max_examples=100, deadline=None)
@given(name=texts, description=texts)
def test_simple_rule_fields_round_trip(name, description):
    rules = models.SimpleRulesFile.model_validate(
        {"heading": name, "rules": [{"name": name, "description": description}]}
    )
    html = render("simple_rules.html", glossary=GLOSSARY, rules=rules)
    assert shown(html, "dt") == [visible(rules.rules[0].name)]
    assert shown(html, "dd") == [visible(rules.rules[0].description)]
