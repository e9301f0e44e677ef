import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the survey benchmark against a running ServiceLoop (see surveys.sh):
 * (a) 100 concurrent respondents answer the post-visit survey through the public endpoint;
 * (b) the responses are brought to 10,000,000 with set-based SQL, folded into the daily
 *     aggregates, and an outlet dashboard (summary + monthly trend + outlet ranking) is timed;
 * (c) the PDF report for last month is timed for an outlet, a region and the whole chain.
 *
 * usage: java SurveyBench.java BASE_URL APP_PID DATABASE TOTAL_RESPONSES WARMUP_SECONDS
 */
public class SurveyBench {
    static final int CLIENTS = 100;
    static final int LINKS_PER_OUTLET = 20;
    static final long MEASURE_NS = 20_000_000_000L;

    public static void main(String[] args) throws Exception {
        BenchApi.base = args[0];
        long pid = Long.parseLong(args[1]);
        String db = args[2];
        long total = Long.parseLong(args[3]);
        long warmUpNs = Long.parseLong(args[4]) * 1_000_000_000L;

        String admin = BenchApi.administrator();
        List<Long> units = BenchApi.organisation(admin, 2, 10);
        List<Long> outlets = units.subList(1, units.size());
        String surveys = BenchApi.send("GET", "/api/v1/surveys", "application/json", "", admin);
        Matcher m = Pattern.compile("\"id\":(\\d+),\"code\":\"post-visit\"").matcher(surveys);
        if (!m.find()) {
            throw new IllegalStateException("no post-visit survey in " + surveys);
        }
        long survey = Long.parseLong(m.group(1));
        String detail = BenchApi.send("GET", "/api/v1/surveys/" + survey, "application/json", "", admin);
        List<Long> questions = new ArrayList<>();
        Matcher q = Pattern.compile("\\{\"id\":(\\d+),\"surveyId\"").matcher(detail);
        while (q.find()) {
            questions.add(Long.parseLong(q.group(1)));
        }
        List<String> links = new ArrayList<>();
        for (long outlet : outlets) {
            for (int i = 0; i < LINKS_PER_OUTLET; i++) {
                links.add(BenchApi.field(BenchApi.send("POST", "/api/v1/surveys/" + survey + "/links", "application/json",
                        "{\"outletId\":" + outlet + ",\"channel\":\"QR\"}", admin), "token"));
            }
        }
        System.out.printf("setup: outlets=%d survey=%d questions=%d links=%d%n", outlets.size(), survey, questions.size(),
                links.size());

        // (a) respondents
        long before = count(db);
        BenchLoad.Result r = BenchLoad.run("survey submission", BenchApi.base, CLIENTS, warmUpNs, MEASURE_NS, pid, (client, i) -> {
            String body = "{\"answers\":{\"" + questions.get(0) + "\":" + (1 + (client + i) % 5) + ",\"" + questions.get(1)
                    + "\":4,\"" + questions.get(2) + "\":" + (1 + i % 5) + ",\"" + questions.get(3) + "\":5,\""
                    + questions.get(4) + "\":" + (i % 4) + ",\"" + questions.get(6) + "\":\"Quick and friendly, thank you\"},"
                    + "\"submissionKey\":\"bench-" + client + "-" + i + "\",\"language\":\"zh\"}";
            return BenchLoad.Request.postJson("/api/v1/public/surveys/" + links.get((client * 7 + i) % links.size())
                    + "/responses", body);
        }, 201);
        long after = count(db);
        System.out.printf("db check: new_responses=%d http_201_total=%d http_errors_total=%d every_acknowledged_present=%s%n",
                after - before, r.okTotal(), r.errorsTotal(), after - before == r.okTotal());

        // (b) ten million responses, folded, then the dashboard
        long missing = Math.max(0, total - after);
        long t0 = System.nanoTime();
        BenchLoad.psql(db, """
                INSERT INTO survey_response (survey_id, outlet_id, link_token, channel, language, complete, satisfaction,
                                             submitted_at, submission_key)
                SELECT %1$d, (ARRAY[%2$s])[1 + g %% %3$d], '%4$s', 'QR', 'zh', TRUE, round((random() * 100)::numeric, 2),
                       now() - interval '2 minutes' - random() * interval '365 days', 'bulk-' || g
                FROM generate_series(1, %5$d) g;
                ANALYZE survey_response;
                """.formatted(survey, String.join(",", outlets.stream().map(String::valueOf).toList()), outlets.size(),
                links.getFirst(), missing));
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("load: responses_added=%d total=%d seconds=%.1f%n", missing, count(db), loadSeconds);
        String folded = BenchApi.send("POST", "/api/v1/surveys/rollup", "application/json", "", admin);
        // the app's own roll-up job may fold part of them meanwhile (one at a time, on the mark row)
        System.out.printf("roll-up: folded_by_this_call=%s seconds=%.1f aggregated_total=%s daily_rows=%s%n",
                BenchApi.field(folded, "responses"), Long.parseLong(BenchApi.field(folded, "millis")) / 1000.0,
                BenchLoad.psql(db, "SELECT sum(responses) FROM survey_daily").strip(),
                BenchLoad.psql(db, "SELECT count(*) FROM survey_daily").strip());
        // fresh responses after the fold are counted live by the dashboard
        BenchApi.send("POST", "/api/v1/public/surveys/" + links.get(1) + "/responses", "application/json",
                "{\"answers\":{\"" + questions.get(0) + "\":5},\"submissionKey\":\"after-fold-1\"}", null);
        int views = 200;
        long[] took = new long[views];
        for (int i = 0; i < views; i++) {
            long outlet = outlets.get(i % outlets.size());
            long t = System.nanoTime();
            BenchApi.send("GET", "/api/v1/surveys/" + survey + "/summary?outletId=" + outlet, "application/json", "", admin);
            BenchApi.send("GET", "/api/v1/surveys/" + survey + "/trend?period=MONTH&outletId=" + outlet, "application/json", "", admin);
            BenchApi.send("GET", "/api/v1/surveys/" + survey + "/ranking", "application/json", "", admin);
            took[i] = System.nanoTime() - t;
        }
        long[] warm = Arrays.copyOfRange(took, 20, views); // the first views warm the JIT
        Arrays.sort(warm);
        String summary = BenchApi.send("GET", "/api/v1/surveys/" + survey + "/summary?outletId=" + outlets.get(1),
                "application/json", "", admin);
        System.out.printf("dashboard (summary + monthly trend + ranking, one outlet): views=%d p50_ms=%.1f p95_ms=%.1f "
                        + "max_ms=%.1f outlet_responses=%s%n", warm.length, BenchLoad.pct(warm, 50), BenchLoad.pct(warm, 95),
                warm[warm.length - 1] / 1e6, BenchApi.field(summary, "responses"));

        // (c) the PDF report for last month (its default period), one outlet, one region, the chain
        for (String unit : List.of("outletId=" + outlets.getFirst(), "regionId=" + BenchApi.parentOf(outlets.getFirst(), admin),
                "")) {
            String path = "/api/v1/surveys/" + survey + "/report.pdf?lang=zh" + (unit.isEmpty() ? "" : "&" + unit);
            long[] ms = new long[4];
            int bytes = 0;
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                bytes = BenchApi.bytes(path, admin);
                ms[i] = (System.nanoTime() - t) / 1_000_000;
            }
            System.out.printf("report pdf (%s, last month): first_ms=%d then_ms=%s bytes=%d%n",
                    unit.isEmpty() ? "whole chain" : unit.substring(0, unit.indexOf('=')), ms[0],
                    Arrays.toString(Arrays.copyOfRange(ms, 1, ms.length)).replace(" ", ""), bytes);
        }
    }

    static long count(String db) throws Exception {
        return Long.parseLong(BenchLoad.psql(db, "SELECT count(*) FROM survey_response").strip());
    }
}
