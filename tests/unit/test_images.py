"""Images (course/checks/images.py): each needs alt text, and a Markdown image a file in docs/ to show,
as a strict build requires; an image that is there, or on another site, or made by a macro, passes."""

from __future__ import annotations

import shutil

from course.checks.images import check_images
from engine import DOCS_DIR, outline


def problems_with(tmp_path, lines: list[str]) -> list[str]:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS_DIR, docs)
    (docs / "assets").mkdir()
    (docs / "assets" / "chart.png").write_bytes(b"\x89PNG")
    (docs / "assets" / "my chart.png").write_bytes(b"\x89PNG")
    page = docs / "forms.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    first = text.count("\n") + 2
    return [str(problem).replace(f":{first + 2 * index}:", f":+{index}:") for problem in check_images(outline(docs_dir=docs))
            for index in range(len(lines)) if f":{first + 2 * index}:" in str(problem)]


def test_images_that_are_there_pass(tmp_path):
    assert problems_with(tmp_path, [
        "![A chart](assets/chart.png)",
        '![A chart](assets/chart.png "The title")',
        "![A chart](<assets/my chart.png>)",
        "![A chart](assets/my%20chart.png)",
        "![A chart](/assets/chart.png)",
        "![A chart](https://example.org/chart.png)",
        "![A dot](data:image/png;base64,iVBORw0KGgo=)",
        '![A chart]({{ "assets/chart.png" }})',
    ]) == []


def test_an_image_with_no_file_is_named_at_its_line(tmp_path):
    outside = "it is outside docs/, where the build finds images; put the file in docs/"
    assert problems_with(tmp_path, ["Text.", "![A chart](assets/nothing.png)", "![A chart](../docs/assets/chart.png)"]) == [
        "docs/forms.md:+1: image 'assets/nothing.png' does not resolve: there is no docs/assets/nothing.png",
        f"docs/forms.md:+2: image '../docs/assets/chart.png' does not resolve: {outside}",
    ]
