"""Document variables on Article and Corpus: variable(), variables, filter(), groups(), to_frame()."""

from __future__ import annotations

import datetime as dt

import pytest

import corpus_tools as ct
from corpus_tools.model import PERIODS, period_label


def _corpus():
    return ct.Corpus([
        ct.Article.from_text("One.", id="a", date="2023-01-02", meta={"desk": "world", "words": 1}),
        ct.Article.from_text("Two.", id="b", date="2023-01-30", meta={"desk": "sport"}),
        ct.Article.from_text("Three.", id="c", meta={"desk": "world", "byline": "K. Li"}),
    ])


def test_variables_filter_and_groups():
    c = _corpus()
    assert c.variables == ["desk", "words", "byline"]
    assert c["a"].variable("desk") == "world" and c["b"].variable("byline") is None
    assert c["a"].variable("id") == "a" and c["a"].variable("date") == dt.date(2023, 1, 2)
    assert c.filter(desk="world").ids == ["a", "c"]
    assert c.filter(desk="world", byline="K. Li").ids == ["c"]
    assert c.filter(desk={"world", "sport"}).ids == ["a", "b", "c"]
    assert c.filter(**{"date:month": "2023-01"}).ids == ["a", "b"]
    assert {k: v.ids for k, v in c.groups("desk").items()} == {"sport": ["b"], "world": ["a", "c"]}
    assert {k: v.ids for k, v in c.groups("date:week").items()} == {"2023-W01": ["a"], "2023-W05": ["b"]}
    with pytest.raises(KeyError, match=r"no document variable 'section'; known: \['byline', 'date', 'desk'"):
        c.filter(section="x")
    with pytest.raises(KeyError, match="no document variable 'section'"):
        c.groups("section")
    with pytest.raises(ValueError, match="period must be one of"):
        c.groups("date:quarter")


def test_to_frame_has_one_column_per_variable_before_the_text():
    df = _corpus().to_frame()
    assert list(df.columns) == ["id", "date", "title", "source", "encoding", "blocks", "headings", "paragraphs",
                                "characters", "desk", "words", "byline", "text"]
    assert df.desk.tolist() == ["world", "sport", "world"] and df.byline.isna().tolist() == [True, True, False]
    plain = ct.Corpus.from_texts(["x."]).to_frame()
    assert list(plain.columns)[-2:] == ["characters", "text"]


@pytest.mark.parametrize(("day", "labels"), [
    (dt.date(2023, 1, 1), ["2023-01-01", "2022-W52", "2023-01", "2023"]),  # ISO week of the previous year
    (dt.date(2024, 12, 30), ["2024-12-30", "2025-W01", "2024-12", "2024"]),
    (dt.date(2020, 2, 29), ["2020-02-29", "2020-W09", "2020-02", "2020"]),
])
def test_period_labels_sort_as_time_does(day, labels):
    assert [period_label(day, p) for p in PERIODS] == labels
    assert period_label(None, "month") is None
