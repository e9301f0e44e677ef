import java.io.BufferedWriter;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the visit-import benchmark against a running ServiceLoop (see import-visits.sh):
 * sets up an administrator, outlets and customers through the API, writes a CSV of N visits,
 * uploads it twice (the second time everything is a duplicate) and prints rows/s and memory.
 *
 * usage: java ImportBench.java BASE_URL APP_PID ROWS CUSTOMERS WORKDIR
 */
public class ImportBench {
    static final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        long pid = Long.parseLong(args[1]);
        int rows = Integer.parseInt(args[2]);
        int customers = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        int outlets = 10;

        send("POST", "/api/v1/setup", "application/json",
                "{\"displayName\":\"Bench\",\"username\":\"bench\",\"password\":\"bench-password-1\"}", null);
        String token = token();
        String chain = id(send("POST", "/api/v1/units", "application/json",
                "{\"kind\":\"CHAIN\",\"name\":\"Bench chain\",\"code\":\"B\"}", token));
        String region = id(send("POST", "/api/v1/units", "application/json",
                "{\"kind\":\"REGION\",\"name\":\"Bench region\",\"code\":\"B-R\",\"parentId\":" + chain + "}", token));
        for (int o = 1; o <= outlets; o++) {
            send("POST", "/api/v1/units", "application/json", "{\"kind\":\"OUTLET\",\"name\":\"Outlet " + o
                    + "\",\"code\":\"B" + o + "\",\"parentId\":" + region + "}", token);
        }
        Path customerFile = work.resolve("customers.csv");
        try (BufferedWriter w = Files.newBufferedWriter(customerFile)) {
            w.write("member_no,name,home_outlet_code\n");
            for (int c = 0; c < customers; c++) {
                w.write("M" + c + ",Customer " + c + ",B" + (c % outlets + 1) + "\n");
            }
        }
        System.out.println("customers: " + field(upload("/api/v1/customers/import", customerFile, token), "inserted")
                + " imported");

        Path visitFile = work.resolve("visits.csv");
        Random rnd = new Random(42);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        LocalDateTime start = LocalDateTime.now().minusMonths(18).withNano(0);
        try (BufferedWriter w = Files.newBufferedWriter(visitFile)) {
            w.write("member_no,outlet_code,visited_at,amount,items,receipt_no\n");
            for (int r = 0; r < rows; r++) {
                int c = rnd.nextInt(customers);
                w.write("M" + c + ",B" + (c % outlets + 1) + "," + f.format(start.plusSeconds(rnd.nextInt(46_000_000)))
                        + "," + (100 + rnd.nextInt(30000)) / 100 + "." + (10 + rnd.nextInt(90)) + "," + (1 + rnd.nextInt(5))
                        + ",R" + r + "\n");
            }
        }
        System.out.printf("visit file: %d rows, %.1f MB%n", rows, Files.size(visitFile) / 1e6);

        for (String round : List.of("first import", "re-import")) {
            long rssBefore = rssKb(pid);
            AtomicLong peak = new AtomicLong(rssBefore);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(rssKb(pid), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long t0 = System.nanoTime();
            String report = upload("/api/v1/visits/import", visitFile, token);
            double seconds = (System.nanoTime() - t0) / 1e9;
            sampler.interrupt();
            System.out.printf("%s: read=%s inserted=%s duplicates=%s rejected=%s seconds=%.2f rows_per_s=%.0f "
                            + "rss_before_mb=%d peak_rss_mb=%d%n", round, field(report, "rowsRead"),
                    field(report, "inserted"), field(report, "duplicates"), field(report, "rejected"), seconds,
                    rows / seconds, rssBefore / 1024, peak.get() / 1024);
        }
    }

    static String token() throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=bench&password=bench-password-1&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
        String home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher meta = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(home);
        if (!meta.find()) {
            throw new IllegalStateException("sign-in failed");
        }
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", meta.group(1))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"personId\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return field(issued.body(), "secret");
    }

    static String send(String method, String path, String type, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** Streams the file as multipart/form-data without reading it into memory here either. */
    static String upload(String path, Path file, String token) throws Exception {
        String boundary = "bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String id(String json) {
        return field(json, "id");
    }

    /** Enough JSON for this script: the first value of a top-level-looking key. */
    static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"?([^,\"}]*)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
