package com.serviceloop.platform;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Times on screens, in the business's time zone whatever the server's or the database's zone:
 * {@code ${@display.at(t)}} in a template.
 */
@Component("display")
public class DisplayTime {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private final ZoneId zone;

    public DisplayTime(@Value("${serviceloop.cases.default-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String at(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(zone).format(FULL);
    }

    public String brief(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(zone).format(SHORT);
    }
}
