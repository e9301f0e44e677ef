package com.serviceloop.staff;

import com.serviceloop.platform.BadInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The grading rule. An outlet earns a star level when it meets every threshold of that level and
 * of every level below it; its grade is the highest level so earned (0: not even one star). For
 * each level above the grade, each threshold it did not meet is a reason (a missing figure meets none).
 */
final class StarGrading {
    private StarGrading() {
    }

    /** A threshold not met: at which level, which indicator, the outlet's figure and the threshold. */
    record Miss(int stars, StarGradeIndicator indicator, BigDecimal figure, BigDecimal threshold) {
    }

    record Result(int stars, List<Miss> misses) {
    }

    static Result grade(List<StarGradeRule> rules, StarGradeFigures f) {
        List<StarGradeRule> levels = rules.stream().sorted(Comparator.comparingInt(StarGradeRule::stars)).toList();
        int grade = 0;
        boolean earning = true;
        List<Miss> misses = new ArrayList<>();
        for (StarGradeRule level : levels) {
            List<Miss> missed = new ArrayList<>();
            for (StarGradeIndicator i : StarGradeIndicator.values()) {
                BigDecimal t = level.threshold(i);
                if (t != null && !i.meets(f.figure(i), t)) {
                    missed.add(new Miss(level.stars(), i, f.figure(i), t));
                }
            }
            if (earning && missed.isEmpty()) {
                grade = level.stars();
            } else {
                earning = false;
                misses.addAll(missed);
            }
        }
        return new Result(grade, misses);
    }

    /**
     * Refuses levels where a higher star asks less than a lower one on some indicator, naming the
     * field of the level that was changed ({@code changed} 0: all were, as levels[i].field).
     */
    static void checkOrder(List<StarGradeRule> rules, int changed) {
        List<StarGradeRule> levels = rules.stream().sorted(Comparator.comparingInt(StarGradeRule::stars)).toList();
        for (int n = 1; n < levels.size(); n++) {
            StarGradeRule lower = levels.get(n - 1);
            StarGradeRule higher = levels.get(n);
            for (StarGradeIndicator i : StarGradeIndicator.values()) {
                if (!i.atLeastAsStrict(higher.threshold(i), lower.threshold(i))) {
                    // named after the level that was changed; when all were, after the higher one
                    StarGradeRule named = changed == lower.stars() ? lower : higher;
                    StarGradeRule other = named == higher ? lower : higher;
                    String field = (changed == 0 ? "levels[" + (named.stars() - 1) + "]." : "") + i.field();
                    throw BadInputException.of(field, i.atLeast() ? "error.staff.starLooserFloor"
                                    : "error.staff.starLooserCeiling", String.valueOf(named.stars()),
                            String.valueOf(other.stars()), plain(other.threshold(i)));
                }
            }
        }
    }

    private static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}
