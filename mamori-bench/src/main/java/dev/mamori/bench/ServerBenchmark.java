package dev.mamori.bench;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server under one client over loopback, with its embedded PostgreSQL: {@code push}, one
 * stakeholder's system file changed and pushed into a landscape of {@code pushSystems} × 100
 * components (validated whole, assessed, stored with its findings, paths and inbox items);
 * {@code findingsPage}, a page of 100 findings at a random offset of a landscape of
 * {@code pageSystems} × 100 components, read by a stakeholder who owns every system and so sees
 * every finding; {@code seededPage}, the same over a landscape of {@code seedSystems} × 100
 * components brought in as one seeded revision ({@code Revisions.seed}) rather than pushed.
 *
 * <p>Run: {@code ./mvnw -q -pl mamori-bench -am package -DskipTests && java -jar
 * mamori-bench/target/benchmarks.jar Server}; docs/performance.md has the figures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx4g"})
public class ServerBenchmark {

    /** A landscape whose systems each belong to their own stakeholder; one of them pushes. */
    @State(Scope.Benchmark)
    public static class Pushing {
        @Param({"40"})
        int pushSystems;

        /** The server's warm-up after its start, in rounds (the server's own default is in ServeCommand). */
        @Param({"0"})
        int warmUp;

        ServerFixture fixture;
        String file;
        String content;
        int count;

        @Setup(Level.Trial)
        public void start() {
            fixture = new ServerFixture(pushSystems, 100, false, warmUp);
            file = "systems/sys0.json";
            content = fixture.files.get(file);
        }

        @TearDown(Level.Trial)
        public void stop() {
            fixture.close();
        }
    }

    /** A landscape whose systems all belong to one stakeholder, which reads its findings. */
    @State(Scope.Benchmark)
    public static class Reading {
        @Param({"40", "400"})
        int pageSystems;

        ServerFixture fixture;
        long total;
        final Random random = new Random(11);

        @Setup(Level.Trial)
        public void start() {
            fixture = new ServerFixture(pageSystems, 100, true);
            HttpResponse<String> first = fixture.get("/landscapes/bench/findings?stakeholder=owner0&limit=1");
            ServerFixture.check(first, 200);
            total = ServerFixture.json(first.body()).path("total").asLong();
            System.out.println("findings of owner0: " + total);
        }

        @TearDown(Level.Trial)
        public void stop() {
            fixture.close();
        }
    }

    /**
     * A landscape of {@code seedSystems} × 100 components, all one stakeholder's, brought in as one
     * revision by the server's seeding entry point ({@code Revisions.seed}: a push without the roles
     * and the 200-file limit) on top of a small pushed one: pushing 100,000 components takes several
     * pushes, each assessing and storing the whole landscape so far, which did not finish on a loaded
     * machine. The page is then read over HTTP as any other.
     */
    @State(Scope.Benchmark)
    public static class Seeded {
        @Param({"1000"})
        int seedSystems;

        ServerFixture fixture;
        long total;
        int revision;
        final Random random = new Random(11);

        @Setup(Level.Trial)
        public void start() {
            fixture = new ServerFixture(2, 100, true);
            long start = System.nanoTime();
            java.util.List<dev.mamori.server.revision.Revisions.PushedFile> files = new java.util.ArrayList<>();
            ServerFixture.split(seedSystems, 100, true)
                    .forEach((path, content) -> files.add(new dev.mamori.server.revision.Revisions.PushedFile(
                            path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            Map<String, Object> seeded = fixture.server
                    .services()
                    .revisions()
                    .seed("bench", "owner0", "seed", "seeded for a benchmark", files);
            revision = (Integer) seeded.get("revision");
            System.out.printf(
                    java.util.Locale.ROOT,
                    "seeded revision %d in %d ms%n",
                    revision,
                    (System.nanoTime() - start) / 1_000_000);
            HttpResponse<String> first = fixture.get("/landscapes/bench/findings?stakeholder=owner0&limit=1");
            ServerFixture.check(first, 200);
            total = ServerFixture.json(first.body()).path("total").asLong();
            System.out.println("findings of owner0: " + total);
            if (Boolean.getBoolean("mamori.bench.explain")) {
                explain(fixture, revision);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            fixture.close();
        }
    }

    /** The plans of a page's two queries (with -Dmamori.bench.explain=true): where a page's time goes. */
    static void explain(ServerFixture fixture, int revision) {
        try (java.sql.Connection c = fixture.server.database().connect();
                java.sql.Statement st = c.createStatement()) {
            long id;
            try (java.sql.ResultSet rs =
                    st.executeQuery("SELECT id FROM revision WHERE landscape_id = 'bench' AND number = " + revision)) {
                rs.next();
                id = rs.getLong(1);
            }
            String where = " WHERE revision_id = " + id + " AND 'owner0' = ANY (stakeholders) AND severity_rank >= 0";
            for (String q : java.util.List.of(
                    "SELECT count(*) FROM finding" + where,
                    "SELECT f.body FROM (SELECT seq, severity_rank FROM finding" + where
                            + " ORDER BY severity_rank DESC, seq OFFSET 150000 LIMIT 100) k JOIN finding f ON"
                            + " f.revision_id = " + id + " AND f.seq = k.seq ORDER BY k.severity_rank DESC, k.seq")) {
                try (java.sql.ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + q)) {
                    while (rs.next()) {
                        System.out.println("  " + rs.getString(1));
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public String seededPage(Seeded state) {
        long offset = state.total <= 100 ? 0 : (long) (state.random.nextDouble() * (state.total - 100));
        long wall = System.nanoTime();
        HttpResponse<String> answer =
                state.fixture.get("/landscapes/bench/findings?stakeholder=owner0&limit=100&offset=" + offset);
        ServerFixture.check(answer, 200);
        long millis = (System.nanoTime() - wall) / 1_000_000;
        if (millis >= 200) {
            System.out.printf(java.util.Locale.ROOT, "page at offset %d: %d ms%n", offset, millis);
        }
        return answer.body();
    }

    @Benchmark
    public String push(Pushing state) {
        // A change of the system's description: a new revision, assessed whole.
        String changed = state.content.replaceFirst(
                "\"owner\":\"owner0\"", "\"description\":\"change " + (++state.count) + "\",\"owner\":\"owner0\"");
        long wall = System.nanoTime();
        long jvm = jvmCpu();
        long database = databaseCpu(state.fixture);
        HttpResponse<String> answer =
                state.fixture.push("owner0", "change " + state.count, Map.of(state.file, changed));
        ServerFixture.check(answer, 201);
        // On a machine shared with other work the wall time says little; the CPU the push took (the
        // server's JVM, the embedded PostgreSQL's processes) is what the changes change.
        System.out.printf(
                java.util.Locale.ROOT,
                "push %d: %d ms wall, %d ms CPU in the JVM, %d ms CPU in PostgreSQL%n",
                state.count,
                (System.nanoTime() - wall) / 1_000_000,
                (jvmCpu() - jvm) / 1_000_000,
                (databaseCpu(state.fixture) - database) / 1_000_000);
        return answer.body();
    }

    /** The CPU time of this JVM (the server runs in it), in nanoseconds. */
    static long jvmCpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The CPU time of the fixture's PostgreSQL (the server started it; it runs detached): the
     * processes whose command line names the fixture's data folder, and theirs (the backends), in
     * nanoseconds.
     */
    static long databaseCpu(ServerFixture fixture) {
        String data = fixture.data.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(data)).orElse(false))
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .distinct()
                .mapToLong(p -> p.info()
                        .totalCpuDuration()
                        .map(java.time.Duration::toNanos)
                        .orElse(0L))
                .sum();
    }

    @Benchmark
    public String findingsPage(Reading state) {
        long offset = state.total <= 100 ? 0 : (long) (state.random.nextDouble() * (state.total - 100));
        HttpResponse<String> answer =
                state.fixture.get("/landscapes/bench/findings?stakeholder=owner0&limit=100&offset=" + offset);
        ServerFixture.check(answer, 200);
        return answer.body();
    }
}
