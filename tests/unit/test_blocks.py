"""Each macro rendered as a page calls it, hostile values included; no MkDocs involved."""

from __future__ import annotations

import inspect
import re

import pytest
from bs4 import BeautifulSoup

import macros as page_macros_module
from engine import DATA_DIR, HOSTILE_TEXTS, fixture_data, macros, outline
from course.paper.plan import plan_paper
from course.content.abbreviations import singular_abbreviations
from course.page_macros import MACRO_NAMES, signature
from course.render.environment import Segment, render, split_abbreviations
from course.render.glossary import abbreviations_html


def comparison_table(table_id, data_dir=DATA_DIR):
    return macros("forms.md", data_dir).comparison_table(table_id)


def activity(activity_id, data_dir=DATA_DIR):
    return macros("problems.md", data_dir).activity(activity_id)


def typology_figure(data_dir=DATA_DIR):
    return macros("problems.md", data_dir).typology_figure()


def simple_rules(data_dir=DATA_DIR):
    return macros("together.md", data_dir).simple_rules()


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def visible_text(html: str) -> str:
    return " ".join(soup(html).get_text(" ").split())


# --- comparison_table -------------------------------------------------------------


def test_organisational_forms_table_is_a_real_table():
    table = soup(comparison_table("organisational-forms")).find("table")
    assert table.caption.get_text(" ", strip=True).startswith("Ways of organising compared")
    column_headers = [th.get_text(strip=True) for th in table.thead.find_all("th", scope="col")]
    assert column_headers == ["Aspect", "Market", "Hierarchy", "Network"]
    row_headers = [th.get_text(strip=True) for th in table.tbody.find_all("th", scope="row")]
    assert row_headers == ["Likened to", "Good for", "What the slides say about it"]
    metaphors = [td.get_text(strip=True) for td in table.tbody.find_all("tr")[0].find_all("td")]
    assert metaphors == ["Quick sale", "Long contract", "Friendship"]
    # Each form's points as the slides give them, in their order, under one neutral heading.
    network_points = table.tbody.find_all("tr")[2].find_all("td")[2].find_all("li")
    assert [li.get_text(strip=True) for li in network_points] == [
        "Relationships and trust are the invisible hand.",
        "It is emergent and hard to micro-manage.",
    ]


def test_each_cell_is_labelled_with_its_column_for_the_phone_layout():
    table = soup(comparison_table("problem-types")).find("table")
    for row in table.tbody.find_all("tr"):
        assert [td["data-column"] for td in row.find_all("td")] == ["Critical", "Tame", "Wicked"]


def test_problem_types_table_cites_its_source():
    table = soup(comparison_table("problem-types")).find("table")
    assert table.caption.find(class_="comparison__source").get_text(strip=True) == "Source: Ann Author (2005), adapted"
    responses = [td.get_text(strip=True) for td in table.tbody.find_all("tr")[1].find_all("td")]
    assert responses == ["Command", "Management", "Leadership"]


def test_an_unknown_table_names_the_known_ones():
    with pytest.raises(KeyError, match="'organisational-forms', 'problem-types'"):
        comparison_table("networks")


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_table_text_is_escaped(make_data_dir, hostile):
    def edit(data):
        data["organisational_forms.yml"]["forms"][0]["metaphor"] = hostile
        data["organisational_forms.yml"]["caption"] = hostile

    html = comparison_table("organisational-forms", make_data_dir(edit))
    assert not soup(html).find("script")
    assert soup(html).find("table").tbody.tr.td.get_text(strip=True) == hostile
    assert hostile in visible_text(html)


# --- activity ---------------------------------------------------------------------


def test_activity_is_a_labelled_section_with_prompts_and_writing_space():
    section = soup(activity("reflect")).find("section")
    assert "activity" in section["class"] and "activity--individual" in section["class"]
    assert section["id"] == "reflect"
    assert section.find(class_="activity__kind").get_text() == "Self-Activity 3"
    title = section.find("h3")
    assert section["aria-labelledby"] == title["id"]
    prompts = section.find("ol", class_="activity__prompts").find_all("li", recursive=False)
    assert [p.find(class_="activity__prompt-text").get_text() for p in prompts] == [
        "How would you define your problem?",
        "How might you adapt your approach?",
    ]
    assert [len(p.find_all(class_="activity__line")) for p in prompts] == [6, 6]
    assert [p["id"] for p in prompts] == ["reflect--define", "reflect--adapt"]


def test_a_group_activity_with_steps_lists_them_in_order():
    section = soup(activity("walk")).find("section")
    assert "activity--group" in section["class"]
    steps = section.find("ol", class_="activity__instructions").find_all("li")
    assert [step.get_text() for step in steps] == [
        "This activity needs space to walk.",
        "Choose one person in the room.",
        "Keep an arm's length from that person.",
        "Stop when everyone is still.",
    ]


def test_abbreviations_in_data_become_tooltips(make_data_dir):
    data = make_data_dir(lambda d: d["activities.yml"]["activities"][1].update(title="Your own projects across the PCN"))
    section = soup(activity("reflect", data)).find("section")
    abbr = section.find("h3").find("abbr")
    assert abbr.get_text() == "PCN" and abbr["title"] == "Primary care network"


def test_an_unknown_activity_names_the_known_ones():
    with pytest.raises(KeyError, match="no activity with id 'reflection' in data/unit-1/activities.yml; known ids: 'walk', 'reflect', 'discuss'"):
        activity("reflection")


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_activity_text_is_escaped(make_data_dir, hostile):
    def edit(data):
        entry = data["activities.yml"]["activities"][0]
        entry.update(title=hostile, label=hostile, question=hostile)
        entry["prompts"][0]["text"] = hostile

    html = activity("walk", make_data_dir(edit))
    section = soup(html).find("section")
    assert not section.find("script")
    assert section.find("h3").get_text() == hostile
    assert section.find(class_="activity__kind").get_text() == hostile
    assert section.find(class_="activity__prompt-text").get_text() == hostile


# --- typology_figure -----------------------------------------------------------------


def test_typology_figure_is_accessible_svg_built_from_the_data():
    figure = soup(typology_figure()).find("figure")
    svg = figure.find("svg")
    assert svg["role"] == "img"
    assert svg["aria-labelledby"] == "typology-figure-title typology-figure-desc"
    assert svg.find("title").get_text().strip()
    description = svg.find("desc").get_text()
    for phrase in ("critical problem: command", "tame problem: management", "wicked problem: leadership"):
        assert phrase in description
    # The axes are labelled from the data, which gives no source for them: the caption says they are the site's.
    assert [t.get_text() for t in svg.find_all("text", class_="typology-figure__axis-label")] == [
        "More fixture uncertainty",
        "More fixture collaboration",
    ]
    assert "Across: More fixture uncertainty. Up: More fixture collaboration." in description
    assert "the axis labels are this site's" in figure.figcaption.get_text()
    names = [t.get_text() for t in svg.find_all("text", class_="typology-figure__name")]
    assert names == ["Critical problem", "Tame problem", "Wicked problem"]
    boxes = [(float(r["x"]), float(r["y"])) for r in svg.find_all("rect")]
    assert [x for x, _ in boxes] == sorted(x for x, _ in boxes), "uncertainty rises to the right"
    assert [y for _, y in boxes] == sorted((y for _, y in boxes), reverse=True), "and the response rises"
    assert "Ann Author (2005), adapted" in figure.figcaption.get_text()


def test_the_figure_says_whose_axis_labels_it_shows(make_data_dir):
    def from_the_source(data):
        data["problem_types.yml"]["axes"]["source"] = "fixture-author-2005"

    def none(data):
        del data["problem_types.yml"]["axes"]

    caption = soup(typology_figure(make_data_dir(from_the_source))).figcaption.get_text()
    assert "the axis labels are from Ann Author (2005), adapted." in caption and "this site's" not in caption
    unlabelled = soup(typology_figure(make_data_dir(none)))
    assert not unlabelled.find(class_="typology-figure__axis-label")
    assert "axis labels" not in unlabelled.figcaption.get_text()


def test_the_figure_follows_the_data(make_data_dir):
    def edit(data):
        data["problem_types.yml"]["types"][1]["name"] = "<b>Tame & tidy</b>"
        del data["problem_types.yml"]["types"][0]
        data["self_check.yml"] = None  # it names the type taken out
        del data["deck.yml"]["parts"][4]["notes"]["examples"][0]  # and so does the deck's example of it

    svg = soup(typology_figure(make_data_dir(edit))).find("svg")
    assert [t.get_text() for t in svg.find_all("text", class_="typology-figure__name")] == [
        "<b>Tame & tidy</b> problem",
        "Wicked problem",
    ]
    assert not svg.find("b")


# --- simple_rules, references, cite ---------------------------------------------------


def test_simple_rules_are_a_definition_list():
    rules = soup(simple_rules()).find("dl")
    assert [dt.get_text() for dt in rules.find_all("dt")] == ["Participative", "Emergent"]
    assert [dd.get_text() for dd in rules.find_all("dd")] == ["Involving many people's ideas.", "Able to work with uncertainty."]


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_simple_rules_text_is_escaped(make_data_dir, hostile):
    html = simple_rules(make_data_dir(lambda d: d["simple_rules.yml"]["rules"][0].update(description=hostile)))
    assert soup(html).find("dd").get_text() == hostile and not soup(html).find("script")


def test_references_have_anchors_for_citations():
    items = soup(macros("references.md").references()).find_all("li")
    # Every source of the programme, the second unit's too; the further reading last.
    assert [li["id"] for li in items] == ["fixture-centre-2014", "fixture-author-2005", "fixture-source", "fixture-author-2008", "fixture-web-page"]
    assert items[1].get_text().startswith("Ann Author (2005), adapted.")


def test_references_give_what_was_checked_and_mark_further_reading_as_the_sites():
    listing = soup(macros("references.md").references())
    checked = listing.find(id="fixture-author-2005")
    assert "‘Problems and their framing: a “fixture”’. Journal of Health Organization and Management, 1(2), pp. 3–4." in checked.get_text()
    assert checked.find("a")["href"] == "https://doi.org/10.1234/fixture.2005"
    # The slides give The Fixture Centre no title, so neither does the site.
    assert listing.find(id="fixture-centre-2014").get_text(" ", strip=True) == "The Fixture Centre (2014) . The simple rules."
    further = listing.select_one(".site-added")
    assert further.select_one(".site-added__label").get_text() == "Added for this site"
    assert [li["id"] for li in further.find_all("li")] == ["fixture-author-2008", "fixture-web-page"]
    assert not listing.find(id="fixture-author-2005").find_parent(class_="site-added")
    # A web page with no DOI links to its address; one with no date is cited "n.d.", never with a made-up year.
    page = listing.find(id="fixture-web-page")
    assert page.get_text(" ", strip=True) == (
        "The Fixture Trust (n.d.) . ‘Networks explained’. https://example.org/networks-explained . What a network is."
    )
    assert page.find("a")["href"] == "https://example.org/networks-explained"
    assert not checked.find("a", class_="references__url")  # the DOI is the link when there is one


def test_cite_is_a_markdown_link_to_the_references_page():
    cite = macros("together.md").cite
    assert cite("fixture-centre-2014") == "[The Fixture Centre (2014)](/references.md#fixture-centre-2014)"
    with pytest.raises(KeyError, match="no reference with id 'nobody'"):
        cite("nobody")


# --- glossary ---------------------------------------------------------------------


def test_split_abbreviations_matches_whole_words_only():
    glossary = {"PCN": "Primary care network", "PCNs": "Primary care networks"}
    assert split_abbreviations("PCNs and a PCN, not PCNX or e-PCN", glossary) == [
        Segment("PCNs", "Primary care networks"),
        Segment(" and a "),
        Segment("PCN", "Primary care network"),
        Segment(", not PCNX or e-PCN"),
    ]
    assert split_abbreviations("", glossary) == [Segment("")]
    assert split_abbreviations("PCN", {}) == [Segment("PCN")]


def test_abbreviations_list_each_once_from_the_snippet_file(tmp_path):
    snippet = tmp_path / "abbreviations.md"
    snippet.write_text("*[PCN]: Primary care network\n*[PCNs]: Primary care networks\n*[A&E]: Accident & <emergency>\n")
    from course.content.abbreviations import read_abbreviations

    entries = soup(abbreviations_html(read_abbreviations(snippet))).find_all("dt")
    assert [dt.get_text() for dt in entries] == ["A&E", "PCN"]
    assert entries[0].abbr["title"] == "Accident & <emergency>"
    assert singular_abbreviations({"GPs": "x", "GP": "y", "NHS": "z"}) == {"GP": "y", "NHS": "z"}


def test_key_terms_come_from_the_data():
    terms = [dt.get_text() for dt in soup(macros("glossary.md").key_terms()).find_all("dt")]
    assert terms == ["Critical problem", "Tame problem", "Wicked problem", "Market", "Hierarchy", "Network", "Place (a fixture term)"]


# --- the plumbing ------------------------------------------------------------------


def test_rendered_html_has_no_blank_lines_so_markdown_keeps_it_whole():
    for html in (activity("reflect"), comparison_table("organisational-forms"), typology_figure()):
        assert "\n\n" not in html and all(line.strip() for line in html.splitlines())


def test_undefined_template_values_raise():
    from jinja2 import UndefinedError

    with pytest.raises(UndefinedError):
        render("activity.html", glossary={})


def test_define_env_registers_every_macro_the_engine_has():
    class FakeEnv:
        def __init__(self):
            self.registered = []

        def macro(self, function):
            self.registered.append(function.__name__)

    env = FakeEnv()
    page_macros_module.define_env(env)
    assert env.registered == [
        "abbreviations",
        "accessibility_statement",
        "activity",
        "activity_label",
        "activity_list",
        "attendance_register",
        "certificate",
        "changed_since",
        "cite",
        "comparison_table",
        "evaluation_form",
        "facilitator_guide",
        "flocking_simulation",
        "joining_note",
        "key_points",
        "key_terms",
        "my_workbook",
        "my_workbook_finish",
        "outcomes",
        "presenter_view",
        "privacy_notice",
        "problem_check",
        "problem_check_scenarios",
        "references",
        "reflective_record",
        "reflective_record_uses",
        "run_sheet",
        "simple_rules",
        "typology_figure",
        "unit_outcomes",
        "workbook_activities",
        "workbook_cover",
    ]
    assert env.registered == MACRO_NAMES


@pytest.mark.parametrize("name", MACRO_NAMES)
def test_each_registered_macro_takes_what_the_engine_takes(name):
    """The check reads the engine's signatures; pages call macros/: they must agree."""
    registered = inspect.signature(getattr(page_macros_module, name))
    assert list(registered.parameters)[1:] == list(signature(name).parameters), "less the Jinja context"


def test_activity_label_gives_the_programmes_number():
    activity_label = macros().activity_label
    assert activity_label("reflect") == "Self-Activity 3"
    assert activity_label("walk") == "Exercise"


def test_each_abbreviation_is_spelled_out_where_a_page_first_uses_it():
    from course.render.abbreviations import spell_out_first_use

    pcn, pcns = '<abbr title="Primary care network">PCN</abbr>', '<abbr title="Primary care networks">PCNs</abbr>'
    nhs = '<abbr title="National &amp; Health">NHS</abbr>'
    page = f"<h1>Our {pcn}</h1><p>{pcns} and a {pcn}; the {nhs} and {nhs}.</p>"
    text = soup(spell_out_first_use(page)).get_text()
    # The heading is left alone; the plural counts as the first use of PCN; each meaning once, escaped once.
    assert text == "Our PCNPCNs (Primary care networks) and a PCN; the NHS (National & Health) and NHS."
    assert spell_out_first_use("<p>No abbreviations</p>") == "<p>No abbreviations</p>"


# --- The site's own words ----------------------------------------------------------


def test_every_passage_the_site_adds_gets_one_label():
    from course.render.site_added import label_site_added

    page = (
        '<p class="site-added">An intro.</p><p>The slides.</p>'
        '<div class="flocking site-added" id="x"><p>Simulated.</p></div>'
        '<p class="screen-only site-added" id="y">On screen.</p>'
    )
    labelled = label_site_added(page)
    html = soup(labelled)
    marked = html.select(".site-added")
    assert [m.name for m in marked] == ["div", "div", "div"]
    assert [m.select_one(".site-added__label").get_text() for m in marked] == ["Added for this site"] * 3
    assert [m.get_text(" ", strip=True) for m in marked] == [
        "Added for this site An intro.",
        "Added for this site Simulated.",
        "Added for this site On screen.",
    ]
    assert html.find(id="y")["class"] == ["screen-only", "site-added"]  # its classes and id move to the block
    assert html.find("p", string="The slides.").find_parent(class_="site-added") is None
    assert label_site_added(labelled) == labelled  # the whole unit passes pages through twice: still one label each


def test_the_sites_own_material_carries_the_label_in_every_macro():
    for block in (
        macros("problems.md").problem_check(),
        macros("problems.md").problem_check_scenarios(),
        macros("together.md").flocking_simulation(),
        macros("glossary.md").key_terms(),
        macros("problems.md").typology_figure(),
    ):
        marked = soup(block).select_one(".site-added")
        assert marked is not None, block[:80]
    walk = soup(activity("walk"))
    # The data marks the exercise's prompt as the site's (added_for_site): it is labelled, the steps are not.
    prompt = walk.find(id="walk--what-happened")
    assert prompt.select_one(".site-added__label").get_text() == "Added for this site"
    assert not walk.select_one(".activity__instructions").find_parent(class_="site-added")


def test_every_label_comes_before_the_words_it_marks_wherever_an_activity_is_shown():
    """A reader, a screen reader and a sheet of paper meet "Added for this site" first, then the added words."""
    from course.paper.handouts import handout_html

    found = outline()
    [walk_handout] = [handout for handout in plan_paper(found).handouts if handout.activity_id == "walk"]
    shown = {
        "page": activity("walk"),
        "workbook": macros("workbook.md").workbook_activities(),
        "handout": handout_html(walk_handout, "https://example.org/x/handouts/walk/", found.programme, found.glossary, None),
    }
    for where, html in shown.items():
        prompt = soup(html).find(id="walk--what-happened")
        marked = prompt.select_one(".site-added")
        assert [child["class"][0] for child in marked.find_all(recursive=False)] == ["site-added__label", "activity__prompt-text"], where
        assert prompt.get_text(" ", strip=True).startswith("Added for this site What did you notice"), where


def test_key_terms_show_the_slides_words_as_theirs_and_mark_each_added_definition_with_its_sources():
    terms = soup(macros("glossary.md").key_terms())
    entries = {dt.get_text(strip=True): dd for dt, dd in zip(terms.find_all("dt"), terms.find_all("dd"))}

    def parts(term):
        # The words as read: get_text spaces out inline tags (a link), so the space before a stop goes.
        return [re.sub(r" ([.;])", r"\1", p.get_text(" ", strip=True)) for p in entries[term].find_all("p")]

    # The slides' words, said to be the slides', never under the label or beside a citation.
    assert parts("Critical problem") == ["In the slides: Threatens survival and needs decisive action. A command approach."]
    assert not entries["Critical problem"].select(".site-added")
    assert parts("Hierarchy") == ["In the slides: Organising through a long contract, with management as the invisible hand. "
                                  "The slides liken it to a long contract."]
    # Beside them, the site's definition: labelled first, then its words, then its sources, by citation.
    assert parts("Wicked problem") == [
        "In the slides: Messy, complex and intractable. A collaborative approach.",
        "Added for this site",
        "A problem that resists solution; 'wicked' does not mean immoral. Source: Ann Author (2008).",
    ]
    assert parts("Network")[1:] == [
        "Added for this site",
        "In general, a network coordinates through trust and reciprocity. Sources: Ann Author (2008); The Fixture Trust (n.d.).",
    ]
    assert entries["Network"].select_one(".site-added").find("p")["class"] == ["site-added__label"]
    # Each source links to its entry in the references, from the page that shows the terms.
    assert [a["href"] for a in entries["Network"].select("a.citation")] == [
        "../references/#fixture-author-2008",
        "../references/#fixture-web-page",
    ]
    # The unit's other terms (key_terms.yml) come last, defined by the site alone.
    assert parts("Place (a fixture term)") == [
        "Added for this site",
        "The local level where fixture partners work together. Source: The Fixture Trust (n.d.).",
    ]


def test_a_definitions_sources_must_be_known_references(make_data_dir):
    from course.content.problems import ContentError
    from course.content.programme import load_programme

    def edit(data):
        data["key_terms.yml"]["terms"][0]["definition"]["sources"] = ["fixture-web-page", "nobody-2050"]

    with pytest.raises(ContentError) as raised:
        load_programme(make_data_dir(edit))
    [problem] = [str(p) for p in raised.value.problems]
    assert re.fullmatch(
        r"data/unit-1/key_terms\.yml:\d+: 'fixture-place': its definition's sources name 'nobody-2050', which no "
        r"references\.yml has; add the reference, or correct the id",
        problem,
    )


# --- The facilitator's guide ---------------------------------------------------------


def facilitator_guide() -> str:
    return macros("facilitators/index.md").facilitator_guide()


def test_each_version_is_a_table_that_adds_up_the_default_first():
    guide = facilitator_guide()
    tables = soup(guide).select("table.running-order__table")
    assert [table.caption.get_text() for table in tables] == ["Running order: 45 minutes in all", "Running order: 30 minutes in all"]
    table = tables[0]
    assert [th.get_text() for th in table.thead.find_all("th", scope="col")] == ["Starts at", "Part", "Minutes", "Open"]
    rows = [[cell.get_text(" ", strip=True) for cell in tr.find_all(["td", "th"])] for tr in table.tbody.find_all("tr")]
    assert [row[:3] for row in rows[:5]] == [
        ["0:00", "Welcome", "5"],
        ["0:05", "Exercise: Walking together", "10"],
        ["0:15", "Back to the tables", "2"],
        ["0:17", "Debrief: Walking together", "2"],
        ["0:19", "Simple rules", "3"],
    ]
    assert rows[-2][:3] == ["0:44", "Buffer: for questions and overruns", "1"]
    assert rows[-1][:3] == ["0:45", "End", "45 in all"]
    # An activity's row leads to its notes (a debrief's, to its debrief questions), and names the page to open, linked from the guide's own address.
    walk, _, debrief = table.tbody.find_all("tr")[1:4]
    assert walk.th.a["href"] == "#notes-walk" and debrief.th.a["href"] == "#notes-walk-debrief"
    assert walk.find_all("td")[-1].a["href"] == "../together/"
    assert walk.find_all("td")[-1].select_one(".facilitation__address.print-only").get_text() == "fixture-programme.github.io/course/together/"


def test_a_cut_part_is_out_of_its_versions_table_and_listed_as_follow_up_work():
    guide = facilitator_guide()
    short = soup(guide).select("table.running-order__table")[1]
    assert "Walking together" not in short.get_text()
    assert "- **Exercise: Walking together**: Walked at the next team meeting." in guide
    # The choice of version: a link to each version's section, which works without JavaScript.
    chooser = soup(guide).select_one("ul.session-versions")
    assert [(a.get_text(), a["href"]) for a in chooser.find_all("a")] == [("45 minutes (the usual session)", "#version-45"), ("30 minutes", "#version-30")]
    assert re.search(r"^### 45 minutes \(the usual session\) \{ #version-45 \}$", guide, re.MULTILINE)
    # Each version links to its run sheet, where a page shows it, and to the deck in that version.
    links = [[(a.get_text(), a["href"]) for a in p.find_all("a")] for p in soup(guide).select(".session-versions__links")]
    assert links == [
        [("Run sheet, 45 minutes", "run-sheet-45/"), ("Present the 45-minute session", "present/?minutes=45")],
        [("Present the 30-minute session", "present/?minutes=30")],
    ]


def test_a_run_sheet_shows_its_version_what_changes_and_the_follow_up_work():
    sheet = soup(macros("facilitators/run-sheet-45.md").run_sheet(30))
    table = sheet.select_one("table.running-order__table")
    assert [th.get_text() for th in table.thead.find_all("th", scope="col")] == ["Starts at", "Part", "Minutes", "In this version"]
    rows = [[cell.get_text(" ", strip=True) for cell in tr.find_all(["td", "th"])] for tr in table.tbody.find_all("tr")]
    assert rows[0] == ["0:00", "Welcome", "3", "Shortened: Names only."]
    assert rows[1] == ["0:03", "Simple rules", "5", "In full"]
    assert [li.get_text(" ", strip=True) for li in sheet.select(".run-sheet__follow-up li")] == ["Exercise: Walking together : Walked at the next team meeting."]
    with pytest.raises(KeyError, match="no 50-minute version; its versions: 45, 30"):
        macros("facilitators/run-sheet-45.md").run_sheet(50)


def test_every_activity_has_its_notes_in_running_order_with_its_handout_for_print():
    guide = facilitator_guide()
    headings = re.findall(r"^### (.+) \{ #(notes-[a-z0-9-]+) \}$", guide, re.MULTILINE)
    assert headings == [
        ("Exercise: Walking together", "notes-walk"),
        ("Self-Activity 3: Your own projects", "notes-reflect"),
        ("Discussion: Talking it through", "notes-discuss"),
    ]
    html = soup(guide)
    notes = html.select(".facilitation")
    assert len(notes) == 3
    first = notes[0]
    assert [h.get_text() for h in first.find_all("h4")] == [
        "What to say",
        "Safety",
        "If someone cannot take part as set",
        "If it does not go as planned",
        "On a video call",
        "In a hybrid room",
        "Debrief questions",
        "Listen for",
        "Bridge to the next part",
    ]
    walk = fixture_data()["activities.yml"]["activities"][0]["facilitation"]
    assert [li.get_text() for li in first.select(".facilitation__online li")] == walk["online"]
    assert [li.get_text() for li in first.select(".facilitation__hybrid li")] == walk["hybrid"]
    assert [a["href"] for a in first.select(".facilitation__links a")] == ["../together/", "../handouts/walk/", "present/#walk"]
    # On paper each link is followed by its address online, to type from the sheet.
    assert [span.get_text() for span in first.select(".facilitation__links .facilitation__address.print-only")] == [
        "fixture-programme.github.io/course/together/",
        "fixture-programme.github.io/course/handouts/walk/",
        "fixture-programme.github.io/course/facilitators/present/#walk",
    ]
    handout = first.find_next_sibling(class_="facilitation__handout")
    assert "print-only" in handout["class"] and handout.select_one(".handout .activity#walk")
    # Safety and "if stuck" are there only where the data gives them.
    assert [h.get_text() for h in notes[1].find_all("h4")] == [
        "What to say",
        "If someone cannot take part as set",
        "On a video call",
        "In a hybrid room",
        "Debrief questions",
        "Listen for",
        "Bridge to the next part",
    ]


def test_facilitator_notes_show_data_as_text(make_data_dir):
    from engine import outline as outline_of
    from course.page_macros import PageMacros

    def edit(data):
        notes = data["activities.yml"]["activities"][0]["facilitation"]
        notes["purpose"] = HOSTILE_TEXTS[0]
        notes["say"] = [HOSTILE_TEXTS[4], HOSTILE_TEXTS[1]]
        data["session.yml"]["title"] = "A *bold* [link](http://x)"

    guide = PageMacros(outline_of(make_data_dir(edit)), "facilitators/index.md").facilitator_guide()
    assert "<script>" not in guide and "&lt;script&gt;" in guide
    assert "{{ config }}" in soup(guide).get_text()
    assert r"A \*bold\* \[link\](http://x)" in guide  # Markdown syntax in data stays text


def test_a_unit_without_a_session_plan_says_what_to_add(make_data_dir):
    from engine import outline as outline_of
    from course.page_macros import PageMacros

    def edit(data):
        data["session.yml"] = None
        data["deck.yml"] = None  # a deck follows the session's parts

    with pytest.raises(KeyError, match=r"unit .unit-1. has no session plan; add \S*data/unit-1/session.yml"):
        PageMacros(outline_of(make_data_dir(edit)), "facilitators/index.md").facilitator_guide()
