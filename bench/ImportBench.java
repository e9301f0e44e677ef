import java.io.BufferedWriter;
import java.net.URI;
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

/**
 * Drives the visit-import benchmark against a running ServiceLoop (see import-visits.sh):
 * sets up an administrator, outlets and customers through the API, writes a CSV of N visits,
 * uploads it twice (the second time everything is a duplicate) and prints rows/s and memory.
 *
 * usage: java ImportBench.java BASE_URL APP_PID ROWS CUSTOMERS WORKDIR
 */
public class ImportBench {

    public static void main(String[] args) throws Exception {
        BenchApi.base = args[0];
        long pid = Long.parseLong(args[1]);
        int rows = Integer.parseInt(args[2]);
        int customers = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        int outlets = 10;

        BenchApi.send("POST", "/api/v1/setup", "application/json",
                "{\"displayName\":\"Bench\",\"username\":\"bench\",\"password\":\"bench-password-1\"}", null);
        String token = BenchApi.token();
        String chain = BenchApi.id(BenchApi.send("POST", "/api/v1/units", "application/json",
                "{\"kind\":\"CHAIN\",\"name\":\"Bench chain\",\"code\":\"B\"}", token));
        String region = BenchApi.id(BenchApi.send("POST", "/api/v1/units", "application/json",
                "{\"kind\":\"REGION\",\"name\":\"Bench region\",\"code\":\"B-R\",\"parentId\":" + chain + "}", token));
        for (int o = 1; o <= outlets; o++) {
            BenchApi.send("POST", "/api/v1/units", "application/json", "{\"kind\":\"OUTLET\",\"name\":\"Outlet " + o
                    + "\",\"code\":\"B" + o + "\",\"parentId\":" + region + "}", token);
        }
        Path customerFile = work.resolve("customers.csv");
        try (BufferedWriter w = Files.newBufferedWriter(customerFile)) {
            w.write("member_no,name,home_outlet_code\n");
            for (int c = 0; c < customers; c++) {
                w.write("M" + c + ",Customer " + c + ",B" + (c % outlets + 1) + "\n");
            }
        }
        System.out.println("customers: " + BenchApi.field(upload("/api/v1/customers/import", customerFile, token), "inserted")
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
            long rssBefore = BenchLoad.rssKb(pid);
            AtomicLong peak = new AtomicLong(rssBefore);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(BenchLoad.rssKb(pid), Math::max);
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
                            + "rss_before_mb=%d peak_rss_mb=%d%n", round, BenchApi.field(report, "rowsRead"),
                    BenchApi.field(report, "inserted"), BenchApi.field(report, "duplicates"), BenchApi.field(report, "rejected"), seconds,
                    rows / seconds, rssBefore / 1024, peak.get() / 1024);
        }
    }

    /** Streams the file as multipart/form-data without reading it into memory here either. */
    static String upload(String path, Path file, String token) throws Exception {
        String boundary = "bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
        HttpResponse<String> r = BenchApi.http.send(HttpRequest.newBuilder(URI.create(BenchApi.base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

}
