"""The archive and the sitemaps by year: a pass renders the years it changed, and the page and
sitemap of an older year stay right (kept as written, rendered again when that year changes or
its file is lost). Passes run for real on re-dated copies of the sample issue."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from support.issues import drop_folder, sample_issue

from syndicate import config, pipeline
from syndicate.publish import pages, sitemap

LATER = dt.datetime(2024, 1, 10, tzinfo=dt.UTC)


def run(src: Path, out: Path) -> pipeline.PassReport:
    settings = config.parse({"source": {"path": str(src)}, "output": {"dir": str(out)}}, out.parent)
    return pipeline.run_pass(settings, now=LATER)


def listed(page: Path) -> list[str]:
    """The issue dates a year page links, in order."""
    return re.findall(r'href="\.\./(\d{4}-\d\d-\d\d)/index\.html"', page.read_text(encoding="utf-8"))


def in_sitemap(path: Path) -> list[str]:
    return re.findall(r"/issues/(\d{4}-\d\d-\d\d)/index\.html</loc>", path.read_text(encoding="utf-8"))


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The years whose page a pass renders (``pages.render_year`` counted)."""
    years: list[int] = []
    real = pages.render_year

    def counting(site: object, year: int, dates: object) -> bytes:
        years.append(year)
        return real(site, year, dates)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "render_year", counting)
    return years


def test_a_pass_renders_the_years_it_changed_and_an_old_years_page_stays_right(
    tmp_path: Path, rendered: list[int]
) -> None:
    src, out = drop_folder(tmp_path / "src", 3, dt.date(2022, 12, 30)), tmp_path / "out"
    public = out / "public"
    run(src, out)
    old, new = public / "issues/2022/index.html", public / "issues/2023/index.html"
    assert sorted(rendered) == [2022, 2023]
    assert listed(old) == ["2022-12-31", "2022-12-30"] and listed(new) == ["2023-01-01"]
    kept = old.read_bytes(), (public / "sitemap-2022.xml").read_bytes()

    rendered.clear()
    sample_issue(src, dt.date(2023, 1, 2))  # the next night's issue
    run(src, out)
    assert rendered == [2023]
    assert listed(new) == ["2023-01-02", "2023-01-01"] == in_sitemap(public / "sitemap-2023.xml")
    assert (old.read_bytes(), (public / "sitemap-2022.xml").read_bytes()) == kept
    index = (public / "issues/index.html").read_text(encoding="utf-8")
    assert 'href="2022/index.html"' in index and 'href="2023/index.html"' in index
    assert "2023-01-02/index.html" in index and "2022-12-31/index.html" not in index  # the newest year only

    rendered.clear()
    sample_issue(src, dt.date(2022, 12, 29))  # a backfilled issue of the older year
    run(src, out)
    assert sorted(rendered) == [2022, 2023]
    assert listed(old) == ["2022-12-31", "2022-12-30", "2022-12-29"]
    assert in_sitemap(public / "sitemap-2022.xml") == listed(old)


def test_a_years_lost_page_or_sitemap_is_rendered_again(tmp_path: Path, rendered: list[int]) -> None:
    src, out = drop_folder(tmp_path / "src", 3, dt.date(2022, 12, 30)), tmp_path / "out"
    public = out / "public"
    run(src, out)
    page, year_map = public / "issues/2022/index.html", public / "sitemap-2022.xml"
    kept = page.read_bytes(), year_map.read_bytes()
    for lost in (page, year_map):
        lost.unlink()
        rendered.clear()
        run(src, out)  # nothing new: only the newest year and the one with a file lost
        assert sorted(rendered) == [2022, 2023]
        assert (page.read_bytes(), year_map.read_bytes()) == kept


def test_robots_names_a_sitemap_per_year_beside_sitemap_xml(tmp_path: Path) -> None:
    src, out = drop_folder(tmp_path / "src", 2, dt.date(2022, 12, 31)), tmp_path / "out"
    run(src, out)
    robots = (out / "public" / "robots.txt").read_text(encoding="utf-8")
    locs = re.findall(r"^Sitemap: (.*)$", robots, flags=re.M)
    names = [sitemap.INDEX_PATH, "sitemap-2023.xml", "sitemap-2022.xml"]
    assert locs == [f"https://news.example.org/{name}" for name in names]
    assert all((out / "public" / loc.rsplit("/", 1)[1]).is_file() for loc in locs)
    main = (out / "public" / sitemap.INDEX_PATH).read_text(encoding="utf-8")
    assert "<urlset" in main and "issues/2023-01-01/index.html" in main  # the newest year's issues
    assert "issues/2022-12-31/index.html" not in main  # an older year's: in its own sitemap
