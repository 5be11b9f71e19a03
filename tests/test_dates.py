"""Dates and clock times: `find_date` (ISO YYYY-MM-DD) and `find_time` (HH:MM), table-driven."""

from __future__ import annotations

import pytest

from minutes_cli.extract import find_date, find_time

DATES = [
    # day/month-year, as older Danish minutes write it
    pytest.param("Mødedato: d. 4/3-2020", "2020-03-04", id="slash-dash-year"),
    pytest.param("Mødet afholdtes d. 12/11-98", "1998-11-12", id="slash-dash-two-digit-year"),
    pytest.param("den 4/3 - 2020 kl. 16", "2020-03-04", id="slash-spaced-dash"),
    pytest.param("Sag 12/11 - 1234", None, id="no-year-of-that-age"),
    # seed layouts
    pytest.param("REFERAT Beskæftigelses- og Integrationsudvalget - 2016-2021 d. 20-02-2018", "2018-02-20",
                 id="seed-title-line-after-period"),
    pytest.param("20-02-2018", "2018-02-20", id="seed-dashes"),
    pytest.param("20.02.2018", "2018-02-20", id="seed-dots"),
    pytest.param("Mødedato Tirsdag d. 20. februar 2018 kl. 16:30", "2018-02-20",
                 id="seed-weekday-d-month-word"),
    pytest.param("Mødedato: 29. januar 2020", "2020-01-29", id="seed-month-word"),
    # corpus layouts
    pytest.param("Torsdag den 20. juni 2013", "2013-06-20", id="acadre-weekday-den"),
    pytest.param("06-10-2016 13:00", "2016-10-06", id="sbsys-date-and-time"),
    pytest.param("Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2", "2012-12-04",
                 id="edoc-decision-heading"),
    pytest.param("Beslutning i Udvalget for plan, udvikling og kultur den 20-06-2013", "2013-06-20",
                 id="acadre-decision-heading"),
    pytest.param("Onsdag den 27. august 2025", "2025-08-27", id="firstagenda-weekday"),
    pytest.param("04.12.12", "2012-12-04", id="two-digit-year"),
    pytest.param("2018-02-20", "2018-02-20", id="iso"),
    pytest.param("Mødet 1. okt. 2025 i Rådhuset", "2025-10-01", id="abbreviated-month"),
    pytest.param("12.5.2018", "2018-05-12", id="single-digit-month"),
    pytest.param("Mandag 1. Maj 2019", "2019-05-01", id="capital-month"),
    pytest.param("29. februar 2020", "2020-02-29", id="leap-day"),
    pytest.param("Mødet er flyttet til den 7/5 2013", "2013-05-07", id="day-slash-month"),
]

NOT_DATES = [
    pytest.param("31-02-2018", id="february-31"),
    pytest.param("32.01.2018", id="day-32"),
    pytest.param("00.01.2018", id="day-0"),
    pytest.param("20.13.2018", id="month-13"),
    pytest.param("29. februar 2019", id="not-a-leap-year"),
    pytest.param("2016/05156", id="case-number-slash"),
    pytest.param("2009-66012", id="case-number-dash"),
    pytest.param("i 2013", id="year-only"),
    pytest.param("den 3. marts", id="no-year"),
    pytest.param("tlf. 39 57 52 40", id="phone-number"),
    pytest.param("1.316.000 kr.", id="amount"),
    pytest.param("Side 3 af 12", id="page-counter"),
    pytest.param("Sagsnr.: 15.20.05-P08-1-19", id="kle-journal-plan-number"),
]

TIMES = [
    pytest.param("Tirsdag d. 20. februar 2018 kl. 16:30", "16:30", id="seed-kl-colon"),
    pytest.param("kl. 16:30", "16:30", id="kl-colon"),
    pytest.param("Kl. 10.30", "10:30", id="kl-dot"),
    pytest.param("kl. 9", "09:00", id="kl-hour-only"),
    pytest.param("13:00 - 15:00", "13:00", id="sbsys-range-start"),
    pytest.param("06-10-2016 13:00", "13:00", id="after-date"),
    pytest.param("kl. 8.00-10.00", "08:00", id="kl-range"),
    pytest.param("Mødet sluttede kl. 17.45", "17:45", id="end-time"),
    pytest.param("Mødet begynder klokken 16.30", "16:30", id="klokken"),
]

NOT_TIMES = [
    pytest.param("kl. 25:00", id="hour-25"),
    pytest.param("kl. 16:75", id="minute-75"),
    pytest.param("20.02.2018", id="date"),
    pytest.param("Punkt 3", id="item-number"),
    pytest.param("tlf. 39 57 52 40", id="phone-number"),
    pytest.param("1.316.000 kr.", id="amount"),
    pytest.param("16.30", id="bare-dotted-number"),
]


@pytest.mark.parametrize(("text", "iso"), DATES)
def test_find_date(text: str, iso: str) -> None:
    assert find_date(text) == iso


@pytest.mark.parametrize("text", NOT_DATES)
def test_no_date(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize(("text", "clock"), TIMES)
def test_find_time(text: str, clock: str) -> None:
    assert find_time(text) == clock


@pytest.mark.parametrize("text", NOT_TIMES)
def test_no_time(text: str) -> None:
    assert find_time(text) is None


def test_first_date_wins_whatever_its_form() -> None:
    assert find_date("Mødet den 20. februar 2018 erstatter mødet 09.01.2018") == "2018-02-20"
    assert find_date("Mødet 09.01.2018 flyttes til 20. februar 2018") == "2018-01-09"
