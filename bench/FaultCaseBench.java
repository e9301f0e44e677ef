import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario (c) of faults.sh: two app instances on one database during the case load. 50 clients
 * record cases through both instances (client by client); every second the clocks of one new case
 * in ten are moved past their deadline (an SLA breach, as if the time had passed); every two
 * seconds both instances are also asked to sweep at the same moment (POST /api/v1/sla/sweep), on
 * top of their scheduled sweeps (every 2 s here, under ShedLock). Afterwards: every breach
 * escalated, no escalation message or mail twice, the escalations the sweeps report add up to the
 * escalated clocks, and no scheduled job ran on both instances at once (from ShedLock's log lines).
 *
 * usage: java FaultCaseBench.java BASE1,BASE2 DATABASE SECONDS LOG1,LOG2
 */
public class FaultCaseBench {
    static final int CLIENTS = 50;
    static final HttpClient PLAIN = HttpClient.newHttpClient();
    static final String BREACH = """
            UPDATE case_clock SET warn_at = now() - interval '2 seconds', due_at = now() - interval '1 second',
                   warn_pending_at = CASE WHEN warned_at IS NULL THEN now() - interval '2 seconds' END,
                   escalate_pending_at = now() - interval '1 second'
            WHERE stopped_at IS NULL AND escalated_at IS NULL AND escalate_pending_at > now() AND case_id %% 10 = 0
            """.formatted();

    public static void main(String[] args) throws Exception {
        String[] bases = args[0].split(",");
        String db = args[1];
        long seconds = Long.parseLong(args[2]);
        String[] logs = args[3].split(",");
        BenchApi.base = bases[0];

        String admin = BenchApi.administrator();
        List<Long> units = BenchApi.organisation(admin, 2, 5);
        List<Long> outlets = units.subList(1, units.size());
        long clerk = Long.parseLong(BenchApi.id(BenchApi.send("POST", "/api/v1/people", "application/json",
                "{\"displayName\":\"Bench clerk\",\"username\":\"clerk\",\"password\":\"clerk-password-1\","
                        + "\"role\":\"STAFF\",\"scopeUnitId\":" + units.getFirst() + "}", admin)));
        BenchApi.send("POST", "/api/v1/people", "application/json", "{\"displayName\":\"Chain manager\",\"username\":"
                + "\"manager\",\"password\":\"manager-password-1\",\"role\":\"MANAGER\",\"scopeUnitId\":" + units.getFirst()
                + ",\"email\":\"manager@example.com\"}", admin);
        String token = BenchApi.field(BenchApi.send("POST", "/api/v1/tokens", "application/json",
                "{\"name\":\"bench clerk\",\"personId\":" + clerk + "}", admin), "secret");

        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                BenchLoad.Connection connection = new BenchLoad.Connection(URI.create(bases[client % bases.length]));
                for (int i = 0; System.nanoTime() < end; i++) {
                    String body = "{\"outletId\":" + outlets.get((client + i) % outlets.size()) + ",\"channel\":\"COUNTER\","
                            + "\"caseType\":\"COMPLAINT\",\"severity\":\"MEDIUM\",\"description\":\"Fault bench complaint "
                            + client + "-" + i + "\"}";
                    String status;
                    try {
                        status = String.valueOf(connection.exchange(BenchLoad.Request.postJson("/api/v1/cases", body,
                                "Authorization: Bearer " + token)));
                    } catch (IOException e) {
                        status = "no_answer";
                    }
                    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                }
                connection.close();
            }));
        }
        Thread breaches = Thread.ofPlatform().start(() -> {
            while (System.nanoTime() < end) {
                psql(db, BREACH);
                FaultBench.pause(1000);
            }
        });
        // both instances sweep at the same moment, outside ShedLock: the mark on each clock alone keeps it once-only
        long[] manual = new long[bases.length];
        CyclicBarrier together = new CyclicBarrier(bases.length);
        List<Thread> sweepers = new ArrayList<>();
        for (int b = 0; b < bases.length; b++) {
            int me = b;
            sweepers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        together.await();
                        String answer = sweep(bases[me], admin);
                        manual[me] += Long.parseLong(BenchApi.field(answer, "escalated"));
                    } catch (Exception e) {
                        System.out.println("manual sweep failed: " + e);
                    }
                    FaultBench.pause(2000);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        breaches.join();
        for (Thread t : sweepers) {
            t.join();
        }
        psql(db, BREACH); // the last cases too, then wait for the scheduled sweeps
        long waitFrom = System.nanoTime();
        while (Long.parseLong(psql(db, "SELECT count(*) FROM case_clock WHERE escalate_pending_at <= now()")) > 0
                && System.nanoTime() - waitFrom < 120_000_000_000L) {
            FaultBench.pause(1000);
        }
        FaultBench.pause(3000); // a scheduled sweep that began just before may still be logging its count

        String[] f = psql(db, """
                SELECT (SELECT count(*) FROM support_case),
                       (SELECT count(*) FROM case_clock WHERE due_at <= now() AND stopped_at IS NULL),
                       (SELECT count(*) FROM case_clock WHERE escalated_at IS NOT NULL),
                       (SELECT count(*) FROM case_clock WHERE warned_at IS NOT NULL),
                       (SELECT count(*) FROM notification WHERE kind = 'ESCALATION'),
                       (SELECT count(*) - count(DISTINCT (person_id, case_id, clock_kind)) FROM notification WHERE kind = 'ESCALATION'),
                       (SELECT count(*) - count(DISTINCT (person_id, case_id, clock_kind)) FROM notification WHERE kind = 'WARNING'),
                       (SELECT count(*) FROM outbox WHERE channel = 'MAIL'),
                       (SELECT count(*) - count(DISTINCT (target, payload)) FROM outbox WHERE channel = 'MAIL'),
                       (SELECT count(*) FROM case_clock k WHERE escalated_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM notification n
                            WHERE n.case_id = k.case_id AND n.clock_kind = k.clock_kind AND n.kind = 'ESCALATION'))
                """).split("\\|");
        long cases = Long.parseLong(f[0]), breached = Long.parseLong(f[1]), escalated = Long.parseLong(f[2]);
        long notices = Long.parseLong(f[4]), noticeDuplicates = Long.parseLong(f[5]), warningDuplicates = Long.parseLong(f[6]);
        long mails = Long.parseLong(f[7]), mailDuplicates = Long.parseLong(f[8]), unannounced = Long.parseLong(f[9]);
        Map<String, Long> byStatus = new TreeMap<>();
        statuses.forEach((s, n) -> byStatus.put(s, n.sum()));
        System.out.printf("case load on 2 instances: clients=%d seconds=%d statuses=%s cases_in_db=%d%n", CLIENTS, seconds,
                byStatus, cases);
        long reported = 0;
        StringBuilder perInstance = new StringBuilder();
        for (int i = 0; i < logs.length; i++) {
            long scheduled = scheduledEscalations(Path.of(logs[i]));
            reported += scheduled + manual[i];
            perInstance.append(" instance").append(i + 1).append("_scheduled=").append(scheduled)
                    .append(" instance").append(i + 1).append("_called=").append(manual[i]);
        }
        // each escalation tells the chain's manager (inbox and mail) and the case's owner, the clerk (inbox)
        System.out.printf("sla: breaches=%d escalated=%d warned=%s not_escalated=%d escalation_notices=%d (%.2f per escalation) "
                        + "escalated_without_notice=%d notice_duplicates=%d warning_duplicates=%d mails=%d mail_duplicates=%d%n",
                breached, escalated, f[3], breached - escalated, notices, escalated == 0 ? 0.0 : (double) notices / escalated,
                unannounced, noticeDuplicates, warningDuplicates, mails, mailDuplicates);
        System.out.printf("escalations reported by the sweeps: total=%d%s (= escalated clocks: %s)%n", reported, perInstance,
                reported == escalated);
        long overlaps = jobs(logs);
        boolean ok = breached == escalated && noticeDuplicates == 0 && warningDuplicates == 0 && mailDuplicates == 0
                && reported == escalated && overlaps == 0 && !byStatus.containsKey("500") && unannounced == 0 && escalated > 0
                && byStatus.getOrDefault("201", 0L) == cases;
        System.out.println(ok ? "  check: passed" : "FAIL: two instances: a breach not escalated once, a duplicate, "
                + "an overlapping job run, a 500, or cases not matching their 201 answers");
        System.exit(ok ? 0 : 1);
    }

    static String sweep(String base, String admin) throws Exception {
        HttpResponse<String> r = PLAIN.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sla/sweep"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("sweep answered " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** The scheduled sweeps' own count ("SLA sweep: N warnings, M escalations"), which they log when it is not 0. */
    static long scheduledEscalations(Path log) throws IOException {
        long n = 0;
        Matcher m = Pattern.compile("SLA sweep: \\d+ warnings, (\\d+) escalations").matcher(Files.readString(log));
        while (m.find()) {
            n += Long.parseLong(m.group(1));
        }
        return n;
    }

    private record Run(int instance, OffsetDateTime from, OffsetDateTime to) {
    }

    /**
     * Each scheduled job's runs on each instance, from ShedLock's debug lines ("Locked 'job'" …
     * "Task finished, lock 'job'"), and the runs of one job on the two instances that overlap.
     */
    static long jobs(String[] logs) throws IOException {
        Pattern line = Pattern.compile("^(\\S+)\\s.*?(Locked|Task finished, lock|Not executing) '([\\w-]+)'");
        Map<String, List<Run>> runs = new TreeMap<>();
        Map<String, long[]> skipped = new TreeMap<>();
        for (int i = 0; i < logs.length; i++) {
            Map<String, OffsetDateTime> open = new TreeMap<>();
            for (String l : Files.readAllLines(Path.of(logs[i]))) {
                Matcher m = line.matcher(l);
                if (!m.find()) {
                    continue;
                }
                OffsetDateTime at = OffsetDateTime.parse(m.group(1));
                String job = m.group(3);
                switch (m.group(2)) {
                    case "Locked" -> open.put(job, at);
                    case "Not executing" -> skipped.computeIfAbsent(job, j -> new long[logs.length])[i]++;
                    default -> {
                        OffsetDateTime from = open.remove(job);
                        if (from != null) {
                            runs.computeIfAbsent(job, j -> new ArrayList<>()).add(new Run(i, from, at));
                        }
                    }
                }
            }
        }
        long overlaps = 0;
        for (var e : runs.entrySet()) {
            List<Run> all = e.getValue();
            long mine = 0;
            for (int a = 0; a < all.size(); a++) {
                for (int b = a + 1; b < all.size(); b++) {
                    Run x = all.get(a), y = all.get(b);
                    if (x.instance() != y.instance() && x.from().isBefore(y.to()) && y.from().isBefore(x.to())) {
                        mine++;
                    }
                }
            }
            overlaps += mine;
            long[] skips = skipped.getOrDefault(e.getKey(), new long[logs.length]);
            System.out.printf("job %s: runs instance1=%d instance2=%d skipped_as_locked instance1=%d instance2=%d "
                            + "overlapping_runs=%d%n", e.getKey(), all.stream().filter(r -> r.instance() == 0).count(),
                    all.stream().filter(r -> r.instance() == 1).count(), skips[0], skips.length > 1 ? skips[1] : 0, mine);
        }
        return overlaps;
    }

    static String psql(String db, String sql) {
        try {
            return BenchLoad.psql(db, sql).strip();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
