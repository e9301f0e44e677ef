package com.serviceloop.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The gap rule: a standard of a person's job is covered when the person has passed a programme that
 * teaches it (one session of it with attended, knowledge check and skill check all yes); the job's
 * standards in force that are not covered are what the person still lacks. Retired standards no
 * longer count.
 */
final class GapRule {
    private static final long ABOVE_OUTLETS = -1;

    private GapRule() {
    }

    /** A person holding a job, with where they work. */
    record Holder(long personId, String displayName, long jobId, String jobName, Long outletId, String outletName) {
    }

    /**
     * @param jobStandards per person, their job's standards in the job's order
     * @param covered per person, the standards taught by the programmes they passed
     */
    static List<TrainingGaps.PersonGap> people(List<Holder> holders, Map<Long, List<Long>> jobStandards,
                                               Map<Long, Set<Long>> covered, Predicate<Long> inForce) {
        List<TrainingGaps.PersonGap> out = new ArrayList<>();
        for (Holder h : holders) {
            List<Long> needed = jobStandards.getOrDefault(h.personId(), List.of()).stream().filter(inForce).toList();
            Set<Long> passed = covered.getOrDefault(h.personId(), Set.of());
            List<Long> missing = needed.stream().filter(s -> !passed.contains(s)).toList();
            out.add(new TrainingGaps.PersonGap(h.personId(), h.displayName(), h.jobId(), h.jobName(), h.outletId(),
                    h.outletName(), needed.size(), needed.size() - missing.size(), missing));
        }
        return out;
    }

    /** Per outlet, in the order the people come: how many hold a job and how many of them have a gap. */
    static TrainingGaps summary(List<TrainingGaps.PersonGap> people) {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        // an outlet id of null (people above the outlets) is a key of its own
        for (TrainingGaps.PersonGap p : people) {
            long key = p.outletId() == null ? ABOVE_OUTLETS : p.outletId();
            int[] c = counts.computeIfAbsent(key, k -> new int[2]);
            c[0]++;
            c[1] += p.hasGap() ? 1 : 0;
            names.put(key, p.outletName());
        }
        List<TrainingGaps.OutletRow> rows = new ArrayList<>();
        counts.forEach((key, c) -> rows.add(new TrainingGaps.OutletRow(key == ABOVE_OUTLETS ? null : key, names.get(key), c[0], c[1])));
        int withGaps = (int) people.stream().filter(TrainingGaps.PersonGap::hasGap).count();
        return new TrainingGaps(people.size(), withGaps, rows, List.copyOf(people));
    }
}
