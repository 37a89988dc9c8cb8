"""Who wrote a document, for which year, in which genre and role, and when: from every signal.

A document says who and when in many places, and copies lose some of them: the title
(``2025年江苏省政府工作报告``, ``2025年苏州市国民经济和社会发展统计公报``), the delivery line,
however it is broken over lines (``——2026年2月3日在江苏省第十四届`` / ``人民代表大会第五次会议上``),
in Arabic or Chinese numerals (``——二〇二六年一月二十七日在…``), the speaker (``省长``,
``自治区主席``, ``国务院总理``), the address (``我代表省人民政府``, ``我代表国务院``), the issuing
body (``苏州市统计局``, ``国家统计局苏州调查队``), the review's heading (``一、2024年工作回顾``),
the body's ``全省``/``全市`` and the names it repeats. :func:`identify` weighs them all and keeps,
for each decision, the :class:`Evidence` it rests on (the span of the original text); signals
that disagree are a conflict, named in :attr:`Identity.conflicts`, not a silent choice.

The words are data (``data/documents.yaml``: genres, speakers, scopes, issuers; place names in
``data/places.yaml``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from .._errors import DataError
from .._files import load_yaml
from ..periods import Period
from ..places import Place, Places, default_places
from .structure import signed_date
from .text import Prepared, prepare

__all__ = [
    "GENRES",
    "Evidence",
    "Identity",
    "Vocabulary",
    "chinese_date",
    "default_vocabulary",
    "fill_from",
    "identify",
    "identity_to_dict",
    "issue_date",
    "overridden",
]

#: The genres a document is told to be; ``article`` is any other (a department's article,
#: a notice), read as the seeds are.
GENRES = ("work_report", "statistical_bulletin", "budget_report", "five_year_plan", "article")
#: How far into a document its header may reach, in characters of compact text.
_HEAD = 1500
_DIGIT = "0-9〇○零一二三四五六七八九"
_CHINESE_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_DATE = re.compile(
    rf"(?P<year>[{_DIGIT}]{{4}})年(?P<month>[0-9一二三四五六七八九十]{{1,3}})月"
    r"(?P<day>[0-9一二三四五六七八九十]{1,3})日"
)
_YEAR = re.compile(rf"(?<![{_DIGIT}])(?P<year>[{_DIGIT}]{{4}})年")
#: 在江苏省第十四届人民代表大会, 在甘肃省十四届人民代表大会, 第十四届全国人民代表大会, 市六届人大
_CONGRESS = re.compile(
    r"(?P<body>[^\n在。,:]{0,24}?)第?[一二三四五六七八九十]{1,3}届(?P<national>全国)?"
    r"(?:人民代表大会|人大)"
)
_ADDRESS = re.compile(r"各位代表[:,]")
_ON_BEHALF = re.compile(r"我代表(?P<who>[^,。向]{0,16}?)(?:人民政府|政府|国务院)")
_REVIEW_HEADING = re.compile(
    r"(?m)^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]+部分)"
    r"(?P<title>[^\n]{0,30}?(?P<year>\d{4})年[^\n]{0,16}?(?:工作回顾|预算执行情况|工作总结))"
)
_PLAN_HEADING = re.compile(
    r"(?m)^(?:[一二三四五六七八九十]{1,3}、)?(?P<title>(?P<year>\d{4})年(?:经济社会发展)?"
    r"(?:总体要求|主要预期目标|重点工作|工作安排|预算草案|预算安排)[^\n]{0,12})"
)
#: 我代表江苏省人民政府向大会报告工作, 我代表国务院，向大会作政府工作报告
_SPEECH = re.compile(
    r"我代表[^,。]{0,16}?(?:人民政府|政府|国务院)[^。]{0,6}?向大会(?:作)?(?:报告|政府工作报告)"
)
#: 一、“十一五”时期国民经济和社会发展的回顾: the review of a five-year plan
_PLAN_REVIEW = re.compile(
    r"(?m)^(?:[一二三四五六七八九十]{1,3}、)[“\"]?(?P<plan>十[一二三四五六七八九]?五)[”\"]?时期[^\n]{0,24}回顾"
)
#: a review heading without its year: 一、过去一年工作回顾, 一、过去一年和五年工作回顾
_PLAIN_REVIEW = re.compile(r"(?m)^(?:[一二三四五六七八九十]{1,3}、)过去一年[^\n]{0,12}回顾\n")
#: a bulletin's opening: 2025年，郑州市坚持…
_OPENING_YEAR = re.compile(r"(?m)^(?P<year>\d{4})年(?:是|,)")


@attrs.frozen
class Evidence:
    """What a decision of :class:`Identity` rests on: the signal, and its span in the text as
    read (``start`` = ``end`` = -1: not from the text — an option, a manifest, the other
    document of a pair)."""

    field: str
    value: str
    signal: str
    start: int = -1
    end: int = -1
    quote: str = ""

    def __str__(self) -> str:
        where = f" [{self.start}:{self.end}]" if self.start >= 0 else ""
        quote = f" {self.quote}" if self.quote and self.quote != self.value else ""
        return f"{self.field} {self.value} from the {self.signal}{quote}{where}"


@attrs.frozen
class Identity:
    """Who wrote a document, for which year, its genre, role and issue date.

    ``year`` is the document's own year: a work report's or budget report's (delivered in
    that year, setting its goals and reviewing the year before), a bulletin's (the year its
    figures are for). ``reviewed`` is the year whose outcomes it reports. ``level`` is the
    level of the government (:data:`targettrack.places.LEVELS`, or ``city`` when only a
    市长 or 全市 says so). Every decision is in :attr:`evidence`; :attr:`conflicts` names
    the signals that disagreed, each with the one taken.
    """

    government: str | None = None
    level: str | None = None
    year: int | None = None
    reviewed: int | None = None
    genre: str = "article"
    role: str | None = None
    issued: dt.date | None = None
    #: where the speech or the report's body begins (各位代表), or None
    body_start: int | None = None
    province: str | None = None
    evidence: tuple[Evidence, ...] = ()
    conflicts: tuple[str, ...] = ()

    def why(self, field: str) -> Evidence | None:
        """The evidence of a decision (``government``, ``level``, ``year``, ``genre``, ``role``,
        ``issued``), or None when it was not decided."""
        return next((e for e in self.evidence if e.field == field), None)

    def describe(self) -> list[str]:
        """One line per decision: ``government 江苏 from the congress 江苏省 [40:43]``."""
        return [str(e) for e in self.evidence]


@attrs.frozen
class Vocabulary:
    """The words documents say what they are with (``data/documents.yaml``)."""

    genres: tuple[tuple[str, str, tuple[str, ...]], ...]
    #: the issuing bodies whose line alone tells a genre (统计局: a bulletin)
    issued_by: dict[str, tuple[str, ...]]
    speakers: dict[str, str]
    scopes: dict[str, str]
    issuers: tuple[str, ...]

    @classmethod
    def from_file(cls, path: str | Path) -> Vocabulary:
        data = load_yaml(path)
        if not isinstance(data, dict):
            raise DataError(str(path), 1, "expected a mapping: genres, speakers, scopes, issuers")
        try:
            genres = tuple(
                (str(g["genre"]), str(g["role"]), tuple(str(t) for t in g["title"]))
                for g in data["genres"]
            )
            issued_by = {
                str(g["genre"]): tuple(str(t) for t in g.get("issuers", ())) for g in data["genres"]
            }
            speakers = {str(k): str(v) for k, v in data["speakers"].items()}
            scopes = {str(k): str(v) for k, v in data["scopes"].items()}
            issuers = tuple(str(i) for i in data["issuers"])
        except (KeyError, TypeError, AttributeError) as error:
            raise DataError(
                str(path), 1, f"expected genres, speakers, scopes, issuers ({error})"
            ) from None
        for genre, _, _ in genres:
            if genre not in GENRES:
                raise DataError(str(path), 1, f"unknown genre {genre!r} (one of {GENRES})")
        return cls(genres, issued_by, speakers, scopes, issuers)

    @functools.cached_property
    def speaker_pattern(self) -> re.Pattern[str]:
        words = sorted(self.speakers, key=lambda w: (-len(w), w))
        return re.compile("|".join(map(re.escape, words)))


@functools.cache
def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary (``data/documents.yaml``)."""
    return Vocabulary.from_file(
        Path(str(resources.files("targettrack") / "data" / "documents.yaml"))
    )


def _number(text: str) -> int:
    """0—99 in digits or Chinese numerals (八, 十二, 三十一)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (
            _CHINESE_DIGITS[units] if units else 0
        )
    return int("".join(str(_CHINESE_DIGITS[c]) for c in text))


def _year_number(text: str) -> int:
    return int("".join(str(_CHINESE_DIGITS.get(c, c)) for c in text))


def chinese_date(match: re.Match[str]) -> dt.date | None:
    """The date of a :data:`_DATE` match, in Arabic or Chinese numerals; None if no date."""
    try:
        return dt.date(
            _year_number(match.group("year")),
            _number(match.group("month")),
            _number(match.group("day")),
        )
    except (ValueError, KeyError):
        return None


# -- the head of a document, with its line breaks taken out ------------------------------------


@attrs.frozen
class _Head:
    """The head of the compact text (before the speech), its lines joined, with the map back."""

    text: str
    offsets: tuple[int, ...]  # joined offset → compact offset
    end: int  # compact offset where the head ends

    @classmethod
    def of(cls, compact: str, end: int) -> _Head:
        pieces, offsets = [], []
        for position in range(end):
            char = compact[position]
            if char == "\n":
                continue
            pieces.append(char)
            offsets.append(position)
        offsets.append(end)
        return cls("".join(pieces), tuple(offsets), end)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[max(end - 1, start)] + (1 if end > start else 0)


class _Signals:
    """Candidate values with their evidence, strongest signal first."""

    def __init__(self, prepared: Prepared) -> None:
        self.prepared = prepared
        self.found: dict[str, list[Evidence]] = {}
        #: the governments named that are not in the table (某某省, 昆山市), by short name
        self.named: dict[str, Place] = {}

    def add(
        self,
        field: str,
        value: Any,
        signal: str,
        span: tuple[int, int] | None,
        place: Place | None = None,
    ) -> None:
        if value is None:
            return
        if place is not None:
            self.named.setdefault(place.short, place)
        if span is None:
            evidence = Evidence(field, str(value), signal)
        else:
            start, end = self.prepared.span(*span)
            quote = self.prepared.original[start:end]
            evidence = Evidence(field, str(value), signal, start, end, " ".join(quote.split()))
        self.found.setdefault(field, []).append(evidence)

    def first(self, field: str) -> Evidence | None:
        values = self.found.get(field)
        return values[0] if values else None


def _head_end(compact: str) -> tuple[int, int | None]:
    """Where the head ends (the address 各位代表, else the first numbered part or the first
    long paragraph) and where the body starts (the address), or None."""
    address = _ADDRESS.search(compact, 0, 6000)
    if address is not None:
        return address.start(), address.start()
    part = re.search(r"(?m)^(?:一、|第一部分)", compact[:6000])
    limit = part.start() if part is not None else min(len(compact), _HEAD)
    return min(limit, _HEAD), None


def identify(
    text: str | Prepared,
    *,
    places: Places | None = None,
    vocabulary: Vocabulary | None = None,
) -> Identity:
    """The identity of a document, from every signal of its text (see the module)."""
    prepared = text if isinstance(text, Prepared) else prepare(text)
    places = places or default_places()
    vocabulary = vocabulary or default_vocabulary()
    compact = prepared.compact
    head_end, body_start = _head_end(compact)
    head = _Head.of(compact, head_end)
    signals = _Signals(prepared)
    genre, role = _genre(head, compact, body_start, vocabulary, signals)
    _congress(head, places, signals)
    _title(head, compact, places, vocabulary, genre, signals)
    _issuers(head, places, vocabulary, signals)
    _speaker(head, compact, body_start, places, vocabulary, signals)
    _dates(head, compact, genre, signals)
    _headings(compact, genre, signals)
    if signals.first("government") is None:
        _body(compact, places, vocabulary, signals)
    return _decide(signals, places, genre, role, body_start)


def _genre(
    head: _Head,
    compact: str,
    body_start: int | None,
    vocabulary: Vocabulary,
    signals: _Signals,
) -> tuple[str, str | None]:
    window = head.text[:400]
    for genre, role, words in vocabulary.genres:
        for word in words:
            found = window.find(word)
            if found >= 0:
                signals.add("genre", genre, "title", head.span(found, found + len(word)))
                return genre, role
    # a government's speech to its congress: a work report without its title
    if body_start is not None:
        speech = _SPEECH.search(compact, body_start, body_start + 400)
        if speech is not None:
            signals.add("genre", "work_report", "address", speech.span())
            return "work_report", "report"
    # a report issued by a body whose genre it is (郑州市统计局 / 国家统计局郑州调查队)
    for genre, role, _ in vocabulary.genres:
        for word in vocabulary.issued_by.get(genre, ()):
            issuer = re.search(rf"(?m)^[^\n]{{0,20}}{re.escape(word)}$", compact[: head.end])
            if issuer is not None:
                signals.add("genre", genre, "issuer", issuer.span())
                return genre, role
    return "article", None


#: A government not in the table names itself with its level: 某某省, 昆山市, 恩施土家族苗族自治州
_NAMED = re.compile(
    r"(?:在|关于)?(?P<name>[\u4e00-\u9fff]{2,6}?)(?P<suffix>壮族自治区|回族自治区|维吾尔自治区|"
    r"自治区|自治州|特别行政区|省|市|地区|盟|县)(?:人民政府|政府)?"
)
#: …or opens a title with it: 昆山市国民经济和社会发展统计公报
_NAMED_FIRST = re.compile(
    r"(?:关于)?(?P<name>[\u4e00-\u9fff]{2,6}?)(?P<suffix>壮族自治区|回族自治区|维吾尔自治区|自治区|"
    r"自治州|特别行政区|省|市|地区|盟|县)(?=[\u4e00-\u9fff])"
)
_SUFFIX_LEVELS = {
    "省": "province",
    "市": "city",
    "县": "county",
    "地区": "prefecture_area",
    "盟": "prefecture_area",
    "自治州": "prefecture_area",
    "特别行政区": "sar",
}


def _place_of(text: str, places: Places, *, named: bool = False) -> tuple[Place, int, int] | None:
    """The most specific place named in ``text`` (a city before its province); with
    ``named``, else a government not in the table that ``text`` ends on with its level."""
    best: tuple[Place, int, int] | None = None
    for mention in places.find(text):
        if best is None or (best[0].provincial and not mention.place.provincial):
            best = (mention.place, mention.start, mention.end)
    if best is not None or not named:
        return best
    # the whole text is the name (某某省, 昆山市), or a title opens with it (昆山市国民经济…)
    found = _NAMED.fullmatch(text) or _NAMED_FIRST.match(text)
    if found is None or found.group("name").startswith(("关于", "中华人民共和国")):
        return None
    suffix = found.group("suffix")
    level = _SUFFIX_LEVELS.get(suffix, "autonomous_region" if suffix.endswith("自治区") else "city")
    name = found.group("name")
    place = Place(name + suffix, name, level)
    return place, found.start(), found.end("suffix")


def _congress(head: _Head, places: Places, signals: _Signals) -> None:
    for match in _CONGRESS.finditer(head.text):
        if match.group("national"):
            signals.add("government", "全国", "congress", head.span(*match.span()))
            return
        found = _place_of(match.group("body"), places, named=True)
        if found is not None:
            place, start, end = found
            offset = match.start("body")
            signals.add(
                "government", place.short, "congress", head.span(offset + start, offset + end)
            )
            return


def _title(
    head: _Head,
    compact: str,
    places: Places,
    vocabulary: Vocabulary,
    genre: str,
    signals: _Signals,
) -> None:
    """The government and years of the title: the line with the genre's word, and the line
    before it when the title is broken (关于北京市2025年预算执行情况和 / 2026年预算的报告)."""
    words = [w for g, _, ws in vocabulary.genres if g == genre for w in ws]
    window = head.text[:400]
    for word in words:
        found = window.find(word)
        if found < 0:
            continue
        at = head.offsets[found]
        end = head.offsets[found + len(word) - 1] + 1
        start = compact.rfind("\n", 0, at) + 1
        if start > 0:
            before = compact.rfind("\n", 0, start - 1) + 1
            line = compact[before : start - 1]
            if len(line) <= 30 and not re.search(r"[。,;:]", line):
                start = before
        _title_line(compact, start, end, len(word), places, signals)
        return


def _title_line(
    compact: str, start: int, end: int, word_length: int, places: Places, signals: _Signals
) -> None:
    title = compact[start:end]
    place = _place_of(title, places)
    if place is None:
        # the name before the year or the genre's word: 2025年某某省政府工作报告
        for piece in re.finditer(r"[^\d年\n]+", title[: len(title) - word_length]):
            named = _place_of(piece.group(), places, named=True)
            if named is not None:
                place = (named[0], piece.start() + named[1], piece.start() + named[2])
                break
    if place is not None:
        signals.add(
            "government",
            place[0].short,
            "title",
            (start + place[1], start + place[2]),
            place=place[0],
        )
    elif "国务院" in title or "中华人民共和国" in title:
        at = start + max(title.find("国务院"), title.find("中华人民共和国"))
        signals.add("government", "全国", "title", (at, at + 3))
    years = list(_YEAR.finditer(title))
    if years:
        signals.add(
            "title_years",
            ",".join(str(_year_number(y.group("year"))) for y in years),
            "title",
            (start + years[0].start(), start + years[-1].end()),
        )


def _issuers(head: _Head, places: Places, vocabulary: Vocabulary, signals: _Signals) -> None:
    pattern = "|".join(map(re.escape, vocabulary.issuers))
    for match in re.finditer(rf"(?P<who>[^\s,。:;]{{1,24}}?)(?:{pattern})", head.text):
        who = match.group("who")
        survey = re.match(r"国家统计局(?P<place>.+)$", who)  # 国家统计局苏州调查队
        found = _place_of(survey.group("place") if survey else who, places, named=True)
        if found is None:
            continue
        offset = match.start("who") + (survey.start("place") if survey else 0)
        signals.add(
            "government",
            found[0].short,
            "issuer",
            head.span(offset + found[1], offset + found[2]),
            place=found[0],
        )
        return


def _speaker(
    head: _Head,
    compact: str,
    body_start: int | None,
    places: Places,
    vocabulary: Vocabulary,
    signals: _Signals,
) -> None:
    match = vocabulary.speaker_pattern.search(head.text)
    if match is not None:
        signals.add(
            "level", vocabulary.speakers[match.group()], "speaker", head.span(*match.span())
        )
        before = head.text[max(0, match.start() - 16) : match.start()]
        found = _place_of(before, places)
        if found is not None:
            offset = match.start() - len(before)
            signals.add(
                "government",
                found[0].short,
                "speaker",
                head.span(offset + found[1], offset + found[2]),
            )
    if body_start is None:
        return
    speech = _ON_BEHALF.search(compact, body_start, body_start + 400)
    if speech is None:
        return
    who = speech.group("who")
    if "国务院" in speech.group() and not who:
        signals.add("government", "全国", "address", speech.span())
        signals.add("level", "nation", "address", speech.span())
        return
    found = _place_of(who, places)
    if found is not None:
        offset = speech.start("who")
        signals.add("government", found[0].short, "address", (offset + found[1], offset + found[2]))
    scope = who[-3:] if who.endswith("自治区") else who[-1:]
    if scope in vocabulary.scopes:
        signals.add("level", vocabulary.scopes[scope], "address", speech.span())


def _dates(head: _Head, compact: str, genre: str, signals: _Signals) -> None:
    # the delivery date: the first full date of the head (——2026年2月3日在…, （2026年3月31日）)
    for match in _DATE.finditer(head.text):
        date = chinese_date(match)
        if date is not None:
            signals.add("issued", date.isoformat(), "date line", head.span(*match.span()))
            break
    # a signature at the end: a line that is only a date
    tail_start = max(head.end, len(compact) - 600)
    for match in re.finditer(
        r"(?m)^[^\n,。]{0,20}?[(（]?" + _DATE.pattern + r"[)）]?(?:印制|印发)?$",
        compact[tail_start:],
    ):
        date = chinese_date(match)
        if date is not None:
            span = (tail_start + match.start(), tail_start + match.end())
            signals.add("signed", date.isoformat(), "signature", span)


def _headings(compact: str, genre: str, signals: _Signals) -> None:
    review = _REVIEW_HEADING.search(compact)
    if review is not None:
        signals.add("reviewed", review.group("year"), "review heading", review.span("title"))
    else:
        five = _PLAN_REVIEW.search(compact)
        if five is not None:
            last = Period.parse(five.group("plan")).end_year
            signals.add("reviewed", str(last), "review heading", five.span())
        else:
            # 一、过去一年工作回顾 / 2024年是…: the year the review's first sentence names
            plain = _PLAIN_REVIEW.search(compact)
            opening = (
                None if plain is None else _YEAR.search(compact, plain.end(), plain.end() + 80)
            )
            if opening is not None:
                signals.add("reviewed", opening.group("year"), "review's opening", opening.span())
    if genre == "statistical_bulletin":
        opening = _OPENING_YEAR.search(compact, 0, 3000)
        if opening is not None:
            signals.add("opening_year", opening.group("year"), "opening", opening.span("year"))
    plan = _PLAN_HEADING.search(compact)
    if plan is not None:
        signals.add("planned", plan.group("year"), "plan heading", plan.span("title"))


def _body(compact: str, places: Places, vocabulary: Vocabulary, signals: _Signals) -> None:
    """The government the body names most, as a full name or a province's short form, and the
    level its 全省/全市/我市 say."""
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for mention in places.find(compact):
        if not mention.full and not mention.place.provincial:
            continue
        counts[mention.place.short] += 1
        first.setdefault(mention.place.short, (mention.start, mention.end))
    scopes: Counter[str] = Counter()
    scope_at: dict[str, tuple[int, int]] = {}
    for match in re.finditer(r"(?:全|我|本)(省|自治区|市|州|盟|县|区|国)", compact):
        word = match.group(1)
        level = vocabulary.scopes.get("国务院" if word == "国" else word)
        if level is None or (word == "区" and "自治区" not in vocabulary.scopes):
            continue
        level = "autonomous_region" if word == "区" else level
        scopes[level] += 1
        scope_at.setdefault(level, match.span())
    if scopes:
        level, count = scopes.most_common(1)[0]
        if count >= 3:
            signals.add("level", level, "body", scope_at[level])
    # the level the speech, the speaker or the body says: only a government of that level
    said = signals.first("level")
    wanted = _COMPATIBLE.get(said.value, {said.value}) if said is not None else None
    for name, count in counts.most_common():
        place = places.get(name)
        if wanted is not None and (place is None or place.level not in wanted):
            continue
        if count >= 2:
            signals.add("government", name, "body", first[name])
        break


# -- the decision --------------------------------------------------------------------------------

_COMPATIBLE = {
    "city": {"municipality", "prefecture", "county"},
    "province": {"province"},
    "autonomous_region": {"autonomous_region"},
    "prefecture_area": {"prefecture_area"},
    "county": {"county"},
    "nation": {"nation"},
}


def _decide(
    signals: _Signals,
    places: Places,
    genre: str,
    role: str | None,
    body_start: int | None,
) -> Identity:
    evidence: list[Evidence] = []
    conflicts: list[str] = []
    known = _Known(places, signals.named)
    government, province, level = _decide_government(signals, known, evidence, conflicts)
    year, reviewed = _decide_year(signals, genre, evidence, conflicts)
    issued = _decide_date(signals, evidence)
    genre_evidence = signals.first("genre")
    if genre_evidence is not None:
        evidence.append(genre_evidence)
        if role is not None:
            evidence.append(attrs.evolve(genre_evidence, field="role", value=role))
    return Identity(
        government=government,
        level=level,
        year=year,
        reviewed=reviewed,
        genre=genre,
        role=role,
        issued=issued,
        body_start=body_start,
        province=province,
        evidence=tuple(evidence),
        conflicts=tuple(conflicts),
    )


class _Known:
    """The places of the table, and those a document named that the table lacks."""

    def __init__(self, places: Places, named: dict[str, Place]) -> None:
        self.places = places
        self.named = named

    def get(self, name: str) -> Place | None:
        return self.places.get(name) or self.named.get(name)


def _decide_government(
    signals: _Signals, places: _Known, evidence: list[Evidence], conflicts: list[str]
) -> tuple[str | None, str | None, str | None]:
    candidates = signals.found.get("government", [])
    taken = candidates[0] if candidates else None
    place = None if taken is None else places.get(taken.value)
    for other in candidates[1:]:
        if taken is None or other.value == taken.value or other.signal == "body":
            continue
        other_place = places.get(other.value)
        if place is not None and other_place is not None and _nested(place, other_place):
            if other_place.provincial and not place.provincial:
                continue  # the city's province named too: the city stands
            if place.provincial and not other_place.provincial:
                taken, place = other, other_place  # a city of the province: the city
                continue
        conflicts.append(f"{other} disagrees with {taken}: {taken.value} taken")
    level = None if place is None else place.level
    level_evidence = signals.found.get("level", [])
    if taken is not None:
        evidence.append(taken)
        if place is not None:
            evidence.append(attrs.evolve(taken, field="level", value=place.level))
    for said in level_evidence:
        if level is None:
            level = said.value
            evidence.append(said)
        elif level not in _COMPATIBLE.get(said.value, {said.value}) and said.signal != "body":
            conflicts.append(
                f"{said} disagrees with the level of {taken.value if taken else '?'} ({level})"
            )
    if taken is None:
        return None, None, level
    return taken.value, None if place is None else place.province, level


def _nested(a: Place, b: Place) -> bool:
    return a.province == b.short or b.province == a.short


def _decide_year(
    signals: _Signals, genre: str, evidence: list[Evidence], conflicts: list[str]
) -> tuple[int | None, int | None]:
    """The document's year and the year it reviews."""
    options: list[tuple[int, int | None, Evidence]] = []  # (year, reviewed, evidence)
    title = signals.first("title_years")
    if title is not None:
        years = [int(y) for y in title.value.split(",")]
        if genre == "statistical_bulletin":
            options.append((years[0], years[0], attrs.evolve(title, value=str(years[0]))))
        elif genre == "budget_report":
            last = max(years)
            reviewed = min(years) if len(years) > 1 else None
            options.append(
                (
                    last if len(years) > 1 else years[0] + 1,
                    reviewed or years[0],
                    attrs.evolve(title, value=str(last if len(years) > 1 else years[0] + 1)),
                )
            )
        else:
            options.append((years[-1], years[-1] - 1, attrs.evolve(title, value=str(years[-1]))))
    opening = signals.first("opening_year")
    if opening is not None:
        value = int(opening.value)
        options.append((value, value, opening))
    issued = signals.first("issued")
    if issued is not None and genre in ("work_report", "budget_report"):
        year = int(issued.value[:4])
        options.insert(0, (year, year - 1, attrs.evolve(issued, value=str(year))))
    heading = signals.first("reviewed")
    if heading is not None and genre != "statistical_bulletin":
        value = int(heading.value)
        options.append((value + 1, value, attrs.evolve(heading, value=str(value + 1))))
    planned = signals.first("planned")
    if planned is not None and genre != "statistical_bulletin":
        value = int(planned.value)
        options.append((value, value - 1, attrs.evolve(planned, value=str(value))))
    if not options:
        return None, None
    year, reviewed_year, taken = options[0]
    evidence.append(attrs.evolve(taken, field="year"))
    for other_year, _, other in options[1:]:
        if other_year != year:
            conflicts.append(
                f"year {other_year} from the {other.signal} [{other.start}:{other.end}] "
                f"disagrees with {attrs.evolve(taken, field='year')}: {year} taken"
            )
    return year, reviewed_year


def _decide_date(signals: _Signals, evidence: list[Evidence]) -> dt.date | None:
    for field in ("issued", "signed"):
        found = signals.first(field)
        if found is not None:
            evidence.append(attrs.evolve(found, field="issued"))
            return dt.date.fromisoformat(found.value)
    return None


def fill_from(identity: Identity, others: Sequence[Identity]) -> Identity:
    """``identity`` with the government (and its level) of the other documents of a pair
    where its own text does not tell it and all the others agree."""
    if identity.government is not None:
        return identity
    named = {o.government for o in others if o.government is not None}
    if len(named) != 1:
        return identity
    source = next(o for o in others if o.government is not None)
    government = named.pop()
    added = [Evidence("government", government, "other document of the pair")]
    level = identity.level
    if level is None and source.level is not None:
        level = source.level
        added.append(Evidence("level", level, "other document of the pair"))
    return attrs.evolve(
        identity,
        government=government,
        level=level,
        province=source.province,
        evidence=(*identity.evidence, *added),
    )


def overridden(
    identity: Identity,
    *,
    government: str | None = None,
    year: int | None = None,
    genre: str | None = None,
    signal: str = "option",
    places: Places | None = None,
) -> Identity:
    """``identity`` with what the user says (``--region``, ``--year``, ``--genre``, a manifest)
    in place of what the text says; a difference is kept as a note in the conflicts."""
    changes: dict[str, Any] = {}
    added: list[Evidence] = []
    notes: list[str] = []
    kept = list(identity.evidence)
    if government is not None and government != identity.government:
        place = (places or default_places()).get(government)
        if identity.government is not None:
            notes.append(f"{signal} {government} replaces {identity.why('government')}")
        changes["government"] = place.short if place is not None else government
        changes["level"] = place.level if place is not None else None
        changes["province"] = None if place is None else place.province
        kept = [e for e in kept if e.field not in ("government", "level")]
        added.append(Evidence("government", changes["government"], signal))
    if year is not None and year != identity.year:
        if identity.year is not None:
            notes.append(f"{signal} {year} replaces {identity.why('year')}")
        changes["year"] = year
        changes["reviewed"] = year if identity.genre == "statistical_bulletin" else year - 1
        kept = [e for e in kept if e.field != "year"]
        added.append(Evidence("year", str(year), signal))
    if genre is not None and genre != identity.genre:
        if genre not in GENRES:
            raise ValueError(f"'genre' must be one of {', '.join(GENRES)} (got {genre!r})")
        changes["genre"] = genre
        role = next((r for g, r, _ in default_vocabulary().genres if g == genre), None)
        changes["role"] = role
        written = changes.get("year", identity.year)
        if genre == "statistical_bulletin" and identity.genre != genre:
            # a bulletin's year is the year its figures are for
            changes["reviewed"] = identity.reviewed if identity.genre == "article" else written
        kept = [e for e in kept if e.field not in ("genre", "role")]
        added.append(Evidence("genre", genre, signal))
        if role is not None:
            added.append(Evidence("role", role, signal))
    if not changes:
        return identity
    return attrs.evolve(
        identity,
        **changes,
        evidence=(*kept, *added),
        conflicts=(*identity.conflicts, *notes),
    )


def identity_to_dict(identity: Identity) -> dict[str, Any]:
    """The identity as plain data (JSON, YAML): each decision with its evidence."""
    return {
        "government": identity.government,
        "level": identity.level,
        "province": identity.province,
        "year": identity.year,
        "reviewed": identity.reviewed,
        "genre": identity.genre,
        "role": identity.role,
        "issued": None if identity.issued is None else identity.issued.isoformat(),
        "evidence": [
            {
                "field": e.field,
                "value": e.value,
                "signal": e.signal,
                **({"start": e.start, "end": e.end, "quote": e.quote} if e.start >= 0 else {}),
            }
            for e in identity.evidence
        ],
        "conflicts": list(identity.conflicts),
    }


def issue_date(text: str, identity: Identity | None = None) -> dt.date | None:
    """The date a document was issued, when its text says: the date its identity rests on (a
    work report's delivery line, a bulletin's date line, a signature), else the last line that
    is only a date (:func:`~targettrack.extract.structure.signed_date`). A department's article
    is dated by its signature line only."""
    identity = identity or identify(text)
    if identity.genre != "article" and identity.issued is not None:
        return identity.issued
    return signed_date(text)
