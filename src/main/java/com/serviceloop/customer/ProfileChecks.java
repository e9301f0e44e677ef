package com.serviceloop.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The arithmetic of the service profile page, kept apart so that it can be checked by hand:
 * shares of the actual customer mix, the rule that compares them with the targeted bands, the
 * customers' score put on the team's 1-5 scale, and the phrase counts of the profile texts.
 */
public final class ProfileChecks {
    /** A targeted band that holds fewer than this share (%) of the customers whose band is known is pointed out. */
    public static final double TARGET_BELOW = 10.0;
    /** A band not targeted that holds more than this share (%) of the customers is pointed out. */
    public static final double UNTARGETED_ABOVE = 25.0;
    /** Team and customers disagree when their scores (both 1-5) are this far apart or more. */
    public static final BigDecimal DISAGREE_AT = BigDecimal.ONE;
    /** Entries in a profile text are separated by Chinese or English commas and semicolons, 、 or new lines. */
    static final Pattern SEPARATORS = Pattern.compile("[,，;；、\\n\\r]+");

    private ProfileChecks() {
    }

    /** A share in per cent with one decimal; 0 when nothing is known. */
    public static double share(long count, long known) {
        return known == 0 ? 0 : BigDecimal.valueOf(count * 100.0 / known).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    public enum FindingKind { TARGET_FEW, UNTARGETED_MANY }

    public record Finding(FindingKind kind, String band, double share) {
    }

    /**
     * Compares the shares (band to per cent, every band listed) with the targeted bands. With no
     * band targeted the profile says nothing for this characteristic, so nothing is pointed out.
     */
    public static List<Finding> findings(Map<String, Double> shares, Set<String> targeted, long known) {
        List<Finding> out = new ArrayList<>();
        if (targeted.isEmpty() || known == 0) {
            return out;
        }
        shares.forEach((band, share) -> {
            if (targeted.contains(band) && share < TARGET_BELOW) {
                out.add(new Finding(FindingKind.TARGET_FEW, band, share));
            } else if (!targeted.contains(band) && share > UNTARGETED_ABOVE) {
                out.add(new Finding(FindingKind.UNTARGETED_MANY, band, share));
            }
        });
        return out;
    }

    /** A mean on a scale from min to max put on 1 to 5, two decimals: 1 + (mean - min) x 4 / (max - min). */
    public static BigDecimal toFive(BigDecimal mean, int min, int max) {
        if (max <= min) {
            return null;
        }
        return BigDecimal.ONE.add(mean.subtract(BigDecimal.valueOf(min)).multiply(BigDecimal.valueOf(4))
                .divide(BigDecimal.valueOf(max - min), 2, RoundingMode.HALF_UP));
    }

    /** True when the two scores (1-5) differ by at least {@link #DISAGREE_AT}; false when customers gave none. */
    public static boolean disagree(int team, BigDecimal customers) {
        return customers != null && BigDecimal.valueOf(team).subtract(customers).abs().compareTo(DISAGREE_AT) >= 0;
    }

    /** The entries of one text: split at the separators, trimmed, blanks dropped, each once. */
    public static Set<String> entries(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        for (String part : SEPARATORS.split(text)) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    public record Phrase(String text, long count) {
    }

    /** Counts entries case-blind (shown as first written); most frequent first, then alphabetically; top n. */
    public static final class PhraseCounter {
        private final Map<String, String> shown = new LinkedHashMap<>();
        private final Map<String, Long> counts = new LinkedHashMap<>();

        public void add(String text) {
            for (String e : entries(text)) {
                String key = e.toLowerCase(Locale.ROOT);
                shown.putIfAbsent(key, e);
                counts.merge(key, 1L, Long::sum);
            }
        }

        public List<Phrase> top(int n) {
            return counts.entrySet().stream()
                    .map(e -> new Phrase(shown.get(e.getKey()), e.getValue()))
                    .sorted(Comparator.comparingLong(Phrase::count).reversed().thenComparing(Phrase::text))
                    .limit(n).toList();
        }
    }
}
