"""Every example of issue 2 about units answers as written; bad text fails with a useful error."""

from __future__ import annotations

import pint
import pytest

import targettrack as tt
from targettrack._text import parse_chinese_number
from targettrack.units import dimension_name, format_quantity, known_units, unit


def magnitude_in(text: str, target: str) -> float:
    """The magnitude of ``quantity(text)`` in the unit written ``target``."""
    return float(tt.quantity(text).to(unit(target)).magnitude)


# -- magnitudes in front of any unit ---------------------------------------------------------


def test_wan_jia_is_thirty_five_thousand_enterprises() -> None:
    assert magnitude_in("3.5万家", "enterprise") == pytest.approx(35_000, rel=1e-12)
    assert dimension_name(tt.quantity("3.5万家")) == "enterprise"


def test_eight_thousand_yi_yuan_is_eight_times_ten_to_the_eleven_cny() -> None:
    assert magnitude_in("8000亿元", "CNY") == pytest.approx(8e11, rel=1e-12)


def test_wan_yi_yuan_is_ten_thousand_yi_yuan() -> None:
    assert magnitude_in("1.19万亿元", "亿元") == pytest.approx(11_900, rel=1e-12)
    assert magnitude_in("1.19万亿元", "元") == pytest.approx(1.19e12, rel=1e-12)


@pytest.mark.parametrize(
    ("word", "factor"),
    [
        ("十", 1e1),
        ("百", 1e2),
        ("千", 1e3),
        ("万", 1e4),
        ("十万", 1e5),
        ("百万", 1e6),
        ("千万", 1e7),
        ("亿", 1e8),
        ("十亿", 1e9),
        ("百亿", 1e10),
        ("千亿", 1e11),
        ("万亿", 1e12),
    ],
)
@pytest.mark.parametrize("name", ["元", "家", "个", "人", "亩", "吨标准煤"])
def test_every_magnitude_multiplies_every_unit(word: str, factor: float, name: str) -> None:
    assert magnitude_in(f"2{word}{name}", name) == pytest.approx(2 * factor, rel=1e-12)


def test_a_magnitude_without_a_unit_is_part_of_the_number() -> None:
    assert tt.quantity("3.5万").to("dimensionless").magnitude == pytest.approx(35_000)
    assert tt.quantity("1.19万亿").to("dimensionless").magnitude == pytest.approx(1.19e12)


# -- money, area, energy, rates ----------------------------------------------------------------


def test_yuan_has_the_ascii_name_cny() -> None:
    assert tt.quantity("5元") == tt.quantity("5CNY")
    assert magnitude_in("3万元", "CNY") == pytest.approx(30_000)


def test_rate_wan_yuan_per_person() -> None:
    rate = tt.quantity("35万元/人")
    assert rate.to(unit("元/人")).magnitude == pytest.approx(350_000)
    assert dimension_name(rate) == "money per person"
    # times a number of people it is money
    total = rate * tt.quantity("10人")
    assert total.to("CNY").magnitude == pytest.approx(3_500_000)


def test_a_mu_is_two_thirds_of_a_thousand_square_metres() -> None:
    area = tt.quantity("1亩").to("meter ** 2").magnitude
    assert area == pytest.approx(666.67, abs=0.005)
    assert area == pytest.approx(10_000 / 15, rel=1e-12)


def test_pint_mu_is_not_the_chinese_mu() -> None:
    # pint's own `mu` is a milli atomic mass unit; ours is named mu_cn and written 亩
    assert dimension_name(tt.quantity("1亩")) == "area"


def test_wan_mu_and_hectare() -> None:
    assert magnitude_in("5万亩", "亩") == pytest.approx(50_000)
    # 15 亩 make a hectare
    assert magnitude_in("15亩", "hectare") == pytest.approx(1.0, rel=1e-12)
    assert magnitude_in("3公顷", "亩") == pytest.approx(45.0, rel=1e-12)
    assert magnitude_in("2ha", "hectare") == pytest.approx(2.0)


def test_tonne_of_standard_coal_is_tce() -> None:
    assert tt.quantity("1吨标准煤") == tt.quantity("1tce")
    assert magnitude_in("1吨标准煤", "J") == pytest.approx(29.3076e9, rel=1e-12)


def test_energy_intensity_per_wan_yuan() -> None:
    intensity = tt.quantity("0.52吨标准煤/万元")
    assert dimension_name(intensity) == "energy intensity"
    # 0.52 tce per 10 000 yuan is 52 tce per 亿元 … and 0.52e-4 tce per yuan
    assert intensity.to(unit("吨标准煤/亿元")).magnitude == pytest.approx(5200, rel=1e-12)
    assert intensity.to(unit("吨标准煤/元")).magnitude == pytest.approx(0.52e-4, rel=1e-12)


# -- ratios and percentage points --------------------------------------------------------------


@pytest.mark.parametrize("text", ["15%", "１５％", "百分之十五", "15 %", "0.15", "150‰"])
def test_fifteen_percent_is_a_plain_ratio(text: str) -> None:
    value = tt.quantity(text)
    assert not value.dimensionality
    assert value.to("dimensionless").magnitude == pytest.approx(0.15, rel=1e-12)


def test_ratio_minus_ratio_in_percentage_points() -> None:
    difference = tt.quantity("13.6%") - tt.quantity("15%")
    assert difference.to("percentage_point").magnitude == pytest.approx(-1.4, rel=1e-9)


def test_ge_bai_fen_dian_is_a_percentage_point() -> None:
    points = tt.quantity("2个百分点")
    assert points.to("percent").magnitude == pytest.approx(2.0)
    assert points.to("dimensionless").magnitude == pytest.approx(0.02)
    assert tt.quantity("2百分点") == points


def test_ratio_plus_points_is_a_ratio() -> None:
    raised = tt.quantity("13.6%") + tt.quantity("2个百分点")
    assert raised.to("percent").magnitude == pytest.approx(15.6)


# -- counts by kind ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("classifier", "kind"),
    [
        ("家", "enterprise"),
        ("户", "enterprise"),
        ("个", "item"),
        ("项", "item"),
        ("座", "item"),
        ("台", "item"),
        ("套", "item"),
        ("台（套）", "item"),
        ("台(套)", "item"),
        ("辆", "item"),
        ("名", "person"),
        ("人", "person"),
        ("位", "person"),
        ("人次", "visit"),
    ],
)
def test_a_classifier_counts_its_kind(classifier: str, kind: str) -> None:
    value = tt.quantity(f"12.6万{classifier}")
    assert dimension_name(value) == kind
    assert value.to(kind).magnitude == pytest.approx(126_000)


@pytest.mark.parametrize(
    ("left", "right"),
    [("3家", "5个"), ("3家", "5人"), ("5个", "5人"), ("3家", "5%"), ("5人", "5人次")],
)
def test_unlike_counts_never_add(left: str, right: str) -> None:
    with pytest.raises(pint.DimensionalityError):
        tt.quantity(left) + tt.quantity(right)


def test_like_counts_cancel_to_a_plain_number() -> None:
    share = tt.quantity("3家") / tt.quantity("12家")
    assert not share.dimensionality
    assert share.to("percent").magnitude == pytest.approx(25.0)


# -- numerals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("１２３４", 1234),
        ("３．５", 3.5),
        ("２\ue010５", 2.5),
        ("十五", 15),
        ("两千", 2000),
        ("一千五百", 1500),
        ("三万五千", 35_000),
        ("一百零五", 105),
        ("十万零三", 100_003),
        ("一亿五千万", 150_000_000),
        ("十五万亿", 15e12),
        ("三万五千亿", 3.5e12),
        ("二〇二五", 2025),
        ("1/3", 1 / 3),
        ("１ ／ ３", 1 / 3),
        ("三分之一", 1 / 3),
        ("3分之2", 2 / 3),
        ("-16", -16),
        ("−16", -16),
        ("1e3", 1000),
    ],
)
def test_numerals(text: str, value: float) -> None:
    assert tt.quantity(text).to("dimensionless").magnitude == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize(
    ("text", "target", "value"),
    [
        ("十五家", "家", 15),
        ("两千亿元", "亿元", 2000),
        ("一千五百个", "个", 1500),
        ("３．５万家", "家", 35_000),
        ("三分之一万元", "元", 10_000 / 3),
    ],
)
def test_numerals_before_units(text: str, target: str, value: float) -> None:
    assert magnitude_in(text, target) == pytest.approx(value, rel=1e-12)


def test_private_use_decimal_glyph_reads_as_a_point() -> None:
    # the Zhejiang guidance writes 2.5% as ２, U+E010, ５, ％
    assert tt.quantity("２\ue010５％") == tt.quantity("2.5%")
    assert tt.quantity("２\ue010５％").to("dimensionless").magnitude == pytest.approx(0.025)


def test_white_space_and_line_breaks_inside_a_quantity_are_ignored() -> None:
    assert tt.quantity("3.5 万\n家") == tt.quantity("3.5万家")


@pytest.mark.parametrize("text", ["五十五十", "十十", "万万", "亿万", "三万五千万", "一亿五千亿"])
def test_malformed_chinese_numerals_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        parse_chinese_number(text)
    with pytest.raises(tt.UnitError):
        tt.quantity(text + "家")


def test_ten_thousand_yi_then_five_thousand_yi() -> None:
    # 一万亿五千亿 is 1.5 万亿 (the second 亿 must not scale the first)
    assert parse_chinese_number("一万亿五千亿") == 1_500_000_000_000


# -- errors ------------------------------------------------------------------------------------


def test_unknown_unit_names_the_text_and_nearest_units() -> None:
    with pytest.raises(tt.UnitError) as caught:
        tt.quantity("3公倾")  # a typo of 公顷
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.text == "3公倾"
    assert "公顷" in error.suggestions
    assert "'3公倾'" in str(error)
    assert "公顷" in str(error)


def test_unknown_unit_suggests_the_unit_it_resembles() -> None:
    with pytest.raises(tt.UnitError) as caught:
        tt.quantity("5吨煤")
    assert "吨标准煤" in caught.value.suggestions


def test_ambiguous_classifier_pair_suggests_both_readings() -> None:
    # 台套 without brackets: 台 or 套? Neither is guessed.
    with pytest.raises(tt.UnitError) as caught:
        tt.quantity("5台套")
    assert {"台", "套"} <= set(caught.value.suggestions)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "foo", "3foo", "百分之", "1/0", "零分之一", "3元/", "5%%", "1.2.3元", "3亿亿元"],
)
def test_text_that_is_not_a_quantity_raises_unit_error(text: str) -> None:
    with pytest.raises(tt.UnitError) as caught:
        tt.quantity(text)
    assert repr(text) in str(caught.value)


def test_non_text_raises_unit_error() -> None:
    with pytest.raises(tt.UnitError, match="expected text"):
        tt.quantity(15)  # type: ignore[arg-type]


def test_registry_settings_are_not_unit_names() -> None:
    # the definitions file's @defaults block (group = …, system = …) declares no units
    assert "group" not in known_units()
    assert "system" not in known_units()
    with pytest.raises(tt.UnitError):
        tt.quantity("3system")


@pytest.mark.parametrize(
    ("text", "target"),
    [("3家", "个"), ("3家", "元"), ("15%", "家"), ("5亩", "元"), ("5亩", "m"), ("3人", "人次")],
)
def test_incompatible_conversion_raises_pint_dimensionality_error(text: str, target: str) -> None:
    with pytest.raises(pint.DimensionalityError):
        tt.quantity(text).to(unit(target))


# -- writing quantities --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("35万元/人", "35万元/人"),
        ("3.5万家", "3.5万家"),
        ("15%", "15%"),
        ("2个百分点", "2个百分点"),
        ("0.52吨标准煤/万元", "0.52吨标准煤/万元"),
        ("十五户", "15家"),
        ("1/4", "0.25"),
    ],
)
def test_format_quantity_writes_the_compact_form(text: str, written: str) -> None:
    assert format_quantity(tt.quantity(text)) == written


def test_format_quantity_refuses_powers() -> None:
    with pytest.raises(tt.UnitError, match="power"):
        format_quantity(tt.quantity("1亩").to("meter ** 2"))


def test_a_unit_is_read_once_whatever_the_number_before_it() -> None:
    from targettrack.units import _unit_of

    tt.quantity("3.5万家")
    before = _unit_of.cache_info()
    tt.quantity("12万家")
    tt.quantity("７万家")
    after = _unit_of.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + 2
