package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A refusal's key is only a string to the compiler: a misspelt one would reach the reader as the key
 * itself, so every "error.…" literal in the code must be in both bundles.
 */
class RefusalKeysTest {
    private static final Pattern KEY = Pattern.compile("\"(error\\.[\\w.-]+)\"");

    private static Properties bundle(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyRefusalKeyIsInBothLanguages() throws IOException {
        Properties en = bundle("messages.properties");
        Properties zh = bundle("messages_zh.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).contains("error.standard.unknownStep", "error.platform.required");
        // a literal ending in '.' is a prefix completed in the code ("error.organisation.kind." + kind)
        assertThat(used.stream().filter(k -> k.endsWith(".")
                ? en.stringPropertyNames().stream().noneMatch(e -> e.startsWith(k)) || zh.stringPropertyNames().stream().noneMatch(e -> e.startsWith(k))
                : !en.containsKey(k) || !zh.containsKey(k))).isEmpty();
    }

    @Test
    void theEnglishWordingKeepsIdsAndQuotesAsTheyWere() {
        assertThat(Messages.english("error.standard.unknownStep", String.valueOf(1234567L)))
                .isEqualTo("No step 1234567 in a blueprint of this outlet type");
        assertThat(Messages.english("error.standard.blueprintTaken", "pharmacy", "Counter"))
                .isEqualTo("Outlet type 'pharmacy' already has the blueprint 'Counter'");
        assertThat(Messages.english("error.platform.notMultipart"))
                .isEqualTo("Send the file as multipart/form-data in a part named 'file'");
    }
}
