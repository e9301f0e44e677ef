package com.serviceloop.staff;

import com.serviceloop.platform.BadInputException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A month as a query sends it ("2026-10"), refused by field name when it is not one or lies far out. */
final class StarMonths {
    static final YearMonth FIRST = YearMonth.of(2000, 1);

    private StarMonths() {
    }

    static YearMonth parse(String field, String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            YearMonth m = YearMonth.parse(value.strip());
            if (m.isBefore(FIRST) || m.getYear() > 2200) {
                throw BadInputException.of(field, "error.staff.monthRange", value.strip());
            }
            return m;
        } catch (DateTimeParseException e) {
            throw BadInputException.of(field, "error.staff.monthForm", clip(value));
        }
    }

    /** How many months back a trend reaches: 1 to 60. */
    static int span(String field, int months) {
        if (months < 1 || months > 60) {
            throw BadInputException.of(field, "error.staff.monthSpan", String.valueOf(months));
        }
        return months;
    }

    private static String clip(String value) {
        String s = value.replaceAll("\\p{Cntrl}", "");
        return s.length() > 20 ? s.substring(0, 20) : s;
    }
}
