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
from .document import DocumentText
from .encoding import declared_codec, decode

__all__ = ["MIN_PARAGRAPH", "read_html"]

#: The shortest paragraph (characters other than white space) that counts as prose.
MIN_PARAGRAPH = 20

_REMOVED = (
    "script, style, noscript, template, svg, math, iframe, frame, frameset, object, embed, "
    "canvas, video, audio, map, button, select, textarea, input, nav, aside, [hidden], "
    "[aria-hidden=true]"
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
    tree = LexborHTMLParser(text)
    body = tree.body
    if body is None:
        raise DataError(path, None, "no main text: the page has no body")
    _clean(tree)
    main = _main(body)
    if main is None:
        raise DataError(
            path,
            None,
            f"no main text: no paragraph of {MIN_PARAGRAPH} characters or more on the page "
            "(only navigation, links, scripts or pictures)",
        )
    lines = _lines(main)
    title = _title(tree, main)
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


def _clean(tree: Any) -> None:
    for node in tree.css(_REMOVED):
        node.decompose()
    for node in tree.css("[style]"):
        if _HIDDEN.search(node.attributes.get("style") or ""):
            node.decompose()
    for node in tree.css("header, footer"):
        if not _inside(node, ("article", "main")):
            node.decompose()


def _inside(node: Any, tags: tuple[str, ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _plain(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _size(text: str) -> int:
    return len(_SPACE.sub("", text))


def _paragraphs(body: Any) -> list[tuple[Any, int, float]]:
    """The blocks of prose: (node, characters, score)."""
    found = []
    for node in body.traverse():
        if node.tag not in _BLOCKS and node.tag not in _CELLS:
            continue
        if node.tag in ("body", "table", "tbody", "thead", "tr", "ul", "ol", "dl"):
            continue
        own = "".join(
            child.text(deep=True)
            for child in node.iter(include_text=True)
            if child.tag == "-text"
            or not (child.tag.startswith("-") or child.tag in _BLOCKS or child.tag in _CELLS)
        )
        size = _size(own)
        if size < MIN_PARAGRAPH or _link_share(node) > 0.5:
            continue
        score = 1 + len(_PUNCTUATION.findall(own)) + min(size // 100, 3)
        found.append((node, size, float(score)))
    return found


def _link_share(node: Any) -> float:
    total = _size(node.text(deep=True))
    if not total:
        return 0.0
    links = sum(_size(link.text(deep=True)) for link in node.css("a"))
    return min(1.0, links / total)


def _main(body: Any) -> Any | None:
    paragraphs = _paragraphs(body)
    if not paragraphs:
        return None
    scores: dict[int, list[Any]] = {}
    for node, _, score in paragraphs:
        if any(child.tag == "br" for child in node.iter()):
            # text set with <br> in one block: the block is the article as well as a paragraph
            scores.setdefault(node.mem_id, [node, 0.0])[1] += score
        ancestor = node.parent
        for level in range(3):
            if ancestor is None or ancestor.tag == "html":
                break
            entry = scores.setdefault(ancestor.mem_id, [ancestor, 0.0])
            entry[1] += score / (1 if level == 0 else 2 * level)
            ancestor = ancestor.parent
    best, _ = max(
        ((node, score * (1 - _link_share(node))) for node, score in scores.values()),
        key=lambda pair: pair[1],
    )
    total = sum(size for _, size, _ in paragraphs)

    def held(node: Any) -> int:
        return sum(size for paragraph, size, _ in paragraphs if _contains(node, paragraph))

    # widen to the block around while it holds markedly more of the page's prose
    inside = held(best)
    while inside < 0.8 * total and best.parent is not None and best.tag != "body":
        wider = held(best.parent)
        if wider < inside * 1.2 or _link_share(best.parent) > 0.5:
            break
        best, inside = best.parent, wider
    return best


def _contains(node: Any, other: Any) -> bool:
    while other is not None:
        if other.mem_id == node.mem_id:
            return True
        other = other.parent
    return False


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

    def walk(self, node: Any, in_link: bool = False) -> None:
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
                self.row(child)
            elif tag in _BLOCKS:
                self.newline()
                self.walk(child, in_link)
                self.newline()
            elif tag in _CELLS:
                self.parts.append("\t")
                self.walk(child, in_link)
            elif tag == "a":
                self.walk(child, True)
            elif not tag.startswith("-"):
                self.walk(child, in_link)

    def row(self, node: Any) -> None:
        cells = []
        links = 0
        for cell in node.iter():
            if cell.tag not in _CELLS:
                continue
            inner = _Writer()
            inner.walk(cell)
            inner.newline()
            cells.append(" ".join(line for line, _ in inner.lines))
            links += sum(count for _, count in inner.lines)
        if any(cells):
            self.lines.append(("\t".join(cells), links))


def _lines(main: Any) -> list[str]:
    writer = _Writer()
    writer.walk(main)
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


def _title(tree: Any, main: Any) -> str:
    """The page's title when it stands outside the main content: its ``<h1>``, else the
    nearest element before the main content whose class or id says title, else ``<title>``
    up to the site's name (``…_河北省人民政府网``)."""
    for heading in tree.css("h1"):
        if not _contains(main, heading):
            return _plain(heading.text(deep=True))
    nearest = ""
    for node in tree.body.traverse():
        if node.mem_id == main.mem_id:
            break
        names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if "title" in names.lower() and node.tag != "a" and not _contains(main, node):
            text = _plain(node.text(deep=True))
            if 4 <= len(text) <= 80 and _link_share(node) < 0.5:
                nearest = text
    if nearest:
        return nearest
    head = tree.css_first("title")
    if head is None:
        return ""
    return _plain(_SITE_NAME.split(head.text(deep=True))[0])
