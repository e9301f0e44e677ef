package com.serviceloop.standard;

import com.serviceloop.standard.Finding.Quality;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Advice on a standard as it is written: a good standard is clear, concise, observable and
 * realistic, and says something no other standard says. The checker only advises; saving is allowed.
 * It reads English and Chinese.
 */
final class QualityChecker {
    static final int MAX_LATIN = 150;
    static final int MAX_CJK = 60;
    static final double DUPLICATE_SIMILARITY = 0.7;

    private static final List<String> VAGUE_EN = List.of("as soon as possible", "asap", "quickly", "promptly",
            "friendly", "nice", "good", "properly", "appropriate", "appropriately", "politely", "courteously",
            "warmly", "efficiently", "timely", "excellent", "great", "soon", "fast", "helpful", "satisfactory",
            "adequate", "adequately", "patiently", "attentively");
    private static final List<String> VAGUE_ZH = List.of("尽快", "及时", "热情", "良好", "适当", "友好", "周到", "迅速",
            "马上", "满意", "优质", "很好", "礼貌", "耐心", "认真", "积极", "尽量");
    private static final List<String> VERBS_EN = List.of("greet", "answer", "return", "call", "reply", "respond",
            "offer", "ask", "explain", "hand", "give", "confirm", "record", "log", "escort", "thank", "smile", "say",
            "show", "check", "clean", "restock", "refund", "replace", "deliver", "pick", "serve", "open", "close",
            "wear", "label", "count", "acknowledge", "apologise", "apologize", "introduce", "recommend",
            "demonstrate", "follow", "repeat", "listen", "stand", "look", "make", "write", "send", "notify",
            "inform", "update", "measure", "test", "verify", "issue", "process", "collect", "resolve", "escalate",
            "visit", "phone", "email", "text", "walk", "tell", "name", "use", "keep", "put", "fill", "sign", "print",
            "book", "schedule", "invite", "approach", "accompany", "pack", "wrap", "scan", "seat", "remove", "tidy",
            "bring", "prepare", "finish", "staff", "state", "assign", "refill", "load", "take", "complete", "fetch",
            "carry", "weigh", "upload", "photograph", "escort", "remind", "answer", "apologise");
    private static final List<String> VERBS_ZH = List.of("问候", "招呼", "回答", "回复", "回电", "致电", "提供", "询问",
            "解释", "说明", "递", "确认", "记录", "登记", "陪同", "引导", "致谢", "感谢", "微笑", "说", "展示", "检查",
            "清洁", "补货", "退款", "更换", "送", "取", "接待", "佩戴", "穿", "标注", "清点", "道歉", "介绍", "推荐",
            "演示", "复述", "倾听", "站", "目送", "通知", "告知", "核对", "处理", "上报", "回访", "交付", "开具", "发放",
            "迎接", "应答", "接听", "答复", "整理", "擦拭", "双手", "称呼", "叮嘱", "提醒", "打包", "扫码", "上门", "派送",
            "扫描", "称重", "上传", "更新", "发送", "邀请", "写明", "完成", "送达", "重做", "装载", "配备", "录入", "拍照",
            "签收", "填写", "上菜", "添水", "结账", "办理", "安排", "讲解", "交给", "递交", "征得", "值守");
    private static final List<String> TIME_WORDS = List.of("second", "minute", "hour", "day", "week", "ring", "秒", "分钟", "响",
            "小时", "天", "日内", "工作日");
    private static final Pattern DIGIT = Pattern.compile("\\d|[一二三四五六七八九十两百千]");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** An existing standard to compare against for duplicates. */
    public record Existing(long id, String behaviour) {
    }

    private QualityChecker() {
    }

    public static List<Finding> check(StandardForm f, List<Existing> others) {
        List<Finding> out = new ArrayList<>();
        String behaviour = f.behaviour() == null ? "" : f.behaviour().strip();
        String lower = behaviour.toLowerCase(Locale.ROOT);
        boolean hasNumber = DIGIT.matcher(behaviour).find();
        boolean cjk = CJK.matcher(behaviour).find();

        if (!hasNumber) {
            vagueWord(lower).ifPresent(w -> out.add(finding("VAGUE_WORD", Quality.CLEAR, "behaviour", w)));
        }
        if (!behaviour.isEmpty() && !hasActionVerb(lower)) {
            out.add(finding("NO_ACTION_VERB", Quality.OBSERVABLE, "behaviour"));
        }
        int limit = cjk ? MAX_CJK : MAX_LATIN;
        if (behaviour.length() > limit) {
            out.add(finding("TOO_LONG", Quality.CONCISE, "behaviour", behaviour.length(), limit));
        }
        if (joins(lower) >= 2) {
            out.add(finding("SEVERAL_BEHAVIOURS", Quality.CONCISE, "behaviour"));
        }
        if (f.kind() == Kind.HARD) {
            if (!hasNumber && f.targetValue() == null) {
                out.add(finding("HARD_WITHOUT_NUMBER", Quality.OBSERVABLE, "targetValue"));
            }
            if (f.targetRate() == null) {
                out.add(finding("HARD_WITHOUT_RATE", Quality.OBSERVABLE, "targetRate"));
            } else if (f.targetRate().compareTo(BigDecimal.valueOf(100)) == 0) {
                out.add(finding("HARD_FULL_RATE", Quality.REALISTIC, "targetRate"));
            }
        } else if (f.kind() == Kind.SOFT) {
            if (f.targetRate() != null && f.targetRate().compareTo(BigDecimal.valueOf(100)) == 0) {
                out.add(finding("SOFT_FULL_RATE", Quality.REALISTIC, "targetRate"));
            }
            if (f.measure() == null || f.measure().isBlank()) {
                out.add(finding("SOFT_WITHOUT_MEASURE", Quality.OBSERVABLE, "measure"));
            }
        }
        if (f.targetValue() != null && f.targetUnit() == null) {
            out.add(finding("VALUE_WITHOUT_UNIT", Quality.CLEAR, "targetUnit"));
        }
        if ("TIMELINESS".equals(f.areaCode()) && (f.targetUnit() == null || !f.targetUnit().isTime())
                && TIME_WORDS.stream().noneMatch(lower::contains)) {
            out.add(finding("TIMELINESS_WITHOUT_TIME", Quality.OBSERVABLE, "targetUnit"));
        }
        Set<String> mine = tokens(behaviour);
        for (Existing other : others) {
            if (!mine.isEmpty() && similarity(mine, tokens(other.behaviour())) >= DUPLICATE_SIMILARITY) {
                out.add(finding("DUPLICATE", Quality.UNIQUE, "behaviour", other.id(), other.behaviour()));
                break;
            }
        }
        return out;
    }

    private static Optional<String> vagueWord(String lower) {
        for (String w : VAGUE_ZH) {
            if (lower.contains(w)) {
                return Optional.of(w);
            }
        }
        Set<String> words = new HashSet<>(WORD.matcher(lower).results().map(m -> m.group()).toList());
        for (String w : VAGUE_EN) {
            if (w.contains(" ") ? lower.contains(w) : words.contains(w)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    private static boolean hasActionVerb(String lower) {
        if (VERBS_ZH.stream().anyMatch(lower::contains)) {
            return true;
        }
        return WORD.matcher(lower).results().map(m -> m.group())
                .anyMatch(word -> VERBS_EN.stream().anyMatch(v -> word.equals(v) || (word.startsWith(v)
                        && List.of("s", "es", "ed", "d", "ing", "ies").contains(word.substring(v.length())))));
    }

    private static int joins(String lower) {
        int n = 0;
        for (String j : List.of(" and ", ";", "；", "并且", "同时", "以及")) {
            int i = lower.indexOf(j);
            while (i >= 0) {
                n++;
                i = lower.indexOf(j, i + j.length());
            }
        }
        return n;
    }

    /** Latin words, plus character pairs for Chinese (which has no spaces between words). */
    static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        WORD.matcher(lower.replaceAll("\\p{IsHan}", " ")).results().map(m -> m.group()).forEach(tokens::add);
        String han = lower.replaceAll("[^\\p{IsHan}]", "");
        for (int i = 0; i + 1 < han.length(); i++) {
            tokens.add(han.substring(i, i + 2));
        }
        return tokens;
    }

    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / (a.size() + b.size() - both.size());
    }

    private static Finding finding(String code, Quality q, String field, Object... args) {
        return new Finding(code, q, field, List.of(args), null);
    }
}
