"""A group configuration ([[titles]], [store], [jobs]) and ``--title`` on every command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from syndicate import group
from syndicate.cli import cli
from syndicate.errors import ConfigError

TITLE = """
[publication]
name = "{name}"
base_url = "https://{name}.example.org/"
timezone = "{tz}"
[source]
path = "issues"
[output]
dir = "out-{name}"
"""


def write_group(tmp_path: Path, extra: str = "", **titles: str) -> Path:
    titles = titles or {"westcoast": "Asia/Shanghai", "harbour": "America/New_York"}
    (tmp_path / "titles").mkdir(exist_ok=True)
    refs = []
    for name, tz in titles.items():
        (tmp_path / "titles" / f"{name}.toml").write_text(TITLE.format(name=name, tz=tz), encoding="utf-8")
        refs.append(f'[[titles]]\nname = "{name}"\nconfig = "titles/{name}.toml"\n')
    path = tmp_path / "group.toml"
    path.write_text("\n".join(refs) + extra, encoding="utf-8")
    return path


def test_titles_keep_their_own_settings_and_share_the_store(tmp_path: Path) -> None:
    path = write_group(
        tmp_path, '[store]\nurl = "postgresql://s@127.0.0.1/db"\n[jobs]\nengine = "procrastinate"\n'
    )
    loaded = group.load(path)
    assert list(loaded.titles) == ["westcoast", "harbour"] and not loaded.single
    west, harbour = loaded.title("westcoast"), loaded.title("harbour")
    assert (west.title, harbour.title) == ("westcoast", "harbour")
    assert harbour.publication.timezone == "America/New_York"
    # paths resolve against each title file's folder, not the group's
    assert west.out_dir == (tmp_path / "titles" / "out-westcoast").resolve()
    assert west.store.url == harbour.store.url == "postgresql://s@127.0.0.1/db"
    assert loaded.engine == "procrastinate"


def test_a_titles_own_store_url_wins(tmp_path: Path) -> None:
    path = write_group(tmp_path, '[store]\nurl = "postgresql://group@127.0.0.1/db"\n')
    own = tmp_path / "titles" / "harbour.toml"
    own.write_text(own.read_text() + '[store]\nurl = "postgresql://own@127.0.0.1/db"\n', encoding="utf-8")
    loaded = group.load(path)
    assert loaded.title("harbour").store.url == "postgresql://own@127.0.0.1/db"
    assert loaded.title("westcoast").store.url == "postgresql://group@127.0.0.1/db"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[jobs]\nengine = "procrastinate"\n', "jobs.engine: procrastinate needs store.url"),
        ('[jobs]\nengine = "celery"\n', "jobs.engine"),
        ('[store]\nurl = "mysql://x/y"\n', "store.url: must be a postgresql:// URL"),
        ('[jobs]\ntick = "every minute"\n', "jobs.tick"),
        ("[jobs]\nworkers = 3\n", "jobs.workers: unknown key"),
    ],
)
def test_group_errors_name_the_key(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace(".", r"\.")):
        group.load(write_group(tmp_path, extra))


def test_a_bad_title_file_is_named_with_its_title(tmp_path: Path) -> None:
    path = write_group(tmp_path)
    (tmp_path / "titles" / "harbour.toml").write_text('[publication]\ntimezone = "Mars/Olympus"\n')
    with pytest.raises(ConfigError, match=r"titles\.harbour: .*harbour\.toml: publication\.timezone"):
        group.load(path)


def test_repeated_title_names_are_refused(tmp_path: Path) -> None:
    path = write_group(tmp_path, westcoast="Asia/Shanghai")
    path.write_text(path.read_text() * 2)
    with pytest.raises(ConfigError, match="westcoast repeated"):
        group.load(path)


def test_every_command_takes_title_with_a_group(tmp_path: Path) -> None:
    path = write_group(tmp_path)
    (tmp_path / "titles" / "issues").mkdir()
    runner = CliRunner()
    without = runner.invoke(cli, ["run", "--config", str(path)])
    assert without.exit_code == 1 and "name a title with --title (westcoast, harbour)" in without.output
    unknown = runner.invoke(cli, ["run", "--config", str(path), "--title", "nope"])
    assert unknown.exit_code == 1 and "no title 'nope'" in unknown.output
    ran = runner.invoke(cli, ["run", "--config", str(path), "--title", "harbour"])
    assert ran.exit_code == 0, ran.output
    assert (tmp_path / "titles" / "out-harbour" / "public" / "index.html").exists()
    assert not (tmp_path / "titles" / "out-westcoast").exists()
    for command in ("run", "schedule", "backfill", "serve", "articles", "enqueue"):
        assert "--title" in runner.invoke(cli, [command, "--help"]).output, command


def test_a_single_title_configuration_refuses_title(tmp_path: Path) -> None:
    path = write_group(tmp_path, westcoast="Asia/Shanghai")
    single = tmp_path / "titles" / "westcoast.toml"
    loaded = group.load(single)
    assert loaded.single and loaded.title(None).title == "default"
    result = CliRunner().invoke(cli, ["run", "--config", str(single), "--title", "westcoast"])
    assert result.exit_code == 1 and "--title is only for a group configuration" in result.output
    assert path.exists()


def test_check_config_shows_every_title(tmp_path: Path) -> None:
    path = write_group(tmp_path)
    (tmp_path / "titles" / "issues").mkdir()
    result = CliRunner().invoke(cli, ["check-config", str(path)])
    assert result.exit_code == 0, result.output
    assert '"westcoast"' in result.output and '"America/New_York"' in result.output
