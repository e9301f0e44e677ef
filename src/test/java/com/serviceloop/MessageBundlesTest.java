package com.serviceloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Chinese and English say the same things: the bundles have the same keys and every key the pages ask for exists. */
class MessageBundlesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    /** #{key} and #{key(args)} in a template. */
    private static final Pattern LITERAL = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");
    /** #{'prefix.' + ${...}} and |#{...}| built from a prefix and a value. */
    private static final Pattern PREFIX = Pattern.compile("#\\{'([\\w.-]+\\.)'\\s*\\+|#\\{\\|([\\w.-]+\\.)\\$\\{");
    /** getMessage("key", ...) in Java. */
    private static final Pattern IN_CODE = Pattern.compile("getMessage\\(\"([\\w.-]+)\"\\s*([,+])");

    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static List<String> sources(Path root, String suffix) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                out.add(Files.readString(f));
            }
        }
        return out;
    }

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() throws IOException {
        Set<String> en = keys("messages.properties");
        Set<String> zh = keys("messages_zh.properties");
        assertThat(en).hasSizeGreaterThan(500);
        assertThat(zh).containsExactlyInAnyOrderElementsOf(en);
    }

    @Test
    void everyKeyThePagesAndTheCodeAskForExists() throws IOException {
        Set<String> en = keys("messages.properties");
        Set<String> missing = new TreeSet<>();
        for (String template : sources(RESOURCES.resolve("templates"), ".html")) {
            Matcher m = LITERAL.matcher(template);
            while (m.find()) {
                if (!en.contains(m.group(1))) {
                    missing.add(m.group(1));
                }
            }
            Matcher p = PREFIX.matcher(template);
            while (p.find()) {
                String prefix = p.group(1) != null ? p.group(1) : p.group(2);
                if (en.stream().noneMatch(k -> k.startsWith(prefix))) {
                    missing.add(prefix + "*");
                }
            }
        }
        for (String code : sources(Path.of("src/main/java"), ".java")) {
            Matcher m = IN_CODE.matcher(code);
            while (m.find()) {
                String key = m.group(1);
                boolean whole = m.group(2).equals(",");
                if (whole ? !en.contains(key) : en.stream().noneMatch(k -> k.startsWith(key))) {
                    missing.add(whole ? key : key + "*");
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
