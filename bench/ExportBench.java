import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Drives the export benchmark against a running ServiceLoop (see exports.sh): a million cases are loaded with
 * set-based SQL, then exported through the API as Excel (xlsx) and as CSV while the app's resident memory is sampled.
 * The xlsx is checked by counting the rows of its sheet.
 *
 * usage: java ExportBench.java BASE_URL APP_PID DATABASE CASES
 */
public class ExportBench {
    public static void main(String[] args) throws Exception {
        BenchApi.base = args[0];
        long pid = Long.parseLong(args[1]);
        String db = args[2];
        int cases = Integer.parseInt(args[3]);
        String admin = BenchApi.administrator();
        List<Long> units = BenchApi.organisation(admin, 2, 10);
        String outlets = String.join(",", units.subList(1, units.size()).stream().map(String::valueOf).toList());
        long t0 = System.nanoTime();
        BenchLoad.psql(db, """
                SET session_replication_role = replica;
                INSERT INTO support_case (outlet_id, channel, case_type, severity, status, description, owner_id, received_by,
                                          remedy, remedy_cost, created_at, updated_at, version, closed_at)
                SELECT (ARRAY[%1$s]::bigint[])[1 + g %% 20], (ARRAY['COUNTER','PHONE','ONLINE','LETTER'])[1 + g %% 4],
                       (ARRAY['COMPLAINT','REQUEST','PRAISE','SUGGESTION'])[1 + g %% 4], 'MEDIUM', 'CLOSED',
                       (ARRAY['在柜台等了四十分钟，前面只有两位顾客。', '药剂师讲解用药很耐心，特此表扬。',
                              'The parcel arrived with a torn box and one of the three items missing.',
                              '=HYPERLINK("http://evil.example","click")'])[1 + g %% 4] || ' #' || g,
                       1, 1, '致电道歉并补发', (g %% 50) + 0.5, t, t + interval '2 days', 5, t + interval '2 days'
                FROM (SELECT g, now() - random() * interval '365 days' AS t FROM generate_series(1, %2$d) g) x;
                VACUUM (ANALYZE) support_case;
                """.formatted(outlets, cases));
        System.out.printf("load: cases=%s seconds=%.1f%n", BenchLoad.psql(db, "SELECT count(*) FROM support_case").strip(),
                (System.nanoTime() - t0) / 1e9);
        for (String format : List.of("xlsx", "csv")) {
            String path = "/api/v1/cases/export" + (format.equals("xlsx") ? ".xlsx" : "");
            List<Long> rss = Collections.synchronizedList(new ArrayList<>());
            long before = BenchLoad.rssKb(pid);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        rss.add(BenchLoad.rssKb(pid));
                        Thread.sleep(250);
                    }
                } catch (Exception e) {
                    // interrupted: the export is over
                }
            });
            long t = System.nanoTime();
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BenchApi.base
                    + path)).header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofInputStream());
            long[] counted = format.equals("xlsx") ? xlsxRows(r.body()) : csvRows(r.body());
            double seconds = (System.nanoTime() - t) / 1e9;
            sampler.interrupt();
            System.out.printf("export %s: status=%d data_rows=%d bytes=%d seconds=%.1f rows_per_s=%.0f rss_before_mb=%d "
                            + "peak_rss_mb=%d rss_after_mb=%d%n", format, r.statusCode(), counted[0], counted[1], seconds,
                    counted[0] / seconds, before / 1024, Collections.max(rss) / 1024, BenchLoad.rssKb(pid) / 1024);
        }
    }

    /** Rows of the sheet (less the header) and the file's size; the file is kept only until it is counted. */
    static long[] xlsxRows(InputStream in) throws Exception {
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            long bytes = Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            long rows = 0;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
                byte[] pattern = "<row ".getBytes(StandardCharsets.US_ASCII);
                byte[] buf = new byte[1 << 16];
                int matched = 0;
                try (InputStream x = zip.getInputStream(sheet)) {
                    for (int n = x.read(buf); n > 0; n = x.read(buf)) {
                        for (int i = 0; i < n; i++) {
                            matched = buf[i] == pattern[matched] ? matched + 1 : buf[i] == pattern[0] ? 1 : 0;
                            if (matched == pattern.length) {
                                rows++;
                                matched = 0;
                            }
                        }
                    }
                }
            }
            return new long[] {rows - 1, bytes};
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static long[] csvRows(InputStream in) throws Exception {
        CountingStream counting = new CountingStream(in);
        long lines = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8))) {
            while (r.readLine() != null) {
                lines++;
            }
        }
        return new long[] {lines - 1, counting.count};
    }

    static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }

}
