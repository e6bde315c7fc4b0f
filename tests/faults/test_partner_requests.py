"""Row 11: hostile partner requests against the real server (uvicorn on a loopback port), over an
output root the real publisher wrote: wrong tokens, other partners' ids, traversal paths, huge
headers, 1,000 requests in a burst. 401/404 as the contract says, no byte from outside the output
root (or from its state and newsml folders through the public side), and the server keeps answering.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import http.client
import socket
import threading
from collections.abc import Iterator

import pytest
from support.faults import DAY, LATER, sample_issue

from syndicate import config, pipeline
from syndicate.serve import make_server

TOKENS = {"coastal": "coastal-token-1", "wire": "wire-token-2"}
SECRET = b"OUTSIDE-SECRET"
ITEM = f"newsml/{DAY}/20231024-0101.xml"  # 要闻
OTHER_SECTION = f"newsml/{DAY}/20231024-0204.xml"  # 综合


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    root = tmp_path_factory.mktemp("partners")
    sample_issue(root / "src")
    settings = config.parse(
        {
            "source": {"path": str(root / "src")},
            "output": {"dir": str(root / "out")},
            "partners": [
                {
                    "id": "coastal",
                    "token_sha256": hashlib.sha256(TOKENS["coastal"].encode()).hexdigest(),
                    "sections": ["要闻"],
                },
                {
                    "id": "wire",
                    "token_sha256": hashlib.sha256(TOKENS["wire"].encode()).hexdigest(),
                    "sections": ["*"],
                },
            ],
        },
        root,
    )
    pipeline.run_pass(settings, now=LATER)
    (root / "secret.txt").write_bytes(SECRET)
    (root / "out" / "public" / "leak.txt").symlink_to(root / "secret.txt")
    server = make_server(settings, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield server.effective_port
    server.close()
    thread.join(timeout=2)


def get(
    port: int, target: str, token: str | None = None, **headers: str
) -> tuple[int, http.client.HTTPMessage, bytes]:
    """``target`` sent byte for byte (no client-side normalisation of ``..`` or ``%2e``)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("GET", target, skip_accept_encoding=True)
        if token is not None:
            conn.putheader("Authorization", f"Bearer {token}")
        for k, v in headers.items():
            conn.putheader(k.replace("_", "-"), v)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, resp.msg, resp.read()
    finally:
        conn.close()


def partner_url(partner: str, rel: str) -> str:
    return f"/partners/{partner}/{rel}"


def test_the_right_token_gets_its_items(port: int) -> None:
    status, _, body = get(port, partner_url("coastal", ITEM), TOKENS["coastal"])
    assert status == 200 and b"newsItem" in body
    assert get(port, partner_url("coastal", "index.atom"), TOKENS["coastal"])[0] == 200


@pytest.mark.parametrize(
    ("partner", "token"),
    [
        ("coastal", None),
        ("coastal", ""),
        ("coastal", "wrong"),
        ("coastal", TOKENS["wire"]),  # another partner's token
        ("wire", TOKENS["coastal"]),  # another partner's id with my token
        ("nobody", TOKENS["coastal"]),
        ("coastal", TOKENS["coastal"] + " "),
        ("coastal", TOKENS["coastal"].upper()),
    ],
)
def test_wrong_credentials_are_401(port: int, partner: str, token: str | None) -> None:
    for rel in ("index.atom", ITEM):
        status, headers, body = get(port, partner_url(partner, rel), token)
        if token == TOKENS["coastal"] + " " and partner == "coastal":
            assert status == 200  # surrounding white space of a header value is not part of it
            continue
        assert status == 401 and headers.get("WWW-Authenticate", "").startswith("Bearer"), (rel, status)
        assert b"newsItem" not in body


def test_an_item_outside_the_partners_sections_is_404(port: int) -> None:
    assert get(port, partner_url("coastal", OTHER_SECTION), TOKENS["coastal"])[0] == 404
    assert get(port, partner_url("wire", OTHER_SECTION), TOKENS["wire"])[0] == 200


TRAVERSALS = [
    "/../secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e/secret.txt",
    "/%2e%2e%2f%2e%2e%2fsecret.txt",
    "/leak.txt",
    "/articles/../../secret.txt",
    "/articles/%2e%2e/%2e%2e/state/syndicate.sqlite",
    "/../state/syndicate.sqlite",
    "/state/syndicate.sqlite",
    "/newsml/catalog.json",
    "/../newsml/catalog.json",
    "//etc/passwd",
    "/..\\..\\secret.txt",
    "/%00/etc/passwd",
    "/articles%2f..%2f..%2fsecret.txt",
    "/%c0%ae%c0%ae/secret.txt",
]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_public_traversal_is_404(port: int, target: str) -> None:
    status, _, body = get(port, target)
    assert status in (400, 404), status
    assert SECRET not in body and b"SQLite" not in body and b"root:" not in body


@pytest.mark.parametrize(
    "rel",
    [
        f"newsml/{DAY}/../../state/syndicate.sqlite",
        "newsml/../../secret.txt",
        "newsml/%2e%2e/%2e%2e/secret.txt",
        "newsml/catalog.json",
        f"newsml/{DAY}/issue.xml",
        "../coastal/index.atom",
        f"newsml/{DAY}/.syndicate-tmp-x.xml",
    ],
)
def test_partner_traversal_is_404(port: int, rel: str) -> None:
    status, _, body = get(port, partner_url("coastal", rel), TOKENS["coastal"])
    assert status == 404, status
    assert SECRET not in body and b"SQLite" not in body


def test_huge_headers_are_refused_and_the_server_lives(port: int) -> None:
    status, _, _ = get(port, "/index.html", X_Filler="x" * 100_000)
    assert status in (400, 431)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /index.html HTTP/1.1\r\nHost: x\r\n" + b"X: " + b"y" * 1_000_000 + b"\r\n\r\n")
        try:
            reply = sock.recv(64)
        except ConnectionResetError:
            reply = b""
        assert not reply.startswith(b"HTTP/1.1 200")
    assert get(port, "/index.html")[0] == 200


def test_a_burst_of_1000_requests_gets_answers_and_the_server_keeps_answering(port: int) -> None:
    targets = [
        ("/index.html", None, 200),
        ("/all.atom.xml", None, 200),
        (partner_url("coastal", ITEM), TOKENS["coastal"], 200),
        (partner_url("coastal", ITEM), "wrong", 401),
        ("/../secret.txt", None, 404),
    ]

    def one(n: int) -> bool:
        target, token, expected = targets[n % len(targets)]
        return get(port, target, token)[0] == expected

    with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
        answers = list(pool.map(one, range(1000)))
    assert all(answers), f"{answers.count(False)} of 1000 answered wrongly"
    assert get(port, "/index.html")[0] == 200
    assert get(port, partner_url("coastal", "index.atom"), TOKENS["coastal"])[0] == 200
