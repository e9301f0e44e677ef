package com.serviceloop.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An outlet's business calendar; outlets without their own hours get the default opening hours. */
@Repository
public class CalendarRepository {
    private final JdbcClient jdbc;
    private final ZoneId defaultZone;
    private final LocalTime defaultOpens;
    private final LocalTime defaultCloses;

    public CalendarRepository(JdbcClient jdbc,
                              @Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone,
                              @Value("${serviceloop.cases.default-opens:09:00}") String opens,
                              @Value("${serviceloop.cases.default-closes:21:00}") String closes) {
        this.jdbc = jdbc;
        this.defaultZone = ZoneId.of(zone);
        this.defaultOpens = LocalTime.parse(opens);
        this.defaultCloses = LocalTime.parse(closes);
    }

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
}
