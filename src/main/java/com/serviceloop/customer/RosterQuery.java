package com.serviceloop.customer;

import com.serviceloop.platform.BadInputException;
import com.serviceloop.platform.PageRequest;
import java.util.Arrays;
import java.util.Locale;

/**
 * A roster request, checked: an unknown group or order, or a page out of range, is refused naming
 * the parameter instead of being quietly replaced.
 *
 * @param group null for every roster group
 */
public record RosterQuery(RosterGroup group, Sort sort, PageRequest page) {

    /** The orders the roster offers, each backed by an index on customer_stats. */
    public enum Sort {
        VALUE("value", "s.customer_value DESC, s.customer_id"),
        LAST_VISIT("lastVisit", "s.last_visit_at DESC NULLS LAST, s.customer_id"),
        VISITS("visits", "s.visits_365 DESC, s.customer_id");

        private final String param;
        final String orderBy;

        Sort(String param, String orderBy) {
            this.param = param;
            this.orderBy = orderBy;
        }

        public String param() {
            return param;
        }
    }

    public static RosterQuery parse(String group, String sort, Integer page, Integer size) {
        return new RosterQuery(group(group), sort(sort), page(page, size));
    }

    static RosterGroup group(String group) {
        if (group == null || group.isBlank()) {
            return null;
        }
        String name = group.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(RosterGroup.values()).filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> BadInputException.of("group", "error.customer.badGroup",
                        Arrays.toString(RosterGroup.values())));
    }

    static Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.VALUE;
        }
        return Arrays.stream(Sort.values()).filter(s -> s.param.equals(sort.strip())).findFirst()
                .orElseThrow(() -> BadInputException.of("sort", "error.customer.badSort", "value, lastVisit, visits"));
    }

    static PageRequest page(Integer page, Integer size) {
        if (page != null && (page < 0 || page > 1_000_000)) {
            throw BadInputException.of("page", "error.customer.badPage", "0", "1000000");
        }
        if (size != null && (size < 1 || size > PageRequest.MAX_SIZE)) {
            throw BadInputException.of("size", "error.customer.badSize", "1", String.valueOf(PageRequest.MAX_SIZE));
        }
        return PageRequest.of(page, size);
    }
}
