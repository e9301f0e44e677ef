package com.serviceloop.platform;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Chain-wide key-value settings (table app_setting). Each module keeps its keys under a prefix of
 * its own ("insight.", "demo.") and reads and writes them only through this class.
 */
@Service
public class AppSettings {
    private final JdbcClient jdbc;

    public AppSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The settings whose key starts with the prefix, keyed by the rest of the key. */
    public Map<String, String> under(String prefix) {
        return jdbc.sql("SELECT setting_key, setting_value FROM app_setting WHERE setting_key LIKE :p")
                .param("p", prefix.replace("%", "\\%").replace("_", "\\_") + "%")
                .query((rs, i) -> Map.entry(rs.getString(1).substring(prefix.length()), rs.getString(2))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void put(String key, String value) {
        int n = jdbc.sql("UPDATE app_setting SET setting_value = :v WHERE setting_key = :k")
                .param("v", value).param("k", key).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO app_setting (setting_key, setting_value) VALUES (:k, :v)")
                    .param("v", value).param("k", key).update();
        }
    }

    /**
     * Stores the key only if it is not there yet; true for the one caller that stored it. Used as a
     * latch across instances (a primary key decides, not a read followed by a write).
     */
    public boolean putFirst(String key, String value) {
        try {
            jdbc.sql("INSERT INTO app_setting (setting_key, setting_value) VALUES (:k, :v)")
                    .param("k", key).param("v", value).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
