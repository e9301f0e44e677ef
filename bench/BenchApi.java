import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmarks share: talking to a running ServiceLoop as the set-up administrator
 * ("bench" / "bench-password-1"). Found by the source launcher next to the benchmark it serves
 * (JDK 22 or later: `java bench/CaseBench.java …`).
 */
final class BenchApi {
    static final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static String base;

    private BenchApi() {
    }

    /** Signs in through the login form and issues an API token for the administrator (person 1). */
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

    static String id(String json) {
        return field(json, "id");
    }

    /** Enough JSON for a script: the first value of a top-level-looking key. */
    static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"?([^,\"}]*)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    /** The chain, set up through the API: its id first, then the outlets' ids (regions × outlets each). */
    static List<Long> organisation(String admin, int regions, int outletsPerRegion) throws Exception {
        List<Long> ids = new ArrayList<>();
        String chain = id(send("POST", "/api/v1/units", "application/json",
                "{\"kind\":\"CHAIN\",\"name\":\"Bench chain\",\"code\":\"B\"}", admin));
        ids.add(Long.parseLong(chain));
        for (int r = 1; r <= regions; r++) {
            String region = id(send("POST", "/api/v1/units", "application/json", "{\"kind\":\"REGION\",\"name\":"
                    + "\"Bench region " + r + "\",\"code\":\"B-R" + r + "\",\"parentId\":" + chain + "}", admin));
            for (int o = 1; o <= outletsPerRegion; o++) {
                ids.add(Long.parseLong(id(send("POST", "/api/v1/units", "application/json", "{\"kind\":\"OUTLET\","
                        + "\"name\":\"Outlet " + r + "-" + o + "\",\"code\":\"B" + r + "-" + o + "\",\"parentId\":"
                        + region + "}", admin))));
            }
        }
        return ids;
    }

    /** A unit's parent id (GET /api/v1/units/{id}). */
    static long parentOf(long unit, String token) throws Exception {
        return Long.parseLong(field(send("GET", "/api/v1/units/" + unit, "application/json", "", token), "parentId"));
    }

    /** GETs a binary answer (a PDF) and answers its length; anything but 200 fails. */
    static int bytes(String path, String token) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + " " + new String(r.body()));
        }
        return r.body().length;
    }

    /** The first administrator ("bench") and an API token for it. */
    static String administrator() throws Exception {
        send("POST", "/api/v1/setup", "application/json",
                "{\"displayName\":\"Bench\",\"username\":\"bench\",\"password\":\"bench-password-1\"}", null);
        return token();
    }
}
