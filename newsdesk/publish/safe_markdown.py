"""Markdown for other generators: raw HTML and script links taken out, code left as typed.

Exported Markdown and ninjs ``text/markdown`` bodies are rendered by programs without a
sanitiser of their own: CommonMark ones (Hugo, markdown-it) and Python-Markdown with its
``extra`` extensions (Pelican). Outside code, ``<`` that could open a tag becomes
``&lt;``, a ``{`` that could start an attribute list (``{: onclick=...}``) is
backslash-escaped, and a link target that is not http(s), mailto or relative becomes
``#``. Inside code nothing changes, since every renderer shows code as typed.

What counts as code is decided conservatively (``stories.markdown_code``), because a
mistake the other way is a hole: a line is kept as typed only where both kinds of
renderer certainly read it as code, and anything in doubt is escaped (at worst ``&lt;``
then shows inside code).
"""

from __future__ import annotations

import re
from html import unescape as unescape_entities

from newsdesk.publish.render import URL_SCHEMES
from newsdesk.stories.markdown_code import (
    Intervals,
    Span,
    autolinks,
    find_code_spans,
    link_targets,
)

# Every "<" that could open a tag, also in a link's "<target>": "[x](<script>" is a link
# only if a valid one follows; otherwise it is raw HTML.
_TAG_START_RE = re.compile(r"<(?=[A-Za-z/!?])")
# An attribute list ({: onclick=...} in Python-Markdown's attr_list and kramdown). Each
# "{" of "{{: onclick=...}" is one: attr_list takes the outer one, "{:" as a name.
_ATTRIBUTE_LIST_RE = re.compile(r"\{(?=[^}\r\n]*=[^{}\r\n]*\})")
_SCHEME_RE = re.compile(r"[a-z][a-z0-9+.\-]*:")
_ESCAPED_RE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_CONTROL_OR_SPACE_RE = re.compile(r"[\x00-\x20\x7f]")


def safe_markdown(text: str) -> str:
    """``text`` with raw HTML, attribute lists and script links outside code made
    harmless for any Markdown renderer; ordinary text and code come out unchanged."""
    links, opened = link_targets(text), autolinks(text)
    kept = find_code_spans(text, links, opened)
    return _apply(text, _edits(text, Intervals(kept), links, opened))


# -- what changes outside code -----------------------------------------------------------
def _edits(text: str, kept: Intervals, links: list[Span],
           autolink_spans: list[Span]) -> list[tuple[int, int, str]]:
    edits = [(a, b, "#") for a, b in links
             if not kept.covers(a) and a < b and not _safe_target(text[a:b])]
    replaced = Intervals([(a, b) for a, b, _ in edits])
    open_links = Intervals([(a, b) for a, b in autolink_spans if not kept.covers(a)])
    for pattern, replacement in ((_TAG_START_RE, "&lt;"), (_ATTRIBUTE_LIST_RE, "\\{")):
        edits += [(m.start(), m.end(), replacement) for m in pattern.finditer(text)
                  if not kept.covers(m.start()) and not replaced.covers(m.start())
                  and (pattern is not _TAG_START_RE or not open_links.covers(m.start()))]
    return sorted(edits)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    parts, position = [], 0
    for start, end, replacement in edits:
        parts += [text[position:start], replacement]
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _safe_target(target: str) -> bool:
    # As a renderer reads it: entities decoded, backslash escapes and spaces dropped.
    plain = _CONTROL_OR_SPACE_RE.sub("", _ESCAPED_RE.sub("", unescape_entities(target.strip("<>"))))
    scheme = _SCHEME_RE.match(plain.lower())
    return scheme is None or scheme.group(0)[:-1] in URL_SCHEMES
