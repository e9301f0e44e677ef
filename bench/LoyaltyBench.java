import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Loyal-customer roster and segment insight benchmark (issue #16): loads outlets through the API and
 * customers, visits, complaints and survey answers straight into PostgreSQL with generate_series, runs
 * the full customer-stats refresh through the API, then times the roster of the biggest outlet and
 * the segment insight of the chain. Run by bench/loyalty.sh; JDK >= 22 (finds BenchApi.java and
 * BenchLoad.java next to it).
 *
 * args: base-url app-pid database outlets customers big-outlet-customers visits roster-requests
 */
public class LoyaltyBench {
    private static final String[] GROUPS = {"TRULY_LOYAL", "LATENT", "SPURIOUS", "LAPSED_HEAVY", "LAPSED_MEDIUM"};
    private static final String[] SORTS = {"value", "lastVisit", "visits"};

    public static void main(String[] args) throws Exception {
        BenchApi.base = args[0];
        String db = args[2];
        int outlets = Integer.parseInt(args[3]);
        long customers = Long.parseLong(args[4]);
        long big = Math.min(customers, Long.parseLong(args[5]));
        long visits = Long.parseLong(args[6]);
        int requests = Integer.parseInt(args[7]);
        // LOYALTY_REUSE=1: the database of an earlier run is kept (its load takes most of the time)
        boolean reuse = "1".equals(System.getenv("LOYALTY_REUSE"));
        String admin = reuse ? BenchApi.token() : BenchApi.administrator();
        long chain;
        List<Long> outletIds;
        if (reuse) {
            chain = Long.parseLong(BenchLoad.psql(db, "SELECT min(id) FROM org_unit WHERE kind = 'CHAIN'").strip());
            outletIds = Arrays.stream(BenchLoad.psql(db, "SELECT string_agg(id::text, ',' ORDER BY id) FROM org_unit "
                    + "WHERE kind = 'OUTLET'").strip().split(",")).map(Long::valueOf).toList();
        } else {
            int regions = Math.max(1, outlets / 50);
            List<Long> org = BenchApi.organisation(admin, regions, Math.max(1, outlets / regions));
            chain = org.getFirst();
            outletIds = org.subList(1, org.size());
            System.out.printf("organisation: 1 chain, %d regions, %d outlets (created through the API)%n", regions,
                    outletIds.size());
        }
        long bigOutlet = outletIds.getFirst();

        long t = System.nanoTime();
        if (!reuse) {
            load(db, outletIds, customers, big, visits);
        }
        System.out.printf("load: customers=%s (outlet %d: %d) visits=%s seconds=%.1f%s%n",
                BenchLoad.psql(db, "SELECT count(*) FROM customer").strip(), bigOutlet, big,
                BenchLoad.psql(db, "SELECT count(*) FROM visit").strip(), (System.nanoTime() - t) / 1e9,
                reuse ? " (kept from an earlier run)" : "");

        t = System.nanoTime();
        String result = BenchApi.send("POST", "/api/v1/customer-stats/refresh", "application/json", "", admin);
        System.out.printf("full refresh: wall_seconds=%.1f server=%s rows=%s segment_rows=%s%n",
                (System.nanoTime() - t) / 1e9, result.strip(),
                BenchLoad.psql(db, "SELECT count(*) FROM customer_stats").strip(),
                BenchLoad.psql(db, "SELECT count(*) FROM customer_segment").strip());
        System.out.println("roster groups of the big outlet: " + BenchLoad.psql(db,
                "SELECT string_agg(roster_group || '=' || n, ' ') FROM (SELECT roster_group, count(*) AS n "
                        + "FROM customer_stats WHERE outlet_id = " + bigOutlet + " AND roster_group IS NOT NULL "
                        + "GROUP BY roster_group ORDER BY roster_group) g").strip());

        Random rnd = new Random(16);
        for (int i = 0; i < 20; i++) {
            get(rosterUrl(bigOutlet, rnd), admin);
        }
        long[] roster = new long[requests];
        for (int i = 0; i < requests; i++) {
            roster[i] = get(rosterUrl(bigOutlet, rnd), admin);
        }
        report("roster (outlet with " + big + " customers, size 50, varied group/sort/page)", roster);

        for (int i = 0; i < 5; i++) {
            get("/api/v1/segments?unitId=" + chain, admin);
        }
        long[] chainView = new long[50];
        for (int i = 0; i < chainView.length; i++) {
            chainView[i] = get("/api/v1/segments?unitId=" + chain, admin);
        }
        report("segment insight (chain, " + outletIds.size() + " outlets, " + customers + " customers)", chainView);
        long[] outletView = new long[50];
        for (int i = 0; i < outletView.length; i++) {
            outletView[i] = get("/api/v1/segments?unitId=" + outletIds.get(rnd.nextInt(outletIds.size())), admin);
        }
        report("segment insight (one outlet)", outletView);
        dueList(db, admin, bigOutlet, big, requests, rnd);
    }

    /**
     * The contact due list: seven in ten customers agreed to be contacted, the four kinds of chain-wide
     * rule; the big outlet's list is generated once (timed, as the nightly job would) and then read.
     */
    private static void dueList(String db, String admin, long outlet, long customers, int requests, Random rnd)
            throws Exception {
        BenchLoad.psql(db, "UPDATE customer SET consent_contact = TRUE WHERE id % 10 < 7; VACUUM ANALYZE customer;");
        String[] rules = {
            "{\"name\":\"thank\",\"kind\":\"THANK\",\"rosterGroup\":\"TRULY_LOYAL\",\"periodDays\":90,\"leadDays\":0,\"active\":true}",
            "{\"name\":\"latent\",\"kind\":\"ASK_LATENT\",\"rosterGroup\":\"LATENT\",\"periodDays\":180,\"leadDays\":0,\"active\":true}",
            "{\"name\":\"win back\",\"kind\":\"WIN_BACK\",\"rosterGroup\":\"LAPSED_HEAVY\",\"leadDays\":0,\"lapseDays\":60,"
                    + "\"windowDays\":30,\"active\":true}",
            "{\"name\":\"refill\",\"kind\":\"REFILL\",\"leadDays\":3,\"active\":true}"};
        for (String rule : rules) {
            BenchApi.send("POST", "/api/v1/contact-rules/chain-wide", "application/json", rule, admin);
        }
        long t = System.nanoTime();
        String run = BenchApi.send("POST", "/api/v1/contact-due/generate?outletId=" + outlet, "application/json", "", admin);
        System.out.printf("due list generated for the outlet with %d customers: seconds=%.1f result=%s open_items=%s%n",
                customers, (System.nanoTime() - t) / 1e9, run.strip(),
                BenchLoad.psql(db, "SELECT count(*) FROM contact_due WHERE closed_seq = 0 AND outlet_id = " + outlet).strip());
        for (int i = 0; i < 20; i++) {
            get("/api/v1/contact-due?outletId=" + outlet + "&page=" + rnd.nextInt(20) + "&size=50", admin);
        }
        long[] due = new long[requests];
        for (int i = 0; i < requests; i++) {
            int page = rnd.nextInt(10) == 0 ? 100 + rnd.nextInt(100) : rnd.nextInt(20);
            due[i] = get("/api/v1/contact-due?outletId=" + outlet + "&page=" + page + "&size=50", admin);
        }
        report("due list (outlet with " + customers + " customers, size 50, varied page)", due);
    }

    private static String rosterUrl(long outlet, Random rnd) {
        int page = rnd.nextInt(10) == 0 ? 100 + rnd.nextInt(100) : rnd.nextInt(20);
        return "/api/v1/outlets/" + outlet + "/roster?group=" + GROUPS[rnd.nextInt(GROUPS.length)] + "&sort="
                + SORTS[rnd.nextInt(SORTS.length)] + "&page=" + page + "&size=50";
    }

    private static long get(String path, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> r = BenchApi.http.send(HttpRequest.newBuilder(URI.create(BenchApi.base + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - start;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + " " + new String(r.body()));
        }
        return took;
    }

    private static void report(String what, long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: requests=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", what, sorted.length,
                BenchLoad.pct(sorted, 50), BenchLoad.pct(sorted, 95), BenchLoad.pct(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    /**
     * Customers: the first {@code big} at the first outlet, the rest spread over the others; six in ten
     * have told us whether they would recommend us. Visits: over the last two years, skewed so that a
     * fifth of the customers make most of them (a cubed random rank, scattered over the ids).
     */
    private static void load(String db, List<Long> outlets, long customers, long big, long visits) throws Exception {
        String ids = outlets.stream().map(String::valueOf).collect(Collectors.joining(","));
        int others = Math.max(1, outlets.size() - 1);
        BenchLoad.psql(db, """
                INSERT INTO customer (member_no, name, phone, home_outlet_id, would_recommend)
                SELECT 'C' || g, '顾客' || g, '138' || lpad(g::text, 8, '0'),
                       CASE WHEN g <= %2$d THEN (ARRAY[%1$s])[1] ELSE (ARRAY[%1$s])[%5$d + 1 + (g %% %3$d)] END,
                       CASE WHEN g %% 10 < 6 THEN (g * 7) %% 11 END
                FROM generate_series(1, %4$d) g;
                ANALYZE customer;
                CREATE TEMPORARY TABLE bounds AS SELECT min(id) AS lo, count(*) AS n FROM customer;
                INSERT INTO visit (customer_id, outlet_id, visited_at, amount, items, dedup_key)
                SELECT c.id, c.home_outlet_id, now()::timestamp - random() * interval '730 days',
                       round((5 + random() * 195)::numeric, 2), 1 + (random() * 5)::int, gen_random_uuid()
                FROM (SELECT b.lo + (floor(power(random(), 3) * b.n)::bigint * 7919) %% b.n AS cid
                      FROM generate_series(1, %6$d) g CROSS JOIN bounds b) v
                JOIN customer c ON c.id = v.cid;
                INSERT INTO support_case (outlet_id, customer_id, channel, case_type, severity, status, description,
                    owner_id, received_by, created_at, updated_at)
                SELECT c.home_outlet_id, c.id, 'COUNTER', CASE WHEN g %% 4 = 0 THEN 'REQUEST' ELSE 'COMPLAINT' END,
                       'LOW', 'CLOSED', 'bench', 1, 1, now() - random() * interval '500 days', now()
                FROM generate_series(1, %7$d) g JOIN customer c ON c.id = (SELECT lo FROM bounds) + (g::bigint * 104729) %% (SELECT n FROM bounds);
                INSERT INTO survey_response (survey_id, outlet_id, link_token, channel, customer_id, complete,
                    satisfaction, submitted_at, submission_key)
                SELECT 1, c.home_outlet_id, 'bench', 'LINK', c.id, TRUE, round((40 + random() * 60)::numeric, 2),
                       now() - random() * interval '500 days', 'k' || g
                FROM generate_series(1, %8$d) g JOIN customer c ON c.id = (SELECT lo FROM bounds) + (g::bigint * 15485863) %% (SELECT n FROM bounds);
                VACUUM ANALYZE customer;
                VACUUM ANALYZE visit;
                """.formatted(ids, big, others, customers, 1, visits, Math.max(10, customers / 100),
                Math.max(10, customers / 50)));
    }
}
