package dev.mamori.bench;

import dev.mamori.vulns.sbom.SbomReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reading one bill of materials of 1×, 2× and 4× as many components, CycloneDX JSON and XML, with
 * the growth per doubling (a benchmark, not a test): a linear reader grows about 2× per doubling.
 * Each size is read ten times and the fastest read counts, so that warm-up and collections do not.
 *
 * <pre>
 * ./mvnw -q -pl mamori-bench -am package -DskipTests -Dspotless.check.skip=true
 * java -Xms2g -Xmx2g -XX:+UseParallelGC -cp mamori-bench/target/benchmarks.jar dev.mamori.bench.SbomScale [components]
 * </pre>
 *
 * (A fixed heap of 2 GB, so that the heap's growth between sizes is not measured instead.)
 */
public final class SbomScale {

    private SbomScale() {}

    public static void main(String[] args) throws Exception {
        int base = args.length > 0 ? Integer.parseInt(args[0]) : 16_000;
        // Unmeasured reads first, so that the smallest size is not also the warm-up.
        for (int round = 0; round < 10; round++) {
            SbomReader.read("warm.cdx.json", json(base).getBytes(StandardCharsets.UTF_8));
            SbomReader.read("warm.cdx.xml", xml(base).getBytes(StandardCharsets.UTF_8));
        }
        for (String format : new String[] {"json", "xml"}) {
            double previous = 0;
            for (int n = base; n <= 4 * base; n *= 2) {
                byte[] bytes = (format.equals("json") ? json(n) : xml(n)).getBytes(StandardCharsets.UTF_8);
                double best = Double.MAX_VALUE;
                for (int round = 0; round < 10; round++) {
                    long start = System.nanoTime();
                    int packages = SbomReader.read("bench.cdx." + format, bytes).size();
                    best = Math.min(best, (System.nanoTime() - start) / 1e6);
                    if (packages != n) {
                        throw new AssertionError(packages + " packages read of " + n);
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "CycloneDX %s, %,d components (%.1f MB): %.0f ms%s%n",
                        format,
                        n,
                        bytes.length / 1e6,
                        best,
                        previous == 0 ? "" : String.format(Locale.ROOT, " (%.1f× the half)", best / previous));
                previous = best;
            }
        }
    }

    private static String json(int n) {
        StringBuilder out = new StringBuilder("{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.5\",\n");
        out.append("  \"components\": [\n");
        for (int i = 0; i < n; i++) {
            out.append(i > 0 ? ",\n" : "")
                    .append("    {\"type\": \"library\", \"bom-ref\": \"c")
                    .append(i)
                    .append("\", \"name\": \"lib")
                    .append(i)
                    .append("\", \"version\": \"1.")
                    .append(i)
                    .append("\", \"purl\": \"pkg:generic/lib")
                    .append(i)
                    .append("@1.")
                    .append(i)
                    .append("\", \"description\": \"")
                    .append("x".repeat(200))
                    .append("\"}");
        }
        return out.append("\n  ]\n}\n").toString();
    }

    private static String xml(int n) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\">\n  <components>\n");
        for (int i = 0; i < n; i++) {
            out.append("    <component type=\"library\" bom-ref=\"c")
                    .append(i)
                    .append("\">\n      <name>lib")
                    .append(i)
                    .append("</name>\n      <version>1.")
                    .append(i)
                    .append("</version>\n      <description>")
                    .append("x".repeat(200))
                    .append("</description>\n      <purl>pkg:generic/lib")
                    .append(i)
                    .append("@1.")
                    .append(i)
                    .append("</purl>\n    </component>\n");
        }
        return out.append("  </components>\n</bom>\n").toString();
    }
}
