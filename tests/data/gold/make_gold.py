"""Build the team's gold JSONL files from the marked-up texts below.

Texts are invented. An annotated span is written ``{surface|T}`` with T one of
P (PERSON), O (ORG), T (TITLE), K (TECH); ``{surface|-}`` marks a surface that is
deliberately *not* an entity here (it silences the completeness check). Offsets are
computed from the markup, so they cannot drift from the text. Conventions: README.md.

    python tests/data/gold/make_gold.py          # rewrite the *.jsonl files
    python tests/data/gold/make_gold.py --check  # exit 1 if they are out of date
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"P": "PERSON", "O": "ORG", "T": "TITLE", "K": "TECH", "-": None}
MARK = re.compile(r"\{([^{}|]+)\|([POTK-])\}")

GENRES: dict[str, list[str]] = {
    "company": [
        "{杭州云帆智能科技股份有限公司|O}董事会于近日收到{副总经理|T}{陈志远|P}先生的书面辞职报告。{陈志远|P}先生因个人原因申请辞去公司{副总经理|T}职务，辞职后不再担任公司任何职务。",
        "经公司第三届董事会第十二次会议审议通过，同意聘任{刘慧敏|P}女士为公司{财务总监|T}，任期自本次董事会审议通过之日起至第三届董事会届满之日止。",
        "{深圳华启新能源股份有限公司|O}今日公告，公司{董事长|T}{欧阳振华|P}、{总经理|T}{黄海涛|P}计划在未来六个月内增持公司股份，增持金额合计不低于5000万元。",
        "{苏州锐芯微电子有限公司|O}与{南京大学电子科学与工程学院|O}签署战略合作协议，双方将在{集成电路|K}设计、{人工智能芯片|K}等领域开展联合攻关。公司{首席技术官|T}{司马振东|P}表示，合作将加快{存算一体|K}技术的产业化。",
        "{北京星图数据技术有限公司|O}宣布完成B轮融资，本轮由{远山资本|O}领投，{青禾创投|O}跟投。公司{创始人|T}兼{首席执行官|T}{诸葛文清|P}介绍，资金将主要用于{大模型|K}训练和{知识图谱|K}产品研发。",
        "公司于2024年3月15日召开2024年第一次临时股东大会，选举{上官明远|P}、{何家明|P}、{郑晓燕|P}为公司第五届董事会{非独立董事|T}，选举{冯子轩|P}、{曹永平|P}为{独立董事|T}。",
        "近日，{宁波海川港口物流集团有限公司|O}{党委书记|T}、{董事长|T}{彭丽华|P}带队赴{宁波海川集装箱码头有限公司|O}调研，详细了解{5G|K}远程操控桥吊和{自动驾驶|K}集卡的运行情况。",
        "{中科智联（合肥）信息技术有限公司|O}发布公告称，{监事会主席|T}{许文博|P}因工作调动辞去相关职务，公司将按规定尽快补选。",
        "{广东粤海水务股份有限公司|O}关于高级管理人员变动的公告：因工作需要，{邓佳怡|P}女士不再担任公司{董事会秘书|T}，董事会同意聘任{韩振宇|P}先生为{董事会秘书|T}。",
        "{重庆长江汽车电子有限公司|O}发布新一代智能座舱平台，搭载{语音识别|K}、{车联网|K}和{高精度定位|K}功能。公司{副总裁|T}{唐明辉|P}称，新平台已获得三家整车厂定点。",
        "2023年度报告显示，{天津北辰重工机械有限公司|O}实现营业收入42.6亿元，同比增长12.3%。{总经理|T}{贺思远|P}在业绩说明会上表示，公司将加大{工业机器人|K}和{数字孪生|K}研发投入。",
        "{浙江青山湖新材料股份有限公司|O}公告称，控股股东{杭州青山湖投资控股有限公司|O}将其持有的2000万股质押给{中国工商银行股份有限公司杭州分行|O}，质押用途为补充流动资金。",
        "{罗秋菊|P}女士、{沈一鸣|P}先生因任期届满，不再担任{江苏紫金农业发展股份有限公司|O}{独立董事|T}。公司董事会对二位在任职期间所做的贡献表示衷心感谢。",
        "{华鼎医疗器械（上海）有限公司|O}宣布任命{马克·约翰逊|P}先生为{亚太区总裁|T}，全面负责亚太区业务。{马克·约翰逊|P}此前任职于{欧洲医疗设备集团|O}。",
    ],
    "government": [
        "{浙江省科学技术厅|O}关于组织申报2024年度重点研发计划项目的通知：各设区市科技局、各有关单位：现将有关事项通知如下。联系人：{高新技术处|O}{宋雨桐|P}，电话：0571-87054321。",
        "日前，{江苏省工业和信息化厅|O}{副厅长|T}{梁国栋|P}一行赴无锡调研{工业互联网|K}标识解析二级节点建设情况，{无锡市工业和信息化局|O}{局长|T}{孔维新|P}陪同调研。",
        "根据工作需要，经研究决定：任命{田晓东|P}同志为{山东省生态环境厅大气环境处|O}{处长|T}；任命{潘雪梅|P}同志为{山东省生态环境厅大气环境处|O}{副处长|T}。",
        "{国家市场监督管理总局|O}发布通告，对15批次不合格食品进行通报。{市场监管总局|O}要求有关省级市场监管部门立即组织开展核查处置。",
        "{武汉市人民政府办公厅|O}印发《关于加快发展{人工智能|K}产业的若干措施》，明确到2026年全市{人工智能|K}核心产业规模突破1000亿元。",
        "经{广州市委组织部|O}研究，拟任命{欧阳晓岚|P}为{广州市黄埔区科技局|O}{局长|T}，{钟国强|P}为{广州市黄埔区发展和改革局|O}{副局长|T}。公示期为5个工作日。",
        "{教育部高等教育司|O}近日印发通知，部署推进高校{人工智能|K}通识课程建设，要求各地教育行政部门和高校于6月底前报送工作方案。",
        "{北京市海淀区人民政府|O}{区长|T}{魏晨阳|P}、{中关村科技园区管理委员会|O}{副主任|T}{姚丽君|P}共同为{海淀区人工智能产业创新中心|O}揭牌。",
        "{四川省应急管理厅|O}{党组书记|T}、{厅长|T}{夏侯永安|P}主持召开防汛工作专题会议，{副厅长|T}{石静|P}、{蒋林|P}出席会议。",
        "根据{国家税务总局|O}统一部署，{国家税务总局上海市税务局|O}将于3月1日起在全市推广基于{区块链|K}的电子发票。",
        "{河南省卫生健康委员会医政医管处|O}{副处长|T}{白玉洁|P}在培训会上解读了{远程医疗|K}服务管理规范，并就医疗质量安全提出要求。",
        "各区县教育局、各直属学校：为推进中小学{人工智能|K}教育，{重庆市教育委员会|O}决定开展第二届优秀案例征集活动。联系人：{基础教育处|O}{慕容青|P}。",
    ],
    "meeting": [
        "3月22日，2024长三角数字经济发展论坛在上海开幕。{上海市经济和信息化委员会|O}{副主任|T}{严明华|P}出席并致辞。论坛由{长三角数字经济产业联盟|O}{秘书长|T}{司马婧|P}主持。",
        "{中国信息通信研究院|O}{副院长|T}{鲁成|P}在致辞中表示，{6G|K}与{卫星互联网|K}的融合将成为下一阶段的重要方向。",
        "出席会议的还有{江西省科学技术协会|O}{党组书记|T}{胡建|P}，{南昌大学|O}{校长|T}{章小平|P}，{江西财经大学|O}{副校长|T}{邱蕾|P}等。",
        "会议由{中国电子学会|O}{理事长|T}{上官文|P}主持，{赵一帆|P}、{钱德明|P}、{孙悦|P}、{李晨曦|P}等专家分别作主题报告。",
        "研讨会上，{同济大学|O}{教授|T}{王慧|P}、{东南大学|O}{研究员|T}{朱建平|P}和{北京理工大学|O}{副教授|T}{欧阳磊|P}分别就{车路协同|K}、{智能网联汽车|K}和{高精地图|K}作了报告。",
        "大会开幕式由{深圳市罗湖区人民政府|O}{副区长|T}{卢佳琪|P}主持。{华南理工大学|O}{党委书记|T}{龙涛|P}、{深圳市科技创新委员会|O}{主任|T}{伍志刚|P}先后致辞。",
        "第十届中国（苏州）智能制造博览会今日闭幕。展会期间，{苏州工业园区管理委员会|O}与{苏州德科自动化设备有限公司|O}等12家企业签约，项目涵盖{机器视觉|K}、{工业软件|K}、{边缘计算|K}等领域。",
        "{国家发展和改革委员会高技术司|O}{副司长|T}{邵华|P}出席会议并讲话。他指出，要加快{量子计算|K}、{脑机接口|K}等前沿技术的布局。",
        "座谈会由{中国人民大学新闻学院|O}{院长|T}{顾晓光|P}主持，{新华社|O}{高级记者|T}{齐悦|P}、{人民日报社|O}{主任编辑|T}{阮东|P}作交流发言。",
        "{青岛市城阳区人民政府|O}与{中国海洋大学|O}共建的{海洋装备研究院|O}正式揭牌。{中国海洋大学|O}{副校长|T}{东方宇|P}、{城阳区委|O}{副书记|T}{管立新|P}共同揭牌。",
        "在闭幕式上，{上海人工智能实验室|O}{主任|T}{皇甫明|P}发布了《{具身智能|K}发展白皮书（2024）》，{令狐佳|P}女士宣读了优秀论文获奖名单。",
        "会议听取了{黄河水利委员会|O}{副主任|T}{苗文杰|P}关于{数字孪生|K}流域建设的汇报，{水利部|O}{副部长|T}{郝明|P}作总结讲话。",
    ],
    "interview": [
        "本报{记者|T}{孙立群|P}：请您介绍一下{锐视光电科技有限公司|O}今年的研发重点。{吴俊峰|P}（{锐视光电科技有限公司|O}{总经理|T}）：今年我们主要投入{激光雷达|K}，同时布局{车规级芯片|K}。",
        "{记者|T}：您如何看待{生成式人工智能|K}对教育的影响？受访者{周雅琴|P}（{华东师范大学|O}{教授|T}）：我认为它首先改变的是学生获取知识的方式。",
        "本期访谈嘉宾：{杭州链融科技有限公司|O}{联合创始人|T}{毛振宇|P}。问：{区块链|K}在供应链金融中有哪些落地场景？{毛振宇|P}：我们把应收账款凭证上链，中小企业融资时间从两周缩短到两天。",
        "受访者：{欧阳娜|P}，{浙江之江能源服务有限公司|O}{高级工程师|T}。{记者|T}：{虚拟电厂|K}现在发展到了什么阶段？{欧阳娜|P}：浙江已经接入了超过两百万千瓦的可调负荷。",
        "主持人：今天我们请到了{西北工业大学航空学院|O}的{冷振邦|P}{教授|T}。请谈谈{无人机|K}在城市物流中的前景。{冷振邦|P}：关键在空域管理和{感知避障|K}技术。",
        "{记者|T}：从学徒到{高级技师|T}，您用了多少年？{郭秀兰|P}：整整十八年。我在{哈尔滨电机厂有限责任公司|O}的车间里一干就是半辈子。",
        "在接受{记者|-}采访时，{成都高新区管委会|O}{副主任|T}{甘露|P}表示，园区今年将新增{人工智能|K}企业两百家，并建设一座智算中心。",
        "{记者|T}：龚先生，您为什么选择回国创业？{龚少华|P}：国内{动力电池|K}产业链完整，迭代速度快，这是在国外很难得到的。",
        "以下是{记者|T}与{上官雨晴|P}女士的对话。{上官雨晴|P}现任{北京清源环保科技有限公司|O}{董事长|T}。问：公司在{碳捕集|K}方面有哪些进展？答：我们在内蒙古的示范项目已连续运行一年。",
        "{记者|T}{柳岚|P}：{智慧农业|K}在您这里具体是什么样子？{邱大山|P}（{安徽丰禾农业合作社|O}{理事长|T}）：就是手机上看墒情，{无人机|K}打药，{北斗|K}导航插秧。",
    ],
    "academic": [
        "近日，{清华大学计算机科学与技术系|O}{教授|T}{黄振宇|P}团队在{量子纠错|K}领域取得重要进展，相关成果发表于《自然》杂志。",
        "{中国科学院自动化研究所|O}{研究员|T}{戚向阳|P}、{副研究员|T}{苏婉|P}入选本年度国家级青年人才计划。",
        "{浙江大学控制科学与工程学院|O}{院长|T}{陆文涛|P}、{副院长|T}{卞雪|P}出席{智能感知与控制联合实验室|O}揭牌仪式。",
        "{复旦大学附属中山医院心内科|O}{主任医师|T}{岑伟|P}团队利用{深度学习|K}模型辅助诊断冠心病，准确率达到92%。",
        "{武汉大学遥感信息工程学院|O}2021级博士研究生{林晓雯|P}获得{中国测绘学会|O}优秀论文奖，导师为{殷志强|P}{教授|T}。",
        "{哈尔滨工业大学|O}召开2024年科研工作会议。{校长|T}{柴明|P}在讲话中强调，要聚焦{空间机器人|K}、{智能制造|K}等方向。{副校长|T}{屠文斌|P}主持会议。",
        "{中山大学人工智能学院|O}与{广州智行汽车科技有限公司|O}签约共建{自动驾驶|K}联合实验室，首批投入经费3000万元。",
        "{南开大学化学学院|O}{讲席教授|T}{乔一凡|P}、{特聘研究员|T}{郁佳|P}合作在{钙钛矿太阳能电池|K}稳定性研究中取得突破。",
        "日前，{中国工程院|O}{院士|T}、{西安交通大学|O}{教授|T}{闫立国|P}为师生作题为《{氢能|K}与未来能源体系》的报告。讲座由{能源与动力工程学院|O}{院长|T}{邢峰|P}主持。",
        "{北京航空航天大学仪器科学与光电工程学院|O}{副教授|T}{夏雨|P}获得国家自然科学基金优秀青年科学基金资助，研究方向为{量子精密测量|K}。",
        "{厦门大学海洋与地球学院|O}{教授|T}{司马云|P}、{助理教授|T}{任佳宁|P}和{自然资源部第三海洋研究所|O}{研究员|T}{翁建|P}联合发表论文，揭示了南海碳汇的季节变化。",
        "{中国科学技术大学物理学院|O}{教授|T}{滕飞|P}课题组研制出新型{超导量子芯片|K}，相干时间较此前提升一倍。",
        "{四川大学华西医院|O}{院长|T}{龚俊|P}介绍，医院已上线基于{大语言模型|K}的智能导诊系统，日均服务患者逾万人次。",
    ],
    "news": [
        "在昨晚结束的联赛中，{浙江队|O}主场2比1战胜{河南队|O}，{周子航|P}和{李天浩|P}各入一球。",
        "{欧阳子墨|P}在女子200米自由泳决赛中以1分55秒12夺冠，{林思琪|P}和{何雨桐|P}分获亚军和季军。",
        "据{中国汽车工业协会|O}统计，今年前10个月国内汽车销量同比增长9.1%，其中出口增长超过三成。",
        "{华兴消费电子有限公司|O}与{鼎盛零售集团|O}达成协议，双方将在华东地区共同开设200家体验店。",
        "{诸葛云飞|P}在决赛中以4比2击败{钱浩然|P}，首次获得全国围棋个人赛冠军。",
        "昨天，{陈思远|P}、{罗浩|P}、{彭悦|P}三人组成的{中国队|O}获得团体银牌，这是该项目近十年来的最好成绩。",
        "{恒通物流股份有限公司|O}股价今日涨停，成交额达12亿元。分析人士认为，{恒通物流|O}受益于跨境电商订单增长。",
        "女子组冠军{张晓萌|P}赛后表示，最后五公里非常艰难，{杜国平|P}则以2小时12分获得男子组第三名。",
        "{联泰科技|O}与{盛华资本|O}联合宣布成立合资公司，由{何志明|P}负责日常运营。",
        "{宁夏金沙葡萄酒业有限公司|O}的三款干红在国际葡萄酒大奖赛上获得金奖，{严雪|P}酿制的单品园霞多丽获得最高分。",
        "{赵雪|P}与{钱磊|P}搭档获得混双冠军，{孙宇航|P}/{李沫|P}获得亚军。",
    ],
}


def parse(marked: str) -> tuple[str, list[dict]]:
    """Strip the markup and return the plain text with its entity spans."""
    text, entities, pos = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        plain = marked[pos:m.start()]
        text.append(plain)
        length += len(plain)
        surface, kind = m.group(1), TYPES[m.group(2)]
        if kind is not None:
            entities.append({"start": length, "end": length + len(surface), "type": kind, "text": surface})
        text.append(surface)
        length += len(surface)
        pos = m.end()
    text.append(marked[pos:])
    plain_text = "".join(text)
    if "{" in plain_text or "}" in plain_text or "|" in plain_text:
        raise ValueError(f"unbalanced markup in {marked!r}")
    return plain_text, entities


def unmarked_occurrences(marked: str, text: str, entities: list[dict]) -> list[str]:
    """Surfaces annotated somewhere in a text but left bare elsewhere in it (outside
    every other span): usually a forgotten repeated mention."""
    covered = [(e["start"], e["end"]) for e in entities]
    allowed = {m.group(1) for m in MARK.finditer(marked) if m.group(2) == "-"}
    problems = []
    for surface in {e["text"] for e in entities} - allowed:
        for m in re.finditer(re.escape(surface), text):
            if not any(s <= m.start() and m.end() <= e for s, e in covered):
                problems.append(f"{surface}@{m.start()}")
    return problems


def build(genres: dict[str, list[str]] | None = None) -> dict[str, str]:
    """File name -> JSONL content for every genre (default: this set's); raises on a markup problem."""
    files = {}
    for genre, texts in (GENRES if genres is None else genres).items():
        rows = []
        for n, marked in enumerate(texts, start=1):
            text, entities = parse(marked)
            problems = unmarked_occurrences(marked, text, entities)
            if problems:
                raise ValueError(f"{genre}-{n:02d}: unannotated repeats {problems}")
            rows.append(json.dumps({"id": f"{genre}-{n:02d}", "text": text, "entities": entities},
                                   ensure_ascii=False))
        files[f"{genre}.jsonl"] = "\n".join(rows) + "\n"
    return files


def main(argv: list[str], genres: dict[str, list[str]] | None = None, here: Path = HERE) -> int:
    """Write the JSONL files into ``here`` (``--check``: only report whether they are stale)."""
    files = build(genres)
    if "--check" in argv:
        stale = [name for name, content in files.items()
                 if not (here / name).exists() or (here / name).read_text(encoding="utf-8") != content]
        print("out of date: " + ", ".join(stale) if stale else "up to date")
        return 1 if stale else 0
    for name, content in files.items():
        (here / name).write_text(content, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
