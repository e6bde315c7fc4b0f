"""A national daily's page as its e-paper text gives it (own text): kicker, headline and a dashed
subheadline; a dateline with the reporter in brackets (本报北京7月8日电　（记者王晓明）); a key-points
box under a feature's byline (核心阅读); a numbered caption (图①：…); a jump to page 4 and the
continuation there, signed at its end (（本报记者　王晓明）)."""

from __future__ import annotations

import datetime as dt

from syndicate import pipeline
from syndicate.model import Issue, Page

IND = "\u3000\u3000"
PAGE_1 = f"""人民生活报
2026年7月9日 星期四
第1版
坚持稳中求进　推动高质量发展
上半年国民经济运行总体平稳稳中有进
——国家统计局新闻发言人答记者问
{IND}本报北京7月8日电　（记者王晓明）国家统计局8日发布数据，上半年国内生产总值同比增长5.2%，经济运行总体平稳。
{IND}“上半年，各地区各部门坚持稳中求进工作总基调，宏观政策协同发力。”国家统计局新闻发言人表示。
{IND}从需求看，社会消费品零售总额同比增长4.8%；固定资产投资保持增长，高技术产业投资增势良好。（下转第四版）
老旧小区换新颜
{IND}本报记者　李华　刘婷
核心阅读
{IND}今年以来，各地加快推进城市更新，老旧小区改造惠及千万家庭。
{IND}清晨六点，家住城东的张大爷已经在新修的小广场上打起了太极拳。“以前这里坑坑洼洼。”张大爷说。
{IND}去年以来，城东街道对辖区内12个老旧小区实施改造，加装电梯46部，新增停车位800余个。
{IND}图①：改造后的小区广场。本报记者　李华摄
"""
PAGE_4 = f"""第4版
要闻
（上接第一版）
{IND}发言人表示，下半年外部环境依然复杂，但经济长期向好的支撑条件和基本趋势没有变。
{IND}（本报记者　王晓明）
夏粮收购进度过半
{IND}本报讯　（记者陈刚）记者从国家粮食和物资储备局获悉，截至7月5日，主产区小麦收购进度过半。
"""


def test_a_national_dailys_page() -> None:
    issue = Issue(
        dt.date(2026, 7, 9),
        (
            Page(1, "要闻", PAGE_1, "page-01.txt", "utf-8", "a"),
            Page(4, "要闻", PAGE_4, "page-04.txt", "utf-8", "b"),
        ),
    )
    economy, homes, grain = pipeline.read(issue).articles
    assert (economy.kicker, economy.headline, economy.subheadline) == (
        "坚持稳中求进推动高质量发展",
        "上半年国民经济运行总体平稳稳中有进",
        "国家统计局新闻发言人答记者问",
    )
    assert economy.dateline == "本报北京7月8日电" and economy.byline == ("王晓明",)
    assert [p.page for p in economy.parts] == [1, 4] and economy.complete
    assert homes.headline == "老旧小区换新颜" and homes.byline == ("李华", "刘婷")
    assert homes.paragraphs[0] == "核心阅读" and homes.paragraphs[-1].startswith("图①")
    assert grain.headline == "夏粮收购进度过半" and grain.byline == ("陈刚",) and grain.dateline == "本报讯"
