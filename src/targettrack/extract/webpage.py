"""Reading a web page: its main content, without navigation, share buttons or page chrome.

The page is decoded (an explicit encoding, else a byte-order mark, else the charset the page
declares — GB2312 and GBK read as GB18030, which contains them — else UTF-8, else what the
detector finds) and parsed as a browser does (selectolax, MIT, on the Lexbor engine). Then:

- scripts, styles, forms' controls, frames, ``<nav>``, ``<aside>``, hidden elements, and the
  ``<header>``/``<footer>`` of the page (not of an article) are left out;
- every paragraph of prose (a block of at least :data:`MIN_PARAGRAPH` characters) scores for
  the blocks that hold it (and for itself, when its lines are set with ``<br>``): one, plus
  its commas and full stops, plus one per hundred characters (at most three); the block holding the most prose, discounted by the share of
  its text that is links, is the main content — widened to the block around it while that
  holds markedly more of the page's prose;
- its text is written a line per block (paragraph, heading, list item; a table row with its
  cells separated by tabs); a line that is mostly links (menus, related articles, previous
  and next) and page chrome (【字号：大 中 小】, 【打印】, 【关闭】, 分享到…, 扫一扫…) are left out;
- the page's title, when it stands outside the main content, is its first line (it names the
  region and the year): its ``<h1>``, else the nearest element before the main content
  whose class or id says title, else ``<title>`` up to the site's name.

A page with no paragraph of prose is refused (``no main text``).
"""

from __future__ import annotations

import re
from typing import Any

from .._errors import DataError, ReaderMissing
from .document import DocumentText, Walk, run_nested
from .encoding import declared_codec, decode
from .markup import shape

__all__ = ["MAX_DEPTH", "MAX_REOPENED", "MIN_PARAGRAPH", "read_html"]

#: The shortest paragraph (characters other than white space) that counts as prose.
MIN_PARAGRAPH = 20
#: The deepest nesting of a page's elements, as a browser's parser nests them (told before the
#: page is parsed: the parser's work grows with the square of the depth; real pages nest a
#: few dozen levels, and Chromium stops nesting at 512).
MAX_DEPTH = 512
#: The most elements the parser may open again per tag of the page: a bold or font tag left
#: open is re-opened in each paragraph after it (three alike at most, but a thousand that
#: differ make a thousand elements in every paragraph).
MAX_REOPENED = 16

#: Left out of every page: what is not its text.
_REMOVED = frozenset(
    (
        *("script", "style", "noscript", "template", "svg", "math", "iframe", "frame"),
        *("frameset", "object", "embed", "canvas", "video", "audio", "map", "button"),
        *("select", "textarea", "input", "nav", "aside"),
    )
)
_BLOCKS = frozenset(
    (
        *("p", "div", "section", "article", "main", "header", "footer", "body", "center"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "blockquote", "pre"),
        *("ul", "ol", "li", "dl", "dt", "dd", "details", "summary"),
        *("table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption"),
        *("form", "fieldset", "legend"),
    )
)
_CELLS = frozenset(("td", "th"))
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u3000]+")
_PUNCTUATION = re.compile(r"[,，。;；、!！?？]")
#: Page chrome: 【字号：大 中 小】, [打印], 【关闭窗口】 and the like, bracketed or not.
_CHROME_WORDS = (
    r"字号|字体|打印|关闭|收藏|分享|纠错|返回顶部|返回首页|默认|背景色|"
    r"保存|视力保护|繁体|简体|无障碍|朗读|复制链接|加入收藏"
)
_CHROME = re.compile(
    rf"[【\[](?:[^】\]]{{0,12}}(?:{_CHROME_WORDS})[^】\]]{{0,12}})[】\]]"
    r"|字号\s*[:：]?\s*(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){2,3}"
)
#: What separates a page's title from the site's name in ``<title>``.
_SITE_NAME = re.compile(r"\s*(?:_|\||｜|——|--|\s-\s)\s*")
_CHROME_LINE = re.compile(
    r"^(?:分享到|分享至|扫一扫|扫描二维码|用手机扫|打印本页|关闭窗口|【?\s*返回顶部)"
)


def read_html(path: str, data: bytes, encoding: str | None = None) -> DocumentText:
    """The main text of the web page ``data`` (read from ``path``), as described above."""
    try:
        import selectolax
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        raise ReaderMissing(path, "selectolax", "formats") from None
    text, used, detector = _decode(path, data, encoding)
    _check_shape(path, text)
    tree = LexborHTMLParser(text)
    body = tree.body
    if body is None:
        raise DataError(path, None, "no main text: the page has no body")
    _clean(tree)
    index = _Index(body)
    main = _main(index)
    if main is None:
        raise DataError(
            path,
            None,
            f"no main text: no paragraph of {MIN_PARAGRAPH} characters or more on the page "
            "(only navigation, links, scripts or pictures)",
        )
    lines = _lines(main)
    title = _title(tree, main, index)
    if title and not any(title in line for line in lines):
        lines.insert(0, title)
    tool = f"selectolax {selectolax.__version__}"
    if detector:
        tool += f", {detector}"
    return DocumentText(path, "\n".join(lines), "html", used, tool)


def _decode(path: str, data: bytes, encoding: str | None) -> tuple[str, str, str]:
    if encoding is None:
        match = _CHARSET.search(data[:4096])
        if match is not None:
            declared = declared_codec(match.group(1).decode("ascii"))
            # a declaration read as ASCII is not in UTF-16 or UTF-32, whatever it says (as
            # browsers do); a label of no document encoding is passed over like a wrong one
            if declared is not None and not declared.startswith(("utf-16", "utf-32")):
                try:
                    return decode(path, data, declared=declared)
                except DataError:
                    pass  # a wrong declaration: read the bytes as they are
    return decode(path, data, encoding)


def _check_shape(path: str, text: str) -> None:
    """Refuse a page nested deeper than MAX_DEPTH, or whose formatting tags left open would be
    opened again more than MAX_REOPENED times per tag, before it is parsed."""
    found = shape(text, MAX_DEPTH, MAX_REOPENED)
    line = text.count("\n", 0, found.end) + 1
    if found.limit == "depth":
        raise DataError(
            path,
            line,
            f"elements nested deeper than {MAX_DEPTH} levels, as a browser parses them "
            "(docs/input.md)",
        )
    if found.limit == "reopened":
        raise DataError(
            path,
            line,
            f"formatting tags left open are opened again {found.reopened} times, more than "
            f"{MAX_REOPENED} per tag of the page (docs/input.md)",
        )


def _clean(tree: Any) -> None:
    """Leave out what is not text (:data:`_REMOVED`, hidden elements) and the page's header
    and footer (not those of an article): the outermost of each, found in one walk."""
    removed = []
    stack = [(tree.root, False)]
    while stack:
        node, in_article = stack.pop()
        child = node.child
        while child is not None:
            tag = child.tag
            if not tag.startswith("-"):
                if _left_out(child, tag, in_article):
                    removed.append(child)
                else:
                    stack.append((child, in_article or tag in ("article", "main")))
            child = child.next
    for node in removed:
        node.decompose()


def _left_out(node: Any, tag: str, in_article: bool) -> bool:
    if tag in _REMOVED or (tag in ("header", "footer") and not in_article):
        return True
    attributes = node.attributes
    if not attributes:
        return False
    return (
        "hidden" in attributes
        or attributes.get("aria-hidden") == "true"
        or _HIDDEN.search(attributes.get("style") or "") is not None
    )


def _plain(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _size(text: str) -> int:
    return len(_SPACE.sub("", text))


class _Index:
    """The elements of the body in document order, each with its parent and how much text
    it holds, its links and its paragraphs hold — worked out in one walk and summed from the
    leaves up, so that no question about a block walks its subtree or its ancestors again."""

    def __init__(self, body: Any) -> None:
        self.nodes: list[Any] = []
        self.tags: list[str] = []
        self.parent: list[int] = []
        self.last: list[int] = []  # the last element inside each (its own number if none)
        self.number: dict[int, int] = {}  # by mem_id
        self.breaks: list[bool] = []  # a <br> among its children
        self.size: list[int] = []  # characters of its text, white space aside
        self.marks: list[int] = []  # commas and full stops in its text
        self.links: list[int] = []  # characters of its text inside links
        self.own: list[int] = []  # characters of its own text: not in blocks inside it
        self.own_marks: list[int] = []
        stack = [(body, -1)]
        while stack:
            node, parent = stack.pop()
            number = len(self.nodes)
            self.nodes.append(node)
            self.tags.append(node.tag)
            self.parent.append(parent)
            self.number[node.mem_id] = number
            size = marks = 0
            breaks = False
            children = []
            child = node.child
            while child is not None:
                tag = child.tag
                if tag == "-text":
                    text = child.text(deep=False)
                    size += _size(text)
                    marks += len(_PUNCTUATION.findall(text))
                elif not tag.startswith("-"):
                    children.append(child)
                    breaks = breaks or tag == "br"
                child = child.next
            self.size.append(size)
            self.marks.append(marks)
            self.own.append(size)
            self.own_marks.append(marks)
            self.links.append(0)
            self.breaks.append(breaks)
            stack.extend((child, number) for child in reversed(children))
        self.last = list(range(len(self.nodes)))
        for number in range(len(self.nodes) - 1, 0, -1):  # children before their parents
            parent, tag = self.parent[number], self.tags[number]
            self.size[parent] += self.size[number]
            self.marks[parent] += self.marks[number]
            self.links[parent] += self.size[number] if tag == "a" else self.links[number]
            if tag not in _BLOCKS and tag not in _CELLS:
                self.own[parent] += self.size[number]
                self.own_marks[parent] += self.marks[number]
            self.last[parent] = max(self.last[parent], self.last[number])

    def link_share(self, number: int) -> float:
        total = self.size[number]
        return min(1.0, self.links[number] / total) if total else 0.0

    def contains(self, node: Any, other: Any) -> bool:
        """Whether ``other`` is ``node`` or inside it (both in the body)."""
        first, inner = self.number.get(node.mem_id), self.number.get(other.mem_id)
        if first is None or inner is None:
            return False
        return first <= inner <= self.last[first]

    def paragraphs(self) -> list[tuple[int, int, float]]:
        """The blocks of prose, in document order: (number, characters, score)."""
        found = []
        for number, tag in enumerate(self.tags):
            if tag not in _BLOCKS and tag not in _CELLS:
                continue
            if tag in ("body", "table", "tbody", "thead", "tr", "ul", "ol", "dl"):
                continue
            size = self.own[number]
            if size < MIN_PARAGRAPH or self.link_share(number) > 0.5:
                continue
            score = 1 + self.own_marks[number] + min(size // 100, 3)
            found.append((number, size, float(score)))
        return found


def _main(index: _Index) -> Any | None:
    paragraphs = index.paragraphs()
    if not paragraphs:
        return None
    scores: dict[int, list[Any]] = {}
    held = [0] * len(index.nodes)  # characters of the paragraphs inside each element
    for number, size, score in paragraphs:
        held[number] = size
        if index.breaks[number]:
            # text set with <br> in one block: the block is the article as well as a paragraph
            scores.setdefault(number, [number, 0.0])[1] += score
        ancestor = index.parent[number]
        for level in range(3):
            if ancestor < 0:
                break
            entry = scores.setdefault(ancestor, [ancestor, 0.0])
            entry[1] += score / (1 if level == 0 else 2 * level)
            ancestor = index.parent[ancestor]
    for number in range(len(held) - 1, 0, -1):
        held[index.parent[number]] += held[number]
    best, _ = max(
        ((number, score * (1 - index.link_share(number))) for number, score in scores.values()),
        key=lambda pair: pair[1],
    )
    total = held[0]
    # widen to the block around while it holds markedly more of the page's prose
    inside = held[best]
    while inside < 0.8 * total and index.parent[best] >= 0:
        parent = index.parent[best]
        wider = held[parent]
        if wider < inside * 1.2 or index.link_share(parent) > 0.5:
            break
        best, inside = parent, wider
    return index.nodes[best]


class _Writer:
    """The text of a block, a line per block; each line's characters and link characters."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, int]] = []
        self.parts: list[str] = []
        self.links = 0

    def newline(self) -> None:
        line = _plain("".join(self.parts))
        if line:
            self.lines.append((line, self.links))
        self.parts, self.links = [], 0

    # walk and row are generators that yield the walks of what they hold (run_nested runs
    # them in order, without recursion): a page nested thousands of levels deep reads as any.

    def walk(self, node: Any, in_link: bool = False) -> Walk:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                text = child.text(deep=False)
                self.parts.append(text)
                if in_link:
                    self.links += _size(text)
            elif tag == "br":
                self.newline()
            elif tag == "tr":
                self.newline()
                yield self.row(child)
            elif tag in _BLOCKS:
                self.newline()
                yield self.walk(child, in_link)
                self.newline()
            elif tag in _CELLS:
                self.parts.append("\t")
                yield self.walk(child, in_link)
            elif tag == "a":
                yield self.walk(child, True)
            elif not tag.startswith("-"):
                yield self.walk(child, in_link)

    def row(self, node: Any) -> Walk:
        cells = []
        links = 0
        for cell in node.iter():
            if cell.tag not in _CELLS:
                continue
            inner = _Writer()
            yield inner.walk(cell)
            inner.newline()
            cells.append(" ".join(line for line, _ in inner.lines))
            links += sum(count for _, count in inner.lines)
        if any(cells):
            self.lines.append(("\t".join(cells), links))


def _lines(main: Any) -> list[str]:
    writer = _Writer()
    run_nested(writer.walk(main))
    writer.newline()
    lines = []
    for line, links in writer.lines:
        if links * 2 > _size(line):
            continue
        cleaned = _plain(_CHROME.sub(" ", line)) if "\t" not in line else line
        if not cleaned or (_CHROME_LINE.match(cleaned) and len(cleaned) < 40):
            continue
        lines.append(cleaned)
    return lines


def _title(tree: Any, main: Any, index: _Index) -> str:
    """The page's title when it stands outside the main content: its ``<h1>``, else the
    nearest element before the main content whose class or id says title, else ``<title>``
    up to the site's name (``…_河北省人民政府网``)."""
    for heading in tree.css("h1"):
        if not index.contains(main, heading):
            return _plain(heading.text(deep=True))
    nearest = ""
    for number in range(index.number[main.mem_id]):  # before the main content, not inside it
        node = index.nodes[number]
        attributes = node.attributes
        names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
        if "title" in names.lower() and node.tag != "a" and index.size[number] <= 80:
            text = _plain(node.text(deep=True))
            if 4 <= len(text) <= 80 and index.link_share(number) < 0.5:
                nearest = text
    if nearest:
        return nearest
    head = tree.css_first("title")
    if head is None:
        return ""
    return _plain(_SITE_NAME.split(head.text(deep=True))[0])
