"""Chinese pages whose extraction lost every paragraph indent: a jump-in marker run into the
continuation's first line ((上接第1版）每天早上…) still opens a part, as a dateline opens an article,
so two continuations printed one under the other on the jumps' page are not read as one."""

from __future__ import annotations

from support.issues import issue

from syndicate import pipeline

FRONT = (
    "高温下的坚守\n本报记者 林静\n午后的气温超过38摄氏度，在城北快速路施工\n现场，工人们正在进行桥面铺装作业。项目负\n"
    "责人告诉记者，为避开高温时段，工地调整\n了作业时间，（下转第2版）\n"
    "暑期文化惠民活动启动\n本报讯（记者 马丽）7月11日，我市暑期文化惠民\n活动正式启动。市图书馆、文化馆、博物馆\n"
    "将延长开放（下转第2版）\n"
)
INSIDE = (
    "暑期文化惠民活动启动\n（上接第1版）时间，方便市民和学生参观学习。\n主办方还推出了线上预约服务。\n"
    "高温下的坚守\n（上接第1版）每天早上5点开工，中午11点至下\n午3点停工休息。工地还为工人们准备了绿豆\n汤等防暑用品。\n"
)


def test_continuations_without_indents_are_parts_of_their_own() -> None:
    reading = pipeline.read(issue([FRONT, INSIDE]))
    parts = {a.headline: [p.page for p in a.parts] for a in reading.articles}
    assert parts == {"高温下的坚守": [1, 2], "暑期文化惠民活动启动": [1, 2]}
    heat = next(a for a in reading.articles if a.headline == "高温下的坚守")
    assert heat.paragraphs[-1].endswith("汤等防暑用品。")
    assert not any("参观学习" in p for p in heat.paragraphs)
    assert not reading.problems
