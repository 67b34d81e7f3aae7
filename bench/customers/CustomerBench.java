import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customer import and search benchmark, run by bench/customers/run.sh against a running server with the demo
 * tenant. Uses only the JDK. Arguments: base URL, rows to import, search queries, concurrent clients.
 */
public class CustomerBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String[] FIRST = {"Nadia", "Rafiq", "Sadia", "Tanvir", "Farhana", "Imran", "Ayesha", "Kamal", "Nusrat", "Arif",
        "Shirin", "Hasan", "Mitu", "Jamal", "Rumana", "Sabbir", "Lamia", "Faisal", "Tahmina", "Rashed", "Priya", "Anik", "Moumita",
        "Sajid", "Elena", "Omar", "Grace", "Daniel", "Amina", "Victor", "Zara", "Karim", "Lina", "Mahir", "Tania", "Rohan"};
    static final String[] LAST = {"Rahman", "Hossain", "Ahmed", "Islam", "Chowdhury", "Khan", "Akter", "Das", "Sarkar", "Begum",
        "Talukder", "Siddiqui", "Karim", "Bhuiyan", "Roy", "Haque", "Mahmud", "Uddin", "Banerjee", "Okafor", "Mendes", "Kim", "Sen",
        "Paul", "Mondal", "Biswas", "Ghosh", "Malik", "Ali", "Noor"};
    static final String[] AREAS = {"Dhanmondi", "Gulshan", "Mirpur", "Uttara", "Mohammadpur", "Banani", "Badda", "Motijheel",
        "Khilgaon", "Bashundhara"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rows = Integer.parseInt(args[1]);
        int queries = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        boolean importFirst = args.length < 5 || Boolean.parseBoolean(args[4]);
        String token = field(post(base + "/api/v1/auth/login", "{\"tenant\":\"demo\",\"username\":\"admin\",\"password\":\"moonknight-demo\"}", null), "accessToken");

        if (importFirst) {
            importCustomers(base, rows, token, "Import");
            importCustomers(base, rows, token, "Re-import of the same file");
        }
        search(base, rows, queries, 1, token);
        if (clients > 1) {
            search(base, rows, queries, clients, token);
        }
    }

    static void importCustomers(String base, int rows, String token, String label) throws Exception {
        byte[] csv = csv(rows);
        System.out.printf("Importing %,d customers (%,d KB of CSV)...%n", rows, csv.length / 1024);
        long uploadStarted = System.nanoTime();
        String preview = upload(base + "/api/v1/customers/imports", csv, token);
        String job = field(preview, "id");
        String mapping = "{\"mapping\":{\"account\":\"ACCOUNT_NUMBER\",\"name\":\"FULL_NAME\",\"mobile\":\"PHONE\",\"email\":\"EMAIL\","
                + "\"area\":\"AREA\",\"address\":\"ADDRESS_LINE1\",\"city\":\"CITY\",\"nid\":\"NATIONAL_ID\",\"tags\":\"TAGS\","
                + "\"lat\":\"LATITUDE\",\"lng\":\"LONGITUDE\"}}";
        post(base + "/api/v1/customers/imports/" + job + "/start", mapping, token);
        String state;
        do {
            Thread.sleep(500);
            state = get(base + "/api/v1/customers/imports/" + job, token);
        } while (field(state, "status").equals("RUNNING"));
        double importSeconds = (System.nanoTime() - uploadStarted) / 1e9;
        System.out.printf("%s: %s, created %s, unchanged %s, rejected %s, in %.1f s (upload, validation and writes) -> %,.0f rows/s%n",
                label, field(state, "status"), number(state, "createdCount"), number(state, "unchangedCount"), number(state, "rejectedCount"), importSeconds, rows / importSeconds);
    }

    static void search(String base, int rows, int queries, int clients, String token) throws Exception {
        List<String> mix = queries(rows, queries + 300);
        for (int i = 0; i < 300; i++) {
            get(base + "/api/v1/customers?size=25&q=" + URLEncoder.encode(mix.get(i), StandardCharsets.UTF_8), token);
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<Long>> byKind = new java.util.concurrent.ConcurrentHashMap<>();
        var next = new AtomicInteger(300);
        var matches = new AtomicInteger();
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < mix.size()) {
                        long t0 = System.nanoTime();
                        String body = get(base + "/api/v1/customers?size=25&q=" + URLEncoder.encode(mix.get(i), StandardCharsets.UTF_8), token);
                        long took = System.nanoTime() - t0;
                        latencies.add(took);
                        byKind.computeIfAbsent(KINDS[i % KINDS.length], k -> Collections.synchronizedList(new ArrayList<>())).add(took);
                        if (!body.contains("\"totalItems\":0")) {
                            matches.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long total = Long.parseLong(number(get(base + "/api/v1/customers?size=1", token), "totalItems"));
        System.out.printf("Search over %,d customers: %,d queries by %d clients in %.1f s (%,.0f/s), %d%% found something%n",
                total, sorted.size(), clients, seconds, sorted.size() / seconds, 100 * matches.get() / sorted.size());
        System.out.printf("Search latency through HTTP: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.getLast() / 1e6);
        for (String kind : KINDS) {
            List<Long> some = new ArrayList<>(byKind.getOrDefault(kind, List.of()));
            Collections.sort(some);
            if (!some.isEmpty()) {
                System.out.printf("  %-22s p50 %6.1f ms  p95 %6.1f ms%n", kind, ms(some, 0.50), ms(some, 0.95));
            }
        }
    }

    static byte[] csv(int rows) {
        var random = new Random(7);
        var out = new StringBuilder(rows * 130);
        out.append("account,name,mobile,email,area,address,city,nid,tags,lat,lng\n");
        for (int i = 1; i <= rows; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String area = AREAS[random.nextInt(AREAS.length)];
            out.append("B-").append(i).append(',')
                    .append(first).append(' ').append(last).append(',')
                    .append("+8801").append(3 + random.nextInt(7)).append(String.format("%08d", random.nextInt(100_000_000))).append(',')
                    .append(first.toLowerCase()).append('.').append(last.toLowerCase()).append(i).append("@example.com,")
                    .append(area).append(',')
                    .append(1 + random.nextInt(200)).append(" Road ").append(1 + random.nextInt(30)).append(',')
                    .append("Dhaka,")
                    .append(random.nextInt(3) == 0 ? "" : String.valueOf(1_000_000_000L + random.nextInt(900_000_000))).append(',')
                    .append(random.nextInt(20) == 0 ? "vip" : "").append(',')
                    .append(String.format("%.5f", 23.70 + random.nextDouble() * 0.2)).append(',')
                    .append(String.format("%.5f", 90.35 + random.nextDouble() * 0.1)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static final String[] KINDS = {"first + last name", "last name", "3-letter prefix", "misspelt last name",
        "phone fragment", "account number", "area + first name", "national id prefix"};

    /** What support staff type: names, partial names, typos, phone fragments, account numbers, ids, areas. */
    static List<String> queries(int rows, int count) {
        var random = new Random(11);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            queries.add(switch (i % 8) {
                case 0 -> first + " " + last;
                case 1 -> last;
                case 2 -> first.substring(0, 3);
                case 3 -> typo(last, random);
                case 4 -> "01" + (3 + random.nextInt(7)) + String.format("%05d", random.nextInt(100_000));
                case 5 -> "B-" + (1 + random.nextInt(rows));
                case 6 -> AREAS[random.nextInt(AREAS.length)] + " " + first;
                default -> String.valueOf(1_000_000_000L + random.nextInt(900_000_000)).substring(0, 7);
            });
        }
        return queries;
    }

    static String typo(String word, Random random) {
        int i = 1 + random.nextInt(word.length() - 2);
        char[] chars = word.toCharArray();
        char c = chars[i];
        chars[i] = chars[i + 1];
        chars[i + 1] = c;
        return new String(chars);
    }

    static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    static String get(String url, String token) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String post(String url, String json, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String upload(String url, byte[] csv, String token) throws Exception {
        String boundary = "bench" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
