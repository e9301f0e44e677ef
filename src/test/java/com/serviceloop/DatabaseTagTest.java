package com.serviceloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL half of the build runs the tests tagged "db". A test that starts the application
 * (a Spring Boot test, a subclass of ApiTest or PageTest, or an application it builds itself) must
 * carry that tag (or, for the browser journeys, "browser"), so that a new one cannot skip
 * PostgreSQL unnoticed, whatever its name.
 */
class DatabaseTagTest {
    private static final Pattern STARTS_THE_APP = Pattern.compile(
            "@SpringBootTest|extends (ApiTest|PageTest)\\b|new SpringApplicationBuilder\\(");
    /** "browser" tests run once, on H2: what they test is the pages in a real browser, not the database. */
    private static final Pattern TAGGED = Pattern.compile("@Tag\\(\"(db|browser)\"\\)|extends (ApiTest|PageTest)\\b");

    @Test
    void everyTestThatStartsTheApplicationIsTaggedDb() throws IOException {
        List<String> untagged;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            untagged = files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("DatabaseTagTest.java")).filter(p -> {
                try {
                    String source = Files.readString(p);
                    return STARTS_THE_APP.matcher(source).find() && !TAGGED.matcher(source).find();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
        }
        assertThat(untagged).isEmpty();
    }

    @Test
    void theBaseClassesCarryTheTag() throws IOException {
        for (String base : List.of("ApiTest", "PageTest")) {
            assertThat(Files.readString(Path.of("src/test/java/com/serviceloop/" + base + ".java"))).contains("@Tag(\"db\")");
        }
    }
}
