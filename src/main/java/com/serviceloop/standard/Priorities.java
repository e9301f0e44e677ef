package com.serviceloop.standard;

import java.math.BigDecimal;
import java.util.List;

/** The weight split of an outlet type and the resulting weight of each active standard. */
public record Priorities(String outletType, int proceduralWeight, int personalWeight, int version,
                         List<Weighted> procedural, List<Weighted> personal) {

    public record Weighted(long standardId, int rank, String areaCode, String behaviour, BigDecimal weight) {
    }
}
