"""How deep a web page's markup nests, and how many elements parsing it makes, told before
the page is parsed.

An HTML parser — the HTML Standard's tree builder, which Lexbor follows as browsers do — keeps
a stack of the elements open where it reads, and many of its steps look down that stack: a
``<div>`` closes an open ``<p>`` if one is in scope, an end tag looks for its element. On a
page nested thousands of levels deep each tag costs thousands of steps: 100 000 nested
``<div>`` (600 KB) take minutes to parse. And a bold or font tag left open is opened again in
every paragraph after it (the Standard's reconstruction of the active formatting elements):
a thousand different ``<b class=…>`` before ten thousand paragraphs make ten million elements
out of 100 KB.

:func:`shape` follows the tree builder through the page's tags in one pass — the stack of open
elements with the scopes its steps look in, the elements a start or end tag closes, foreign
content (SVG, MathML), the text of ``<script>``, ``<style>`` and ``<textarea>``, the list of
formatting elements with its markers and its limit of three alike — closely enough to tell the
deepest nesting and the elements re-opened, stopping as soon as either is past its limit. Where
its rules are simpler than the Standard's they keep an element open rather than close it, so
that what it tells errs towards more, not less.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable

import attrs

__all__ = ["Shape", "shape"]

_TOKEN = re.compile(
    r"<!--(?:-?>|.*?(?:--!?>|\Z))"  # a comment (<!--> and <!---> are empty ones)
    r"|<[!?][^>]*>?"  # a doctype, a processing instruction: bogus comments
    r"|</(?![A-Za-z])[^>]*>?"  # </ without a letter after it
    r"|<(/?)([A-Za-z][^\t\n\f\r />]*)([^>]*)>?",  # a start or end tag, its attributes
    re.DOTALL,
)
#: Elements whose text is not markup, up to their end tag (in HTML, not in SVG or MathML).
_RAW = frozenset(("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"))
_RAW_END = {name: re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE) for name in _RAW}
#: Elements never pushed: void elements, and those a page has once (html, head, body). A
#: <frameset> is pushed: framesets nest (and one elsewhere is left out by the parser).
_VOID = frozenset(
    (
        *("area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image"),
        *("img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"),
        *("html", "head", "body"),
    )
)
#: Void elements before which the formatting elements are re-opened.
_REOPENING_VOID = frozenset(("area", "br", "embed", "img", "image", "input", "keygen", "wbr"))
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
#: Start tags that close an open <p> (in button scope).
_CLOSES_P = frozenset(
    (
        *("address", "article", "aside", "blockquote", "center", "details", "dialog", "dir"),
        *("div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup"),
        *("main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul", "pre"),
        *("listing", "form", "li", "dd", "dt", "plaintext", "xmp", "hr"),
        *_HEADINGS,
    )
)
_FORMATTING = frozenset(
    ("a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong"),
) | frozenset(("tt", "u"))
#: Elements that start a new part of the list of formatting elements.
_MARKERS = frozenset(("applet", "marquee", "object", "template", "td", "th", "caption"))
_TABLE_PARTS = frozenset(("table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"))
#: Elements of the "special" category (HTML, MathML and SVG).
_SPECIAL = (
    _CLOSES_P
    | _VOID
    | _TABLE_PARTS
    | _MARKERS
    | frozenset(
        (
            *("button", "colgroup", "frameset", "iframe", "noembed", "noframes", "noscript"),
            "script",
            *("select", "style", "textarea", "title", "mi", "mo", "mn", "ms", "mtext"),
            *("annotation-xml", "foreignobject", "desc"),
        )
    )
)
#: Where HTML rules apply again inside SVG or MathML.
_INTEGRATION = frozenset(("foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext"))
#: Start tags that leave SVG or MathML for HTML.
_BREAKOUT = _HEADINGS | frozenset(
    (
        *("b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt"),
        *("em", "embed", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr"),
        *("ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup"),
        *("table", "tt", "u", "ul", "var"),
    )
)
_FONT_BREAKOUT = re.compile(r"\b(?:color|face|size)\s*=", re.IGNORECASE)
#: Start tags after which a <frameset> no longer replaces the body (nor does text).
_NOT_FRAMESET = frozenset(
    (
        *("pre", "listing", "li", "dd", "dt", "button", "applet", "marquee", "object"),
        *("table", "area", "br", "embed", "img", "image", "keygen", "wbr", "input", "hr"),
        *("textarea", "xmp", "iframe", "select", "body"),
    )
)
#: Elements whose end tag is implied (closed by "generate implied end tags").
_IMPLIED = frozenset(("dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc"))
#: The elements of SVG and MathML that end scopes.
_FOREIGN_BARRIERS = frozenset(
    ("foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml")
)
_SCOPE = _FOREIGN_BARRIERS | frozenset(
    ("applet", "caption", "html", "table", "td", "th", "marquee", "object", "template")
)
#: The scopes the tree builder looks in: the elements that end each.
_BARRIERS = {
    "scope": _SCOPE,
    "button": _SCOPE | {"button"},
    "list": _SCOPE | {"ol", "ul"},
    "table": frozenset(("html", "table", "template")),
    "special": _SPECIAL,
    "li": _SPECIAL - {"address", "div", "p", "li"},
    "dd": _SPECIAL - {"address", "div", "p", "dd", "dt"},
}
#: How far below the furthest block the adoption agency is followed (beyond, elements stay:
#: the nesting told errs towards more).
_ADOPTION_SPAN = 64
#: The scopes each element ends: for an HTML element, and for one of SVG or MathML (an HTML
#: element named ``mi`` or ``title`` ends none, an SVG ``<td>`` none either).
_KINDS: dict[str, tuple[str, ...]] = {}
_FOREIGN_KINDS: dict[str, tuple[str, ...]] = {}
for _kind, _names in _BARRIERS.items():
    for _name in _names:
        _kinds = _FOREIGN_KINDS if _name in _FOREIGN_BARRIERS else _KINDS
        _kinds[_name] = (*_kinds.get(_name, ()), _kind)


@attrs.frozen
class Shape:
    """What parsing a page makes: its deepest nesting (elements open at once, below
    ``<body>``), and the elements the parser opens again after they were closed (a
    ``<font>`` left open, in each paragraph after), counted up to ``end``, the offset where
    :func:`shape` stopped (the end of the text, unless a limit was passed there), and the tags
    read up to there."""

    deepest: int
    reopened: int
    tags: int
    end: int
    #: the limit passed at ``end``: ``"depth"``, ``"reopened"``, or ``""`` for none
    limit: str = ""


@attrs.define
class _Entry:
    """A formatting element in the list of active formatting elements."""

    name: str
    key: str
    slot: int | None  # where it is open on the stack, None once closed
    alive: bool = True


class _Part:
    """The list of active formatting elements after its last marker."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []
        self.alike: dict[str, list[_Entry]] = defaultdict(list)  # by tag and attributes
        self.named: dict[str, list[_Entry]] = defaultdict(list)

    def last(self, name: str) -> _Entry | None:
        entries = self.named[name]
        while entries and not entries[-1].alive:
            entries.pop()
        return entries[-1] if entries else None


class _Builder:
    """The stack of open elements, as the tree builder keeps it, and what it makes."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.alive: list[bool] = []
        self.foreign: list[bool] = []
        self.entries: list[_Entry | None] = []
        self.at: dict[str, list[int]] = defaultdict(list)  # the slots of each name, in order
        self.ends: dict[str, list[int]] = {kind: [] for kind in _BARRIERS}
        self.html: list[int] = []  # the slots of HTML elements (not SVG or MathML)
        self.serials: list[int] = []  # each element's number, in the order they were made
        self.made = 0
        self.form: int | None = None  # the form element pointer: the number of the open form
        self.frameset_ok = True  # a <frameset> may still replace the body
        self.in_frameset = False  # a <frameset> replaced the body
        self.removed = 0  # elements taken out of the middle of the stack (their slot stays)
        self.deepest = 0
        self.reopened = 0
        self.parts = [_Part()]

    # -- the stack

    def _lists(self, slot: int) -> Iterable[list[int]]:
        name = self.names[slot]
        yield self.at[name]
        foreign = self.foreign[slot]
        for kind in (_FOREIGN_KINDS if foreign else _KINDS).get(name, ()):
            yield self.ends[kind]
        if not foreign:
            yield self.html

    def top(self, slots: list[int]) -> int:
        """The topmost open slot of ``slots`` (-1 for none)."""
        while slots and not self.alive[slots[-1]]:
            slots.pop()
        return slots[-1] if slots else -1

    def current(self) -> str | None:
        return self.names[-1] if self.names else None

    def in_foreign(self) -> bool:
        return bool(self.names) and self.foreign[-1] and self.names[-1] not in _INTEGRATION

    def in_scope(self, name: str, kind: str) -> int:
        """The slot of the topmost ``name`` if it is in the scope ``kind``, else -1."""
        slot = self.top(self.at[name])
        return slot if slot >= 0 and slot >= self.top(self.ends[kind]) else -1

    def push(self, name: str, foreign: bool = False, entry: _Entry | None = None) -> None:
        slot = len(self.names)
        self.names.append(name)
        self.alive.append(True)
        self.foreign.append(foreign)
        self.entries.append(entry)
        self.serials.append(self.made)
        self.made += 1
        for slots in self._lists(slot):
            slots.append(slot)
        if entry is not None:
            entry.slot = slot
        if name in _MARKERS and not foreign:
            self.parts.append(_Part())
        self.deepest = max(self.deepest, len(self.names) - self.removed)

    def pop(self) -> None:
        """Pop the current element (and the slots taken out below it)."""
        self._pop_slot()
        while self.alive and not self.alive[-1]:
            self._pop_slot()

    def _pop_slot(self) -> None:
        slot = len(self.names) - 1
        for slots in self._lists(slot):
            if slots and slots[-1] == slot:
                slots.pop()
        name, alive, foreign, entry = (
            self.names.pop(),
            self.alive.pop(),
            self.foreign.pop(),
            self.entries.pop(),
        )
        self.serials.pop()
        if not alive:
            self.removed -= 1
            return
        if entry is not None:
            entry.slot = None
        if name in _MARKERS and not foreign and len(self.parts) > 1:
            self.parts.pop()

    def pop_to(self, slot: int) -> None:
        """Pop the element at ``slot`` and every element above it (nothing for -1)."""
        while slot >= 0 and len(self.names) > slot:
            self.pop()

    def take_out(self, slot: int) -> None:
        """Take the element at ``slot`` out of the stack, leaving those above it."""
        if slot == len(self.names) - 1:
            self.pop()
            return
        self.alive[slot] = False
        self.removed += 1
        entry = self.entries[slot]
        if entry is not None:
            entry.alive = False

    # -- formatting elements

    def reopen(self) -> None:
        """Reconstruct the active formatting elements: open again those closed since."""
        part = self.parts[-1]
        closed: list[_Entry] = []
        start = len(part.entries)
        while start > 0:
            entry = part.entries[start - 1]
            if entry.alive and entry.slot is not None:
                break
            if entry.alive:
                closed.append(entry)
            start -= 1
        if start == len(part.entries):
            return
        closed.reverse()
        part.entries[start:] = closed  # the dead entries walked over are dropped
        for entry in closed:
            self.push(entry.name, entry=entry)
        self.reopened += len(closed)

    def open_formatting(self, name: str, attributes: str) -> None:
        self.reopen()
        part = self.parts[-1]
        key = f"{name} {' '.join(attributes.split())}"
        alike = part.alike[key]
        alike[:] = [entry for entry in alike if entry.alive]  # at most three
        if len(alike) >= 3:  # Noah's Ark: three alike at most, the earliest goes
            alike.pop(0).alive = False
        entry = _Entry(name, key, None)
        alike.append(entry)
        part.entries.append(entry)
        part.named[name].append(entry)
        self.push(name, entry=entry)

    def close_formatting(self, name: str) -> None:
        """The adoption agency, as far as the stack goes: the element is closed, and those
        above it with it; if a block (the furthest block) is among them, only the element is
        taken out, with those between it and the block that are not formatting elements (and
        those beyond the three nearest the block that are)."""
        slot = self.top(self.at[name])
        if slot >= 0 and slot == len(self.names) - 1:
            current = self.entries[slot]
            if current is None or not current.alive:  # not a formatting element any more
                self.pop()
                return
        entry = self.parts[-1].last(name)
        if entry is None:
            self.close_other(name)
            return
        if entry.slot is None:
            entry.alive = False
            return
        if entry.slot < self.top(self.ends["scope"]):
            return
        if self.top(self.ends["special"]) > entry.slot:
            ends = self.ends["special"]
            at = bisect.bisect_right(ends, entry.slot)
            while not self.alive[ends[at]]:  # a form taken out: the top one is alive
                at += 1
            block = ends[at]  # the first block above it
            kept = 0
            for between in range(block - 1, max(entry.slot, block - _ADOPTION_SPAN), -1):
                other = self.entries[between]
                if self.alive[between] and other is not None and other.alive and kept < 3:
                    kept += 1
                elif self.alive[between]:
                    self.take_out(between)
            self.take_out(entry.slot)
        else:
            entry.alive = False
            self.pop_to(entry.slot)

    def close_other(self, name: str) -> None:
        slot = self.top(self.at[name])
        if slot >= 0 and slot > self.top(self.ends["special"]):
            self.pop_to(slot)

    # -- tags

    def text(self, text: str) -> None:
        if not self.in_frameset:
            if not text.isspace():
                self.frameset_ok = False
            self.reopen()

    def start(self, name: str, attributes: str, self_closing: bool) -> str:
        """Read a start tag: ``"raw"`` when the element's text is not markup (``<script>``),
        ``"rest"`` when the rest of the page is text (``<plaintext>``), else ``""``."""
        if self.in_frameset or name == "frameset":
            return self.start_frameset(name)
        if name in _NOT_FRAMESET:
            self.frameset_ok = False
        if self.in_foreign():
            breakout = name in _BREAKOUT or (
                name == "font" and _FONT_BREAKOUT.search(attributes) is not None
            )
            if not breakout:
                if not self_closing:
                    self.push(name, foreign=True)
                return ""
            while self.in_foreign():
                self.pop()
        if name in _VOID:
            if name in _REOPENING_VOID:
                self.reopen()
            return ""
        if name in ("svg", "math"):
            self.reopen()
            if not self_closing:
                self.push(name, foreign=True)
            return ""
        if name in _RAW:
            return "raw"
        if name == "li":
            slot = self.in_scope("li", "li")
            if slot >= 0:
                self.pop_to(slot)
        elif name in ("dd", "dt"):
            slot = max(self.top(self.at["dd"]), self.top(self.at["dt"]))
            if slot >= 0 and slot >= self.top(self.ends["dd"]):
                self.pop_to(slot)
        if name == "form" and self.form is not None:
            return ""  # a form inside a form is left out
        if name in _CLOSES_P:
            slot = self.in_scope("p", "button")
            if slot >= 0:
                self.pop_to(slot)
            if name in _HEADINGS and self.current() in _HEADINGS:
                self.pop()
            self.push(name)
            if name == "form":
                self.form = self.made - 1
            return "rest" if name == "plaintext" else ""
        if name in _TABLE_PARTS - {"table"} | {"colgroup"} and self.top(self.at["table"]) < 0:
            return ""  # outside a table, the parser leaves them out
        if name in ("td", "th"):
            slot = max(self.top(self.at["td"]), self.top(self.at["th"]))
            if slot >= 0 and slot >= self.top(self.ends["table"]):
                self.pop_to(slot)
            if self.current() == "table":
                self.push("tbody")  # implied, as is the row
            if self.current() in ("tbody", "thead", "tfoot"):
                self.push("tr")
        elif name == "tr":
            slot = self.in_scope("tr", "table")
            if slot >= 0:
                self.pop_to(slot)
            if self.current() == "table":
                self.push("tbody")
        elif name in ("tbody", "thead", "tfoot"):
            slot = max(self.top(self.at[part]) for part in ("tbody", "thead", "tfoot"))
            if slot >= 0 and slot >= self.top(self.ends["table"]):
                self.pop_to(slot)
        elif name == "table":
            if self.current() in ("table", "tbody", "thead", "tfoot", "tr"):
                self.pop_to(self.top(self.at["table"]))
        elif name in ("option", "optgroup"):
            if self.current() == "option":
                self.pop()
            if name == "optgroup" and self.current() == "optgroup":
                self.pop()
        elif name == "button":
            slot = self.in_scope("button", "scope")
            if slot >= 0:
                self.pop_to(slot)
        elif name == "select":
            slot = self.top(self.at["select"])
            if slot >= 0:
                self.pop_to(slot)
                return ""
        elif name in ("rb", "rtc", "rp", "rt") and self.in_scope("ruby", "scope") >= 0:
            implied = _IMPLIED if name in ("rb", "rtc") else _IMPLIED - {"rtc"}
            while self.current() in implied:
                self.pop()
        if name in _FORMATTING:
            if name in ("a", "nobr") and self.parts[-1].last(name) is not None:
                self.close_formatting(name)
            self.open_formatting(name, attributes)
            return ""
        if name not in _TABLE_PARTS and name not in ("colgroup", "template", "select"):
            self.reopen()
        self.push(name)
        return ""

    def start_frameset(self, name: str) -> str:
        """A <frameset> replaces the body while nothing of it was written (the parser's
        frameset-ok flag); then framesets nest, and every other tag is left out."""
        if not self.in_frameset:
            if not self.frameset_ok:
                return ""  # a <frameset> in a body: left out
            self.pop_to(0)
            self.in_frameset = True
        if name == "frameset":
            self.push(name)
        return "raw" if name == "noframes" else ""

    def end(self, name: str) -> None:
        if self.in_frameset:
            if name == "frameset" and self.current() == "frameset":
                self.pop()
            return
        if self.in_foreign():
            if name in ("br", "p"):
                while self.in_foreign():
                    self.pop()
            else:
                slot = self.top(self.at[name])
                if slot > self.top(self.html):
                    self.pop_to(slot)
                    return
        if name in _VOID:
            if name == "br":
                self.reopen()
            return
        if name == "p":
            slot = self.in_scope("p", "button")
        elif name == "li":
            slot = self.in_scope("li", "list")
        elif name in _HEADINGS:
            slot = max(self.top(self.at[heading]) for heading in _HEADINGS)
            slot = slot if slot >= 0 and slot >= self.top(self.ends["scope"]) else -1
        elif name in _TABLE_PARTS:
            slot = self.in_scope(name, "table")
        elif name == "form":
            form, self.form = self.form, None
            for slot in reversed(self.at["form"]):
                if self.serials[slot] == form:
                    if self.alive[slot] and slot >= self.top(self.ends["scope"]):
                        self.take_out(slot)
                    break
            return
        elif name == "select":
            slot = self.top(self.at["select"])
        elif name in _FORMATTING:
            self.close_formatting(name)
            return
        elif name in _SPECIAL:
            slot = self.in_scope(name, "scope")
        else:
            self.close_other(name)
            return
        if slot >= 0:
            self.pop_to(slot)


def shape(text: str, max_depth: int, max_reopened_per_tag: int) -> Shape:
    """The :class:`Shape` of the page ``text``, read tag by tag until its nesting is deeper
    than ``max_depth`` or the elements re-opened are more than ``max_reopened_per_tag`` for
    each tag read (and a thousand besides), whichever comes first; in time proportional to
    the length of ``text``."""
    builder = _Builder()
    position = tags = 0
    while True:
        token = _TOKEN.search(text, position)
        between = text[position:] if token is None else text[position : token.start()]
        if between:
            builder.text(between)
        if token is None:
            break
        position = token.end()
        name = token.group(2)
        if name is None:
            continue
        tags += 1
        name = name.lower()
        if token.group(1):
            builder.end(name)
        else:
            attributes = token.group(3)
            read = builder.start(name, attributes, attributes.rstrip().endswith("/"))
            if read == "raw":
                end = _RAW_END[name].search(text, position)
                position = len(text) if end is None else end.start()
            elif read == "rest":
                break  # the rest of the page is text
        if builder.deepest > max_depth:
            return Shape(builder.deepest, builder.reopened, tags, token.start(), "depth")
        if builder.reopened > max_reopened_per_tag * tags + 1000:
            return Shape(builder.deepest, builder.reopened, tags, token.start(), "reopened")
    return Shape(builder.deepest, builder.reopened, tags, len(text))
