package dev.mamori.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@link ScalingBenchmark}'s three operations timed by the CPU time of the thread that runs them
 * (the least of several calls after warm-up), with the growth per doubling printed beside them. On a
 * machine shared with other work, wall-clock times (what JMH reports) swing with the load; the
 * thread's own CPU time does much less, so this is the check of linear growth that survives a busy
 * machine. Garbage collection runs on other threads and is not counted.
 *
 * <p>Run: {@code java -Xmx4g -cp mamori-bench/target/benchmarks.jar dev.mamori.bench.ScalingCpu}
 */
public final class ScalingCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WARM_UPS = 3;
    private static final int CALLS = 5;

    private ScalingCpu() {}

    public static void main(String[] args) throws Exception {
        System.out.println("shape       operation   components  cpu ms (least of " + CALLS + ")  growth per doubling");
        for (String shape : List.of("systems", "one-system")) {
            double[][] ms = new double[3][3];
            for (int i = 0; i < 3; i++) {
                ScalingBenchmark b = new ScalingBenchmark();
                b.scale = 1 << i;
                b.shape = shape;
                b.setUp();
                ms[0][i] = least(b::parse);
                ms[1][i] = least(b::rules);
                ms[2][i] = least(b::compliance);
            }
            String[] names = {"parse", "rules", "compliance"};
            for (int op = 0; op < 3; op++) {
                for (int i = 0; i < 3; i++) {
                    System.out.println(String.format(
                            Locale.ROOT,
                            "%-11s %-11s %10d  %10.1f  %s",
                            shape,
                            names[op],
                            ScalingBenchmark.BASE << i,
                            ms[op][i],
                            i == 0 ? "" : String.format(Locale.ROOT, "%.2f×", ms[op][i] / ms[op][i - 1])));
                }
            }
        }
    }

    private static double least(Supplier<?> operation) {
        for (int i = 0; i < WARM_UPS; i++) {
            if (operation.get() == null) {
                throw new IllegalStateException("an operation gave nothing");
            }
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < CALLS; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            Object result = operation.get();
            long used = THREADS.getCurrentThreadCpuTime() - start;
            if (result == null) {
                throw new IllegalStateException("an operation gave nothing");
            }
            best = Math.min(best, used);
        }
        return best / 1e6;
    }
}
