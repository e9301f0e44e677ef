package com.serviceloop.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** The map as a radar: one axis per principle (0–5), the leader's own scores and the others' means as two series. */
final class LeadershipChart {
    private LeadershipChart() {
    }

    static Map<String, Object> of(LeadershipResult result, MessageSource messages, Locale locale) {
        List<Map<String, Object>> axes = new ArrayList<>();
        List<Object> self = new ArrayList<>();
        List<Object> others = new ArrayList<>();
        for (LeadershipResult.PrincipleResult p : result.principles()) {
            axes.add(Map.of("name", p.name(), "min", 0, "max", 5));
            self.add(p.self());
            others.add(p.others());
        }
        List<Map<String, Object>> series = new ArrayList<>();
        if (result.selfRated()) {
            series.add(Map.of("name", messages.getMessage("leadership.map.self", null, locale), "value", self));
        }
        series.add(Map.of("name", messages.getMessage("leadership.map.others", new Object[] {result.counted()}, locale),
                "value", others));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("indicators", axes);
        chart.put("series", series);
        return chart;
    }
}
