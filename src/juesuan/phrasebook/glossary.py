"""名词解释: the terms the 公开说明 explains, worded for this project, chosen by profile.

Where it sits: used by ``phrasebook.render`` for the glossary part; ``Profile.glossary`` names
the set ("xinjiang" — the 14 terms of the Xinjiang template; "shanghai" — the same terms with
the Shanghai definition of 机关运行经费; "national" — as Xinjiang). A budget profile (one whose
``match.kinds`` are budgets) prints the terms of a budget: 上年结转 and 结转下年 where a 决算 has
its 结转和结余, the 基本支出 and 项目支出 as plans. The definitions are our own wording of the
standard meanings, not a copy of any template's text.
"""

from __future__ import annotations

from ..core.profiles import Profile

_COMMON: tuple[tuple[str, str], ...] = (
    ("财政拨款收入", "指本级财政部门在本年度拨给本单位的资金。"),
    ("上级补助收入", "指事业单位从主管部门或上级单位取得的、不属于财政补助的收入。"),
    ("事业收入", "指事业单位开展专业业务活动及其辅助活动取得的收入。"),
    ("经营收入", "指事业单位在专业业务活动及其辅助活动以外，开展非独立核算的经营活动取得的收入。"),
    ("附属单位上缴收入", "指事业单位所属的独立核算单位按规定上缴本单位的收入。"),
    ("其他收入", "指本单位取得的、不属于财政拨款收入、上级补助收入、事业收入、经营收入和附属单位上缴收入的各项收入。"),
    ("年初结转和结余", "指以前年度预算安排的资金，因客观情况变化当年未执行完毕、按规定结转到本年度继续使用的部分，"
                   "既有财政拨款的结转和结余，也有事业收入、经营收入、其他收入等的结转和结余。"),
    ("年末结转和结余", "指本年度或以前年度预算安排的资金，因客观条件变化未能按原计划执行、需要按规定留到以后年度"
                   "继续使用的部分，既有财政拨款的结转和结余，也有事业收入、经营收入、其他收入等的结转和结余。"),
    ("基本支出", "指为维持机构正常运转、完成日常工作任务而发生的人员经费和公用经费支出。"),
    ("项目支出", "指在基本支出以外，为完成特定的行政工作任务或事业发展目标而发生的支出。"),
    ("经营支出", "指事业单位在专业业务活动及其辅助活动以外，开展非独立核算的经营活动发生的支出。"),
    ("对附属单位补助支出", "指事业单位用财政拨款以外的资金对所属单位给予补助发生的支出。"),
    ("“三公”经费", "指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中，因公出国（境）费"
                "指单位工作人员公务出国（境）发生的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等；"
                "公务用车购置费指购置公务用车的支出（含车辆购置税、牌照费）；公务用车运行维护费指按规定保留的公务用车"
                "发生的燃料费、维修费、过路过桥费、保险费、安全奖励费用等；公务接待费指按规定开支的各类公务接待"
                "（含外宾接待）费用。"),
)

_OPERATING = {
    "xinjiang": ("机关运行经费", "指行政单位和参照公务员法管理的事业单位用财政拨款安排的基本支出中的公用经费支出。"),
    "shanghai": ("机关运行经费", "指行政单位和参照公务员法管理的事业单位用一般公共预算财政拨款安排的基本支出中的"
                           "日常公用经费支出。"),
}


_BUDGET: tuple[tuple[str, str], ...] = (
    ("财政拨款收入", "指本级财政部门当年安排给本单位的资金，分为一般公共预算、政府性基金预算和国有资本经营预算"
               "三类拨款。"),
    ("事业收入", "指事业单位开展专业业务活动及其辅助活动预计取得的收入。"),
    ("事业单位经营收入", "指事业单位在专业业务活动及其辅助活动以外，开展非独立核算的经营活动预计取得的收入。"),
    ("其他收入", "指预计取得的、不属于上述各项的收入。"),
    ("上年结转", "指以前年度安排、尚未执行完毕、按规定结转到本年度继续使用的资金。"),
    ("结转下年", "指本年度预计不能执行完毕、按规定留待以后年度继续使用的资金。"),
    ("基本支出预算", "指为保障机构正常运转、完成日常工作任务而安排的年度支出计划，由人员经费和公用经费组成。"),
    ("项目支出预算", "指在基本支出以外，为完成特定的行政工作任务或事业发展目标而安排的年度支出计划。"),
    ("“三公”经费", "指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。因公出国（境）费用于"
                "工作人员公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等；公务用车"
                "购置及运行费用于按规定购置、更新公务用车以及保留车辆的燃料、维修、过路过桥、保险等；公务接待费用于"
                "按规定开支的各类公务接待（含外宾接待）。"),
)


def glossary_for(profile: Profile) -> tuple[tuple[str, str], ...]:
    """(term, definition) pairs in printing order for the profile's glossary set (a budget's terms
    for a budget profile)."""
    name = profile.glossary if profile.glossary in _OPERATING else "xinjiang"
    if "预算" in profile.match.kinds:
        return _BUDGET + (_OPERATING[name],)
    return _COMMON + (_OPERATING[name],)
