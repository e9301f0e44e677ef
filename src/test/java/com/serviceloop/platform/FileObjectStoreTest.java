package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileObjectStoreTest {
    @TempDir
    Path dir;

    @Test
    void storesReplacesReadsAndDeletes() throws Exception {
        ObjectStore store = new FileObjectStore(dir.toString());
        store.put("cases/12/a.jpg", "one".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        store.put("cases/12/a.jpg", "two".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        assertThat(store.get("cases/12/a.jpg")).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("two"));
        try (var files = Files.list(dir.resolve("cases/12"))) {
            assertThat(files).as("no temporary file left behind").hasSize(1);
        }
        store.delete("cases/12/a.jpg");
        store.delete("cases/12/a.jpg");
        assertThat(store.get("cases/12/a.jpg")).isEmpty();
    }

    @Test
    void refusesKeysThatLeaveTheRoot() {
        ObjectStore store = new FileObjectStore(dir.toString());
        for (String key : new String[] {"../x", "a/../../x", "/etc/passwd", "a//b", "a\\b", "", "a b"}) {
            assertThatThrownBy(() -> store.put(key, new byte[1], "x")).as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
