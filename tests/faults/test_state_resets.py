"""Rows 11, 12 and 14 (issue 10): state that cannot silently reset, or silently go stale.

Row 11: with the store gone (or emptied) while the output root holds a published site, a pass
exited 0, feeds shrank and NewsML versions went back to 1, which partners that keep the highest
version ignore. Now the pass is refused with a message saying what to do, unless ``--reinit``;
and then no version goes backwards.
Row 12: ``--out`` with a configuration that sets ``state_dir`` shared one store between two output
roots (a scratch run emptied the real site's render queue). Now state follows the output root,
and a state folder that belongs to another output root is refused.
Row 14: a configuration change that alters published output (publication name, usage terms,
base URL) re-renders what it affects, NewsML included; before, only feeds and the front page.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from support.faults import DAY, error_lines, run_cli, sample_issue, snapshot

from syndicate import xmlsafe

NAR = "{http://iptc.org/std/nar/2006-10-01/}"


def versions(out: Path) -> dict[str, int]:
    """id -> version of every NewsML item of the issue, and of its package (issue.xml)."""
    found = {}
    for path in sorted((out / "newsml" / DAY.isoformat()).glob("*.xml")):
        found[path.stem] = int(xmlsafe.parse(path.read_bytes(), path.name).get("version") or 0)
    return found


def correct(folder: Path) -> None:
    page = folder / "page-02.txt"
    page.write_text(
        page.read_text(encoding="utf-8").replace("文化惠民演出进社区", "文化惠民演出走进社区"),
        encoding="utf-8",
    )


def test_a_lost_store_beside_a_published_site_is_refused_unless_reinit(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    folder = sample_issue(src)
    args = ["run", "--source", str(src), "--out", str(out)]
    assert run_cli(args).exit_code == 0
    correct(folder)
    assert run_cli(args).exit_code == 0
    before, files = versions(out), snapshot(out)
    assert max(before.values()) == 2
    (out / "state" / "syndicate.sqlite").unlink()
    refused = run_cli(args)
    assert refused.exit_code == 1
    lines = error_lines(refused.stderr)
    assert any("--reinit" in line and "syndicate.sqlite" in line for line in lines), lines
    assert snapshot(out) == files
    rebuilt = run_cli([*args, "--reinit"])
    assert rebuilt.exit_code == 0, rebuilt.stderr
    after = versions(out)
    assert set(after) == set(before)
    for ident, version in before.items():
        assert after[ident] >= version, (ident, before, after)


def config_file(tmp_path: Path, state: Path, out: Path, name: str = "西海岸新闻", extra: str = "") -> Path:
    path = tmp_path / f"paper-{hashlib.sha1(str(out).encode()).hexdigest()[:6]}.toml"
    path.write_text(
        f'[publication]\nname = "{name}"\n{extra}\n[source]\npath = "src"\n\n[output]\ndir = "{out}"\nstate_dir = "{state}"\n',
        encoding="utf-8",
    )
    return path


def test_out_on_the_command_line_never_shares_the_configured_store(tmp_path: Path) -> None:
    sample_issue(tmp_path / "src")
    state, real, scratch = tmp_path / "state", tmp_path / "site", tmp_path / "scratch"
    cfg = config_file(tmp_path, state, real)
    assert run_cli(["run", "--config", str(cfg)]).exit_code == 0
    store = (state / "syndicate.sqlite").read_bytes()
    result = run_cli(["run", "--config", str(cfg), "--out", str(scratch)])
    assert result.exit_code == 0, result.stderr
    assert (scratch / "public" / "index.html").is_file()
    assert (state / "syndicate.sqlite").read_bytes() == store, "the scratch run wrote the real site's store"


def test_a_state_folder_of_another_output_root_is_refused(tmp_path: Path) -> None:
    sample_issue(tmp_path / "src")
    state = tmp_path / "state"
    assert run_cli(["run", "--config", str(config_file(tmp_path, state, tmp_path / "site"))]).exit_code == 0
    other = run_cli(["run", "--config", str(config_file(tmp_path, state, tmp_path / "other"))])
    assert other.exit_code == 1
    assert any("state_dir" in line and str(tmp_path / "site") in line for line in error_lines(other.stderr))
    assert not (tmp_path / "other" / "public").exists()


def test_a_changed_name_usage_terms_or_base_url_re_renders_newsml_and_pages(tmp_path: Path) -> None:
    sample_issue(tmp_path / "src")
    state, out = tmp_path / "state", tmp_path / "site"
    assert run_cli(["run", "--config", str(config_file(tmp_path, state, out))]).exit_code == 0
    changed = config_file(
        tmp_path,
        state,
        out,
        name="海岸晨报",
        extra='usage_terms = "Licensed partners, 24 h."\nbase_url = "https://morning.westcoast.cn/"\n',
    )
    assert run_cli(["run", "--config", str(changed)]).exit_code == 0
    for rel, data in snapshot(out).items():
        text = data.decode("utf-8")
        if rel.endswith((".html", ".xml")) and "catalog" not in rel:
            assert "西海岸新闻" not in text, rel
            assert "news.example.org" not in text, rel
        if rel.startswith("newsml/") and rel.endswith(".xml"):
            assert "Licensed partners, 24 h." in text, rel
