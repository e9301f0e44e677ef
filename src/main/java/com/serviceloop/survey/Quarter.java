package com.serviceloop.survey;

import com.serviceloop.platform.BadInputException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written {@code 2026-Q2}: the period of the climate results. Whole quarters
 * only, so that nobody can narrow a period down to one colleague's answer by comparing two that
 * overlap.
 */
record Quarter(int year, int quarter) implements Comparable<Quarter> {
    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** A quarter as the API and the page send it; 400 naming {@code field} for anything else. */
    static Quarter parse(String text, String field) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw BadInputException.of(field, "error.climate.quarter", String.valueOf(text));
        }
        int year = Integer.parseInt(m.group(1));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw BadInputException.of(field, "error.climate.quarterYear", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
        return new Quarter(year, Integer.parseInt(m.group(2)));
    }

    static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    /** The first instant of the quarter in the business's time zone. */
    OffsetDateTime start(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toOffsetDateTime();
    }

    Quarter plus(int quarters) {
        int index = year * 4 + quarter - 1 + quarters;
        return new Quarter(Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
    }

    @Override
    public int compareTo(Quarter o) {
        return Integer.compare(year * 4 + quarter, o.year * 4 + o.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
