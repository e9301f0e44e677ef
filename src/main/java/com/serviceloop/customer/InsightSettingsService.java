package com.serviceloop.customer;

import com.serviceloop.platform.BadInputException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class InsightSettingsService {
    private static final String PREFIX = "insight.";
    private final JdbcClient jdbc;

    public InsightSettingsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public InsightSettings current() {
        Map<String, String> m = jdbc.sql("SELECT setting_key, setting_value FROM app_setting WHERE setting_key LIKE 'insight.%'")
                .query((rs, i) -> Map.entry(rs.getString(1).substring(PREFIX.length()), rs.getString(2))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        InsightSettings d = InsightSettings.DEFAULTS;
        return new InsightSettings(
                intOr(m, "heavyMinVisits", d.heavyMinVisits()), intOr(m, "mediumMinVisits", d.mediumMinVisits()),
                intOr(m, "lightMinVisits", d.lightMinVisits()), decOr(m, "expectedYears", d.expectedYears()),
                decOr(m, "wordOfMouthMultiplier", d.wordOfMouthMultiplier()),
                intOr(m, "promoterMinScore", d.promoterMinScore()));
    }

    @Transactional
    public InsightSettings save(InsightSettings s) {
        String bad = s.inconsistentField();
        if (bad != null) {
            throw new BadInputException(bad, "Tier thresholds must fall: heavy > medium > light");
        }
        put("heavyMinVisits", s.heavyMinVisits());
        put("mediumMinVisits", s.mediumMinVisits());
        put("lightMinVisits", s.lightMinVisits());
        put("expectedYears", s.expectedYears().toPlainString());
        put("wordOfMouthMultiplier", s.wordOfMouthMultiplier().toPlainString());
        put("promoterMinScore", s.promoterMinScore());
        return current();
    }

    private void put(String key, Object value) {
        int n = jdbc.sql("UPDATE app_setting SET setting_value = :v WHERE setting_key = :k")
                .param("v", value.toString()).param("k", PREFIX + key).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO app_setting (setting_key, setting_value) VALUES (:k, :v)")
                    .param("v", value.toString()).param("k", PREFIX + key).update();
        }
    }

    private static int intOr(Map<String, String> m, String k, int d) {
        return m.containsKey(k) ? Integer.parseInt(m.get(k)) : d;
    }

    private static BigDecimal decOr(Map<String, String> m, String k, BigDecimal d) {
        return m.containsKey(k) ? new BigDecimal(m.get(k)) : d;
    }
}
