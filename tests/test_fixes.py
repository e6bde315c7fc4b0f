"""The desk's corrections (issue.toml ``[[fix]]``): parsed, applied on top of the reading, named
when they name nothing, and shown by ``--explain`` (fixes.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from support.issues import issue

from syndicate import fixes, pipeline
from syndicate.model import Reading
from syndicate.sources.folder import read_issue_dir

# Two reports a column ends between, with no headline on the second: the reader keeps them as one
# (a blank line alone never splits), which is what a desk corrects with a split.
FRONT = """\
城东新区新开三条公交线路
　　本报讯（记者 王海涛）为方便市民出行，市交通运输局决定自下月一日起新开通三条公交线路，
连接高铁站、城东新区和滨海大道沿线社区。
　　据介绍，新线路全程共设站二十个，首末班时间分别为六时和二十二时，高峰时段发车间隔不超过八分钟。
　　市民可通过“掌上公交”查询车辆实时到站信息。
　　今年全市已完成老旧小区改造一百二十个，惠及居民三万余户，
加装电梯四百余部，改造提升背街小巷六十条。
　　市住建局表示，明年还将启动第二批改造项目，重点解决停车难、充电难等问题。
海洋科技产业园开园
　　本报讯（记者 刘晓燕）昨天上午，海洋科技产业园正式开园，首批入驻企业四十家，涉及海洋
生物医药、海洋装备制造等领域。
　　产业园总规划面积三平方公里，预计三年内产值突破百亿元。
"""

# A continuation printed without its jump-in line: the reader cannot know it, the desk can.
INSIDE = """\
港口码头扩建工程通过验收
　　本报讯（记者 孙立平）港口集团三号码头扩建工程日前通过竣工验收，新增泊位两个，
年吞吐能力提升八百万吨。
　　园区还将建设海洋科技人才公寓，配套建设学校和医院，让入驻企业的科研人员安心创业。
"""


def _read(fix_tables: list[dict[str, object]], pages: dict[int, str] | None = None) -> Reading:
    got = issue(pages or {1: FRONT, 2: INSIDE})
    parsed, problems = fixes.parse(fix_tables, "2023-10-24/issue.toml")
    assert problems == []
    return pipeline.read(dataclasses.replace(got, fixes=parsed))


def _headlines(r: Reading) -> list[str]:
    return [a.headline for a in r.articles]


def test_without_fixes_the_reader_glues_the_headless_report_on() -> None:
    r = _read([])
    assert len(r.articles) == 3 and any("老旧小区" in p for p in r.articles[0].paragraphs)


def test_split_starts_an_article_at_the_line_named() -> None:
    line = FRONT.split("\n").index("　　今年全市已完成老旧小区改造一百二十个，惠及居民三万余户，") + 1
    r = _read([{"split": {"page": 1, "line": line}}])
    assert len(r.articles) == 4
    second = r.articles[1]
    assert second.paragraphs[0].startswith("今年全市已完成老旧小区改造")
    assert "加装电梯" in second.paragraphs[0]  # the wrapped line stays with its paragraph
    assert second.headline_derived and second.parts[0].first_line == line
    assert not any("老旧小区" in p for p in r.articles[0].paragraphs)
    assert any(f"page 1 line {line}" in note for note in r.fixed)


def test_split_inside_a_paragraph_cuts_it_there() -> None:
    line = FRONT.split("\n").index("加装电梯四百余部，改造提升背街小巷六十条。") + 1
    r = _read([{"split": {"page": 1, "line": line}}])
    assert r.articles[0].paragraphs[-1].endswith("惠及居民三万余户，")
    assert r.articles[1].paragraphs[0].startswith("加装电梯四百余部")


def test_join_makes_one_article_of_a_missed_continuation() -> None:
    r = _read([{"join": ["1:2", "2:1"]}])
    park = next(a for a in r.articles if a.headline == "海洋科技产业园开园")
    assert [(p.page, p.order) for p in park.parts] == [(1, 2), (2, 1)]
    assert park.paragraphs[-1].startswith("园区还将建设海洋科技人才公寓")
    assert len(r.articles) == 2 and any("1:2 + 2:1 made one article" in n for n in r.fixed)


def test_join_follows_a_split_of_the_same_issue() -> None:
    line = FRONT.split("\n").index("　　今年全市已完成老旧小区改造一百二十个，惠及居民三万余户，") + 1
    r = _read([{"split": {"page": 1, "line": line}}, {"join": ["1:1", "1:2"]}])
    assert len(r.articles) == 3 and any("老旧小区" in p for p in r.articles[0].paragraphs)


def test_headline_replaces_a_derived_one() -> None:
    r = _read([{"headline": {"article": "2:1", "text": "港口三号码头扩建  通过验收"}}])
    port = next(a for a in r.articles if a.parts[0].page == 2)
    assert port.headline == "港口三号码头扩建 通过验收" and not port.headline_derived


def test_fixes_naming_nothing_are_problems_and_the_rest_apply() -> None:
    got = issue({1: FRONT, 2: INSIDE})
    parsed, _ = fixes.parse(
        [
            {"join": ["1:2", "3:1"]},
            {"split": {"page": 1, "line": 999}},
            {"headline": {"article": "2:7", "text": "无此文"}},
            {"headline": {"article": "2:1", "text": "港口码头扩建"}},
        ],
        "2023-10-24/issue.toml",
    )
    r = pipeline.read(dataclasses.replace(got, fixes=parsed))
    assert "港口码头扩建" in _headlines(r)
    text = "\n".join(r.problems)
    assert "issue.toml: fix[1]: join: no article has fragment 3:1" in text
    assert "issue.toml: fix[2]: split: page 1 has no text at or below line 999" in text
    assert "issue.toml: fix[3]: headline: no article has fragment 2:7" in text


def test_a_split_under_an_articles_heads_or_at_a_pages_top_is_refused_not_applied() -> None:
    """Opening an article at the text below its headline would orphan the headline; opening the
    page's first text changes nothing (it does not undo the stitched jump): both are problems."""
    heads = FRONT.split("\n").index("海洋科技产业园开园") + 1
    cases = [
        (
            {"page": 1, "line": heads + 1},
            f"the text there is under the stand-alone line(s) from line {heads} ",
        ),
        ({"page": 1, "line": 2}, "the page's first article starts there already, under line 1"),
        (
            {"page": 2, "line": 1},
            "the page's first article starts there already (a split cannot undo a jump)",
        ),
    ]
    plain = _headlines(_read([]))
    for split, says in cases:
        got = issue({1: FRONT, 2: INSIDE})
        parsed, _ = fixes.parse([{"split": split}], "2023-10-24/issue.toml")
        r = pipeline.read(dataclasses.replace(got, fixes=parsed))
        assert _headlines(r) == plain and r.fixed == ()
        wanted = f"2023-10-24/issue.toml: fix[1]: split: page {split['page']} line {split['line']}: {says}"
        assert [p for p in r.problems if "fix[" in p and p.startswith(wanted)], (split, r.problems)


def test_bad_tables_are_named_by_entry_and_key() -> None:
    cases = [
        ({"join": ["1:2"]}, "fix[1]: join: list two or more fragments"),
        ({"join": ["1-2", "2:1"]}, "fix[1]: join[1]: '1-2' is no fragment"),
        ({"join": ["1:2", "1:2"]}, "fix[1]: join: a fragment is listed twice"),
        ({"split": {"page": 1}}, "fix[1]: split.line: must be a whole number"),
        ({"split": {"page": True, "line": 3}}, "fix[1]: split.page: must be a whole number"),
        ({"split": {"page": 1, "line": 3, "col": 2}}, "fix[1]: split: unknown key 'col'"),
        ({"headline": {"article": "1:1", "text": " "}}, "fix[1]: headline.text: must be the headline"),
        ({"headline": "新标题"}, "fix[1]: headline: must be a table"),
        ({"join": ["1:1", "1:2"], "split": {"page": 1, "line": 1}}, "fix[1]: needs exactly one of"),
        ({"retitle": "x"}, "fix[1]: unknown key 'retitle'"),
        ({}, "fix[1]: needs exactly one of join, split, headline (got none)"),
    ]
    for table, message in cases:
        parsed, problems = fixes.parse([table], "d/issue.toml")
        assert parsed == () and len(problems) == 1 and message in problems[0], (table, problems)
    assert fixes.parse({"join": []}, "d/issue.toml")[1] == ["d/issue.toml: fix: must be [[fix]] tables"]


def test_issue_toml_fixes_are_read_and_change_the_content_hash(tmp_path: Path) -> None:
    folder = tmp_path / "2023-10-24"
    folder.mkdir()
    (folder / "page-01.txt").write_text(FRONT, encoding="utf-8")
    plain = read_issue_dir(folder)
    (folder / "issue.toml").write_text(
        'date = 2023-10-24\n[[fix]]\nsplit = { page = 1, line = 6 }\n[[fix]]\njoin = "1:1"\n',
        encoding="utf-8",
    )
    fixed = read_issue_dir(folder)
    assert fixed.fixes == (fixes.Fix(f"{folder / 'issue.toml'}: fix[1]", split=(1, 6)),)
    assert any("fix[2]" in p and "this fix is left out" in p for p in fixed.problems)
    assert fixed.content_hash != plain.content_hash
    assert plain.content_hash == dataclasses.replace(fixed, fixes=()).content_hash  # old hashes kept
    assert fixed.date == dt.date(2023, 10, 24)


def _drop(tmp_path: Path) -> Path:
    folder = tmp_path / "drop" / "2023-10-24"
    folder.mkdir(parents=True)
    (folder / "page-01.txt").write_text(FRONT, encoding="utf-8")
    (folder / "page-02.txt").write_text(INSIDE, encoding="utf-8")
    return folder


def test_a_fix_added_later_republishes_the_article_as_a_new_version(tmp_path: Path) -> None:
    from support.faults import run_process, store_ok

    folder, out = _drop(tmp_path), tmp_path / "out"
    args = ["run", "--source", str(folder.parent), "--out", str(out)]
    assert run_process(args).returncode == 0
    before = dict(store_ok(out / "state"))
    (folder / "issue.toml").write_text(
        '[[fix]]\nheadline = { article = "2:1", text = "港口三号码头扩建通过验收" }\n', encoding="utf-8"
    )
    done = run_process(args)
    assert done.returncode == 0, done.stderr
    after = dict(store_ok(out / "state"))
    assert after.keys() == before.keys()  # same ids
    changed = [k for k in after if after[k] != before[k]]
    assert len(changed) == 1 and after[changed[0]] == before[changed[0]] + 1
    assert "港口三号码头扩建通过验收" in (out / "public" / "all.rss.xml").read_text(encoding="utf-8")
    assert run_process(args).returncode == 0 and dict(store_ok(out / "state")) == after  # once


def test_strict_fails_on_a_fix_naming_nothing_and_explain_shows_fixes(tmp_path: Path) -> None:
    from support.faults import run_process

    folder = _drop(tmp_path)
    (folder / "issue.toml").write_text(
        '[[fix]]\njoin = ["1:2", "2:1"]\n[[fix]]\nheadline = { article = "9:1", text = "无" }\n',
        encoding="utf-8",
    )
    explained = run_process(["articles", str(folder), "--explain"], pinned=False)
    assert explained.returncode == 0
    assert "fix[1]: join: 1:2 + 2:1 made one article" in explained.stderr
    assert "fix[2]: headline: no article has fragment 9:1" in explained.stderr
    strict = run_process(["run", "--source", str(folder.parent), "--out", str(tmp_path / "o"), "--strict"])
    assert strict.returncode == 1 and "issue.toml: fix[2]: headline" in strict.stderr


def test_a_headline_fix_may_name_the_published_id() -> None:
    parsed, problems = fixes.parse(
        [
            {"headline": {"article": "20231024-0201", "text": "港口码头扩建通过验收"}},
            {"headline": {"article": "20231024-0102-n2", "text": "x"}},
            {"headline": {"article": "2023-10-24", "text": "x"}},
        ],
        "d/issue.toml",
    )
    assert [f.headline[0] for f in parsed if f.headline] == ["20231024-0201", "20231024-0102-n2"]
    assert (
        len(problems) == 1
        and "fix[3]: headline.article: '2023-10-24' is no fragment or article id" in problems[0]
    )
    got = dataclasses.replace(issue({1: FRONT, 2: INSIDE}), fixes=parsed[:1])
    read = pipeline.read(got)
    assert "港口码头扩建通过验收" not in _headlines(read)  # an id is only known once matched
    shown = pipeline.identify(got, read, ())
    assert "港口码头扩建通过验收" in _headlines(shown) and shown.fixed


# A brief added above the first report shifts every position on the page, not the published ids.
BRIEF = """\
市图书馆延长开放时间
　　本报讯 即日起，市图书馆每周五开放时间延长至二十一时，少儿阅览室同步延长。
"""


def test_a_published_id_is_resolved_after_the_ids_follow_content(tmp_path: Path) -> None:
    from support.faults import run_process, store_ok

    folder, out = _drop(tmp_path), tmp_path / "out"
    args = ["run", "--source", str(folder.parent), "--out", str(out)]
    assert run_process(args).returncode == 0
    park = "20231024-0102"  # 海洋科技产业园开园, second on page 1
    page = out / "public" / "articles" / "2023-10-24" / f"{park}.html"
    assert "海洋科技产业园" in page.read_text(encoding="utf-8")
    (folder / "page-01.txt").write_text(BRIEF + FRONT, encoding="utf-8")
    (folder / "issue.toml").write_text(
        f'[[fix]]\nheadline = {{ article = "{park}", text = "海洋科技产业园昨日开园" }}\n'
        '[[fix]]\nheadline = { article = "20231024-0909", text = "无此文" }\n',
        encoding="utf-8",
    )
    done = run_process(args)
    assert done.returncode == 0, done.stderr
    assert "fix[2]: headline: no article has id 20231024-0909" in done.stderr
    html = page.read_text(encoding="utf-8")
    assert "海洋科技产业园昨日开园" in html and "首批入驻企业" in html
    assert dict(store_ok(out / "state"))[park] == 2
