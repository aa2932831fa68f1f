package dev.mamori.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.report.Assessed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML report in a real headless Chromium (Debian's package {@code chromium}; .ci/run
 * installs it): the sections render, the script runs (it writes the findings count), no error
 * reaches the console, and a screenshot is kept in target/chromium/ as an artifact to look at.
 */
class HtmlInChromiumTest {

    private static final Path OUT = Path.of("target", "chromium");
    private static Path chromium;

    @BeforeAll
    static void findChromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                chromium = Path.of(candidate);
            }
        }
        if (chromium == null && System.getenv("CI") != null) {
            throw new AssertionError("CI must run the browser test: .ci/run installs Debian's chromium");
        }
        Assumptions.assumeTrue(
                chromium != null,
                "chromium is not installed here (apt-get install chromium); .ci/run installs it in CI");
    }

    private record Run(String out, String err) {}

    private static Run chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--user-data-dir=" + OUT.resolve("profile").toAbsolutePath(),
                "--enable-logging=stderr",
                "--v=0",
                "--virtual-time-budget=5000"));
        command.addAll(List.of(args));
        Path stdout = OUT.resolve("stdout.txt");
        Path stderr = OUT.resolve("stderr.txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        return new Run(
                Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** Lines where Chromium reports a console message of the page or an uncaught error. */
    private static List<String> consoleErrors(String stderr) {
        return stderr.lines()
                .filter(l -> l.contains("CONSOLE") || l.contains("Uncaught"))
                .toList();
    }

    private static Path write(String name, String html) throws IOException {
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name).toAbsolutePath();
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theReportRendersWithItsSectionsAndNoConsoleErrors() throws Exception {
        String html = HtmlReport.render(
                Assessed.example(
                        "venue/landscape.yaml",
                        new SystemicAnalyzer.Options(Optional.of("operations"), Optional.of("cctv"), List.of())),
                "test");
        Path page = write("report.html", html);
        Run dom = chromium("--dump-dom", page.toUri().toString());
        assertThat(consoleErrors(dom.err())).isEmpty();
        assertThat(dom.out())
                .contains("<section id=\"summary\">", "<section id=\"heatmaps\">", "<section id=\"landscape\">")
                .contains("<section id=\"systems\">", "<section id=\"findings\">", "<section id=\"systemic\">")
                .contains("<section id=\"missions\">", "<section id=\"compliance\">")
                .containsPattern(
                        "<svg style=\"min-width: \\d+px\" xmlns=\"http://www.w3.org/2000/svg\" class=\"mamori-diagram\"")
                // the charts of the missions section, parsed by the browser as SVG with their marks
                .contains("class=\"mamori-chart robustness\"", "class=\"mamori-chart gantt\"")
                .containsPattern("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" points=\"[\\d., ]+\"")
                .contains("<h3 class=\"scenario\" id=\"scenario-gate-ransomware\">")
                .contains("<tr class=\"requirement\" data-verdict=\"not-satisfied\"");
        // the script ran: it counts the rows its default filter (open findings) shows
        assertThat(dom.out()).containsPattern("<span id=\"f-count\" class=\"count\">\\d+ of \\d+ findings</span>");
        Path screenshot = OUT.resolve("report.png").toAbsolutePath();
        chromium(
                "--window-size=1400,2000",
                "--hide-scrollbars",
                "--screenshot=" + screenshot,
                page.toUri().toString());
        assertThat(Files.size(screenshot)).isGreaterThan(50_000);
    }

    @Test
    void aBrokenScriptWouldBeCaught() throws Exception {
        // The check above must be able to fail: a page whose script throws shows on the console.
        Path page =
                write("broken.html", "<!DOCTYPE html><html><body><p>x</p><script>notDefined();</script></body></html>");
        Run dom = chromium("--dump-dom", page.toUri().toString());
        assertThat(consoleErrors(dom.err())).isNotEmpty();
    }

    /**
     * Measures the page as the browser laid it out, every folded part opened: each diagram's drawn
     * width against its frame, and each element's text colour against the background it shows on
     * (the first ancestor that paints one). Written into the page, where --dump-dom returns it.
     */
    private static final String PROBE = """
            <script>
            (function () {
              document.querySelectorAll('details').forEach(d => d.open = true);
              const hex = c => {
                const m = c.match(/rgba?\\(([\\d.]+), ([\\d.]+), ([\\d.]+)(?:, ([\\d.]+))?\\)/);
                if (!m || (m[4] !== undefined && +m[4] === 0)) return null;
                return '#' + [m[1], m[2], m[3]].map(v => (+v).toString(16).padStart(2, '0')).join('');
              };
              const out = [];
              document.querySelectorAll('.diagram > svg').forEach(svg => {
                const frame = svg.parentElement;
                out.push(['diagram', svg.id, svg.getAttribute('width'), svg.getBoundingClientRect().width.toFixed(1),
                          frame.clientWidth, frame.scrollWidth, getComputedStyle(frame).overflowX].join('|'));
              });
              document.querySelectorAll('body *').forEach(e => {
                if (e.closest('svg, script, style, select, option, input, #probe') || e.getClientRects().length === 0) return;
                const own = [...e.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent.trim()).join(' ');
                if (!own) return;
                let bg = null;
                for (let a = e; a && !bg; a = a.parentElement) bg = hex(getComputedStyle(a).backgroundColor);
                out.push(['text', hex(getComputedStyle(e).color), bg || '#ffffff', e.tagName.toLowerCase() + '.' + e.className,
                          own.slice(0, 40).replace(/[|\\n]/g, ' ')].join('|'));
              });
              const pre = document.createElement('pre');
              pre.id = 'probe';
              pre.textContent = out.join('\\n');
              document.body.appendChild(pre);
            })();
            </script>
            """;

    @Test
    void atFourteenAndTenHundredPixelsNoDiagramIsCutAndEveryTextMeetsAa() throws Exception {
        String html = HtmlReport.render(
                Assessed.example(
                        "venue/landscape.yaml",
                        new SystemicAnalyzer.Options(Optional.of("operations"), Optional.of("cctv"), List.of())),
                "test");
        Path page = write("probed.html", html.replace("</body>", PROBE + "</body>"));
        for (int width : List.of(1400, 1000)) {
            Run dom = chromium(
                    "--window-size=" + width + ",1000",
                    "--dump-dom",
                    page.toUri().toString());
            assertThat(consoleErrors(dom.err())).isEmpty();
            String probe =
                    org.jsoup.Jsoup.parse(dom.out()).getElementById("probe").wholeText();
            List<String[]> diagrams = probe.lines()
                    .filter(l -> l.startsWith("diagram|"))
                    .map(l -> l.split("\\|"))
                    .toList();
            assertThat(diagrams).hasSize(11);
            for (String[] d : diagrams) {
                double natural = Double.parseDouble(d[2]);
                double drawn = Double.parseDouble(d[3]);
                int frame = Integer.parseInt(d[4]);
                int scrolled = Integer.parseInt(d[5]);
                String what = d[1] + " at " + width + " px";
                // never cut: the drawing fits its frame, or the frame scrolls to the rest of it
                assertThat(drawn <= frame + 0.5 || scrolled > frame && d[6].equals("auto"))
                        .as(what + ": drawn " + drawn + " in a frame of " + frame)
                        .isTrue();
                // shrunk, but not below the legible size
                assertThat(drawn / natural).as(what).isGreaterThanOrEqualTo(HtmlReport.MIN_DIAGRAM_SCALE - 0.01);
            }
            // the venue's widest drawing, the landscape, fits at both widths: scaled at 1000 px
            String[] landscape = diagrams.stream()
                    .filter(d -> d[1].equals("mamori-landscape"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Double.parseDouble(landscape[3])).isLessThanOrEqualTo(Double.parseDouble(landscape[4]) + 0.5);
            List<String[]> texts = probe.lines()
                    .filter(l -> l.startsWith("text|"))
                    .map(l -> l.split("\\|", -1))
                    .toList();
            assertThat(texts).hasSizeGreaterThan(500);
            assertThat(texts.stream().map(t -> t[3]))
                    .contains("span.label", "td.sev-critical", "td.sev-high", "span.badge sev-high");
            for (String[] t : texts) {
                assertThat(dev.mamori.report.diagram.Contrast.ratio(t[1], t[2]))
                        .as("'%s' (%s) in %s on %s at %d px", t[4], t[3], t[1], t[2], width)
                        .isGreaterThanOrEqualTo(dev.mamori.report.diagram.Contrast.AA);
            }
            Path screenshot = OUT.resolve("report-" + width + ".png").toAbsolutePath();
            chromium(
                    "--window-size=" + width + ",3000",
                    "--hide-scrollbars",
                    "--screenshot=" + screenshot,
                    page.toUri().toString());
            assertThat(Files.size(screenshot)).isGreaterThan(50_000);
        }
    }
}
