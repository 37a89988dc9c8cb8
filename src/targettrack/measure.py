"""The rule for "the same measure": when an outcome answers a goal.

A goal and an outcome are about the same measure when, for the same region,

1. they name the same indicator — the same *measure key*: the catalog id when the measure as
   written is one of the catalog's wordings (地区生产总值 = 生产总值 = 国内生产总值 = GDP =
   经济增长 → ``gdp``), else the measure as written, normalised (:func:`normalise`); and
2. they are the same kind of figure: both levels, both growth rates (a relative change), or
   both changes in percentage points. (A share is its own measure — 占…比重 is part of the
   wording — and so are additions: 新增 is part of the wording, 累计 too.)

Normalising removes only what does not change what is measured: the scope every figure of a
report has anyway (全省, 全市, 全区, 全国, 我省, 全年, 今年), words of effort (力争, 加快, 推动,
努力, 确保, 持续, 大力 …), the particle 的, and it spells 规上 as 规模以上. It keeps whatever
narrows or changes the measure: 出口 is not 进出口, 工业投资 is not 固定资产投资, 制造业投资 is not
固定资产投资, 城镇居民人均可支配收入 is not 居民人均可支配收入, 新增高新技术企业 is not 高新技术企业,
国家级 is not 省级.

When no outcome has the goal's key, :func:`near` names the outcomes whose measure is close
(sharing most of its characters), so that a reader sees what was *not* taken as evidence.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from ._errors import DataError
from ._files import line_of, load_yaml
from .catalog import Catalog

__all__ = [
    "Alignment",
    "NearIndex",
    "Wordings",
    "addition_verbs",
    "align",
    "default_wordings",
    "measure_key",
    "near",
    "normalise",
    "words",
    "wordings_files",
]

#: The scope every statement of a regional report already has.
_SCOPE = re.compile(
    r"^(?:全省|全市|全区|全州|全县|全国|全球|全域|我省|我市|我区|我国|本省|本市|全年|今年|当年|年内|每年|"
    r"年度|其中|同时|此外|另外|共|合计|总计)+"
)
#: Words of effort or manner that open a task without changing what it measures.
_EFFORT = re.compile(
    r"^(?:我们将|我们要|要|将|力争|争取|确保|努力|加快|加速|推动|推进|促进|持续|继续|大力|着力|全力|"
    r"扎实|稳步|积极|深入|全面|进一步|重点|强力|有序|统筹|坚持|支持|鼓励|引导|实现|达到|"
    r"保持|稳定在|控制在|力保|带动|安排|组织|落实|办好|抓好|做好|用好|聚焦|围绕|"
    # manner: 精细化治理 is 治理
    r"精细化|常态化|规范化|系统化|标准化|高标准|高质量|全方位|集中|分批)+"
)
_PARTICLES = re.compile(r"[的了“”\"'《》〈〉()（）\s]")
#: Verbs that make a figure the additions of the period, whatever the verb: 新增, 新建, 建设,
#: 建成, 创建, 培育, 开工, 完成, 实施, 开展, 举办, 治理, 改造, 提供, 新开 … — one marker, ``+``.
_ADDITION_VERBS = (
    r"新增|增加|新建成?|新开工|开工|建设|建成|建立|新培育|培育|新认定|认定|创建|争创|新开辟|开辟|新开通|"
    r"开通|新开|完成|实施|开展|举办|新改扩建|改扩建|新改建|治理|整治|改造|提供|新落地|落地|引进|"
    r"新招引|招引|打造|布局"
)
_ADDITION = re.compile(rf"^(?:{_ADDITION_VERBS})+")
_ADDITION_END = re.compile(rf"(?:{_ADDITION_VERBS})+$")
_ADDITION_AFTER = re.compile(r"(?:新增|新建|建成|完成|新培育|新认定)$")
_TRAILING = re.compile(
    r"(?:达到|达|为|超过|超|突破|保持在|稳定在|控制在|增长|增速|增幅|总额|规模|"
    r"(?:提高|提升|增加|增|降低|下降|降|减少|减)(?:到|至)|完工|"
    # what the report says of the figure: 创历史新高, 稳中有升
    r"(?:再|均)?创(?:历史)?新高|稳中有升|稳中向好|稳步(?:增长|提升)|持续(?:增长|提升))+$"
)
#: A counted programme said to be completed, in full and on time (not 基本完成, mostly done)
_COMPLETED = re.compile(
    r"(?:项目)?(?:全面完成|如期完成|全部完成|顺利完成|保质保量完成|全部超额完成|超额完成|全部兑现|"
    r"圆满办结|全部办结|如期办结)$"
)
#: The action again after its object (开工老旧小区改造 = 改造老旧小区): additions of the object.
_ACTION_AFTER = re.compile(r"(?:改造|治理|整治|建设|提升|改建|修缮)$")


def normalise(metric_text: str) -> str:
    """The measure as written, with what does not change it removed (see the module doc)."""
    text = _PARTICLES.sub("", metric_text).replace("规上", "规模以上")
    previous = None
    while previous != text:
        previous = text
        text = _SCOPE.sub("", text)
        text = _EFFORT.sub("", text)
    # 12类45件民生实事全面完成: a counted programme said to be completed is its count
    text = _COMPLETED.sub("", text) or text
    stripped = _TRAILING.sub("", text) or text
    # 能源工业增长 is 能源工业增加值增长: a sector's growth is that of its value added
    if stripped.endswith("增加值") and len(stripped) > 3:
        stripped = stripped[: -len("增加值")]
    added = _ADDITION.match(stripped) or _ADDITION_AFTER.search(stripped)
    if added is not None:
        rest = _ADDITION.sub("", _ADDITION_AFTER.sub("", stripped))
        previous = None
        while previous != rest:  # 新建中小学学位 after the verb: scope and effort again
            previous = rest
            rest = _EFFORT.sub("", _SCOPE.sub("", rest))
        bare = _ACTION_AFTER.sub("", rest)
        if bare:
            return "+" + bare
    return stripped


def addition_verbs(text: str, *, at_end: bool = False) -> str:
    """The verbs of addition ``text`` opens with (新增, 建成, 新建 …), or those it ends with
    when ``at_end``; "" when there are none."""
    found = (_ADDITION_END.search if at_end else _ADDITION.match)(text)
    return "" if found is None else found.group()


def measure_key(metric: str, catalog: Catalog) -> str:
    """The key two statements must share to be about the same measure: a catalog id, or the
    normalised wording when the catalog has no indicator worded so."""
    if metric in catalog:
        return metric
    wording = normalise(metric)
    return _wordings(catalog).get(wording, wording)


_WORDINGS: dict[int, tuple[Catalog, dict[str, str]]] = {}


def _wordings(catalog: Catalog) -> dict[str, str]:
    """Every name and alias of the catalog, normalised, to its metric's id — the catalog's own
    wording table (:attr:`targettrack.Catalog.wordings`: a wording two metrics share is the
    one's whose id sorts first)."""
    entry = _WORDINGS.get(id(catalog))
    if entry is None or entry[0] is not catalog:
        table: dict[str, str] = {}
        for word, metric_id in catalog.wordings.items():
            table.setdefault(normalise(word), metric_id)
        if len(_WORDINGS) > 64:
            _WORDINGS.clear()
        entry = (catalog, table)
        _WORDINGS[id(catalog)] = entry
    return entry[1]


def _grams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def near(key: str, keys: Iterable[str], *, limit: int = 3) -> list[str]:
    """The keys closest to ``key`` (sharing at least half of their two-character pieces, or
    one containing the other), closest first: the measures a reader may want to compare."""
    return NearIndex(keys).near(key, limit=limit)


class NearIndex:
    """Keys indexed by their two-character pieces, so that :func:`near` looks only at keys that
    can be near the one asked about, not at all of them.

    A key shares at least half of the pieces of the union with ``key`` only if it has at least
    half of ``key``'s own pieces, so it has one of the rarest ``n − ⌈n/2⌉ + 1`` of them (the
    prefix filter of similarity joins); a key containing ``key`` has all of them; a key
    contained in ``key`` is one of ``key``'s substrings, looked up directly."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._pieces: dict[str, set[str]] = {}
        self._grams: dict[str, set[str]] = {}
        self._bare: dict[str, set[str]] = {}
        for key in set(keys):
            pieces = self._pieces[key] = _grams(key)
            for gram in pieces | _grams(key.lstrip("+")):
                self._grams.setdefault(gram, set()).add(key)
            self._bare.setdefault(key.lstrip("+"), set()).add(key)

    def _candidates(self, key: str, own: set[str], bare: str) -> Iterable[str]:
        if len(bare) < 2:
            return self._pieces  # a single character: contained in many, look at every key
        found: set[str] = set()
        for pieces in (own, _grams(bare)):
            rarest = sorted(pieces, key=lambda g: (len(self._grams.get(g, ())), g))
            for gram in rarest[: len(rarest) - (len(rarest) + 1) // 2 + 1]:
                found |= self._grams.get(gram, set())
        for begin in range(len(bare)):
            for end in range(begin + 1, len(bare) + 1):
                found |= self._bare.get(bare[begin:end], set())
        return found

    def near(self, key: str, *, limit: int = 3) -> list[str]:
        """The keys of the index closest to ``key``, as :func:`near` says."""
        own = _grams(key)
        bare = key.lstrip("+")
        scored: list[tuple[float, str]] = []
        for other in self._candidates(key, own, bare):
            if other == key:
                continue
            grams = self._pieces[other]
            score = len(own & grams) / len(own | grams)
            other_bare = other.lstrip("+")
            if bare in other_bare or other_bare in bare:
                score = max(score, 0.5)
            if score >= 0.5:
                scored.append((-score, other))
        scored.sort()
        return [other for _, other in scored[:limit]]


# -- close wordings -------------------------------------------------------------------------------


@attrs.frozen
class Wordings:
    """How two wordings of a measure may differ and still be one measure
    (``data/wordings.yaml``): the words that always make another measure, the neutral words
    after a measure, and the shortest measure aligned with one that contains it."""

    keep_apart: tuple[str, ...]
    neutral_after: tuple[str, ...]
    shortest: int = 3
    most_words: int = 2

    @classmethod
    def from_files(cls, files: Iterable[str | Path]) -> Wordings:
        keep: list[str] = []
        after: list[str] = []
        numbers = {"shortest": 3, "most_words": 2}
        for file in files:
            data = load_yaml(file)
            if not isinstance(data, dict):
                raise DataError(str(file), 1, "expected a mapping: keep_apart, neutral_after")
            for name, into in (("keep_apart", keep), ("neutral_after", after)):
                words = data.get(name, [])
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    raise DataError(
                        str(file), line_of(data, name), f"'{name}' must be a list of words"
                    )
                into.extend(words)
            for name in numbers:
                value = data.get(name, numbers[name])
                if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                    raise DataError(
                        str(file), line_of(data, name), f"'{name}' must be a whole number ≥ 1"
                    )
                numbers[name] = value
        return cls(tuple(dict.fromkeys(keep)), tuple(dict.fromkeys(after)), **numbers)


def wordings_files() -> list[Path]:
    """The shipped file of close-wording rules."""
    return [Path(str(resources.files("targettrack") / "data" / "wordings.yaml"))]


@functools.cache
def default_wordings() -> Wordings:
    return Wordings.from_files(wordings_files())


@attrs.frozen
class Alignment:
    """A goal's measure aligned with an outcome's that is worded otherwise: the outcome's
    measure key, the words one wording has and the other has not, and the rule that allowed
    it (``qualifier``: a qualifier in front of the same head; ``neutral``: a neutral word
    after it)."""

    key: str
    differing: tuple[str, ...]
    rule: str

    def describe(self, goal_key: str) -> str:
        return f"{goal_key} ~ {self.key} (they differ by {'、'.join(self.differing)})"


#: The segmenter's tags of proper nouns: places, people, organisations, other names, short forms
_PROPER = frozenset({"ns", "nr", "nt", "nz", "j", "nrt", "nrfg"})


def proper_nouns(text: str) -> list[str]:
    """The words of ``text`` the segmenter tags as names (places, people, organisations)."""
    import jieba.posseg

    tagger = jieba.posseg.POSTokenizer(_segmenter())
    return [pair.word for pair in tagger.cut(text, HMM=False) if pair.flag in _PROPER]


@functools.cache
def _segmenter() -> Any:
    """jieba's tokenizer, its dictionary cache kept in the user's cache folder, not /tmp."""
    import logging

    import jieba

    jieba.setLogLevel(logging.CRITICAL)
    tokenizer = jieba.Tokenizer()
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "targettrack"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(folder)
        tokenizer.initialize()
    except OSError:
        with tempfile.TemporaryDirectory(prefix="targettrack-") as scratch:
            tokenizer.tmp_dir = scratch
            tokenizer.initialize()
    return tokenizer


def words(text: str) -> list[str]:
    """``text`` segmented into words (jieba, its dictionary only: no guessing of new words)."""
    return [w for w in _segmenter().cut(text, HMM=False) if w.strip()]


def _difference(short: str, long: str) -> tuple[str, str] | None:
    """``long`` as ``before + short + after``, or None when ``short`` is not in it."""
    at = long.rfind(short)
    if at < 0:
        return None
    return long[:at], long[at + len(short) :]


def _aligned(key: str, other: str, wordings: Wordings) -> Alignment | None:
    if key.startswith("+") != other.startswith("+"):
        return None  # additions are not a level, a total not its additions
    mine, theirs = key.lstrip("+"), other.lstrip("+")
    short, long = sorted((mine, theirs), key=len)
    if len(short) < wordings.shortest or short == long:
        return None
    parts = _difference(short, long)
    if parts is None:
        return None
    before, after = parts
    if after and after not in wordings.neutral_after:
        return None  # another head: 养老服务中心床位 is not 养老服务中心
    if any(word in before for word in wordings.keep_apart):
        return None  # 城镇居民人均可支配收入 is not 居民人均可支配收入
    if before and (not HAN_ONLY.fullmatch(before) or words(long)[-1] != words(short)[-1]):
        return None  # the qualifier must be words, and the head the same
    qualifier = tuple(words(before))
    if len(qualifier) > wordings.most_words:
        return None
    if before and (proper_nouns(before) or any(_is_place(word) for word in qualifier)):
        return None  # a place's or an organisation's part of the measure
    differing = qualifier + ((after,) if after else ())
    return Alignment(other, differing, "neutral" if not before else "qualifier")


HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _is_place(word: str) -> bool:
    from .places import default_places

    return default_places().get(word) is not None


def align(
    key: str,
    candidates: Iterable[str],
    catalog: Catalog,
    wordings: Wordings | None = None,
) -> tuple[Alignment | None, tuple[Alignment, ...]]:
    """The outcome measure a goal's measure ``key`` is aligned with when no outcome shares it:
    one of ``candidates`` that contains it or is contained in it, differing only as
    ``data/wordings.yaml`` allows (see :class:`Wordings`). A measure the catalog places (an
    id) is the catalog's business and is never aligned. When two candidates are equally close
    none is taken: the second item lists them, for the reason to name."""
    wordings = wordings or default_wordings()
    if key in catalog:
        return None, ()
    found = [
        a for other in candidates if other not in catalog and (a := _aligned(key, other, wordings))
    ]
    if not found:
        return None, ()
    found.sort(key=lambda a: (sum(map(len, a.differing)), a.key))
    best = found[0]
    ties = tuple(a for a in found if sum(map(len, a.differing)) == sum(map(len, best.differing)))
    if len(ties) > 1:
        return None, ties
    return best, ()
