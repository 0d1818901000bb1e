"""The documents cannot silently rot: every repository path they cite exists.

A path is a span in backquotes, outside fenced code blocks, written as a relative path: no spaces, no URL
scheme, no wildcard or placeholder, and either containing a slash or ending in a file extension. Paths under
`instance/` and `.venv` are created at run time, not shipped, and are not checked. Relative Markdown links to
local files are checked too.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted([*ROOT.glob("*.md"), *(ROOT / "docs").glob("*.md")])
RUNTIME = ("instance/", ".venv")
EXTENSIONS = {
    ".py",
    ".md",
    ".toml",
    ".html",
    ".js",
    ".css",
    ".json",
    ".jsonl",
    ".txt",
    ".cfg",
    ".ini",
    ".mako",
    ".png",
    ".yml",
    ".yaml",
    ".sh",
}
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
SPAN = re.compile(r"`([^`\n]+)`")
PATHLIKE = re.compile(r"[\w.\-/]+")
LINK = re.compile(r"\]\(([^)\s]+)\)")


def cited_paths(text: str) -> set[str]:
    text = FENCE.sub("", text)
    found = set()
    for span in SPAN.findall(text):
        if not PATHLIKE.fullmatch(span) or span.startswith(("/", "-")) or span.startswith(RUNTIME):
            continue
        if "/" in span or Path(span).suffix in EXTENSIONS:
            found.add(span)
    return found


def linked_paths(text: str) -> set[str]:
    return {
        target.split("#")[0]
        for target in LINK.findall(FENCE.sub("", text))
        if "://" not in target and not target.startswith(("#", "mailto:")) and target.split("#")[0]
    }


def test_the_documents_are_found():
    names = {p.relative_to(ROOT).as_posix() for p in DOCUMENTS}
    assert {
        "README.md",
        "docs/architecture.md",
        "docs/glossary.md",
        "docs/taxonomy.md",
        "docs/legal-deadlines.md",
        "docs/design.md",
    } <= names


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_cited_path_exists(document):
    missing = sorted(p for p in cited_paths(document.read_text(encoding="utf-8")) if not (ROOT / p).exists())
    assert not missing, f"{document.relative_to(ROOT)} cites paths that do not exist: {missing}"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_local_link_resolves(document):
    links = linked_paths(document.read_text(encoding="utf-8"))
    missing = sorted(link for link in links if not (document.parent / link).exists())
    assert not missing, f"{document.relative_to(ROOT)} links to files that do not exist: {missing}"


def test_the_path_finder_is_not_blind():
    text = (
        "See `triage/app.py`, `wsgi.py`, `docs/nowhere.md`, `instance/app.db`, `/can-bo/`, `make run`, "
        "`REDIS_URL`, `ml.taxonomy`, `sqlite:///x.db`.\n```\n`inside/a/fence.py`\n```\n"
    )
    assert cited_paths(text) == {"triage/app.py", "wsgi.py", "docs/nowhere.md"}
    assert linked_paths("[a](docs/x.md#top) [b](https://example.org) [c](#here)") == {"docs/x.md"}
