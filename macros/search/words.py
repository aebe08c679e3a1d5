"""Words that carry no topic, and the question forms that say what kind of page is wanted.

Both lists travel to the browser inside the index, so the query side has one source.
"""

from __future__ import annotations

# A rep's framing, not the topic: these only break ties between pages (客户说太贵了怎么办).
WEAK = (
    "客户说", "客户", "对方说", "对方", "怎么办", "怎么", "怎样", "怎么样", "如何", "什么", "为什么", "哪些",
    "一下", "应该", "我们", "我该", "该怎么", "他们", "这个", "那个", "一个", "可以", "还是", "哪里", "要不要",
    "能不能", "是不是", "有没有", "需要", "时候", "销售", "我要", "想要", "还能", "一些", "呢",
    "知道", "不知道", "已经", "到底", "还想", "然后", "现在", "真的", "就是", "这样", "对不对", "一般", "其实",
    "可能", "觉得", "比较", "还要", "还是说", "怎么弄", "有啥", "啥", "干嘛", "这种", "那种", "他们的", "我们的",
    "怎么说", "说什么", "怎么回", "怎么回复", "怎么讲", "是什么", "什么叫", "什么是", "啥意思", "什么意思",
    "怎么填", "怎么写", "几次", "多久", "多少", "几天", "几个", "多长时间", "要多久", "做什么", "干什么",
    "是啥", "啥叫", "干嘛的", "是干嘛的", "指的是",
    # How often it happens is the rep's complaint, not the topic (客户总是压价).
    "总是", "老是", "一直", "经常", "总被",
    # Question forms that ask for words to say (the script intent below): framing too.
    "怎么接", "怎么谈",
    # Getting to something: what is found is the topic (怎么找到决策人 → 决策人).
    "找到",
    # When in the meeting it happens frames the question (见完客户记录怎么写 → the record).
    "见完", "见了面",
)  # fmt: skip

# The form of a question → the kind of page that answers it. ``end`` cues count only at
# the end of the query (报价表, but not 表现); ``text`` cues anywhere in it, but unlike ``cues``
# they are not words the segmenter keeps whole (的案例 stays 的 + 案例).
INTENTS = (
    {"kind": "script", "cues": ["怎么说", "说什么", "怎么回", "怎么回复", "怎么讲", "怎么开口", "话术", "怎么答",
                                "怎么接", "怎么谈"]},
    {"kind": "term", "cues": ["是什么", "什么叫", "什么是", "啥意思", "什么意思", "指什么", "定义", "是啥", "啥叫",
                              "干嘛的"]},
    {"kind": "template", "cues": ["模板", "表格", "表单", "怎么填", "怎么写", "范本"], "end": ["表", "书", "函"]},
    {"kind": "checklist", "cues": ["清单", "检查", "核对", "自查"]},
    {"kind": "number", "cues": ["几次", "多久", "多少", "几天", "几个", "多长时间", "几轮", "几步", "几成"]},
    # A case to discuss (有没有…涨价的案例); not 参考案例 / 成功案例 / 案例客户, which name other things.
    {"kind": "case", "cues": ["案例讨论", "案例分析", "案例研讨"], "text": ["的案例", "个案例"]},
)  # fmt: skip


def cue_words() -> list[str]:
    """Every cue of two or more characters: the segmenter keeps them whole."""
    return [cue for intent in INTENTS for cue in intent["cues"] if len(cue) >= 2]
