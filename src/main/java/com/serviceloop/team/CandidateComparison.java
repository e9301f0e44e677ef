package com.serviceloop.team;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The arithmetic of {@link Comparison}, apart from the database so that it can be checked by hand. */
final class CandidateComparison {
    private CandidateComparison() {
    }

    /**
     * Area mean = sum of the interviewers' scores in the area / number of them; overall = sum of the
     * area means / number of areas scored; both to two decimals, half up. Areas come in the given
     * order, then any other area a score names.
     */
    static Comparison of(long jobId, List<String> areaOrder, List<Candidate> candidates,
                         List<SelectionRepository.Score> scores) {
        Set<String> areas = new LinkedHashSet<>(areaOrder);
        scores.forEach(s -> areas.add(s.areaCode()));
        Map<Long, List<SelectionRepository.Score>> byCandidate = scores.stream()
                .collect(Collectors.groupingBy(SelectionRepository.Score::candidateId));
        List<Comparison.CandidateRow> rows = new ArrayList<>();
        for (Candidate c : candidates) {
            List<SelectionRepository.Score> own = byCandidate.getOrDefault(c.id(), List.of());
            Map<String, BigDecimal> means = new LinkedHashMap<>();
            for (String area : areas) {
                List<Integer> values = own.stream().filter(s -> s.areaCode().equals(area))
                        .map(SelectionRepository.Score::score).toList();
                if (!values.isEmpty()) {
                    means.put(area, mean(values.stream().map(BigDecimal::valueOf).toList()));
                }
            }
            int interviewers = (int) own.stream().map(SelectionRepository.Score::interviewerId).distinct().count();
            rows.add(new Comparison.CandidateRow(c.id(), c.name(), c.status(), interviewers, means,
                    means.isEmpty() ? null : mean(List.copyOf(means.values()))));
        }
        return new Comparison(jobId, List.copyOf(areas), rows);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }
}
