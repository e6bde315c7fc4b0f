"""Row 15 (issue 10): ``syndicate check-config`` runs the preflight of ``run`` and warns about
values that would run but publish something wrong.

Before the fix it only validated types: a configuration whose drop folder did not exist, left on
``news.example.org``, with a partner entitled to a section no page is in and the SHA-256 of an
empty token, was printed back with exit 0 and no word of warning.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from support.faults import DAY, error_lines, run_cli, sample_issue

EMPTY = hashlib.sha256(b"").hexdigest()
REAL = hashlib.sha256(b"a-long-random-partner-token").hexdigest()


def write_config(
    tmp_path: Path, *, base_url: str, digest: str, sections: str, source: str = "issues"
) -> Path:
    path = tmp_path / "paper.toml"
    path.write_text(
        f"""
[publication]
name = "西海岸新闻"
base_url = "{base_url}"

[source]
type = "folder"
path = "{source}"

[output]
dir = "feeds"

[[partners]]
id = "coastal-daily"
token_sha256 = "{digest}"
sections = {sections}
""",
        encoding="utf-8",
    )
    return path


def test_a_missing_drop_folder_fails_like_run(tmp_path: Path) -> None:
    path = write_config(
        tmp_path, base_url="https://news.westcoast.cn/", digest=REAL, sections='["要闻"]', source="nowhere"
    )
    result = run_cli(["check-config", str(path)])
    assert result.exit_code == 1
    assert "source.path" in result.stderr and "nowhere" in result.stderr


def test_example_host_unknown_section_and_empty_digest_are_warned(tmp_path: Path) -> None:
    sample_issue(tmp_path / "issues", DAY)  # its issue.toml names pages 要闻 and 综合
    path = write_config(
        tmp_path, base_url="https://news.example.org/", digest=EMPTY, sections='["要闻", "要文"]'
    )
    result = run_cli(["check-config", str(path)])
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in error_lines(result.stderr) if "warning" in line]
    assert len(warnings) == 3, result.stderr
    assert any("publication.base_url" in w and "news.example.org" in w for w in warnings)
    assert any("partners[0] (coastal-daily).token_sha256" in w and "empty token" in w for w in warnings)
    assert any("partners[0] (coastal-daily).sections" in w and "'要文'" in w for w in warnings)
    assert run_cli(["check-config", "--strict", str(path)]).exit_code == 1


def test_a_sound_configuration_gets_no_warning(tmp_path: Path) -> None:
    sample_issue(tmp_path / "issues", DAY)
    path = write_config(
        tmp_path, base_url="https://news.westcoast.cn/", digest=REAL, sections='["要闻", "综合"]'
    )
    result = run_cli(["check-config", "--strict", str(path)])
    assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr
