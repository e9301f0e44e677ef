import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Drives the audit benchmark against a running ServiceLoop (see audits.sh):
 * (a) 20 auditors at once each conduct 41-item audits (40 scored items, one photo item) with three 500 kB photos and
 *     submit them; the submission's latency is measured, and the app's resident memory is sampled throughout;
 * (b) the chain is brought to 200,000 submitted audits with 8,000,000 answers over 500 outlets by set-based SQL, the
 *     dashboard's monthly sums are rebuilt, and the dashboard of the chain, a region and an outlet is timed.
 *
 * usage: java AuditBench.java BASE_URL APP_PID DATABASE OBJECT_DIR AUDITS WARMUP_SECONDS MEASURE_SECONDS
 */
public class AuditBench {
    static final int AUDITORS = 20;
    static final int REGIONS = 10;
    static final int OUTLETS_PER_REGION = 50;
    static final int SCORED_ITEMS = 40;
    static final int PHOTOS = 3;

    public static void main(String[] args) throws Exception {
        BenchApi.base = args[0];
        long pid = Long.parseLong(args[1]);
        String db = args[2];
        Path objects = Path.of(args[3]);
        int totalAudits = Integer.parseInt(args[4]);
        long warmUpNs = Long.parseLong(args[5]) * 1_000_000_000L;
        long measureNs = Long.parseLong(args[6]) * 1_000_000_000L;

        String admin = BenchApi.administrator();
        List<Long> regions = new ArrayList<>();
        List<Long> outlets = new ArrayList<>();
        String chain = BenchApi.id(BenchApi.send("POST", "/api/v1/units", "application/json",
                "{\"kind\":\"CHAIN\",\"name\":\"Bench chain\",\"code\":\"B\"}", admin));
        for (int r = 1; r <= REGIONS; r++) {
            String region = BenchApi.id(BenchApi.send("POST", "/api/v1/units", "application/json", "{\"kind\":\"REGION\","
                    + "\"name\":\"Region " + r + "\",\"code\":\"B-R" + r + "\",\"parentId\":" + chain + "}", admin));
            regions.add(Long.parseLong(region));
            for (int o = 1; o <= OUTLETS_PER_REGION; o++) {
                outlets.add(Long.parseLong(BenchApi.id(BenchApi.send("POST", "/api/v1/units", "application/json",
                        "{\"kind\":\"OUTLET\",\"name\":\"Outlet " + r + "-" + o + "\",\"code\":\"B" + r + "-" + o
                                + "\",\"parentId\":" + region + ",\"outletType\":\"pharmacy\"}", admin))));
            }
        }
        BenchApi.send("POST", "/api/v1/starter-library/pharmacy/apply", "application/json", "{\"outletType\":\"pharmacy\"}",
                admin);
        long form = Long.parseLong(BenchApi.id(BenchApi.send("POST", "/api/v1/audit-forms", "application/json",
                "{\"outletType\":\"pharmacy\",\"name\":\"Bench walk-around\"}", admin)));
        String draft = BenchApi.send("GET", "/api/v1/audit-forms/" + form + "/draft", "application/json", "", admin);
        List<String> areas = new ArrayList<>();
        Matcher am = Pattern.compile("\"areaCode\":\"([A-Z_]+)\"").matcher(draft);
        while (am.find() && areas.size() < 4) {
            if (!areas.contains(am.group(1))) {
                areas.add(am.group(1));
            }
        }
        StringBuilder sections = new StringBuilder();
        for (int s = 0; s < areas.size(); s++) {
            StringBuilder items = new StringBuilder();
            int n = SCORED_ITEMS / areas.size();
            for (int i = 0; i < n; i++) {
                items.append(i == 0 ? "" : ",").append("{\"text\":\"Bench item ").append(s).append('-').append(i)
                        .append("\",\"answerType\":\"MET\",\"weight\":1,\"critical\":false,\"naAllowed\":false,\"required\":true}");
            }
            if (s == 0) {
                items.append(",{\"text\":\"Photos of the counter\",\"answerType\":\"PHOTO\",\"weight\":1,\"critical\":false,"
                        + "\"naAllowed\":false,\"required\":false}");
            }
            sections.append(s == 0 ? "" : ",").append("{\"areaCode\":\"").append(areas.get(s))
                    .append("\",\"weight\":1,\"items\":[").append(items).append("]}");
        }
        BenchApi.send("PUT", "/api/v1/audit-forms/" + form + "/draft", "application/json",
                "{\"name\":\"Bench walk-around\",\"sections\":[" + sections + "]}", admin);
        BenchApi.send("POST", "/api/v1/audit-forms/" + form + "/publish", "application/json", "", admin);
        String published = BenchApi.send("GET", "/api/v1/audit-forms/" + form + "/versions/1", "application/json", "", admin);
        List<Long> scored = new ArrayList<>();
        long photoItem = 0;
        Matcher im = Pattern.compile("\\{\"id\":(\\d+),\"sectionId\":\\d+.*?\"answerType\":\"([A-Z]+)\"").matcher(published);
        while (im.find()) {
            if (im.group(2).equals("PHOTO")) {
                photoItem = Long.parseLong(im.group(1));
            } else {
                scored.add(Long.parseLong(im.group(1)));
            }
        }
        List<String> tokens = new ArrayList<>();
        for (int a = 1; a <= AUDITORS; a++) {
            String person = BenchApi.id(BenchApi.send("POST", "/api/v1/people", "application/json", "{\"displayName\":"
                    + "\"Auditor " + a + "\",\"role\":\"AUDITOR\",\"scopeUnitId\":" + chain + "}", admin));
            tokens.add(BenchApi.field(BenchApi.send("POST", "/api/v1/tokens", "application/json",
                    "{\"name\":\"auditor-" + a + "\",\"personId\":" + person + "}", admin), "secret"));
        }
        byte[] photo = photo(500_000);
        System.out.printf("setup: outlets=%d regions=%d form=%d scored_items=%d photo_item=%d auditors=%d photo_bytes=%d%n",
                outlets.size(), regions.size(), form, scored.size(), photoItem, tokens.size(), photo.length);

        // (a) twenty auditors at once
        long objectsBefore = files(objects);
        long auditsBefore = count(db, "SELECT count(*) FROM audit");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        ConcurrentLinkedQueue<long[]> submits = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> photos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> answers = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        List<Long> rss = Collections.synchronizedList(new ArrayList<>());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final long photoItemId = photoItem;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < AUDITORS; t++) {
            final int me = t;
            threads.add(Thread.ofPlatform().start(() -> {
                Random random = new Random(me);
                int round = 0;
                while (!stop.get()) {
                    try {
                        long outlet = outlets.get((me * 25 + round++) % outlets.size());
                        String token = tokens.get(me);
                        long audit = Long.parseLong(BenchApi.id(call(http, "POST", "/api/v1/audits", token,
                                "{\"outletId\":" + outlet + ",\"formId\":" + form + "}")));
                        for (long item : scored) {
                            long t0 = System.nanoTime();
                            call(http, "POST", "/api/v1/audits/" + audit + "/answers", token, "{\"itemId\":" + item
                                    + ",\"key\":\"bench-answer-" + audit + "-" + item + "\",\"choice\":\""
                                    + (random.nextInt(100) < 88 ? "MET" : "NOT_MET") + "\"}");
                            record(answers, t0, measureFrom);
                        }
                        for (int p = 0; p < PHOTOS; p++) {
                            long t0 = System.nanoTime();
                            upload(http, "/api/v1/audits/" + audit + "/items/" + photoItemId + "/photos", token, photo,
                                    "bench-photo-" + audit + "-" + p);
                            record(photos, t0, measureFrom);
                        }
                        long t0 = System.nanoTime();
                        call(http, "POST", "/api/v1/audits/" + audit + "/submit", token, "");
                        record(submits, t0, measureFrom);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.out.println("error: " + e.getMessage());
                        }
                    }
                }
            }));
        }
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                try {
                    rss.add(BenchLoad.rssKb(pid));
                    Thread.sleep(500);
                } catch (Exception e) {
                    return;
                }
            }
        });
        Thread.sleep(warmUpNs / 1_000_000);
        int rssAtMeasure = rss.size();
        measureFrom.set(System.nanoTime());
        Thread.sleep(measureNs / 1_000_000);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        sampler.interrupt();
        long submitted = count(db, "SELECT count(*) FROM audit WHERE status = 'SUBMITTED'");
        long storedPhotos = count(db, "SELECT count(*) FROM audit_photo");
        long started = count(db, "SELECT count(*) FROM audit") - auditsBefore;
        print("submit", submits, measureNs);
        print("photo upload (500 kB)", photos, measureNs);
        print("answer", answers, measureNs);
        System.out.printf("audit writes (answers, photos, submissions): req_per_s=%d%n",
                Math.round((answers.size() + photos.size() + submits.size()) / (measureNs / 1e9)));
        List<Long> measuredRss = rss.subList(rssAtMeasure, rss.size());
        System.out.printf("memory: rss_at_start_of_measure_mb=%d peak_during_measure_mb=%d rss_at_end_mb=%d%n",
                rss.get(Math.max(0, rssAtMeasure - 1)) / 1024, Collections.max(measuredRss) / 1024,
                measuredRss.getLast() / 1024);
        System.out.printf("db check: audits_started=%d submitted=%d photos_rows=%d photos_expected=%d object_files_added=%d "
                + "errors=%d%n", started, submitted, storedPhotos, started * PHOTOS, files(objects) - objectsBefore, errors.get());

        // (b) 200,000 audits with 8,000,000 answers, then the dashboard
        long t0 = System.nanoTime();
        long have = count(db, "SELECT count(*) FROM audit");
        long missing = Math.max(0, totalAudits - have);
        String ids = String.join(",", outlets.stream().map(String::valueOf).toList());
        BenchLoad.psql(db, """
                SET session_replication_role = replica;
                CREATE TEMP TABLE bench_from AS SELECT COALESCE(MAX(id), 0) AS id FROM audit;
                INSERT INTO audit (outlet_id, form_version_id, auditor_id, status, started_at, submitted_at)
                SELECT (ARRAY[%1$s])[1 + (g %% %2$d)], (SELECT MAX(id) FROM audit_form_version WHERE status = 'PUBLISHED'), 1, 'SUBMITTED', t, t + interval '1 hour'
                FROM (SELECT g, now() - interval '2 hours' - random() * interval '540 days' AS t
                      FROM generate_series(1, %3$d) g) x;
                INSERT INTO audit_answer (audit_id, item_id, choice, not_applicable, score, idempotency_key, answered_by, answered_at)
                SELECT a.id, i.id, CASE WHEN r < 0.12 + (a.outlet_id %% 7) * 0.02 THEN 'NOT_MET' ELSE 'MET' END, FALSE,
                       CASE WHEN r < 0.12 + (a.outlet_id %% 7) * 0.02 THEN 0 ELSE 1 END, 'bulk-' || a.id || '-' || i.id, 1, a.started_at
                FROM audit a CROSS JOIN (SELECT id FROM audit_item WHERE form_version_id = (SELECT MAX(id) FROM audit_form_version WHERE status = 'PUBLISHED')
                                         AND answer_type = 'MET') i
                CROSS JOIN LATERAL (SELECT random() + 0 * a.id AS r) rr
                WHERE a.id > (SELECT id FROM bench_from);
                UPDATE audit a SET score = s.mean, result = CASE WHEN s.mean >= 0.8 THEN 'PASSED' ELSE 'FAILED' END
                FROM (SELECT audit_id, AVG(score) AS mean FROM audit_answer WHERE audit_id > (SELECT id FROM bench_from)
                      GROUP BY audit_id) s
                WHERE a.id = s.audit_id;
                """.formatted(ids, outlets.size(), missing));
        BenchLoad.psql(db, "VACUUM (ANALYZE) audit; VACUUM (ANALYZE) audit_answer;");
        System.out.printf("load: audits=%d answers=%d seconds=%.1f size=%s%n", count(db, "SELECT count(*) FROM audit"),
                count(db, "SELECT count(*) FROM audit_answer"), (System.nanoTime() - t0) / 1e9,
                BenchLoad.psql(db, "SELECT pg_size_pretty(pg_database_size(current_database()))").strip());
        long r0 = System.nanoTime();
        String rebuilt = BenchApi.send("POST", "/api/v1/audit-dashboard/rebuild", "application/json", "", admin);
        BenchLoad.psql(db, "ANALYZE audit_month; ANALYZE audit_item_month;");
        System.out.printf("rebuild of the monthly sums: outlet_months=%s item_rows=%d seconds=%.1f%n",
                BenchApi.field(rebuilt, "outletMonths"), count(db, "SELECT count(*) FROM audit_item_month"),
                (System.nanoTime() - r0) / 1e9);
        time("dashboard, whole chain, 12 months", "/api/v1/audit-dashboard?months=12", admin);
        time("dashboard, whole chain, 18 months", "/api/v1/audit-dashboard?months=18", admin);
        time("dashboard, one region, 12 months", "/api/v1/audit-dashboard?months=12&unitId=" + regions.getFirst(), admin);
        time("dashboard, one outlet, 12 months", "/api/v1/audit-dashboard?months=12&unitId=" + outlets.getFirst(), admin);
        String month = YearMonth.now().minusMonths(1).toString();
        time("drill-down, whole chain, last month", "/api/v1/audit-dashboard/audits?month=" + month, admin);
    }

    static void time(String what, String path, String token) throws Exception {
        int views = 220;
        long[] took = new long[views];
        String body = "";
        for (int i = 0; i < views; i++) {
            long t = System.nanoTime();
            body = BenchApi.send("GET", path, "application/json", "", token);
            took[i] = System.nanoTime() - t;
        }
        long[] warm = Arrays.copyOfRange(took, 20, views);
        Arrays.sort(warm);
        System.out.printf("%s: views=%d p50_ms=%.1f p95_ms=%.1f max_ms=%.1f bytes=%d%n", what, warm.length,
                BenchLoad.pct(warm, 50), BenchLoad.pct(warm, 95), warm[warm.length - 1] / 1e6, body.length());
    }

    static void record(ConcurrentLinkedQueue<long[]> into, long t0, AtomicLong measureFrom) {
        if (t0 >= measureFrom.get()) {
            into.add(new long[] {System.nanoTime() - t0});
        }
    }

    static void print(String what, ConcurrentLinkedQueue<long[]> sample, long measureNs) {
        long[] ns = sample.stream().mapToLong(x -> x[0]).sorted().toArray();
        if (ns.length == 0) {
            System.out.println(what + ": no requests measured");
            return;
        }
        System.out.printf("%s: n=%d per_s=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", what, ns.length,
                ns.length / (measureNs / 1e9), BenchLoad.pct(ns, 50), BenchLoad.pct(ns, 95), BenchLoad.pct(ns, 99),
                ns[ns.length - 1] / 1e6);
    }

    static String call(HttpClient http, String method, String path, String token, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BenchApi.base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static void upload(HttpClient http, String path, String token, byte[] jpeg, String key) throws Exception {
        String boundary = "bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream(jpeg.length + 512);
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n" + key + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"counter.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.write(jpeg);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BenchApi.base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("photo -> " + r.statusCode() + " " + r.body());
        }
    }

    /** A noisy JPEG of about {@code bytes} (noise does not compress, like a real photo's detail). */
    static byte[] photo(int bytes) throws Exception {
        Random random = new Random(7);
        int side = 400;
        while (true) {
            BufferedImage img = new BufferedImage(side * 4 / 3, side, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int base = (x / 40 + y / 40) % 2 == 0 ? 0x6090b0 : 0xd0c090;
                    img.setRGB(x, y, base ^ (random.nextInt(64) * 0x010101));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            if (out.size() >= bytes * 0.95) {
                return out.toByteArray();
            }
            side += 40;
        }
    }

    static long count(String db, String sql) throws Exception {
        return Long.parseLong(BenchLoad.psql(db, sql).strip());
    }

    static long files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

}
