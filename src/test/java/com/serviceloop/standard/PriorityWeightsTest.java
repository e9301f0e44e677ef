package com.serviceloop.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriorityWeightsTest {

    private static Standard standard(long id, Side side, int rank) {
        return new Standard(id, "pharmacy", side == Side.PROCEDURAL ? "TIMELINESS" : "ATTITUDE", side, rank,
                Standard.Status.ACTIVE, id, 1, "Behaviour " + id, Kind.HARD, null, null, null, null, null, null, null,
                null, 0);
    }

    @Test
    void pointsGoByRankWithinEachSide() {
        // 20/80 split; procedural has 2 standards (shares 2:1), personal 4 (shares 4:3:2:1)
        var active = List.of(standard(1, Side.PROCEDURAL, 1), standard(2, Side.PROCEDURAL, 2),
                standard(3, Side.PERSONAL, 1), standard(4, Side.PERSONAL, 2), standard(5, Side.PERSONAL, 3),
                standard(6, Side.PERSONAL, 4));
        var procedural = PriorityService.weigh(active, Side.PROCEDURAL, 20);
        var personal = PriorityService.weigh(active, Side.PERSONAL, 80);
        assertThat(procedural).extracting(Priorities.Weighted::weight).containsExactly(new BigDecimal("13.33"),
                new BigDecimal("6.67"));
        assertThat(personal).extracting(Priorities.Weighted::weight).containsExactly(new BigDecimal("32.00"),
                new BigDecimal("24.00"), new BigDecimal("16.00"), new BigDecimal("8.00"));
        assertThat(personal).extracting(Priorities.Weighted::rank).containsExactly(1, 2, 3, 4);
    }

    @Test
    void anEmptySideHasNoWeights() {
        assertThat(PriorityService.weigh(List.of(standard(1, Side.PROCEDURAL, 1)), Side.PERSONAL, 50)).isEmpty();
    }
}
