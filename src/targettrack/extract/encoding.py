"""Decoding text: a byte-order mark, a declared charset, UTF-8, else what the detector finds."""

from __future__ import annotations

import codecs
import re
import unicodedata

from .._errors import DataError

__all__ = ["checked_encoding", "decode", "declared_codec", "text_codec"]

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

#: Codecs that are text encodings to Python but no encoding a document is written in: they
#: fail on any input (``undefined``), read escapes or domain names, or are refused by browsers
#: (UTF-7). An explicit ``encoding`` may name those that decode; a declaration is passed over.
_NOT_DOCUMENT = frozenset(
    ("undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7")
)
#: A lone surrogate: half of a UTF-16 pair, which is no character (UTF-8 cannot hold it).
_SURROGATE = re.compile("[\ud800-\udfff]")

#: Control characters a text document may hold (tab, line and page breaks).
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1c\x1d\x1e\x85")


def text_codec(name: str) -> str | None:
    """The Python name of the encoding ``name``, or None when it names no text encoding:
    unknown, a codec between bytes (``base64``, ``zlib``) or between texts (``rot13``), or
    ``undefined``, which decodes nothing."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):  # ValueError: a NUL in the name
        return None
    if not info._is_text_encoding or info.name == "undefined":
        return None
    return info.name


def checked_encoding(name: str) -> str:
    """The Python name of the encoding given as ``--encoding`` (``read_document(path,
    encoding=…)``); a :class:`ValueError` naming ``--encoding`` when it is no text encoding."""
    codec = text_codec(name)
    if codec is not None:
        return codec
    try:
        codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        raise ValueError(f"--encoding: expected an encoding Python knows, got {name!r}") from None
    raise ValueError(
        f"--encoding: expected an encoding of text, got {name!r}, a codec that decodes no "
        "text (such as rot13, base64 or undefined)"
    )


def declared_codec(name: str) -> str | None:
    """The codec to read a document in the encoding its markup declares (``<meta charset>``,
    ``<?xml encoding?>``), or None when the label names no encoding documents are written
    in (:func:`text_codec`, and Python's own codecs such as ``unicode_escape``)."""
    codec = text_codec(name)
    if codec is None or codec in _NOT_DOCUMENT:
        return None
    return _WIDER.get(codec, codec)


def decode(
    path: str, data: bytes, encoding: str | None = None, declared: str | None = None
) -> tuple[str, str, str]:
    """The text of ``data``, the encoding it was read in, and the tool that found it.

    In order: ``encoding`` if given; a byte-order mark; ``declared`` (a web page's charset);
    UTF-8; the encoding charset-normalizer finds. A byte-order mark is not part of the text.
    ``encoding`` and ``declared`` must be text encodings (:func:`checked_encoding`,
    :func:`declared_codec`): a :class:`ValueError` says so otherwise. Text that would hold a
    lone surrogate (``unicode_escape`` of ``\\ud800``) is refused, at its line.
    """
    if encoding is not None:
        encoding = checked_encoding(encoding)
        return _strict(path, data, encoding, "--encoding"), encoding, ""
    for mark, name, codec in _BOMS:
        if data.startswith(mark):
            return _strict(path, data[len(mark) :], name, f"its {codec} byte-order mark"), codec, ""
    if declared is not None:
        reading = declared_codec(declared)
        if reading is None:
            raise ValueError(f"expected a charset documents are written in, got {declared!r}")
        return _strict(path, data, reading, "its declared charset"), reading, ""
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
        name = declared_codec(candidate)
        if name is None:
            continue
        try:
            text = data.decode(name)
        except UnicodeError:
            continue
        if _plausible(text) and _SURROGATE.search(text) is None:
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


def _strict(path: str, data: bytes, encoding: str, why: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise DataError(
            path,
            line,
            f"not {encoding} text as {why} says: bytes {data[error.start : error.end]!r} at "
            f"byte {error.start} ({error.reason})",
        ) from None
    except UnicodeError as error:  # a codec that fails without saying where
        raise DataError(path, None, f"not {encoding} text as {why} says ({error})") from None
    found = _SURROGATE.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        raise DataError(
            path,
            line,
            f"not text as {why} says: read as {encoding} it holds U+{ord(found.group()):04X}, "
            "half of a UTF-16 surrogate pair, which is no character",
        )
    return text


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
