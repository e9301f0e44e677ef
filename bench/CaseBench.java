import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drives the case benchmark against a running ServiceLoop (see cases.sh): sets up an administrator,
 * outlets and a staff member with an API token through the API, loads N cases (M of them open, with
 * their SLA clocks and CREATED events) straight into PostgreSQL with set-based SQL, times the SLA
 * sweep's two queries on that volume, times the case list's search box chain-wide, then has 50
 * concurrent clients record cases through POST /api/v1/cases and prints requests/s and latency
 * percentiles; last, the searches again without their trigram indexes, for comparison.
 *
 * usage: java CaseBench.java BASE_URL APP_PID DATABASE CASES OPEN WORKDIR [WARM_UP_SECONDS=5]
 * env:   PGHOST/PGPORT/PGUSER for psql (cases.sh exports them)
 */
public class CaseBench {
    static final int CLIENTS = 50;
    static final long MEASURE_NS = 20_000_000_000L;
    static long warmUpNs;
    static String database;
    static Path work;

    public static void main(String[] args) throws Exception {
        BenchApi.base = args[0];
        long pid = Long.parseLong(args[1]);
        database = args[2];
        int cases = Integer.parseInt(args[3]);
        int open = Integer.parseInt(args[4]);
        work = Path.of(args[5]);
        warmUpNs = (args.length > 6 ? Long.parseLong(args[6]) : 5) * 1_000_000_000L;

        // Set-up through the API, as a user would: first administrator, 1 chain, 2 regions,
        // 20 outlets, and a staff member scoped to the chain who signs in and owns the API token.
        String admin = BenchApi.administrator();
        List<Long> units = BenchApi.organisation(admin, 2, 10);
        String chain = String.valueOf(units.getFirst());
        List<Long> outlets = units.subList(1, units.size());
        long staff = Long.parseLong(BenchApi.id(BenchApi.send("POST", "/api/v1/people", "application/json",
                "{\"displayName\":\"Bench clerk\",\"username\":\"clerk\",\"password\":\"clerk-password-1\","
                        + "\"role\":\"STAFF\",\"scopeUnitId\":" + chain + "}", admin)));
        String token = BenchApi.field(BenchApi.send("POST", "/api/v1/tokens", "application/json",
                "{\"name\":\"bench clerk\",\"personId\":" + staff + "}", admin), "secret");
        System.out.println("setup: outlets=" + outlets.size() + " staff_id=" + staff + " token=" + token.substring(0, 6) + "…");

        // Bulk load in one psql session, then VACUUM ANALYZE (the ANALYZE for the planner; the
        // VACUUM so that autovacuum does not start on the fresh tables in the middle of the timings).
        long t0 = System.nanoTime();
        psql(loadSql(cases, open, staff, outlets));
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        psql("VACUUM (ANALYZE) support_case, case_clock, case_event;");
        double analyzeSeconds = (System.nanoTime() - t0) / 1e9;
        String[] counts = psql("""
                SELECT (SELECT count(*) FROM support_case), (SELECT count(*) FROM support_case WHERE status <> 'CLOSED'),
                       (SELECT count(*) FROM case_clock), (SELECT count(*) FROM case_clock WHERE stopped_at IS NULL),
                       (SELECT count(*) FROM case_event),
                       pg_size_pretty(pg_total_relation_size('support_case') + pg_total_relation_size('case_clock')
                                      + pg_total_relation_size('case_event'))""").strip().split("\\|");
        System.out.printf("load: cases=%s open=%s clocks=%s running_clocks=%s events=%s seconds=%.1f "
                        + "cases_per_s=%.0f vacuum_analyze_seconds=%.1f size=%s%n", counts[0], counts[1], counts[2],
                counts[3], counts[4], loadSeconds, cases / loadSeconds, analyzeSeconds, counts[5].replace(" ", ""));
        System.out.println("running clocks: " + psql("""
                SELECT 'past_due=' || count(*) FILTER (WHERE due_at <= now())
                    || ' warn_due=' || count(*) FILTER (WHERE warn_at <= now() AND due_at > now())
                    || ' future=' || count(*) FILTER (WHERE warn_at > now())
                    || ' past_due_pct=' || round(100.0 * count(*) FILTER (WHERE due_at <= now()) / count(*), 1)
                    || ' warn_due_pct=' || round(100.0 * count(*) FILTER (WHERE warn_at <= now() AND due_at > now()) / count(*), 1)
                FROM case_clock WHERE stopped_at IS NULL""").strip());

        // the app's queries (SlaSweep), less the batch limit, so that every row due is fetched
        sweep("warn", "SELECT case_id, clock_kind FROM case_clock WHERE warn_pending_at <= %s ORDER BY warn_pending_at",
                "case_clock_warn_pending_ix");
        sweep("escalate", "SELECT case_id, clock_kind FROM case_clock WHERE escalate_pending_at <= %s "
                + "ORDER BY escalate_pending_at", "case_clock_escalate_pending_ix");

        backlog();
        search(token, "with the trigram indexes (db/vendor/postgresql V10)");
        create(pid, token, outlets);
        // the same searches without the indexes, for comparison (after the case creation, which is
        // measured with the indexes the app really has, as it pays for keeping them)
        psql("DROP INDEX support_case_description_trgm, support_case_remedy_trgm, customer_name_trgm, customer_phone_trgm;");
        search(token, "without them (dropped after the case creation)");
    }

    /**
     * The search box on the case list, chain-wide (the clerk's scope is the whole chain): a common
     * phrase in English and in Chinese, a rare one, text that is nowhere, a case number. Each term
     * once to warm up, then 10 times one after the other; the first page (20 cases) and its total.
     */
    static void search(String token, String label) throws Exception {
        System.out.println("case search " + label + ":");
        for (String q : List.of("torn box", "四十分钟", "(case 424242)", "case 4242", "nothing-like-this", "#500000")) {
            String path = "/api/v1/cases?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
            String total = BenchApi.field(BenchApi.send("GET", path, "application/json", "", token), "total");
            long[] ns = new long[10];
            for (int i = 0; i < ns.length; i++) {
                long t = System.nanoTime();
                BenchApi.send("GET", path, "application/json", "", token);
                ns[i] = System.nanoTime() - t;
            }
            Arrays.sort(ns);
            System.out.printf("  q=\"%s\": total=%s median_ms=%.1f max_ms=%.1f%n", q, total,
                    (ns[4] + ns[5]) / 2e6, ns[ns.length - 1] / 1e6);
        }
    }

    /**
     * The bulk load leaves thousands of clocks past their warning or deadline at once, which a live
     * system never has. The app's own sweep (every minute) works them off: warnings and escalations
     * in the inbox, mails in the outbox. Timing that end to end is a figure of its own; waiting for
     * it also keeps the burst out of the case-recording measurement that follows.
     */
    static void backlog() throws Exception {
        String at = psql("SELECT now()::text").strip();
        String due = "SELECT count(*) FROM case_clock WHERE warn_pending_at <= '%1$s' OR escalate_pending_at <= '%1$s'"
                .formatted(at);
        long start = System.nanoTime(), first = Long.parseLong(psql(due).strip()), left = first;
        while (left > 0 && System.nanoTime() - start < 900_000_000_000L) {
            Thread.sleep(2_000);
            left = Long.parseLong(psql(due).strip());
        }
        System.out.printf("sweep backlog (the app's scheduled sweep, every minute): clocks_due_at_start=%d left=%d "
                        + "seconds=%.0f inbox_notifications=%s outbox_mails=%s%n", first, left,
                (System.nanoTime() - start) / 1e9, psql("SELECT count(*) FROM notification").strip(),
                psql("SELECT count(*) FROM outbox").strip());
    }

    /**
     * CASES cases (1,000,000 by default) over the last 365 days, ids in creation order. Open cases lean to the recent
     * end (a case is open with a chance that falls with its age) and are RECEIVED, ACKNOWLEDGED,
     * IN_PROGRESS or RESOLVED; the clocks follow the app's lifecycle (ClockEffects): first response
     * and resolution start at creation, the follow-up clock at resolution; the first response stops
     * at the first move, the resolution clock at RESOLVED, everything is stopped on a closed case.
     * So a case has 2 clocks (RECEIVED, ACKNOWLEDGED, IN_PROGRESS) or 3 (RESOLVED, CLOSED), and an
     * open case has 1 or 2 running. A stopped clock's deadline is its start plus the SLA target
     * (business minutes from sla_target, doubled for wall time at 12 opening hours a day). A running
     * clock is past due with chance 2 %, between warning and deadline with 3 %, and otherwise
     * due in the future with its warning also in the future; warn_at is always due_at minus 20 % of
     * the span since started_at. warned_at / escalated_at stay NULL (nothing has been swept yet), so a
     * running clock's warn_pending_at / escalate_pending_at are its warn_at / due_at.
     * Foreign-key triggers are off for the session (session_replication_role = replica): every
     * reference is right by construction, and checking them would cost a trigger call for each of
     * some 8 million references.
     */
    static String loadSql(int cases, int open, long staff, List<Long> outlets) {
        String outletArray = outlets.stream().map(String::valueOf).collect(Collectors.joining(","));
        return """
                SET session_replication_role = replica;
                SELECT setseed(0.42);
                CREATE TEMP TABLE bench_seed AS
                SELECT row_number() OVER (ORDER BY age DESC) AS id, now() - age AS created_at,
                       row_number() OVER (ORDER BY extract(epoch FROM age) * (0.05 + random())) <= %2$d AS is_open,
                       random() AS u_outlet, random() AS u_type, random() AS u_sev, random() AS u_channel,
                       random() AS u_status, random() AS u_text, random() AS u_fr, random() AS u_res, random() AS u_fu,
                       random() AS b_fr, random() AS b_res, random() AS b_fu,
                       random() AS p_fr, random() AS p_res, random() AS p_fu
                FROM (SELECT random() * interval '365 days' AS age FROM generate_series(1, %1$d)) g;

                CREATE TEMP TABLE bench_case AS
                WITH typed AS (
                    SELECT s.*,
                           (ARRAY[%3$s]::bigint[])[1 + floor(power(u_outlet, 1.3) * %4$d)::int] AS outlet_id,
                           CASE WHEN u_type < 0.60 THEN 'COMPLAINT' WHEN u_type < 0.85 THEN 'REQUEST'
                                WHEN u_type < 0.95 THEN 'PRAISE' ELSE 'SUGGESTION' END AS case_type,
                           CASE WHEN u_channel < 0.40 THEN 'COUNTER' WHEN u_channel < 0.70 THEN 'PHONE'
                                WHEN u_channel < 0.90 THEN 'ONLINE' WHEN u_channel < 0.97 THEN 'SURVEY' ELSE 'LETTER' END AS channel,
                           CASE WHEN NOT is_open THEN 'CLOSED' WHEN u_status < 0.25 THEN 'RECEIVED'
                                WHEN u_status < 0.45 THEN 'ACKNOWLEDGED' WHEN u_status < 0.80 THEN 'IN_PROGRESS'
                                ELSE 'RESOLVED' END AS status
                    FROM bench_seed s
                ), rated AS (
                    SELECT t.*, CASE WHEN case_type IN ('PRAISE', 'SUGGESTION') OR u_sev >= 0.75 THEN 'LOW'
                                     WHEN u_sev < 0.15 THEN 'HIGH' ELSE 'MEDIUM' END AS severity
                    FROM typed t
                ), sla AS (
                    SELECT case_type, severity,
                           max(minutes) FILTER (WHERE clock_kind = 'FIRST_RESPONSE') * interval '2 minutes' AS s_fr,
                           max(minutes) FILTER (WHERE clock_kind = 'RESOLUTION') * interval '2 minutes' AS s_res,
                           max(minutes) FILTER (WHERE clock_kind = 'FOLLOW_UP') * interval '2 minutes' AS s_fu
                    FROM sla_target GROUP BY case_type, severity
                ), first_response AS (
                    SELECT r.*, sla.s_fr, sla.s_res, sla.s_fu,
                           CASE WHEN status <> 'RECEIVED' THEN least(created_at + s_fr * (0.1 + u_fr), now()) END AS fr_stop
                    FROM rated r JOIN sla USING (case_type, severity)
                ), resolution AS (
                    SELECT f.*,
                           CASE WHEN status = 'RESOLVED' THEN fr_stop + (now() - fr_stop) * u_res
                                WHEN status = 'CLOSED' THEN greatest(fr_stop, least(created_at + s_res * (0.2 + 0.95 * u_res), now()))
                           END AS resolved_at
                    FROM first_response f
                )
                SELECT r.*, CASE WHEN status = 'CLOSED' THEN least(resolved_at + s_fu * (0.1 + u_fu), now()) END AS closed_at
                FROM resolution r;

                INSERT INTO support_case (id, outlet_id, customer_id, channel, case_type, severity, status, description,
                                          owner_id, received_by, created_at, updated_at, version, resolved_at, closed_at)
                SELECT id, outlet_id, NULL, channel, case_type, severity, status,
                       (ARRAY['Waited over forty minutes at the counter although only two customers were ahead.',
                              'The parcel arrived with a torn box and one of the three items missing.',
                              'Staff member was rude when asked to check the price of the promotion item.',
                              'Asked for a copy of the invoice for last month; nobody called back as promised.',
                              'Phone line was busy all morning; could not reach the outlet to change the pick-up.',
                              'Very friendly help with the returns form, please pass on our thanks.',
                              'The queue ticket machine was out of paper, people were arguing about the order.',
                              'Charged twice for the same delivery, card statement attached by e-mail.',
                              '在柜台等了四十分钟，前面只有两位顾客。',
                              '药剂师讲解用药很耐心，特此表扬。'])[1 + floor(u_text * 10)::int]
                           || ' (case ' || id || ')',
                       %5$d, %5$d, created_at,
                       coalesce(closed_at, resolved_at, fr_stop, created_at),
                       CASE status WHEN 'RECEIVED' THEN 0 WHEN 'ACKNOWLEDGED' THEN 1 WHEN 'IN_PROGRESS' THEN 2
                                   WHEN 'RESOLVED' THEN 3 ELSE 5 END,
                       resolved_at, closed_at
                FROM bench_case ORDER BY id;

                INSERT INTO case_clock (case_id, clock_kind, started_at, due_at, warn_at, stopped_at, warn_pending_at,
                                        escalate_pending_at)
                SELECT id, kind, started_at, due_at, due_at - (due_at - started_at) * 0.2, stopped_at,
                       CASE WHEN stopped_at IS NULL THEN due_at - (due_at - started_at) * 0.2 END,
                       CASE WHEN stopped_at IS NULL THEN due_at END
                FROM (
                    SELECT c.id, k.kind, k.started_at, k.stopped_at,
                           CASE WHEN k.stopped_at IS NOT NULL THEN k.started_at + k.span
                                WHEN k.b < 0.02 THEN k.started_at + (now() - k.started_at) * k.p
                                WHEN k.b < 0.05 THEN now() + (now() - k.started_at) * 0.25 * k.p
                                ELSE now() + (now() - k.started_at) * 0.25 + k.span * (0.05 + k.p) END AS due_at
                    FROM bench_case c
                    CROSS JOIN LATERAL (VALUES
                        ('FIRST_RESPONSE', c.created_at, c.fr_stop, c.s_fr, c.b_fr, c.p_fr),
                        ('RESOLUTION', c.created_at, c.resolved_at, c.s_res, c.b_res, c.p_res),
                        ('FOLLOW_UP', c.resolved_at, c.closed_at, c.s_fu, c.b_fu, c.p_fu)) k(kind, started_at, stopped_at, span, b, p)
                    WHERE k.started_at IS NOT NULL
                ) x
                ORDER BY id, kind;

                INSERT INTO case_event (case_id, occurred_at, actor_id, kind, from_status, to_status, detail)
                SELECT id, created_at, %5$d, 'CREATED', NULL, 'RECEIVED', channel FROM bench_case ORDER BY id;

                -- The ids were given explicitly: move the identity on so that the app's inserts follow them.
                SELECT setval(pg_get_serial_sequence('support_case', 'id'), (SELECT max(id) FROM support_case));
                """.formatted(cases, open, outletArray, outlets.size(), staff);
    }

    /**
     * Times one sweep query in one psql session, as the app runs it on a pooled connection: once
     * on its own (the first read in a fresh backend also pays for mapping the shared buffers it
     * touches; reported as first_ms, not in the median), then 5 times with EXPLAIN (ANALYZE,
     * BUFFERS) for the server's execution time, then 5 times as a plain fetch of all rows (psql's
     * \timing, rows sent to the client included).
     */
    static void sweep(String name, String query, String index) throws Exception {
        String sql = query.formatted("now()");
        String out = psql("\\timing on\n\\o /dev/null\n" + sql + ";\n\\o\n"
                + ("EXPLAIN (ANALYZE, BUFFERS) " + sql + ";\n").repeat(5) + "\\o /dev/null\n" + (sql + ";\n").repeat(5));
        List<Double> times = all(out, "(?m)^Time: ([0-9.]+) ms"), executed = all(out, "Execution Time: ([0-9.]+) ms");
        if (times.size() != 11 || executed.size() != 5) {
            throw new IllegalStateException("unexpected psql output: " + out);
        }
        List<Double> fetched = times.subList(6, 11);
        String plan = out.substring(out.indexOf('\n', out.indexOf("Time:")) + 1, out.indexOf("Execution Time:"));
        Files.writeString(work.resolve("cases-plan-" + name + ".txt"), plan + "Execution Time: " + executed.get(0) + " ms\n");
        String top = plan.lines().findFirst().orElse("");
        System.out.printf("sweep %s: rows=%s first_ms=%.1f median_ms=%.1f max_ms=%.1f fetch_median_ms=%.1f fetch_max_ms=%.1f "
                        + "indexes=%s uses_%s=%s plan=\"%s\" buffers=%s%n", name, match(top, "actual time=\\S+ rows=(\\d+)"),
                times.get(0), median(executed), max(executed), median(fetched), max(fetched), indexes(plan), index,
                plan.contains(index), top.replaceAll("\\s+\\(cost=.*", ""), match(plan, "Buffers: ([^\\n]*)").replace(' ', '_'));
        // The app will bind :now as a parameter; once the JDBC driver has prepared the statement on
        // the server, PostgreSQL may settle on a generic plan, which cannot see the value. That plan too:
        String generic = psql("SET plan_cache_mode = force_generic_plan;\nPREPARE q(timestamptz) AS "
                + query.formatted("$1") + ";\n\\o /dev/null\nEXECUTE q(now());\n\\o\nEXPLAIN (ANALYZE, BUFFERS) EXECUTE q(now());");
        String genericTop = generic.lines().filter(l -> l.contains("actual time")).findFirst().orElse("");
        System.out.printf("sweep %s generic plan: ms=%s indexes=%s uses_%s=%s plan=\"%s\" buffers=%s%n", name,
                match(generic, "Execution Time: ([0-9.]+) ms"), indexes(generic), index, generic.contains(index),
                genericTop.replaceAll("\\s+\\(cost=.*", "").strip(), match(generic, "Buffers: ([^\\n]*)").replace(' ', '_'));
    }

    static List<Double> all(String text, String regex) {
        List<Double> xs = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            xs.add(Double.parseDouble(m.group(1)));
        }
        return xs;
    }

    /** The indexes a plan reads, comma-separated, or "none" (a sequential scan). */
    static String indexes(String plan) {
        Matcher m = Pattern.compile("Index (?:Only )?Scan (?:using|on) (\\w+)").matcher(plan);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names.isEmpty() ? "none" : String.join(",", names);
    }

    /**
     * 50 platform threads, each with its own loop, record cases through the API for 5 s of warm-up
     * (BENCH_WARMUP, 30 s by default) and 20 s of measurement; only 201 answers count as successes. Afterwards the
     * number of new support_case rows must equal the number of 201 answers (warm-up included).
     */
    static void create(long appPid, String token, List<Long> outlets) throws Exception {
        long before = Long.parseLong(psql("SELECT count(*) FROM support_case").strip());
        BenchLoad.Result r = BenchLoad.run("case creation", BenchApi.base, CLIENTS, warmUpNs, MEASURE_NS, appPid, (client, i) -> {
            String body = "{\"outletId\":" + outlets.get((client + i) % outlets.size()) + ",\"channel\":\"COUNTER\","
                    + "\"caseType\":\"COMPLAINT\",\"severity\":\"MEDIUM\",\"description\":\"Bench complaint "
                    + client + "-" + i + ": waited too long at the counter\"}";
            return BenchLoad.Request.postJson("/api/v1/cases", body, "Authorization: Bearer " + token);
        }, 201);
        long after = Long.parseLong(psql("SELECT count(*) FROM support_case").strip());
        System.out.printf("db check: new_support_case_rows=%d http_201_total=%d http_errors_total=%d match=%s%n",
                after - before, r.okTotal(), r.errorsTotal(), after - before == r.okTotal());
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.isEmpty() ? 0 : s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    /** Runs SQL through psql on the bench database (tuples only, unaligned) and returns what it printed. */
    static String psql(String sql) throws Exception {
        return BenchLoad.psql(database, sql);
    }
}
