"""Object storage as a publish target, against moto's S3 server on a loopback port."""

from __future__ import annotations

import gzip
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
import services
from botocore.exceptions import ClientError

from syndicate.errors import PublishError
from syndicate.publish.objects import ObjectTarget, ObjectWriter, write_outputs

_buckets = itertools.count()


@dataclass(frozen=True)
class Out:
    path: str
    data: bytes


ITEM_V1 = b'<?xml version="1.0"?><newsItem guid="g" version="1"><itemMeta/></newsItem>'
ITEM_V2 = b'<?xml version="1.0"?><newsItem guid="g" version="2"><itemMeta/></newsItem>'
EMBARGOED = b'<?xml version="1.0"?><newsItem guid="g" version="1"><itemMeta><embargoed>x</embargoed></itemMeta></newsItem>'


@pytest.fixture
def s3(moto_s3: services.MotoServer) -> Iterator[tuple[Any, str]]:
    client = boto3.client("s3", endpoint_url=moto_s3.endpoint)
    bucket = f"feeds-{next(_buckets)}"
    client.create_bucket(Bucket=bucket)
    client.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    yield client, bucket


def versions(client: Any, bucket: str) -> dict[str, int]:
    listed = client.list_object_versions(Bucket=bucket).get("Versions", [])
    counts: dict[str, int] = {}
    for v in listed:
        counts[v["Key"]] = counts.get(v["Key"], 0) + 1
    return counts


PLAN = [
    Out("public/index.html", b"<html>front</html>"),
    Out("public/all.rss.xml", b"<rss/>"),
    Out("public/all.json", b"{}"),
    Out("newsml/2024-03-01/issue.xml", b"<packageItem/>"),
    Out("public/articles/2024-03-01/a1.html", b"<html>a1</html>"),
    Out("newsml/2024-03-01/a1.xml", ITEM_V1),
    Out("public/robots.txt", b"User-agent: *\n"),
]


def test_objects_carry_type_cache_and_encoding(s3: tuple[Any, str], moto_s3: services.MotoServer) -> None:
    client, bucket = s3
    write_outputs(f"s3://{bucket}/site", moto_s3.endpoint, PLAN)
    head = client.head_object(Bucket=bucket, Key="site/public/all.rss.xml")
    assert head["ContentType"] == "application/rss+xml; charset=utf-8"
    assert head["CacheControl"] == "public, max-age=300" and head["ContentEncoding"] == "gzip"
    assert client.head_object(Bucket=bucket, Key="site/public/all.json")["ContentType"].startswith(
        "application/feed+json"
    )
    page = client.head_object(Bucket=bucket, Key="site/public/articles/2024-03-01/a1.html")
    assert (page["ContentType"], page["CacheControl"]) == ("text/html; charset=utf-8", "public, max-age=3600")
    item = client.head_object(Bucket=bucket, Key="site/newsml/2024-03-01/a1.xml")
    assert item["CacheControl"] == "private, no-cache"  # partners only: never in a shared cache
    body = client.get_object(Bucket=bucket, Key="site/public/index.html")["Body"].read()
    assert gzip.decompress(body) == b"<html>front</html>"
    once = client.head_object(Bucket=bucket, Key="site/newsml/2024-03-01/a1/1.xml")
    assert once["CacheControl"] == "private, max-age=31536000, immutable"


def test_pages_and_items_first_feeds_then_the_front_page_last(s3: tuple[Any, str]) -> None:
    client, bucket = s3
    writer = ObjectWriter(client, ObjectTarget.parse(f"s3://{bucket}"))
    writer.write_all(PLAN)
    order = writer.written
    assert order.index("public/articles/2024-03-01/a1.html") < order.index("newsml/2024-03-01/issue.xml")
    assert order.index("newsml/2024-03-01/a1.xml") < order.index("public/all.rss.xml")
    assert order[-1] == "public/index.html"


def test_an_unchanged_output_adds_no_version(s3: tuple[Any, str]) -> None:
    client, bucket = s3
    target = ObjectTarget.parse(f"s3://{bucket}")
    ObjectWriter(client, target).write_all(PLAN)
    again = ObjectWriter(client, target)
    changed = [Out(o.path, b"<rss>changed</rss>" if o.path == "public/all.rss.xml" else o.data) for o in PLAN]
    again.write_all(changed)
    assert again.written == ["public/all.rss.xml"]
    counts = versions(client, bucket)
    assert counts["public/all.rss.xml"] == 2
    assert all(n == 1 for key, n in counts.items() if key != "public/all.rss.xml")


def test_write_once_versions_get_a_real_412(s3: tuple[Any, str]) -> None:
    client, bucket = s3
    client.put_object(Bucket=bucket, Key="probe", Body=b"x", IfNoneMatch="*")
    with pytest.raises(ClientError) as refused:  # the server itself refuses, not our code
        client.put_object(Bucket=bucket, Key="probe", Body=b"y", IfNoneMatch="*")
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 412

    target = ObjectTarget.parse(f"s3://{bucket}")
    first, second = ObjectWriter(client, target), ObjectWriter(client, target)
    first.write("newsml/2024-03-01/a1.xml", ITEM_V1)
    second.write("newsml/2024-03-01/a1.xml", ITEM_V1)  # a retried pass: same version, same bytes
    assert (first.already_there, second.already_there) == (0, 1)
    second.write("newsml/2024-03-01/a1.xml", ITEM_V2)
    assert versions(client, bucket)["newsml/2024-03-01/a1/1.xml"] == 1
    assert versions(client, bucket)["newsml/2024-03-01/a1/2.xml"] == 1
    different = ITEM_V1.replace(b"<itemMeta/>", b"<itemMeta><x/></itemMeta>")
    with pytest.raises(PublishError, match="already written with other content"):
        second.write("newsml/2024-03-01/a1.xml", different)


def test_items_under_embargo_are_not_written_once(s3: tuple[Any, str]) -> None:
    client, bucket = s3
    writer = ObjectWriter(client, ObjectTarget.parse(f"s3://{bucket}"))
    writer.write("newsml/2024-03-01/a1.xml", EMBARGOED)
    writer.write("newsml/2024-03-01/a2.xml", ITEM_V1)
    assert "newsml/2024-03-01/a1/1.xml" not in versions(client, bucket)  # re-rendered at release
    assert "newsml/2024-03-01/a2/1.xml" in versions(client, bucket)


def test_two_outputs_for_one_key_are_refused(s3: tuple[Any, str]) -> None:
    client, bucket = s3
    with pytest.raises(PublishError, match="two outputs for one path"):
        ObjectWriter(client, ObjectTarget.parse(f"s3://{bucket}")).write_all([PLAN[0], PLAN[0]])


def test_an_unreachable_store_is_a_publish_error() -> None:
    with pytest.raises(PublishError, match="s3://nowhere/public/index.html: cannot"):
        write_outputs("s3://nowhere", f"http://127.0.0.1:{services.free_port()}", [PLAN[0]])


def test_gzip_siblings_are_not_objects_of_their_own(s3: tuple[Any, str]) -> None:
    client, bucket = s3
    writer = ObjectWriter(client, ObjectTarget.parse(f"s3://{bucket}"))
    writer.write_all(
        [*PLAN, Out("public/all.rss.xml.gz", gzip.compress(b"<rss/>")), Out("public/x.gz", b"gz")]
    )
    assert "public/all.rss.xml.gz" not in writer.written and "public/x.gz" in writer.written
    assert client.head_object(Bucket=bucket, Key="public/all.rss.xml")["ContentEncoding"] == "gzip"
