"""Row 13: temporary files left by a killed pass are swept at the start of the next pass and are
never served. The pass is really killed: it sends itself SIGKILL at the moment it would rename a
finished temporary file into place, so the temporary file stays behind exactly as a crash leaves it.
"""

from __future__ import annotations

import datetime as dt
import http.client
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from support.faults import DAY, LATER, drop_folder, temp_files

from syndicate import config, pipeline
from syndicate.publish import write
from syndicate.serve import make_server

NEXT = DAY + dt.timedelta(days=1)

DIE_AT_RENAME = """
import os, signal, sys
_replace = os.replace
def replace(src, dst, *args, **kwargs):
    if os.fspath(dst).endswith(TARGET):
        os.kill(os.getpid(), signal.SIGKILL)
    return _replace(src, dst, *args, **kwargs)
os.replace = replace
from syndicate import cli
sys.argv[0] = "syndicate"
cli.main()
"""


def killed_pass(src: Path, out: Path, target: str) -> None:
    code = DIE_AT_RENAME.replace("TARGET", repr(target))
    done = subprocess.run(
        [sys.executable, "-c", code, "run", "--source", str(src), "--out", str(out)],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == -9, done.stderr


def get(port: int, target: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", target)
        return conn.getresponse().status
    finally:
        conn.close()


@pytest.mark.parametrize(
    "target",
    [f"public/articles/{NEXT}/20231025-0102.html", f"newsml/{NEXT}/issue.xml", "public/index.html"],
    ids=["article-page", "issue-package", "front-page"],
)
def test_a_killed_pass_leaves_a_temp_file_swept_before_the_next_pass_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    src, out = drop_folder(tmp_path / "src", 2, DAY), tmp_path / "out"
    settings = config.defaults(out, src)
    pipeline.run_pass(settings, now=LATER, dates=[DAY])  # the first issue was published last night
    killed_pass(src, out, target)
    # the target's temporary file is left, with those of the batch not renamed yet (write.py)
    beside = [p for p in temp_files(out) if p.parent == (out / target).parent]
    assert beside
    left = beside[0]

    # never served while it lies there
    server = make_server(settings, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        if target.startswith("public/"):
            assert get(server.effective_port, "/" + left.relative_to(out / "public").as_posix()) == 404
        assert get(server.effective_port, "/" + left.name) == 404
        assert get(server.effective_port, "/index.html") == 200
    finally:
        server.close()
        thread.join(timeout=2)

    # swept at the start of the next pass: before its first write, none is left anywhere
    seen: list[list[Path]] = []
    real = write.Writer.write

    def first_write_sees(self: write.Writer, rel: str, data: bytes) -> bool:
        if not seen:
            seen.append(temp_files(out))
        return real(self, rel, data)

    monkeypatch.setattr(write.Writer, "write", first_write_sees)
    pipeline.run_pass(settings, now=LATER)
    assert seen == [[]]
    assert temp_files(out) == []


def test_a_temporary_name_already_taken_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A temporary file another process of the same id left (not yet swept) keeps its bytes; the
    # writer takes the next name, and its file lands readable by the web server.
    monkeypatch.setattr(write, "_COUNT", iter([7, 7, 8]))
    first = write.write_temp(tmp_path, b"left behind")
    second = write.write_temp(tmp_path, b"new")
    assert first.read_bytes() == b"left behind" and second.read_bytes() == b"new"
    assert second.name.startswith(write.TMP_PREFIX) and second.stat().st_mode & 0o777 == 0o644


def test_a_new_file_and_an_unchanged_one_in_a_listed_folder(tmp_path: Path) -> None:
    # The first write into a folder lists it: a name not there is written without a look at it,
    # a name there is compared (same bytes: not written again, its modification time kept).
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "kept.html").write_bytes(b"same")
    with write.Writer(tmp_path) as out:
        assert out.write("public/new.html", b"new")
        assert not out.write("public/kept.html", b"same")
    assert out.written == ["public/new.html"] and out.unchanged == 1
    assert (tmp_path / "public" / "new.html").read_bytes() == b"new"
