import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The survey load of faults.sh (a, b): 100 respondents answer through the public endpoint while
 * faults are injected (shell commands run at set moments: kill -9 and restart of the app, a
 * PostgreSQL restart). A respondent whose answer is not acknowledged (503, a refused or dropped
 * connection) sends the same submission key again, as the survey page does; a 409 then means an
 * earlier attempt was stored although its answer was lost. Afterwards every acknowledged key is
 * looked up in the database.
 *
 * usage: java FaultBench.java BASE DATABASE WORKDIR LABEL SECONDS [AT_SECONDS COMMAND]...
 * env:   PGHOST/PGPORT/PGUSER for psql (faults.sh exports them)
 */
public class FaultBench {
    static final int CLIENTS = 100;
    static final int LINKS_PER_OUTLET = 20;

    /** Statuses per window: "up" outside the faults, "fault1", "fault2", … while each fault's command runs. */
    static final Map<String, Map<String, LongAdder>> STATUSES = new ConcurrentHashMap<>();
    static final AtomicReference<String> FIRST_500 = new AtomicReference<>();
    static volatile String window = "up";
    /** The load runs SECONDS, and at least AFTER_FAULTS_S more after the last fault's command returned. */
    static final long AFTER_FAULTS_S = 15;
    static volatile long end;
    static volatile boolean faultsDone;
    /**
     * While a fault is on: the first failed request after its command began, and the first 201
     * after that failure — the time the respondents could not answer (0: none failed).
     */
    static volatile boolean faultOn;
    static final AtomicLong FIRST_FAILURE = new AtomicLong();
    static final AtomicLong FIRST_201_AFTER = new AtomicLong();

    public static void main(String[] args) throws Exception {
        BenchApi.base = args[0];
        String db = args[1];
        Path work = Path.of(args[2]);
        String label = args[3];
        long seconds = Long.parseLong(args[4]);
        List<String[]> faults = new ArrayList<>();
        for (int i = 5; i + 1 < args.length; i += 2) {
            faults.add(new String[] {args[i], args[i + 1]});
        }
        Setup setup = Setup.load(work.resolve("faults-survey-setup.txt"));

        Set<String> acknowledged = new ConcurrentSkipListSet<>();
        LongAdder requests = new LongAdder(), storedBeforeLostAnswer = new LongAdder();
        long start = System.nanoTime();
        end = start + seconds * 1_000_000_000L;
        faultsDone = faults.isEmpty();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                BenchLoad.Connection connection = new BenchLoad.Connection(URI.create(BenchApi.base));
                int seq = 0;
                boolean retry = false;
                while (!faultsDone || System.nanoTime() < end) {
                    String key = label + "-" + client + "-" + seq;
                    String at = window;
                    int status;
                    try {
                        status = connection.exchange(BenchLoad.Request.postJson("/api/v1/public/surveys/"
                                + setup.links.get((client * 7 + seq) % setup.links.size()) + "/responses",
                                setup.body(client, seq, key)));
                    } catch (IOException e) {
                        status = -1; // refused or dropped: the app is down
                    }
                    requests.increment();
                    count(at, status == -1 ? "no_answer" : String.valueOf(status));
                    if (status == 500) {
                        FIRST_500.compareAndSet(null, connection.lastBody);
                    }
                    if (status == 201 || status == 409 && retry) {
                        if (status == 201) {
                            acknowledged.add(key);
                            if (faultOn && FIRST_FAILURE.get() != 0) {
                                FIRST_201_AFTER.compareAndSet(0, System.nanoTime());
                            }
                        } else {
                            storedBeforeLostAnswer.increment();
                        }
                        seq++;
                        retry = false;
                    } else if (status == -1 || status == 503) {
                        if (faultOn) {
                            FIRST_FAILURE.compareAndSet(0, System.nanoTime());
                        }
                        retry = true;
                        pause(200);
                    } else {
                        seq++; // anything else is refused for good: next answer
                        retry = false;
                    }
                }
                connection.close();
            }));
        }
        Thread health = Thread.ofPlatform().daemon().start(FaultBench::pollHealth);
        List<double[]> windows = new ArrayList<>();
        for (int f = 0; f < faults.size(); f++) {
            BenchLoad.sleepUntil(start + (long) (Double.parseDouble(faults.get(f)[0]) * 1e9));
            FIRST_FAILURE.set(0);
            FIRST_201_AFTER.set(0);
            faultOn = true;
            window = "fault" + (f + 1);
            double from = (System.nanoTime() - start) / 1e9;
            int rc = new ProcessBuilder("bash", "-c", faults.get(f)[1]).inheritIO().start().waitFor();
            long returned = System.nanoTime();
            window = "up";
            while (FIRST_FAILURE.get() != 0 && FIRST_201_AFTER.get() == 0 && System.nanoTime() - returned < 120_000_000_000L) {
                pause(20);
            }
            faultOn = false;
            windows.add(new double[] {from, (returned - start) / 1e9,
                FIRST_FAILURE.get() == 0 ? 0 : (FIRST_201_AFTER.get() - FIRST_FAILURE.get()) / 1e9});
            if (rc != 0) {
                System.out.println("FAIL: fault command " + (f + 1) + " exited " + rc);
            }
        }
        end = Math.max(end, System.nanoTime() + AFTER_FAULTS_S * 1_000_000_000L);
        faultsDone = true;
        for (Thread t : threads) {
            t.join();
        }
        long ranFor = (System.nanoTime() - start) / 1_000_000_000L;
        health.interrupt();

        Path keys = work.resolve("faults-" + label + "-acknowledged.txt");
        Files.write(keys, acknowledged);
        String[] db0 = BenchLoad.psql(db, """
                CREATE TEMP TABLE acked (submission_key text PRIMARY KEY);
                \\copy acked FROM '%s'
                WITH mine AS (SELECT r.id, r.submission_key FROM survey_response r WHERE r.submission_key LIKE '%s-%%')
                SELECT (SELECT count(*) FROM mine),
                       (SELECT count(DISTINCT submission_key) FROM mine),
                       (SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM mine m WHERE m.submission_key = a.submission_key)),
                       (SELECT count(*) FROM mine m WHERE (SELECT count(*) FROM survey_answer s WHERE s.response_id = m.id) <> 6);
                """.formatted(keys.toAbsolutePath(), label)).strip().split("\\|");
        long stored = Long.parseLong(db0[0]), distinct = Long.parseLong(db0[1]), lost = Long.parseLong(db0[2]);
        long incomplete = Long.parseLong(db0[3]), duplicates = stored - distinct;
        System.out.printf("%s: clients=%d seconds=%d requests=%d acknowledged=%d stored=%d duplicates=%d lost=%d "
                        + "stored_but_answer_lost=%d incomplete_responses=%d%n", label, CLIENTS, ranFor, requests.sum(),
                acknowledged.size(), stored, duplicates, lost, storedBeforeLostAnswer.sum(), incomplete);
        for (int f = 0; f < windows.size(); f++) {
            System.out.printf("  fault%d (%s): from_s=%.1f to_s=%.1f unanswered_s=%.1f%n", f + 1,
                    faults.get(f)[1].replaceAll("\\s+", " ").replaceAll("^(.{0,90}).*", "$1"), windows.get(f)[0],
                    windows.get(f)[1], windows.get(f)[2]);
        }
        long fivehundreds = 0;
        for (var w : new TreeMap<>(STATUSES).entrySet()) {
            Map<String, Long> byStatus = new TreeMap<>();
            w.getValue().forEach((s, n) -> byStatus.put(s, n.sum()));
            fivehundreds += byStatus.getOrDefault("500", 0L);
            System.out.printf("  statuses %s: %s%n", w.getKey().startsWith("fault") ? "during " + w.getKey()
                    : "outside the faults", byStatus);
        }
        HEALTH.forEach((w, seen) -> System.out.printf("  /actuator/health during %s: %s%n", w, seen));
        PAGES.forEach((w, seen) -> System.out.printf("  GET /login?lang=zh during %s: %s%n", w, seen));
        if (FIRST_500.get() != null) {
            System.out.println("  first 500: " + FIRST_500.get().replaceAll("\\s+", " "));
        }
        boolean ok = lost == 0 && duplicates == 0 && fivehundreds == 0 && incomplete == 0;
        System.out.println(ok ? "  check: passed" : "FAIL: " + label + " lost=" + lost + " duplicates=" + duplicates
                + " http_500=" + fivehundreds + " incomplete=" + incomplete);
        System.exit(ok ? 0 : 1);
    }

    static void count(String window, String status) {
        STATUSES.computeIfAbsent(window, w -> new ConcurrentHashMap<>()).computeIfAbsent(status, s -> new LongAdder())
                .increment();
    }

    static final Map<String, Set<String>> HEALTH = new ConcurrentHashMap<>();
    static final Map<String, Set<String>> PAGES = new ConcurrentHashMap<>();

    /** The sign-in page in Chinese: it stores its CSRF token in a new session, which lives in the database. */
    static String page(BenchLoad.Connection c) {
        try {
            int status = c.exchange(new BenchLoad.Request("GET", "/login?lang=zh", List.of("Accept: text/html"), ""));
            return status + (status == 503 && c.lastBody.contains("暂时连不上数据库") ? " (the 503 page, zh)" : "");
        } catch (IOException e) {
            return "no answer";
        }
    }

    /** What /actuator/health answers while each fault lasts (a load balancer's view). */
    static void pollHealth() {
        BenchLoad.Connection c = new BenchLoad.Connection(URI.create(BenchApi.base));
        while (!faultsDone || System.nanoTime() < end) {
            String w = window;
            String seen;
            try {
                int status = c.exchange(new BenchLoad.Request("GET", "/actuator/health", List.of(), ""));
                seen = status + (status == 200 ? " UP" : " " + BenchApi.field(c.lastBody, "status"));
            } catch (IOException e) {
                seen = "no answer";
            }
            if (w.startsWith("fault")) {
                HEALTH.computeIfAbsent(w, k -> new ConcurrentSkipListSet<>()).add(seen);
                PAGES.computeIfAbsent(w, k -> new ConcurrentSkipListSet<>()).add(page(c));
            }
            pause(250);
        }
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Links and questions, set up once through the API and kept in a file for the later runs on the same database. */
    record Setup(List<String> links, List<Long> questions) {
        static Setup load(Path file) throws Exception {
            if (!Files.exists(file)) {
                String admin = BenchApi.administrator();
                List<Long> units = BenchApi.organisation(admin, 2, 10);
                String surveys = BenchApi.send("GET", "/api/v1/surveys", "application/json", "", admin);
                Matcher m = Pattern.compile("\"id\":(\\d+),\"code\":\"post-visit\"").matcher(surveys);
                if (!m.find()) {
                    throw new IllegalStateException("no post-visit survey in " + surveys);
                }
                String detail = BenchApi.send("GET", "/api/v1/surveys/" + m.group(1), "application/json", "", admin);
                List<String> questions = new ArrayList<>();
                Matcher q = Pattern.compile("\\{\"id\":(\\d+),\"surveyId\"").matcher(detail);
                while (q.find()) {
                    questions.add(q.group(1));
                }
                List<String> links = new ArrayList<>();
                for (long outlet : units.subList(1, units.size())) {
                    for (int i = 0; i < LINKS_PER_OUTLET; i++) {
                        links.add(BenchApi.field(BenchApi.send("POST", "/api/v1/surveys/" + m.group(1) + "/links",
                                "application/json", "{\"outletId\":" + outlet + ",\"channel\":\"QR\"}", admin), "token"));
                    }
                }
                Files.writeString(file, String.join(",", questions) + "\n" + String.join(",", links) + "\n");
            }
            List<String> lines = Files.readAllLines(file);
            return new Setup(List.of(lines.get(1).split(",")),
                    Pattern.compile(",").splitAsStream(lines.get(0)).map(Long::parseLong).toList());
        }

        /** Six answers, the same for every attempt with one key. */
        String body(int client, int seq, String key) {
            return "{\"answers\":{\"" + questions.get(0) + "\":" + (1 + (client + seq) % 5) + ",\"" + questions.get(1)
                    + "\":4,\"" + questions.get(2) + "\":" + (1 + seq % 5) + ",\"" + questions.get(3) + "\":5,\""
                    + questions.get(4) + "\":" + (seq % 4) + ",\"" + questions.get(6) + "\":\"Quick and friendly, thank you\"},"
                    + "\"submissionKey\":\"" + key + "\",\"language\":\"zh\"}";
        }
    }
}
