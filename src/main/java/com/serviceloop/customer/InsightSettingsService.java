package com.serviceloop.customer;

import com.serviceloop.platform.AppSettings;
import com.serviceloop.platform.BadInputException;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class InsightSettingsService {
    private static final String PREFIX = "insight.";
    private final AppSettings settings;

    public InsightSettingsService(AppSettings settings) {
        this.settings = settings;
    }

    public InsightSettings current() {
        Map<String, String> m = settings.under(PREFIX);
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
            throw BadInputException.of(bad, "error.customer.tiersFall");
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
        settings.put(PREFIX + key, value.toString());
    }

    private static int intOr(Map<String, String> m, String k, int d) {
        return m.containsKey(k) ? Integer.parseInt(m.get(k)) : d;
    }

    private static BigDecimal decOr(Map<String, String> m, String k, BigDecimal d) {
        return m.containsKey(k) ? new BigDecimal(m.get(k)) : d;
    }
}
