"""Reading PDF files and web pages (``targettrack.read_document``; the ``formats`` extra).

The files are the Hebei corpus pair converted by tests/fixtures/make_fixtures.py; the bad
files are made here or by that script.
"""

from __future__ import annotations

import io
import os
import pickle
import re
import sys
from pathlib import Path

import pytest

import targettrack as tt
from targettrack._files import read_text

pdfium = pytest.importorskip("pypdfium2")
pytest.importorskip("selectolax")

from pdf_pages import page_texts  # noqa: E402  (needs pypdfium2)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
PLAN = "hebei_2025_gov_work_report"
REVIEW = "hebei_2026_gov_work_report"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def no_space(text: str) -> str:
    return "".join(text.split())


# -- PDF ------------------------------------------------------------------------------------


@pytest.mark.parametrize("stem", [PLAN, REVIEW])
def test_pdf_lines_are_joined_and_headers_footers_page_numbers_left_out(stem: str) -> None:
    document = tt.read_document(DOCUMENTS / f"{stem}.pdf")
    text = read_text(CORPUS / f"{stem}.txt")
    # a paragraph per line, as in the text the PDF was typeset from: every line broken by
    # the layout is joined again, and nothing of the running header or the page numbers
    assert document.text == text
    assert not re.search(r"^— \d+ —$", document.text, re.MULTILINE)
    assert (document.reader, document.encoding, len(document.pages)) == ("pdf", None, 8)
    assert document.empty_pages == ()
    # the running header on every page but the first is the title, and it is gone
    title = text.splitlines()[0]
    assert document.text.count(title) == text.count(title)


def test_pdf_page_offsets_point_at_each_page_and_sentences_run_across_pages() -> None:
    path = DOCUMENTS / f"{PLAN}.pdf"
    document = tt.read_document(path)
    pages = page_texts(path)
    assert document.pages[0] == 0
    joined = 0
    for number, start in enumerate(document.pages, 1):
        end = document.pages[number] if number < len(document.pages) else len(document.text)
        chunk = no_space(document.text[start:end])
        assert chunk and chunk in pages[number - 1]
        assert document.page_of(start) == number
        if start and document.text[start - 1] != "\n":
            joined += 1  # the page starts in the middle of a sentence of the page before
    assert joined >= 3


def test_pdf_statements_cite_their_page() -> None:
    path = DOCUMENTS / f"{PLAN}.pdf"
    document = tt.read_document(path)
    pages = page_texts(path)
    statements = tt.extract_statements(document.text, doc=path.name)
    assert len(statements) > 50
    for statement in statements:
        source = statement.source
        assert document.text[source.start : source.end] == source.quote
        page = document.page_of(source.start)
        assert page is not None
        start = no_space(source.quote)[:4]
        assert start in pages[page - 1], (source, page)


def test_no_text_layer_is_refused() -> None:
    with pytest.raises(tt.DataError, match=r"no text layer: OCR it first") as caught:
        tt.read_document(DOCUMENTS / "no_text_layer.pdf")
    assert caught.value.path.endswith("no_text_layer.pdf")


def test_pages_without_text_are_named(tmp_path: Path) -> None:
    merged = pdfium.PdfDocument.new()
    plan = pdfium.PdfDocument(DOCUMENTS / f"{PLAN}.pdf")
    scan = pdfium.PdfDocument(DOCUMENTS / "no_text_layer.pdf")
    merged.import_pages(plan, [0, 1])
    merged.import_pages(scan, [0])
    merged.import_pages(plan, [2])
    out = io.BytesIO()
    merged.save(out)
    for pdf in (merged, plan, scan):
        pdf.close()
    document = tt.read_document(write(tmp_path, "mixed.pdf", out.getvalue()))
    assert document.empty_pages == (3,)
    assert len(document.pages) == 4
    assert document.pages[2] == document.pages[3]
    assert document.page_of(document.pages[3]) == 4


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: (DOCUMENTS / "encrypted.pdf").read_bytes(), "an encrypted PDF"),
        (lambda: (DOCUMENTS / f"{PLAN}.pdf").read_bytes()[:20000], "not a readable PDF"),
        (lambda: b"%PDF-1.7\n" + os.urandom(2000), "not a readable PDF"),
        (lambda: b"<html>not a pdf</html>", "not a readable PDF"),
    ],
    ids=["encrypted", "cut-short", "garbage", "not-a-pdf"],
)
def test_a_bad_pdf_is_refused(tmp_path: Path, make: object, message: str) -> None:
    assert callable(make)
    path = write(tmp_path, "plan.pdf", make())
    with pytest.raises(tt.DataError, match=re.escape(message)) as caught:
        tt.read_document(path)
    assert caught.value.path == str(path)


def test_a_missing_reader_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(tt.ReaderMissing) as caught:
        tt.read_document(DOCUMENTS / f"{PLAN}.pdf")
    assert str(caught.value).endswith(
        "reading it needs pypdfium2, which is not installed: pip install 'targettrack[formats]'"
    )
    assert isinstance(caught.value, ImportError)
    again = pickle.loads(pickle.dumps(caught.value))
    assert (again.path, again.module, again.extra) == (caught.value.path, "pypdfium2", "formats")
    monkeypatch.setitem(sys.modules, "selectolax", None)
    with pytest.raises(tt.ReaderMissing, match=r"selectolax.*targettrack\[formats\]"):
        tt.read_document(DOCUMENTS / f"{REVIEW}.html")


# -- web pages ------------------------------------------------------------------------------


def test_html_reads_the_main_content_only() -> None:
    document = tt.read_document(DOCUMENTS / f"{REVIEW}.html")
    assert document.text == read_text(CORPUS / f"{REVIEW}.txt")
    assert (document.reader, document.encoding) == ("html", "gb18030")
    for chrome in (
        "当前位置",
        "网站地图",
        "冀ICP备",
        "分享到",
        "QQ空间",
        "相关链接",
        "请输入关键字",
        "_hmt",
        "doZoom",
    ):
        assert chrome not in document.text, chrome


PAGE = """<html><head><title>站点</title>{meta}</head><body>
<div class="nav"><a href="/">首页</a> | <a href="/a">政务公开</a> | <a href="/b">互动交流</a> | <a href="/c">办事服务</a></div>
<h1>2025年某省经济运行情况</h1>
<div class="bar">【字号：<a>大</a> <a>中</a> <a>小</a>】【打印】【关闭】</div>
<div id="content">
<p>全省地区生产总值增长5.2%，规模以上工业增加值增长6.1%，增速均高于全国平均水平。</p>
<div>新增高新技术企业1200家，累计达到1.5万家，科技型中小企业达到2.8万家。<br>年末常住人口城镇化率达到63%。</div>
<table><tr><td>指标</td><td>增速</td></tr><tr><td>固定资产投资</td><td>5.5%</td></tr></table>
<p>扫一扫在手机打开当前页</p>
</div>
<ul class="related"><li><a href="/1">相关新闻一：某省召开经济运行分析会议</a></li><li><a href="/2">相关新闻二：某省发布统计公报全文</a></li></ul>
<footer>版权所有：某省人民政府办公厅 主办单位联系电话</footer>
<script>var s = "脚本中的文字不是正文的一部分，也不应该被读出来。";</script>
</body></html>"""


def test_html_blocks_lines_tables_and_title(tmp_path: Path) -> None:
    data = PAGE.format(meta="").encode("utf-8")
    document = tt.read_document(write(tmp_path, "page.html", data))
    assert document.text.split("\n") == [
        "2025年某省经济运行情况",
        "全省地区生产总值增长5.2%，规模以上工业增加值增长6.1%，增速均高于全国平均水平。",
        "新增高新技术企业1200家，累计达到1.5万家，科技型中小企业达到2.8万家。",
        "年末常住人口城镇化率达到63%。",
        "指标\t增速",
        "固定资产投资\t5.5%",
    ]
    assert document.encoding == "utf-8"


def test_html_a_wrong_declared_charset_falls_back_to_the_bytes(tmp_path: Path) -> None:
    data = PAGE.format(meta='<meta charset="utf-8">').encode("gbk")
    document = tt.read_document(write(tmp_path, "page.htm", data))
    assert document.encoding == "gb18030"
    assert "规模以上工业增加值增长6.1%" in document.text


def test_html_explicit_encoding(tmp_path: Path) -> None:
    data = PAGE.format(meta='<meta charset="big5">').encode("gb18030")
    document = tt.read_document(write(tmp_path, "page.html", data), encoding="gb18030")
    assert document.encoding == "gb18030"
    assert "规模以上工业增加值增长6.1%" in document.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><ul><li><a href='/'>首页</a></li><li><a href='/x'>政务公开栏目列表页面链接</a></li></ul></body></html>",
        "<html><head><script>document.write('动态加载的正文内容需要运行脚本才能看到的页面');</script></head><body></body></html>",
        "<html><body><img src='scan.png' alt='报告全文的扫描图片'></body></html>",
        "",
    ],
    ids=["links-only", "script-only", "picture-only", "empty"],
)
def test_html_without_main_text_is_refused(tmp_path: Path, page: str) -> None:
    with pytest.raises(tt.DataError, match="no main text") as caught:
        tt.read_document(write(tmp_path, "page.html", page.encode("utf-8")))
    assert caught.value.path.endswith("page.html")


OLD_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>
<body><table width="980"><tr><td colspan="2"><a href="/">首页</a> <a href="/1">机构</a> <a href="/2">政务公开</a> <a href="/3">办事</a></td></tr>
<tr><td width="200"><a href="/a">通知公告</a><br><a href="/b">政策解读</a><br><a href="/c">规划计划</a></td>
<td><font size="4">2025年某市政府工作报告</font><br>
　　各位代表：<br>
　　过去一年，全市地区生产总值增长5.8%，一般公共预算收入增长3.1%，规模以上工业增加值增长7.2%。<br>
　　今年主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业5万人以上。<br>
发布日期：2025-01-20　【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】
</td></tr>
<tr><td colspan="2">版权所有 某市人民政府办公室 | <a href="/m">网站地图</a> | <a href="/c">联系我们</a></td></tr></table></body></html>"""


def test_html_an_old_table_layout_with_br_lines(tmp_path: Path) -> None:
    document = tt.read_document(write(tmp_path, "old.htm", OLD_PAGE.encode("gbk")))
    assert document.text.split("\n") == [
        "2025年某市政府工作报告",
        "各位代表：",
        "过去一年，全市地区生产总值增长5.8%，一般公共预算收入增长3.1%，规模以上工业增加值增长7.2%。",
        "今年主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业5万人以上。",
        "发布日期：2025-01-20",
    ]


def test_pdf_headlines_stay_apart_and_sentences_go_on() -> None:
    document = tt.read_document(DOCUMENTS / "layout.pdf")
    assert document.text.split("\n") == [
        "某省2025年政府工作报告",
        "一、2024年工作回顾",
        # a sentence ends at the end of a full line and the paragraph goes on
        "过去一年，全省上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进，主要目标任务较好"
        "完成，地区生产总值增长较快了。规上工业增加值、固定资产投资和社会消费品零售总额的增速"
        "均高过于全国平均水平，全年经济社会发展的各项主要目标任务都已完成。",
        # a full line ending a sentence, then a headline: not joined
        "二、2025年工作安排",
        # across the page break
        "今年经济社会发展的主要预期目标是：地区生产总值增长百分之五以上，一般公共预算收入增长2%左右。",
        "The provincial government will keep growth above the national average.",
    ]
    assert document.pages == (0, document.text.index("之五以上"))
    assert "公报" not in document.text and "页" not in document.text


@pytest.mark.parametrize(
    ("head", "before"),
    [
        ("<title>2025年某市政府工作报告_某市人民政府网</title>", ""),
        (
            "<title>某市人民政府网</title>",
            '<div class="article-title">2025年某市政府工作报告</div>',
        ),
        (
            "",
            '<div class="site-title"><a href="/">某市人民政府网</a></div>'
            '<p id="Title">2025年某市政府工作报告</p>',
        ),
    ],
    ids=["title-element", "class-title", "nearest-id-title"],
)
def test_html_title_without_h1(tmp_path: Path, head: str, before: str) -> None:
    page = (
        f"<html><head>{head}</head><body>{before}<div class='text'>"
        "<p>过去一年，全市地区生产总值增长5.8%，一般公共预算收入增长3.1%。</p>"
        "<p>今年主要预期目标是：地区生产总值增长5.5%左右。</p></div></body></html>"
    )
    document = tt.read_document(write(tmp_path, "page.html", page.encode("utf-8")))
    assert document.text.split("\n")[0] == "2025年某市政府工作报告"
    assert len(document.text.split("\n")) == 3
