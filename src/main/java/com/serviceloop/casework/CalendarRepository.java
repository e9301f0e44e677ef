package com.serviceloop.casework;

import com.serviceloop.organisation.OrgService;
import com.serviceloop.platform.BadInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An outlet's business calendar; outlets without their own hours get the default opening hours. */
@Repository
class CalendarRepository {
    private final JdbcClient jdbc;
    private final OrgService org;
    private final ZoneId defaultZone;
    private final LocalTime defaultOpens;
    private final LocalTime defaultCloses;

    public CalendarRepository(JdbcClient jdbc, OrgService org,
                              @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone,
                              @Value("${serviceloop.cases.default-opens:09:00}") String opens,
                              @Value("${serviceloop.cases.default-closes:21:00}") String closes) {
        this.jdbc = jdbc;
        this.org = org;
        this.defaultZone = ZoneId.of(zone);
        this.defaultOpens = LocalTime.parse(opens);
        this.defaultCloses = LocalTime.parse(closes);
    }

    @Cacheable("outlet-calendar")
    public BusinessCalendar forOutlet(long outletId) {
        String zoneName = jdbc.sql("SELECT time_zone FROM org_unit WHERE id = :id").param("id", outletId)
                .query(String.class).optional().orElse(null);
        ZoneId zone = zoneName == null ? defaultZone : ZoneId.of(zoneName);
        Map<DayOfWeek, List<BusinessCalendar.Interval>> week = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("SELECT day_of_week, opens, closes FROM outlet_hours WHERE outlet_id = :id ORDER BY day_of_week, opens")
                .param("id", outletId)
                .query((rs, i) -> {
                    week.computeIfAbsent(DayOfWeek.of(rs.getInt(1)), d -> new ArrayList<>())
                            .add(new BusinessCalendar.Interval(rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)));
                    return null;
                }).list();
        var holidays = new HashSet<>(jdbc.sql("SELECT holiday_date FROM outlet_holiday WHERE outlet_id = :id")
                .param("id", outletId).query(LocalDate.class).list());
        if (week.isEmpty()) {
            return BusinessCalendar.daily(zone, defaultOpens, defaultCloses, EnumSet.allOf(DayOfWeek.class), holidays);
        }
        return new BusinessCalendar(zone, week, holidays);
    }

    public record Hours(int dayOfWeek, LocalTime opens, LocalTime closes) {
    }

    public record Settings(String timeZone, List<Hours> hours, List<LocalDate> holidays) {
    }

    static void check(Settings s) {
        if (s.timeZone() != null) {
            try {
                ZoneId.of(s.timeZone());
            } catch (DateTimeException e) {
                throw BadInputException.of("timeZone", "error.casework.timeZone", s.timeZone());
            }
        }
        Map<Integer, List<Hours>> byDay = new TreeMap<>();
        for (Hours h : s.hours()) {
            if (!h.opens().isBefore(h.closes())) {
                throw BadInputException.of("hours", "error.casework.opensAfterCloses", String.valueOf(h.dayOfWeek()),
                        String.valueOf(h.opens()), String.valueOf(h.closes()));
            }
            byDay.computeIfAbsent(h.dayOfWeek(), d -> new ArrayList<>()).add(h);
        }
        for (List<Hours> day : byDay.values()) {
            day.sort(Comparator.comparing(Hours::opens));
            for (int i = 1; i < day.size(); i++) {
                if (day.get(i).opens().isBefore(day.get(i - 1).closes())) {
                    throw BadInputException.of("hours", "error.casework.hoursOverlap",
                            String.valueOf(day.get(i).dayOfWeek()));
                }
            }
        }
    }

    public Settings settings(long outletId) {
        String zone = jdbc.sql("SELECT time_zone FROM org_unit WHERE id = :id").param("id", outletId)
                .query(String.class).optional().orElse(null);
        var hours = jdbc.sql("SELECT day_of_week, opens, closes FROM outlet_hours WHERE outlet_id = :id "
                        + "ORDER BY day_of_week, opens").param("id", outletId)
                .query((rs, i) -> new Hours(rs.getInt(1), rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)))
                .list();
        var holidays = jdbc.sql("SELECT holiday_date FROM outlet_holiday WHERE outlet_id = :id ORDER BY holiday_date")
                .param("id", outletId).query(LocalDate.class).list();
        return new Settings(zone, hours, holidays);
    }

    /**
     * Replaces the outlet's time zone, weekly hours and holidays; empty hours mean the default hours.
     * Refuses (400) an unknown time zone, a day that opens after it closes, and overlapping hours.
     */
    @CacheEvict(cacheNames = "outlet-calendar", key = "#outletId")
    public void save(long outletId, Settings s) {
        check(s);
        org.setTimeZone(outletId, s.timeZone());
        jdbc.sql("DELETE FROM outlet_hours WHERE outlet_id = :id").param("id", outletId).update();
        for (Hours h : s.hours()) {
            jdbc.sql("INSERT INTO outlet_hours (outlet_id, day_of_week, opens, closes) VALUES (:id, :d, :o, :c)")
                    .param("id", outletId).param("d", h.dayOfWeek()).param("o", h.opens()).param("c", h.closes()).update();
        }
        jdbc.sql("DELETE FROM outlet_holiday WHERE outlet_id = :id").param("id", outletId).update();
        for (LocalDate d : new TreeSet<>(s.holidays())) {
            jdbc.sql("INSERT INTO outlet_holiday (outlet_id, holiday_date) VALUES (:id, :d)")
                    .param("id", outletId).param("d", d).update();
        }
    }
}
