package com.serviceloop.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real S3-protocol server for the tests: s3rver (npm), installed by .ci/run under .ci/node, started
 * once per test JVM on a port of its choosing with an empty directory and one bucket, and stopped
 * when the JVM exits. Where it is not installed the tests fail and say how to install it; on a
 * developer's machine (not CI) -Dserviceloop.test.skipS3=true skips them instead.
 */
public final class S3rver {
    public static final String BUCKET = "serviceloop-test";
    /** s3rver's built-in account. */
    public static final String KEY = "S3RVER";
    static final Path SCRIPT = Path.of(".ci/node/node_modules/s3rver/bin/s3rver.js");
    static final String INSTALL = "npm ci --prefix .ci/node (what .ci/run does; needs Node.js and npm, e.g. "
            + "apt-get install nodejs npm)";
    private static final Pattern LISTENING = Pattern.compile("S3rver listening on ([0-9.]+):(\\d+)");
    private static String endpoint;

    private S3rver() {
    }

    /** The server's address, e.g. http://127.0.0.1:41234, starting it on first use. */
    public static synchronized String endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    private static String start() {
        if (!Files.isRegularFile(SCRIPT) || !nodeRuns()) {
            String why = "The S3 tests need s3rver and Node.js: " + SCRIPT + (Files.isRegularFile(SCRIPT) ? " is there but "
                    + "'node' does not run" : " is missing") + ". Install it with: " + INSTALL;
            Assumptions.assumeFalse(Boolean.getBoolean("serviceloop.test.skipS3") && !"true".equals(System.getenv("CI")),
                    why + " (skipped: -Dserviceloop.test.skipS3=true)");
            Assertions.fail(why + " - or, outside CI, skip these tests with -Dserviceloop.test.skipS3=true");
        }
        try {
            Path dir = Files.createTempDirectory("s3rver");
            Process process = new ProcessBuilder("node", SCRIPT.toString(), "-d", dir.toString(), "-a", "127.0.0.1",
                    "-p", "0", "--silent", "--configure-bucket", BUCKET).redirectErrorStream(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, dir)));
            CompletableFuture<String> address = new CompletableFuture<>();
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> read(process, address, output), "s3rver-output");
            reader.setDaemon(true);
            reader.start();
            try {
                return address.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("s3rver did not start within 30 s; it said: " + output, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes the port from the line s3rver prints once it listens, and keeps draining its output. */
    private static void read(Process process, CompletableFuture<String> address, StringBuilder output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    address.complete("http://" + m.group(1) + ":" + m.group(2));
                } else if (!address.isDone()) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            address.completeExceptionally(e);
        }
        address.completeExceptionally(new IllegalStateException("s3rver exited"));
    }

    private static boolean nodeRuns() {
        try {
            return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void stop(Process process, Path dir) {
        process.destroy();
        try (Stream<Path> files = Files.walk(dir)) {
            process.waitFor(5, TimeUnit.SECONDS);
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | InterruptedException e) {
            // a temporary directory left behind is harmless
        }
    }
}
