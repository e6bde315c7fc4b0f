"""Row 9: configuration errors of every kind are refused at start, naming the key (or, when the
file itself cannot be read, the file), before anything is touched: no output folder, no state.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.faults import error_lines, run_cli, run_process, sample_issue

GOOD = """
[publication]
name = "西海岸新闻"
base_url = "https://news.example.org/"
timezone = "Asia/Shanghai"
[source]
type = "folder"
path = "issues"
[output]
dir = "out"
"""
TOKEN = "a" * 64
PARTNER = f'[[partners]]\nid = "coastal"\ntoken_sha256 = "{TOKEN}"\nsections = ["要闻"]\n'

# (what is wrong, TOML appended to GOOD or replacing a line of it, what the message must name)
CASES: list[tuple[str, str, str]] = [
    ("unknown table", '[publicaton]\nname = "x"\n', "publicaton"),
    ("unknown key", '[schedule]\ncorn = "30 2 * * *"\n', "schedule.corn"),
    ("unknown partner key", PARTNER + 'tokn = "x"\n', "partners.0.tokn"),
    ("wrong type", "[schedule]\nlock_timeout = [1]\n", "schedule.lock_timeout"),
    ("wrong type in a table", "[sections]\n1 = 5\n", "sections.1"),
    (
        "wrong type of list",
        '[[partners]]\nid = "c"\ntoken_sha256 = "' + TOKEN + '"\nsections = "要闻"\n',
        "partners.0.sections",
    ),
    ("missing required", '[[partners]]\nid = "c"\nsections = ["*"]\n', "partners.0.token_sha256"),
    (
        "empty required list",
        '[[partners]]\nid = "c"\ntoken_sha256 = "' + TOKEN + '"\nsections = []\n',
        "partners.0.sections",
    ),
    ("out of range", "[schedule]\nmisfire_grace_time = 0\n", "schedule.misfire_grace_time"),
    ("bad cron", '[schedule]\ncron = "30 2 * *"\n', "schedule.cron"),
    ("bad cron field", '[schedule]\ncron = "61 2 * * *"\n', "schedule.cron"),
    ("bad partner id", PARTNER.replace('"coastal"', '"../etc"'), "partners.0.id"),
    ("token not a digest", PARTNER.replace(TOKEN, "my-secret"), "partners.0.token_sha256"),
    ("repeated partner", PARTNER + PARTNER.replace("[[partners]]", "[[partners]]"), "partners"),
    ("bad embargo", PARTNER + 'embargo = "maybe"\n', "partners.0.embargo"),
    ("bad section key", '[sections]\none = "要闻"\n', "sections"),
    ("bad slug", '[slugs]\n"要闻" = "Yao Wen"\n', "slugs"),
]
REPLACED: list[tuple[str, str, str, str]] = [
    ("bad time zone", 'timezone = "Asia/Shanghai"', 'timezone = "China/Qingdao"', "publication.timezone"),
    (
        "bad base url",
        'base_url = "https://news.example.org/"',
        'base_url = "news.example.org"',
        "publication.base_url",
    ),
    ("bad source type", 'type = "folder"', 'type = "ftp"', "source.type"),
    ("http without url", 'type = "folder"', 'type = "http"', "source.url"),
    (
        "url without date",
        'type = "folder"',
        'type = "http"\nurl = "https://e.example.org/issue.toml"',
        "source.url",
    ),
    (
        "bad release",
        'timezone = "Asia/Shanghai"',
        'timezone = "Asia/Shanghai"\nrelease = "6am"',
        "publication.release",
    ),
    ("bad lookback", 'path = "issues"', 'path = "issues"\nlookback_days = -1', "source.lookback_days"),
    ("source folder missing", 'path = "issues"', 'path = "no-such-folder"', "source.path"),
]


def refused(tmp_path: Path, text: str | bytes, named: str) -> None:
    sample_issue(tmp_path / "issues")
    path = tmp_path / "syndicate.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    result = run_cli(["run", "--config", str(path)])
    assert result.exit_code == 1, result.stdout + result.stderr
    lines = error_lines(result.stderr)
    assert lines and lines[0].startswith("syndicate: error: "), result.stderr
    assert named in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists(), "the output folder was touched"


@pytest.mark.parametrize(("what", "toml", "named"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_key_is_refused_naming_it(tmp_path: Path, what: str, toml: str, named: str) -> None:
    refused(tmp_path, GOOD + toml, named)


@pytest.mark.parametrize(("what", "old", "new", "named"), REPLACED, ids=[c[0] for c in REPLACED])
def test_a_bad_value_is_refused_naming_it(tmp_path: Path, what: str, old: str, new: str, named: str) -> None:
    assert old in GOOD
    refused(tmp_path, GOOD.replace(old, new, 1), named)


@pytest.mark.parametrize(
    ("what", "content"),
    [
        ("not TOML", "[publication\nname = 1\n"),
        ("not UTF-8", "name = '西海岸'".encode("gb18030")),
        ("missing", None),
    ],
)
def test_an_unreadable_file_is_refused_naming_it(
    tmp_path: Path, what: str, content: str | bytes | None
) -> None:
    if content is None:
        result = run_cli(["run", "--config", str(tmp_path / "syndicate.toml")])
        assert result.exit_code == 1 and str(tmp_path / "syndicate.toml") in result.stderr
        assert not (tmp_path / "out").exists()
        return
    refused(tmp_path, content, "syndicate.toml")


def test_an_output_folder_that_is_a_file_is_refused_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("not a folder")
    sample_issue(tmp_path / "issues")
    (tmp_path / "syndicate.toml").write_text(GOOD, encoding="utf-8")
    result = run_cli(["run", "--config", str(tmp_path / "syndicate.toml")])
    assert result.exit_code == 1 and "output.dir" in result.stderr, result.stderr
    assert (tmp_path / "out").read_text() == "not a folder"


@pytest.mark.parametrize(
    ("table", "line", "named"),
    [
        ("source", 'lookback_days = "3"', "source.lookback_days"),
        ("output", "feed_entries = true", "output.feed_entries"),
        ("schedule", 'lock_timeout = "600"', "schedule.lock_timeout"),
    ],
)
def test_a_wrong_scalar_type_is_refused(tmp_path: Path, table: str, line: str, named: str) -> None:
    header = f"[{table}]\n"
    text = GOOD.replace(header, header + line + "\n", 1) if header in GOOD else GOOD + header + line + "\n"
    refused(tmp_path, text, named)


def test_refused_as_a_process_with_exit_status_1(tmp_path: Path) -> None:
    """The same, through ``python -m syndicate`` as the nightly job runs it."""
    (tmp_path / "syndicate.toml").write_text(GOOD + '[schedule]\ncorn = "x"\n', encoding="utf-8")
    done = run_process(["run", "--config", str(tmp_path / "syndicate.toml")], pinned=False)
    assert done.returncode == 1 and "schedule.corn" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()
