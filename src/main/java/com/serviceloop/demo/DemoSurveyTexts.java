package com.serviceloop.demo;

import java.util.Random;

/** What the demo chain's customers write in the free-text boxes, by how the visit went. */
final class DemoSurveyTexts {
    static final String[] PRAISE = {"药师讲得很细，还把用法写在了药盒上", "店里干净明亮，药品摆放一目了然", "会员积分当场就到账了",
        "帮我查了哪些药能走医保，省了不少钱", "晚上快十点还开着门，孩子发烧救了急", "店员主动提醒我这个药要饭后吃",
        "可以拆零买，不用一次买一整盒", "门口的休息椅对老人很方便", "药师记得我上次买过什么药，很贴心", "找不到的药帮我从别的店调了过来",
        "态度好，说话有耐心", "买完药还教我怎么用血压计"};
    static final String[] NEUTRAL = {"总体还行，价格可以再实惠些", "药挺全的，就是店面有点小", "服务正常，没什么特别的",
        "希望能在网上先查一下有没有货", "停车不太方便"};
    static final String[] COMPLAINT = {"要买的降压药又没货了", "店员在聊天，叫了两遍才过来", "价签和结账的价格对不上",
        "问了两个人才找到药师", "找零时少找了钱，说了才补上", "推销保健品太积极了，有点烦"};
    static final String[] QUEUE = {"中午人太多，排队排了十几分钟", "收银只开了一个窗口，队伍排到了门口",
        "取个处方药等了二十分钟", "午休时间根本来不及买药，排队太久", "高峰期应该多开一个收银台"};
    static final String[] BETTER = {"最近服务明显比以前好了", "换了新店长以后，排队少多了", "店面重新整理过，比以前整齐",
        "现在药师会主动过来问需要什么"};
    /** The few very unhappy answers of the last days, each bad enough to become a case. */
    static final String[] ANGRY = {"处方药说好今天到货，白跑了两趟", "问药师副作用，被不耐烦地打发了",
        "结账多收了钱，店员还不承认", "孩子发烧来买退烧药，店员只顾着整理货架不理人"};
    static final String[] ANGRY_QUEUE = {"排了二十五分钟才结上账，只有一个人在收银，太耽误事了",
        "午休时间排队太久，最后没买就走了", "前面就三个人，却等了快二十分钟，药师一直在接电话"};
    static final String[] REASONS_HIGH = {"离家近，药也全", "药师专业，说得明白", "服务周到，会员活动多", "营业时间长，随时能买到药"};
    static final String[] REASONS_MID = {"还可以，价格偏高一点", "服务一般，没什么印象深的", "药挺全，就是人多的时候要等"};
    static final String[] REASONS_LOW = {"排队太久了", "经常缺货", "店员态度冷淡"};
    static final String[] NAMED = {"王药师", "李姐", "小陈", "张药师", "刘店长", "小周"};

    private DemoSurveyTexts() {
    }

    static String pick(Random rnd, String[] texts) {
        return texts[rnd.nextInt(texts.length)];
    }
}
