"""The favicon, written into each page as a data: URL.

A browser asks for the page's icon while it reads the page, and Lighthouse
counts that request as part of the first paint (bench/lighthouse.py measured
0.15 s of its simulated largest paint). The icon is a few hundred bytes of SVG:
sent inside the page, it costs no request at all.
"""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path
from urllib.parse import quote


def favicon_data_url(docs_dir: Path, favicon: str) -> str | None:
    """`favicon` (a path under docs/) as a data: URL, or None when it is not a file in docs/."""
    if ":" in favicon:
        return None  # an address or a data: URL already: left as it is
    path = Path(docs_dir) / favicon
    if not path.is_file():
        return None  # the theme's own icon: left as it is
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if media_type == "image/svg+xml":
        # Text stays text (smaller than base64); runs of white space between tags are dropped.
        text = " ".join(path.read_text(encoding="utf-8").split()).replace("> <", "><")
        return f"data:{media_type},{quote(text, safe=' /=:')}"
    return f"data:{media_type};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
