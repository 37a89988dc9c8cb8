"""Decoding text: a byte-order mark, a declared charset, UTF-8, else what the detector finds."""

from __future__ import annotations

import codecs
import re
import unicodedata

from .._errors import DataError

__all__ = ["decode"]

#: The byte-order marks, longest first (UTF-32's starts with UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

#: Encodings read as the larger one that contains them (GB18030 ⊃ GBK ⊃ GB2312).
_WIDER = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "hz": "hz",
    "big5": "big5",
    "cp950": "cp950",
}

#: Control characters a text document may hold (tab, line and page breaks).
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1c\x1d\x1e\x85")


def decode(
    path: str, data: bytes, encoding: str | None = None, declared: str | None = None
) -> tuple[str, str, str]:
    """The text of ``data``, the encoding it was read in, and the tool that found it.

    In order: ``encoding`` if given; a byte-order mark; ``declared`` (a web page's charset);
    UTF-8; the encoding charset-normalizer finds. A byte-order mark is not part of the text.
    """
    if encoding is not None:
        return _strict(path, data, encoding, "--encoding"), encoding, ""
    for mark, name, codec in _BOMS:
        if data.startswith(mark):
            return _strict(path, data[len(mark) :], name, f"its {codec} byte-order mark"), codec, ""
    if declared is not None:
        declared = _wider(declared)
        return _strict(path, data, declared, "its declared charset"), declared, ""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_text(path, text, "utf-8")
        return text, "utf-8", ""
    return _detect(path, data)


def _detect(path: str, data: bytes) -> tuple[str, str, str]:
    """The encoding charset-normalizer ranks first among those that give plausible text,
    else the first of GB18030, Big5 and UTF-16 (without its mark) that does."""
    import charset_normalizer

    ranked = [match.encoding for match in charset_normalizer.from_bytes(data)]
    for candidate in [*ranked, *_FALLBACKS]:
        try:
            name = _wider(candidate)
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            tool = f"charset-normalizer {charset_normalizer.__version__}"
            return text, name, tool if candidate in ranked else f"{tool}, then targettrack"
    raise DataError(
        path,
        None,
        "undecodable: not text in UTF-8, GB18030, Big5, UTF-16 or another encoding the "
        "detector knows; pass --encoding if you know it",
    )


#: Tried after the detector's candidates, in this order.
_FALLBACKS = ("gb18030", "big5", "utf-16-le", "utf-16-be")

#: What text of a Chinese document is made of: CJK ideographs, their punctuation and
#: full-width forms, Latin letters and figures, and the signs such documents use.
_PLAIN = re.compile(
    r"[\t\n\r\f\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2100-\u22ff\u2460-\u24ff"
    r"\u2500-\u27bf\u3000-\u303f\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    r"\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)


def _plausible(text: str) -> bool:
    """Whether ``text`` reads as a document: at least 97% of its characters are plain."""
    sample = text[:65536]
    if not sample:
        return True
    plain = len(_PLAIN.findall(sample))
    return plain >= 0.97 * len(sample)


def _wider(encoding: str) -> str:
    """The codec to read ``encoding`` with: its Python name, or the wider one containing it."""
    name = codecs.lookup(encoding).name
    return _WIDER.get(name, name)


def _strict(path: str, data: bytes, encoding: str, why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise DataError(
            path,
            line,
            f"not {encoding} text as {why} says: bytes {data[error.start : error.end]!r} at "
            f"byte {error.start} ({error.reason})",
        ) from None


def _check_text(path: str, text: str, encoding: str) -> None:
    """Refuse what decodes but is not text: a binary file read as some encoding."""
    controls = sum(
        1
        for char in text[:65536]
        if unicodedata.category(char) == "Cc" and char not in _TEXT_CONTROLS
    )
    if controls > max(2, len(text[:65536]) // 1000):
        raise DataError(
            path,
            None,
            f"undecodable: {controls} control characters in it as {encoding}: a binary file, "
            "not a text document",
        )
