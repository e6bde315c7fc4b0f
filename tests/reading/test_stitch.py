"""Stitching continuations across pages, decided from evidence."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from syndicate import pipeline, rules
from syndicate.config import SAMPLE_DIR
from syndicate.model import Issue, Page, Reading
from syndicate.sources.folder import read_issue_dir

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_a410e60982d701bb.txt"

IND = "\u3000\u3000"
SAMPLE = SAMPLE_DIR / "2023-10-24"


def issue(*pages: str) -> Issue:
    return Issue(
        dt.date(2023, 10, 24),
        tuple(
            Page(n, f"p{n}", text, f"page-{n:02d}.txt", "utf-8", str(n)) for n, text in enumerate(pages, 1)
        ),
    )


def read_dir(path: Path) -> Reading:
    return pipeline.read(read_issue_dir(path))


def test_seed_page_alone(tmp_path: Path) -> None:
    folder = tmp_path / "2023-10-24"
    folder.mkdir()
    shutil.copy(SEED, folder / "page-01.txt")
    r = read_dir(folder)
    assert [len(a.paragraphs) for a in r.articles] == [4, 8, 3]
    assert [(o.first_line, o.last_line) for o in r.orphans] == [(1, 2)]
    assert all(a.byline == ("李涛",) and a.dateline == "本报10月24日讯" for a in r.articles)
    assert all(a.headline_derived and len(a.headline) <= 40 for a in r.articles)
    assert r.articles[0].headline == "工委（区委）理论学习中心组进行集体学习研讨"
    assert [(a.complete, a.unresolved_jump and a.unresolved_jump.page) for a in r.articles] == [
        (False, 2)
    ] * 3
    for a in r.articles:
        for p in a.paragraphs:
            assert "\n" not in p and "下转" not in p and not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", p)
    assert [p.first_line for a in r.articles for p in a.parts] == [3, 52, 113]


def test_sample_issue_stitches_shuffled_continuations() -> None:
    r = read_dir(SAMPLE)
    stitched = {
        a.parts[0].order: [(p.page, p.order) for p in a.parts] for a in r.articles if a.parts[0].page == 1
    }
    # Page 2 prints the continuations of the 3rd, 1st and 2nd front-page articles, in that order.
    assert stitched == {1: [(1, 1), (2, 3)], 2: [(1, 2), (2, 5)], 3: [(1, 3), (2, 2)]}
    assert all(a.complete for a in r.articles) and not r.problems
    assert [a.headline for a in r.articles if a.parts[0].page == 2] == [
        "新区秋粮收获进度过九成",
        "文化惠民演出进社区",
    ]


def test_sample_issue_in_gb18030_with_digit_markers(tmp_path: Path) -> None:
    folder = tmp_path / "2023-10-24"
    folder.mkdir()
    for name in ("page-01.txt", "page-02.txt"):
        text = (SAMPLE / name).read_text(encoding="utf-8")
        text = text.replace("第二版", "第2版").replace("第一版", "第1版")
        (folder / name).write_bytes(text.encode("gb18030"))
    r = read_dir(folder)
    assert [len(a.parts) for a in r.articles] == [2, 2, 2, 1, 1]
    assert r.articles == read_dir(SAMPLE).articles or all(a.complete for a in r.articles)


def test_jump_in_only_found_by_repeated_headline() -> None:
    page1 = f"新区秋粮收获进度过九成\n{IND}本报讯 连日来，新区各镇街抢抓晴好天气，秋粮收获进度已超过九成。\n\n文化惠民演出进社区\n{IND}本报讯 近日，文化惠民演出活动在新区启动。"
    page2 = f"新区秋粮收获进度过九成\n{IND}（上接1版）区农业农村局负责人介绍，农机具秋收作业效率提升明显。"
    r = pipeline.read(issue(page1, page2))
    assert [[(p.page, p.order) for p in a.parts] for a in r.articles] == [[(1, 1), (2, 1)], [(1, 2)]]


def test_two_jumps_one_fragment_decided_once() -> None:
    page1 = (
        f"{IND}本报讯 新区人才工作领导小组会议召开，研究人才引育。（下转第二版）\n\n"
        f"{IND}本报讯 新区秋粮收获进度已超过九成，农机手开展秋收。（下转第二版）"
    )
    page2 = f"{IND}（上接第一版）会议强调，要完善人才评价激励机制，做好人才引育工作。"
    r = pipeline.read(issue(page1, page2))
    parts = [[(p.page, p.order) for p in a.parts] for a in r.articles]
    assert parts == [[(1, 1), (2, 1)], [(1, 2)]]
    assert not r.articles[1].complete and any("matched no continuation" in p for p in r.problems)


def test_jump_in_without_source_is_kept_and_reported() -> None:
    page2 = f"{IND}（上接第一版）会议强调，要完善人才评价激励机制。"
    r = pipeline.read(issue(f"{IND}本报讯 秋收进度过九成。", page2))
    assert len(r.articles) == 2 and any("has no source" in p for p in r.problems)


def test_sentence_cut_by_the_jump_is_joined() -> None:
    page1 = f"{IND}本报讯 会议强调，要牢固树立和践行正（下转第二版）"
    page2 = f"{IND}（上接第一版）确的政绩观，推动主题教育走深走实。"
    (a,) = pipeline.read(issue(page1, page2)).articles
    assert a.paragraphs == ("会议强调，要牢固树立和践行正确的政绩观，推动主题教育走深走实。",)


@pytest.mark.parametrize("marker", ["（下转第二版）", "(下转第2版)", "（转第二版）", "（下转A2版）"])
def test_jump_out_variants(marker: str) -> None:
    page1 = f"{IND}本报讯 新区秋粮收获进度已超过九成，秋收作业有序推进。{marker}"
    page2 = f"{IND}（上接第一版）秋粮收获进度过九成的新区，秋收作业仍在推进。"
    (a,) = pipeline.read(issue(page1, page2)).articles
    assert len(a.parts) == 2


def test_english_jump() -> None:
    page1 = f"{IND}The council approved the budget on Tuesday after long debate. (Continued on page 2)"
    page2 = f"BUDGET\n{IND}(Continued from page one) The budget debate lasted until midnight."
    (a,) = pipeline.read(issue(page1, page2)).articles
    assert len(a.parts) == 2


def test_word_hyphenated_across_the_jump() -> None:
    page1 = f"{IND}The council approved the budget after long negoti- (Continued on page 2)"
    page2 = f"BUDGET\n{IND}(Continued from page one) ations with the unions over the budget."
    (a,) = pipeline.read(issue(page1, page2)).articles
    assert a.paragraphs == (
        "The council approved the budget after long negotiations with the unions over the budget.",
    )


def test_one_jump_one_continuation_are_matched_even_on_thin_evidence() -> None:
    page1 = f"{IND}新华社电 当地时间上午，两国元首会谈。（下转第二版）"
    page2 = f"{IND}（上接第一版）\n{IND}武契奇表示，塞方坚定奉行一个中国政策。"
    (a,) = pipeline.read(issue(page1, page2)).articles
    assert [(p.page, p.order) for p in a.parts] == [(1, 1), (2, 1)]


def _lettered_issue(labels: list[str], jump: str, pages_text: dict[int, str] | None = None) -> Issue:
    texts = {k: f"{IND}本报讯 第{k}版的消息，秋收作业有序推进。" for k in range(1, len(labels) + 1)}
    texts[1] = f"{IND}本报讯 新区秋粮收获进度已超过九成，秋收作业有序推进。{jump}"
    texts[10] = f"{IND}（上接A01版）秋粮收获进度过九成的新区，秋收作业仍在推进。"
    texts.update(pages_text or {})
    pages = tuple(
        Page(k, "要闻", texts[k], f"page-{k:02d}.txt", "utf-8", str(k), label)
        for k, label in enumerate(labels, 1)
    )
    return Issue(dt.date(2026, 7, 9), pages)


LETTERED = [f"A{k:02d}" for k in range(1, 9)] + [f"B{k:02d}" for k in range(1, 9)]


def test_a_lettered_jump_goes_to_the_page_with_that_label() -> None:
    reading = pipeline.read(_lettered_issue(LETTERED, "（下转B02版）"))
    (a,) = [a for a in reading.articles if len(a.parts) > 1]
    assert [p.page for p in a.parts] == [1, 10]


@pytest.mark.parametrize("marker", ["（转B02）", "（下转B02）", "(转B2)"])
def test_a_bracketed_lettered_jump_needs_no_ban(marker: str) -> None:
    reading = pipeline.read(_lettered_issue(LETTERED, marker))
    (a,) = [a for a in reading.articles if len(a.parts) > 1]
    assert [p.page for p in a.parts] == [1, 10] and all(marker not in p for p in a.paragraphs)
    assert a.paragraphs[0].endswith("有序推进。")  # the part ends at the marker, not run into the next


def test_a_bracketed_number_without_ban_is_no_jump() -> None:
    assert rules.jump_out("全年完成投资目标的九成（转2）", "zh") is None
    assert rules.jump_out("全年完成投资目标的九成（转2版）", "zh") is not None


def test_a_lettered_jump_wrapped_between_its_letter_and_number() -> None:
    """A narrow column breaks the marker anywhere: 下转B / 02版 joins as B 02, still page B02."""
    page1 = f"{IND}本报讯 新区秋粮收获进度已超过九成，秋收作业有\n序推进。（下转B\n02版）"
    (a,) = [a for a in pipeline.read(_lettered_issue(LETTERED, "", {1: page1})).articles if len(a.parts) > 1]
    assert [p.page for p in a.parts] == [1, 10] and a.paragraphs[0].endswith("有序推进。")


def test_a_lettered_jump_without_labels_is_unresolved_not_stitched_to_page_two() -> None:
    reading = pipeline.read(_lettered_issue([""] * 16, "（下转B02版）"))
    first = next(a for a in reading.articles if a.parts[0].page == 1)
    assert len(first.parts) == 1 and not first.complete
    assert first.unresolved_jump is not None and first.unresolved_jump.page is None


def test_labels_printed_on_the_pages_are_read_when_the_manifest_has_none() -> None:
    texts = {
        k: f"{label} 要闻\n{IND}本报讯 第{k}版的消息，秋收作业有序推进。"
        for k, label in enumerate(LETTERED, 1)
    }
    texts[1] = f"A01 要闻\n{IND}本报讯 新区秋粮收获进度已超过九成，秋收作业有序推进。（下转B02版）"
    texts[10] = f"B02 要闻\n{IND}（上接A01版）秋粮收获进度过九成的新区，秋收作业仍在推进。"
    reading = pipeline.read(_lettered_issue([""] * 16, "", texts))
    (a,) = [a for a in reading.articles if len(a.parts) > 1]
    assert [p.page for p in a.parts] == [1, 10]


def test_issue_toml_labels(tmp_path: Path) -> None:
    folder = tmp_path / "2026-07-09"
    folder.mkdir()
    (folder / "page-01.txt").write_text(f"{IND}本报讯 秋收作业有序推进。（下转B01版）", encoding="utf-8")
    (folder / "page-02.txt").write_text(f"{IND}（上接A01版）秋收作业仍在推进。", encoding="utf-8")
    (folder / "issue.toml").write_text(
        '[[pages]]\nnumber = 1\nfile = "page-01.txt"\nlabel = "A01"\n\n'
        '[[pages]]\nnumber = 2\nfile = "page-02.txt"\nlabel = "B01"\n',
        encoding="utf-8",
    )
    issue = read_issue_dir(folder)
    assert [p.label for p in issue.pages] == ["A01", "B01"]
    (a,) = pipeline.read(issue).articles
    assert [p.page for p in a.parts] == [1, 2]
