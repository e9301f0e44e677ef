import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;

/**
 * A closed-loop HTTP load: N platform threads, each with its own kept-alive connection, sending
 * its next request as soon as the previous one is answered, for a warm-up and then a measured
 * window. Prints requests/s and latency percentiles of the measured window, and the CPU used
 * meanwhile by the app, PostgreSQL, this client and the rest of the machine (read from /proc).
 *
 * The client speaks plain HTTP/1.1 over a socket because it shares the two cores with the app and
 * PostgreSQL: java.net.http.HttpClient spent about 0.5 ms of CPU per request here (as much as the
 * app's own work on a survey response), so the client was measuring itself.
 */
final class BenchLoad {
    private BenchLoad() {
    }

    record Result(long okTotal, long errorsTotal, long okMeasured, double perSecond) {
    }

    /** One request: method, path (with query), extra header lines ("Name: value"), JSON body. */
    record Request(String method, String path, List<String> headers, String body) {
        static Request postJson(String path, String body, String... headers) {
            return new Request("POST", path, List.of(headers), body);
        }

        byte[] bytes(String host) {
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append("\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
                    .append(payload.length).append("\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
            byte[] all = Arrays.copyOf(h, h.length + payload.length);
            System.arraycopy(payload, 0, all, h.length, payload.length);
            return all;
        }
    }

    /** A kept-alive HTTP/1.1 connection; reopened when the server closes it or fails. */
    static final class Connection implements AutoCloseable {
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        String lastBody = "";

        Connection(URI base) {
            this.host = base.getHost();
            this.port = base.getPort() < 0 ? 80 : base.getPort();
        }

        /** Sends the request and reads the whole answer; returns its status code. */
        int exchange(Request r) throws IOException {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 16_384);
                out = socket.getOutputStream();
            }
            try {
                out.write(r.bytes(host + ":" + port));
                out.flush();
                String status = line();
                if (status == null || !status.startsWith("HTTP/1.1 ")) {
                    throw new IOException("no HTTP answer: " + status);
                }
                int code = Integer.parseInt(status.substring(9, 12));
                long length = -1;
                boolean chunked = false, close = false;
                for (String h; !(h = line()).isEmpty(); ) {
                    String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                    String value = h.substring(h.indexOf(':') + 1).trim();
                    switch (name) {
                        case "content-length" -> length = Long.parseLong(value);
                        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                        case "connection" -> close = value.equalsIgnoreCase("close");
                        default -> { }
                    }
                }
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                if (chunked) {
                    for (long n; (n = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; line()) {
                        body.write(in.readNBytes((int) n));
                    }
                    while (!line().isEmpty()) { // trailers
                    }
                } else if (length >= 0) {
                    body.write(in.readNBytes((int) length));
                } else {
                    body.write(in.readAllBytes());
                    close = true;
                }
                if (code != 201 && code != 200) {
                    lastBody = body.toString(StandardCharsets.UTF_8);
                }
                if (close) {
                    close();
                }
                return code;
            } catch (IOException | RuntimeException e) {
                close();
                throw e instanceof IOException io ? io : new IOException(e);
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        @Override
        public void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    /**
     * @param request  builds request i of client c
     * @param expected the status that counts as success
     */
    static Result run(String label, String base, int clients, long warmUpNs, long measureNs, long appPid,
                      BiFunction<Integer, Integer, Request> request, int expected) throws Exception {
        LongAdder ok = new LongAdder(), errors = new LongAdder(), measuredErrors = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long start = System.nanoTime(), measureFrom = start + warmUpNs, measureTo = measureFrom + measureNs;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int me = c;
            threads.add(Thread.ofPlatform().start(() -> {
                long[] mine = new long[65_536];
                int n = 0;
                Connection connection = new Connection(URI.create(base));
                for (int i = 0; ; i++) {
                    long t = System.nanoTime();
                    if (t >= measureTo) {
                        break;
                    }
                    boolean good;
                    try {
                        int status = connection.exchange(request.apply(me, i));
                        good = status == expected;
                        if (!good) {
                            firstError.compareAndSet(null, status + " " + connection.lastBody);
                        }
                    } catch (IOException e) {
                        good = false;
                        firstError.compareAndSet(null, e.toString());
                    }
                    long took = System.nanoTime() - t;
                    (good ? ok : errors).increment();
                    if (t >= measureFrom) {
                        if (good) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = took;
                        } else {
                            measuredErrors.increment();
                        }
                    }
                }
                connection.close();
                latencies[me] = mine;
                counts[me] = n;
            }));
        }
        sleepUntil(measureFrom);
        long[] cpuFrom = cpuTicks(appPid);
        sleepUntil(measureTo);
        long[] cpuTo = cpuTicks(appPid);
        for (Thread t : threads) {
            t.join();
        }
        long[] all = new long[Arrays.stream(counts).sum()];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        double seconds = measureNs / 1e9;
        System.out.printf("%s: clients=%d warm_up_s=%d seconds=%.0f ok=%d errors=%d req_per_s=%.0f "
                        + "p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", label, clients, warmUpNs / 1_000_000_000L,
                seconds, all.length, measuredErrors.sum(), all.length / seconds, pct(all, 50), pct(all, 90), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        double wallTicks = seconds * 100; // /proc counts CPU time in 1/100 s
        double[] cpu = new double[4];
        for (int i = 0; i < 4; i++) {
            cpu[i] = (cpuTo[i] - cpuFrom[i]) / wallTicks * 100;
        }
        System.out.printf("cpu during measurement (%% of one core; %d cores = %d): app=%.0f postgres=%.0f bench_client=%.0f "
                        + "other=%.0f machine_busy=%.0f%n", Runtime.getRuntime().availableProcessors(),
                100 * Runtime.getRuntime().availableProcessors(), cpu[0], cpu[1], cpu[2],
                Math.max(0, cpu[3] - cpu[0] - cpu[1] - cpu[2]), cpu[3]);
        if (firstError.get() != null) {
            System.out.println("first error: " + firstError.get().replaceAll("\\s+", " "));
        }
        return new Result(ok.sum(), errors.sum(), all.length, all.length / seconds);
    }

    /** CPU ticks used so far by the app, by all postgres processes, by this JVM, and by the whole machine. */
    static long[] cpuTicks(long appPid) throws IOException {
        long postgres = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat = procStat(p.resolve("stat"));
                if (stat != null && stat[0].equals("postgres")) {
                    postgres += Long.parseLong(stat[12]) + Long.parseLong(stat[13]);
                }
            }
        }
        String[] app = procStat(Path.of("/proc/" + appPid + "/stat"));
        String[] self = procStat(Path.of("/proc/" + ProcessHandle.current().pid() + "/stat"));
        String[] total = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < total.length; i++) {
            if (i != 4 && i != 5) { // not idle, not iowait
                busy += Long.parseLong(total[i]);
            }
        }
        return new long[] {app == null ? 0 : Long.parseLong(app[12]) + Long.parseLong(app[13]),
                postgres, Long.parseLong(self[12]) + Long.parseLong(self[13]), busy};
    }

    /** The fields of /proc/PID/stat from the command name on (index 0 = comm, 12 = utime, 13 = stime). */
    static String[] procStat(Path stat) {
        try {
            String s = Files.readString(stat);
            int open = s.indexOf('('), close = s.lastIndexOf(')');
            String rest = s.substring(close + 2);
            String[] fields = ("x " + rest).split(" ");
            fields[0] = s.substring(open + 1, close);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    /** Runs SQL through psql in the given database (PGHOST/PGPORT/PGUSER from the environment). */
    static String psql(String database, String sql) throws Exception {
        Process p = new ProcessBuilder("psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", database)
                .redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(sql.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        return out;
    }

    /** The resident memory of a process in kB (0 once it is gone). */
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
