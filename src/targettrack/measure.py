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

import re
from collections.abc import Iterable

from .catalog import Catalog

__all__ = ["NearIndex", "addition_verbs", "measure_key", "near", "normalise"]

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
