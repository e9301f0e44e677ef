package com.serviceloop.standard;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.ConflictException;
import com.serviceloop.platform.Rows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How much each standard counts in audits and scores. An outlet type splits 100 points between the
 * procedural and the personal side (e.g. 20/80 for a boutique, 90/10 for a courier); within a side
 * the points go by rank, the first standard of n getting n shares, the last one share.
 */
@Service
public class PriorityService {
    public static final int DEFAULT_PROCEDURAL = 50;
    private final JdbcClient jdbc;
    private final StandardRepository standards;

    public PriorityService(JdbcClient jdbc, StandardRepository standards) {
        this.jdbc = jdbc;
        this.standards = standards;
    }

    public Priorities get(String outletType) {
        record Split(int proceduralWeight, int personalWeight, int version) {
        }
        Split split = jdbc.sql("SELECT procedural_weight, personal_weight, version FROM standard_priority WHERE outlet_type = :t")
                .param("t", outletType).query(Rows.of(Split.class)).optional()
                .orElse(new Split(DEFAULT_PROCEDURAL, 100 - DEFAULT_PROCEDURAL, -1));
        List<Standard> active = standards.list(outletType, false).stream()
                .sorted(Comparator.comparingInt(Standard::priorityRank).thenComparingLong(Standard::id)).toList();
        return new Priorities(outletType, split.proceduralWeight(), split.personalWeight(), split.version(),
                weigh(active, Side.PROCEDURAL, split.proceduralWeight()), weigh(active, Side.PERSONAL, split.personalWeight()));
    }

    static List<Priorities.Weighted> weigh(List<Standard> active, Side side, int sidePoints) {
        List<Standard> mine = active.stream().filter(s -> s.side() == side).toList();
        int n = mine.size();
        BigDecimal shares = BigDecimal.valueOf((long) n * (n + 1) / 2);
        List<Priorities.Weighted> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Standard s = mine.get(i);
            BigDecimal w = BigDecimal.valueOf((long) sidePoints * (n - i)).divide(shares, 2, RoundingMode.HALF_UP);
            out.add(new Priorities.Weighted(s.id(), i + 1, s.areaCode(), s.behaviour(), w));
        }
        return out;
    }

    @Transactional
    public Priorities save(String outletType, PriorityForm f) {
        if (f.proceduralWeight() == null || f.proceduralWeight() < 0 || f.proceduralWeight() > 100) {
            throw BadInputException.of("proceduralWeight", "error.standard.proceduralShare");
        }
        Priorities current = get(outletType);
        int version = f.version() == null ? current.version() : f.version();
        if (version != current.version()) {
            throw ConflictException.of("error.standard.prioritiesChanged", outletType);
        }
        if (current.version() < 0) {
            jdbc.sql("INSERT INTO standard_priority (outlet_type, procedural_weight, personal_weight) VALUES (:t, :p, :q)")
                    .param("t", outletType).param("p", f.proceduralWeight()).param("q", 100 - f.proceduralWeight()).update();
        } else if (jdbc.sql("""
                UPDATE standard_priority SET procedural_weight = :p, personal_weight = :q, version = version + 1
                WHERE outlet_type = :t AND version = :v""")
                .param("t", outletType).param("p", f.proceduralWeight()).param("q", 100 - f.proceduralWeight())
                .param("v", version).update() == 0) {
            throw ConflictException.of("error.standard.prioritiesChanged", outletType);
        }
        reorder(f.proceduralOrder(), current.procedural(), "proceduralOrder");
        reorder(f.personalOrder(), current.personal(), "personalOrder");
        return get(outletType);
    }

    /** The new order must name exactly the side's active standards, each once. */
    private void reorder(List<Long> order, List<Priorities.Weighted> side, String field) {
        if (order == null) {
            return;
        }
        Set<Long> expected = new HashSet<>(side.stream().map(Priorities.Weighted::standardId).toList());
        if (order.size() != expected.size() || !expected.equals(new HashSet<>(order))) {
            throw BadInputException.of(field, "error.standard.eachStandardOnce", expected.toString());
        }
        for (int i = 0; i < order.size(); i++) {
            standards.setRank(order.get(i), i + 1);
        }
    }
}
