package com.serviceloop.staff;

import com.serviceloop.platform.AppSettings;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The chain's staff-feedback settings, kept under "staff." in the platform settings: whether
 * colleagues (not only managers) may write recognition notes, whether the boards hide other
 * people's names from staff, and how many events a figure needs before it is ranked.
 */
@Service
public class StaffSettings {
    static final int DEFAULT_MIN_EVENTS = 20;
    private static final String PREFIX = "staff.";
    private final AppSettings settings;

    StaffSettings(AppSettings settings) {
        this.settings = settings;
    }

    /** The settings as they stand. */
    public record Values(boolean colleaguesMayWrite, boolean hideNames, int minEvents) {
    }

    public Values current() {
        Map<String, String> s = settings.under(PREFIX);
        return new Values(Boolean.parseBoolean(s.getOrDefault("colleaguesMayWrite", "false")),
                Boolean.parseBoolean(s.getOrDefault("hideNames", "false")),
                parse(s.get("minEvents")));
    }

    private static int parse(String value) {
        try {
            return value == null ? DEFAULT_MIN_EVENTS : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return DEFAULT_MIN_EVENTS;
        }
    }

    /** Changes the settings given; a field left out keeps its value. */
    public Values update(StaffSettingsForm f) {
        if (f.colleaguesMayWrite() != null) {
            settings.put(PREFIX + "colleaguesMayWrite", f.colleaguesMayWrite().toString());
        }
        if (f.hideNames() != null) {
            settings.put(PREFIX + "hideNames", f.hideNames().toString());
        }
        if (f.minEvents() != null) {
            settings.put(PREFIX + "minEvents", f.minEvents().toString());
        }
        return current();
    }
}
