package com.serviceloop.audit;

import com.serviceloop.standard.TargetUnit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The audit arithmetic, in one place so README's worked example and the tests read the same rules:
 * item score MET 1 / NOT_MET 0, SCALE n/4, MEASURED 1 when the target is kept else 0; N/A items leave
 * the score; a section is the weighted mean of its scored items, the audit the weighted mean of its
 * scored sections; a critical item missed fails the audit whatever the score.
 */
public final class Scoring {
    /** An item scoring below this is a miss: NOT_MET, a target not kept, or 0 or 1 on the 0–4 scale. */
    public static final double MISS_BELOW = 0.5;

    private Scoring() {
    }

    /** What one answer is worth, 0 to 1; null when it is N/A or the item is not scored. */
    static Double itemScore(FormItem item, boolean notApplicable, String choice, Integer scale, BigDecimal measured) {
        if (notApplicable || !item.answerType().scored()) {
            return null;
        }
        return switch (item.answerType()) {
            case MET -> "MET".equals(choice) ? 1.0 : 0.0;
            case SCALE -> scale / 4.0;
            case MEASURED -> keeps(item.targetUnit(), item.targetValue(), measured) ? 1.0 : 0.0;
            default -> null;
        };
    }

    /**
     * Times are ceilings (greeted within 30 s: 25 s keeps it, 31 s does not); counts, percentages and
     * scores are floors (at least 1 pharmacist at the counter, the dose on 100 % of boxes).
     */
    static boolean keeps(TargetUnit unit, BigDecimal target, BigDecimal measured) {
        int c = measured.compareTo(target);
        return unit.isTime() ? c <= 0 : c >= 0;
    }

    /** The answers by item id; items without an entry are unanswered. */
    static Scorecard score(FormVersion form, Map<Long, Scorecard.Item> answers, double passMark) {
        List<Scorecard.Section> sections = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        List<Scorecard.Item> all = new ArrayList<>();
        for (FormSection s : form.sections()) {
            double sum = 0;
            double w = 0;
            List<Scorecard.Item> items = new ArrayList<>();
            for (FormItem i : s.items()) {
                Scorecard.Item a = answers.getOrDefault(i.id(), new Scorecard.Item(i.id(), i.text(), s.areaCode(),
                        i.standardId(), i.standardVersionId(), i.answerType(), i.critical(), false, false, null));
                items.add(a);
                if (a.score() != null) {
                    sum += i.weight().doubleValue() * a.score();
                    w += i.weight().doubleValue();
                }
            }
            Double score = w > 0 ? sum / w : null;
            if (score != null && s.weight().signum() > 0) {
                weighted += s.weight().doubleValue() * score;
                weights += s.weight().doubleValue();
            }
            all.addAll(items);
            sections.add(new Scorecard.Section(s.id(), s.areaCode(), s.areaNameEn(), s.areaNameZh(),
                    s.weight().doubleValue(), score, items));
        }
        Double overall = weights > 0 ? weighted / weights : null;
        List<Scorecard.Item> critical = all.stream().filter(i -> i.critical() && i.missed()).toList();
        String result = overall == null ? null : critical.isEmpty() && overall >= passMark ? "PASSED" : "FAILED";
        List<Scorecard.Item> well = all.stream().filter(i -> i.score() != null && !i.missed())
                .sorted(Comparator.comparing(Scorecard.Item::score).reversed()).toList();
        List<Scorecard.Item> improve = all.stream().filter(Scorecard.Item::missed)
                .sorted(Comparator.comparing((Scorecard.Item i) -> !i.critical()).thenComparing(Scorecard.Item::score))
                .toList();
        return new Scorecard(overall, result, sections, well, improve, critical);
    }
}
