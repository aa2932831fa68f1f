package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The server's web pages in a real headless Chromium (Debian's chromium and chromedriver; .ci/run
 * installs them; nothing is downloaded): maintainers of two stakeholders and an auditor sign in,
 * one pushes a change and sees it, each page is checked for what its reader may and may not see,
 * for console errors (a script the Content-Security-Policy refused would be one), and kept as a
 * screenshot in target/web-pages/ at laptop and phone width.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPagesInChromiumTest {

    static final Path SHOTS = Path.of("target", "web-pages");
    private static final Path DATA = TestData.folder();
    private static final String XSS = "<script>alert(1)</script>";
    private static MamoriServer server;
    private static Venue venue;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        Path chromium = Path.of("/usr/bin/chromium");
        Path driver = Path.of("/usr/bin/chromedriver");
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(driver);
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("CI must run the browser tests: .ci/run installs chromium and chromium-driver");
        }
        Assumptions.assumeTrue(
                present, "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        Files.createDirectories(SHOTS);
        server = TestData.quietServer(DATA);
        venue = new Venue(server);
        base = "http://127.0.0.1:" + server.port();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-extensions",
                "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withLogFile(SHOTS.resolve("chromedriver.log").toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        TestData.delete(DATA);
    }

    @BeforeEach
    void laptop() {
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void signOut() {
        browser.manage().deleteAllCookies();
        consoleErrors();
    }

    private static void open(String path) {
        browser.get(base + path);
    }

    /**
     * Does what starts a navigation (a click, a submit) and waits until the page it started from is
     * gone, so that what is read next is the next page: on a busy machine the click returns first.
     */
    private static void navigating(Runnable action) {
        WebElement page = browser.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> isGone(page));
    }

    /**
     * Whether the page an element belongs to has been left. Chromium says so in two ways: a stale
     * element, or, when asked while the old document is being torn down, an inspector error that
     * the node "does not belong to the document" (seen with Chromium 150), which Selenium's own
     * staleness check does not take for staleness.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Waits for the navigation a click started: a click returns before the next page is there
     * when the machine is busy, so the address is asked until it is the one expected.
     */
    private static void arrivedAt(java.util.function.Predicate<String> expected) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> expected.test(d.getCurrentUrl()));
    }

    private static void signIn(String account) {
        if (!browser.getCurrentUrl().contains("/login")) {
            open("/login");
        }
        browser.findElement(By.id("name")).sendKeys(account);
        navigating(() -> browser.findElement(By.id("password")).sendKeys(account + "-password-long", Keys.ENTER));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Console messages at error level since the last call, less the status of pages the test expects to be refused. */
    private static List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    private static String h1() {
        return read(By.tagName("h1"));
    }

    private static String text() {
        return read(By.tagName("body"));
    }

    /**
     * An element's text, read again when the page it was found on is replaced while it is read: a
     * click returns before the next page is there when the machine is busy.
     */
    private static String read(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(what).getText());
    }

    /** Saves the page at laptop and at phone width, and checks no console error on it. */
    private static void shoot(String name) throws IOException {
        assertThat(consoleErrors()).as("console errors on " + name).isEmpty();
        onlyOwnScript(name);
        save(name);
        browser.manage().window().setSize(new Dimension(390, 844));
        // A phone's width: nothing sticks out of the page sideways but what scrolls inside its own box.
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        save(name + "-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
        assertThat(overflow).as("horizontal overflow at phone width on " + name).isLessThanOrEqualTo(0L);
    }

    /**
     * The page's one script is the server's: no text a user wrote became an element (a script, an
     * image with a handler), whatever the Content-Security-Policy would have done with it.
     */
    private static void onlyOwnScript(String name) {
        Object scripts = browser.executeScript("return Array.from(document.scripts).map(s => s.getAttribute('src'));");
        assertThat(scripts).as("scripts on " + name).isEqualTo(List.of("/static/mamori.js"));
        assertThat(browser.findElements(By.cssSelector("img, iframe, object, embed")))
                .as("elements no page has, on " + name)
                .isEmpty();
    }

    /**
     * The paths page's drawing: each relation drawn once however many paths take it, in the class
     * of how it is taken (a command as a command).
     */
    @SuppressWarnings("unchecked")
    private static void linksDrawnOnce() {
        List<String> links = (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('figure.diagram svg g:not([data-id]) > polyline'))"
                        + ".map(function (p) { return p.parentNode.getAttribute('class') + ' '"
                        + " + p.parentNode.querySelector('title').textContent; });");
        assertThat(links).isNotEmpty().doesNotHaveDuplicates();
        for (String link : links) {
            String css = link.substring(0, link.indexOf(' '));
            assertThat(link).endsWith("(" + css + ")");
        }
        if (text().contains("(command: ")) {
            assertThat(links).anyMatch(l -> l.startsWith("command "));
        }
    }

    /** Every finding the API gives a stakeholder, all pages of it. */
    private static List<com.fasterxml.jackson.databind.JsonNode> apiFindings(String token, String stakeholder) {
        List<com.fasterxml.jackson.databind.JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            com.fasterxml.jackson.databind.JsonNode page = venue.client
                    .get(
                            "/api/v1/landscapes/venue/findings?stakeholder=" + stakeholder + "&offset=" + offset
                                    + "&limit=500",
                            token)
                    .json();
            page.path("findings").forEach(all::add);
            if (all.size() >= page.path("total").asInt()) {
                return all;
            }
        }
    }

    /** The systems a stakeholder owns in the example. */
    private static java.util.Set<String> owned(dev.mamori.engine.assessment.Assessment a, String stakeholder) {
        java.util.Set<String> own = new java.util.TreeSet<>();
        a.landscape().systems().values().stream()
                .filter(s -> s.owner().text().equals(stakeholder))
                .forEach(s -> own.add(s.id()));
        return own;
    }

    /**
     * The boxes a hop of the paths page is drawn between: one's own components by id, anything of
     * another's as its system.
     */
    private static List<String> drawnNodes(String hop, java.util.Set<String> own) {
        java.util.regex.Matcher inside = java.util.regex.Pattern.compile("\\d+ hops? inside system (\\S+)")
                .matcher(hop);
        if (inside.matches()) {
            return List.of("system " + inside.group(1));
        }
        java.util.regex.Matcher systems = java.util.regex.Pattern.compile("system (.+?) → system (.+?) \\(.*")
                .matcher(hop);
        if (systems.matches()) {
            return List.of("system " + systems.group(1), "system " + systems.group(2));
        }
        java.util.regex.Matcher components =
                java.util.regex.Pattern.compile("(.+?) → (.+?) \\(.*").matcher(hop);
        assertThat(components.matches()).as(hop).isTrue();
        List<String> nodes = new ArrayList<>();
        for (String c : List.of(components.group(1), components.group(2))) {
            String system = c.contains(".") ? c.substring(0, c.indexOf('.')) : c;
            if (system.startsWith("zone ")) {
                system = system.substring("zone ".length());
            }
            nodes.add(own.contains(system) ? c : "system " + system);
        }
        return nodes;
    }

    /**
     * The missions page of venue-ops against the engine's analysis of the same files: the missions
     * venue-ops owns or that need its systems, each with its single failures named so that none of
     * another's components is; each scenario with the outcome of those missions against their
     * objectives, and its restoration drawn one bar per step.
     */
    @SuppressWarnings("unchecked")
    private static void missionsAsTheEngineHasThem(
            dev.mamori.engine.assessment.Assessment a, java.util.Set<String> own) {
        open("/l/venue/venue-ops/missions");
        java.util.Set<String> expected = new java.util.TreeSet<>();
        for (var m : a.missions().missions()) {
            var mission = a.landscape().missions().get(m.mission());
            String owner = mission == null
                    ? ""
                    : mission.owner().map(dev.mamori.model.Ref::text).orElse("");
            if (owner.equals("venue-ops")
                    || m.needs().stream()
                            .anyMatch(n -> own.contains(n.contains(".") ? n.substring(0, n.indexOf('.')) : n))) {
                expected.add(m.mission());
            }
        }
        assertThat(expected).isNotEmpty();
        java.util.Set<String> shown = new java.util.TreeSet<>();
        for (WebElement card : browser.findElements(By.cssSelector("main section.card"))) {
            shown.add(card.findElement(By.cssSelector("h2 small")).getText());
            String text = card.getText();
            assertThat(text).contains("Single failures (N-1)", "Pairs (N-2)", "RTO ", "maximum downtime ");
            for (WebElement li : card.findElements(By.tagName("li"))) {
                for (String named : li.getText().split(" with ")) {
                    String system = named.contains(".") ? named.substring(0, named.indexOf('.')) : "";
                    assertThat(named.startsWith("a component of system ") || own.contains(system))
                            .as(li.getText())
                            .isTrue();
                }
            }
        }
        assertThat(shown).isEqualTo(expected);
        Map<String, Map<String, Object>> scenarios = (Map<String, Map<String, Object>>)
                browser.executeScript("var out = {}; document.querySelectorAll('main > h3').forEach(function (h) {"
                        + " var ul = h.nextElementSibling; if (!ul || ul.tagName !== 'UL') { return; }"
                        + " var fig = ul.nextElementSibling;"
                        + " var bars = fig && fig.tagName === 'FIGURE' ? fig.querySelectorAll('svg.gantt rect').length : 0;"
                        + " out[h.textContent] = {outcomes: Array.from(ul.children).map(function (li) {"
                        + " return li.textContent; }), bars: bars}; }); return out;");
        int compared = 0;
        for (var s : a.missions().scenarios()) {
            List<dev.mamori.engine.missions.MissionAnalysis.MissionOutcome> seen = s.missions().stream()
                    .filter(o -> expected.contains(o.mission()))
                    .toList();
            if (seen.isEmpty()) {
                assertThat(scenarios).doesNotContainKey(s.name());
                continue;
            }
            Map<String, Object> page = scenarios.get(s.name());
            assertThat(page).as(s.name()).isNotNull();
            List<String> outcomes = (List<String>) page.get("outcomes");
            assertThat(outcomes).as(s.name()).hasSize(seen.size());
            for (var o : seen) {
                String line = outcomes.stream()
                        .filter(t -> t.startsWith(o.mission() + ": "))
                        .findFirst()
                        .orElseThrow();
                if (o.rto().isPresent()) {
                    assertThat(line).contains("(RTO ");
                }
                if (o.maxDowntime().isPresent()) {
                    assertThat(line).contains("(maximum downtime ");
                }
                o.meetsObjectives()
                        .ifPresent(ok -> assertThat(line).endsWith(ok ? "objectives met" : "objectives missed"));
            }
            long steps =
                    s.restoration().stream().filter(st -> st.done().isPresent()).count();
            assertThat(((Number) page.get("bars")).longValue()).as(s.name()).isEqualTo(Math.min(40, steps));
            compared++;
        }
        assertThat(compared).isPositive();
    }

    private static void save(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(1)
    void aMaintainerSignsInAndReadsEveryPageOfItsStakeholder() throws IOException {
        open("/l/venue/venue-ops/findings");
        assertThat(browser.getCurrentUrl()).contains("/login?next=");
        shoot("login");
        signIn("venue-ops-maintainer");
        // Back where the person was going.
        assertThat(browser.getCurrentUrl()).endsWith("/l/venue/venue-ops/findings");
        assertThat(h1()).startsWith("Findings");
        assertThat(browser.findElement(By.id("count")).getText()).matches("\\d+ findings · page 1 of \\d+");
        shoot("findings");

        open("/");
        assertThat(h1()).isEqualTo("Your landscapes");
        shoot("home");

        open("/l/venue/venue-ops/");
        assertThat(h1()).startsWith("Map");
        assertThat(browser.findElements(By.cssSelector("figure.diagram svg"))).hasSize(1);
        assertThat(text()).contains("Venue CCTV");
        // Coloured by risk: each system of one's own drawn with the worst of its open findings as the
        // API gives them, and opening (by its box) into its layers; another's drawn but not opening.
        Map<String, String> worstOf = new java.util.TreeMap<>();
        Map<String, Integer> openOf = new java.util.TreeMap<>();
        List<String> order = List.of("critical", "high", "medium", "low", "info");
        for (var f : apiFindings(venue.token("venue-ops/maintainer"), "venue-ops")) {
            if (!f.path("open").asBoolean()) {
                continue;
            }
            String system = f.path("system").asText();
            openOf.merge(system, 1, Integer::sum);
            String severity = f.path("severity").asText();
            worstOf.merge(system, severity, (a, b) -> order.indexOf(a) <= order.indexOf(b) ? a : b);
        }
        List<WebElement> mine = browser.findElements(By.cssSelector("a[data-system]"));
        assertThat(mine).hasSizeGreaterThanOrEqualTo(3);
        for (WebElement a : mine) {
            String id = a.getDomAttribute("data-system");
            WebElement box = browser.findElement(By.cssSelector("figure.map g[data-id='" + id + "']"));
            assertThat(box.getDomAttribute("class"))
                    .as(id)
                    .contains(worstOf.containsKey(id) ? "worst-" + worstOf.get(id) : "system-box")
                    .doesNotContain(worstOf.containsKey(id) ? "aggregate" : "worst-");
            assertThat(box.getText()).as(id).contains(openOf.getOrDefault(id, 0) + " open");
            assertThat(box.getDomAttribute("tabindex")).as(id).isEqualTo("0");
        }
        List<WebElement> others = browser.findElements(By.cssSelector("figure.map g.aggregate"));
        assertThat(others).isNotEmpty();
        others.forEach(o -> assertThat(o.getDomAttribute("tabindex")).isNull());
        shoot("map");

        navigating(() -> browser.findElement(By.cssSelector("figure.map g[data-id='cctv']"))
                .click());
        assertThat(h1()).startsWith("System cctv");
        assertThat(browser.findElements(By.cssSelector("figure.diagram svg g.node")))
                .isNotEmpty();
        // Its layers, drawn as bands: only the four of the model.
        List<String> bands = browser.findElements(By.cssSelector("figure.diagram svg g.band text")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(bands).contains("device layer", "service layer");
        assertThat(bands).allMatch(b -> b.matches("(device|network|platform|service) layer"));
        shoot("system");

        // A filter, then a finding opened: why, score, fix, and its line highlighted in its file.
        open("/l/venue/venue-ops/findings");
        String worst = browser.findElement(By.cssSelector("table.findings tbody tr .sev"))
                .getText();
        String all = browser.findElement(By.id("count")).getText();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("severity"))).selectByValue(worst);
        navigating(
                () -> browser.findElement(By.cssSelector("form.filters button")).click());
        arrivedAt(url -> url.contains("severity=" + worst));
        assertThat(browser.findElement(By.id("count")).getText()).isNotEqualTo(all);
        List<WebElement> rows = browser.findElements(By.cssSelector("table.findings tbody tr"));
        assertThat(rows).isNotEmpty();
        rows.forEach(
                r -> assertThat(r.findElement(By.cssSelector(".sev")).getText()).isEqualTo(worst));
        navigating(() -> rows.get(0).findElement(By.tagName("a")).click());
        assertThat(text()).contains("Why", "Score", "Fix", "Likelihood", "Impact");
        WebElement hit = browser.findElement(By.cssSelector("pre.source .hit"));
        String where = browser.findElement(By.cssSelector("dl.facts dd.mono")).getText();
        assertThat(hit.getDomAttribute("id")).isEqualTo("L" + where.substring(where.lastIndexOf(':') + 1));
        shoot("finding");

        // Paged, the filter kept from page to page: every open finding once, and only open ones.
        open("/l/venue/venue-ops/findings?status=open");
        String counted = browser.findElement(By.id("count")).getText();
        int total = Integer.parseInt(counted.substring(0, counted.indexOf(' ')));
        assertThat(counted).endsWith("page 1 of " + ((total + 49) / 50));
        assertThat(total).isGreaterThan(50);
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (int page = 1; ; page++) {
            for (WebElement row : browser.findElements(By.cssSelector("table.findings tbody tr"))) {
                assertThat(row.findElements(By.tagName("td")).get(6).getText()).isEqualTo("open");
                seen.add(row.findElement(By.tagName("a")).getDomAttribute("href"));
            }
            List<WebElement> next = browser.findElements(By.cssSelector("a[rel=next]"));
            if (next.isEmpty()) {
                break;
            }
            navigating(() -> next.get(0).click());
            int expected = page + 1;
            arrivedAt(url -> url.contains("status=open") && url.contains("page=" + expected));
            assertThat(browser.findElements(By.cssSelector("a[rel=prev]"))).hasSize(1);
        }
        assertThat(seen).hasSize(total);
        shoot("findings-last-page");

        for (String[] page : List.of(
                new String[] {"paths", "Systemic paths"},
                new String[] {"missions", "Missions"},
                new String[] {"compliance", "Compliance"},
                new String[] {"history", "History"})) {
            open("/l/venue/venue-ops/" + page[0]);
            assertThat(h1()).startsWith(page[1]);
            shoot(page[0]);
        }
        // The scenarios' restoration drawn as Gantt charts.
        open("/l/venue/venue-ops/missions");
        assertThat(browser.findElements(By.cssSelector("svg.gantt rect"))).isNotEmpty();
        browser.executeScript("document.querySelector('svg.gantt').scrollIntoView();");
        save("missions-gantt");
        dev.mamori.engine.assessment.Assessment plain =
                Venue.assessed(dev.mamori.engine.systemic.SystemicAnalyzer.Options.defaults());
        java.util.Set<String> own = owned(plain, "venue-ops");
        missionsAsTheEngineHasThem(plain, own);
        // The paths drawn hop by hop: every hop listed joins two boxes of the drawing.
        open("/l/venue/venue-ops/paths");
        java.util.Set<String> drawn = new java.util.TreeSet<>();
        browser.findElements(By.cssSelector("figure.diagram svg g[data-id]"))
                .forEach(g -> drawn.add(g.getDomAttribute("data-id")));
        List<WebElement> hops = browser.findElements(By.cssSelector("ol.paths > li > ol > li"));
        assertThat(hops).isNotEmpty();
        for (WebElement hop : hops) {
            assertThat(drawn).containsAll(drawnNodes(hop.getText(), own));
        }
        linksDrawnOnce();
        // A question asked from the page, as mamori systemic --from: the paths into one's own systems
        // the engine finds from there, another's entry named by its system only.
        // Asked from the first other system (in the map's order) from which the engine finds one.
        String from = null;
        long into = 0;
        for (String other : List.of("access", "sensing", "ticketing", "transport", "telco")) {
            dev.mamori.engine.assessment.Assessment asked =
                    Venue.assessed(new dev.mamori.engine.systemic.SystemicAnalyzer.Options(
                            java.util.Optional.of(other), java.util.Optional.empty(), List.of()));
            into = asked.systemic().paths().stream()
                    .filter(p -> own.contains(p.targetSystem()))
                    .count();
            if (into > 0) {
                from = other;
                break;
            }
        }
        assertThat(from)
                .as("a system of another's from which a path reaches venue-ops")
                .isNotNull();
        String start = from;
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("from"))).selectByValue(start);
        navigating(
                () -> browser.findElement(By.cssSelector("form.filters button")).click());
        arrivedAt(url -> url.contains("from=" + start));
        List<WebElement> asked = browser.findElements(By.cssSelector("ol.paths > li"));
        assertThat(asked).hasSize((int) into);
        asked.forEach(p -> assertThat(p.getText()).contains("from a component of system " + start));
        shoot("paths-from");
        // And as --protect: the isolation plan the engine makes, its cuts on one's own side listed.
        dev.mamori.engine.assessment.Assessment protecting =
                Venue.assessed(new dev.mamori.engine.systemic.SystemicAnalyzer.Options(
                        java.util.Optional.empty(), java.util.Optional.of("cctv"), List.of()));
        var plan = protecting.systemic().isolation().orElseThrow();
        open("/l/venue/venue-ops/paths");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("protect"))).selectByValue("cctv");
        navigating(
                () -> browser.findElement(By.cssSelector("form.filters button")).click());
        arrivedAt(url -> url.contains("protect=cctv"));
        String said = browser.findElement(By.id("plan")).getText();
        if (plan.alreadyIsolated()) {
            assertThat(said).contains("cctv is already out of reach");
        } else {
            assertThat(said).contains(plan.cuts().size() + " cut(s), cost " + plan.cost());
            long ours = plan.cuts().stream()
                    .filter(c -> own.contains(c.from().split("\\.")[0])
                            || own.contains(c.to().split("\\.")[0]))
                    .count();
            assertThat(browser.findElements(By.cssSelector("table tbody tr"))).hasSize((int) ours);
        }
        shoot("paths-protect");
        open("/account");
        assertThat(h1()).isEqualTo("Your account");
        shoot("account");
    }

    @Test
    @Order(2)
    void theKeyboardReachesTheTabsAndTheFilters() {
        signIn("venue-ops-viewer");
        open("/l/venue/venue-ops/findings");
        List<String> focused = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement active = browser.switchTo().activeElement();
            focused.add(active.getTagName() + ":" + active.getText() + ":" + active.getDomAttribute("name"));
        }
        assertThat(String.join("|", focused)).contains("Skip to the content", "a:Findings", "select:", "severity");
        // On the map, a system's box is reached by Tab and opened with Enter.
        open("/l/venue/venue-ops/");
        WebElement active = null;
        for (int i = 0; i < 60; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            active = browser.switchTo().activeElement();
            if (active.getTagName().equals("g")) {
                break;
            }
        }
        assertThat(active.getTagName()).isEqualTo("g");
        String id = active.getDomAttribute("data-id");
        navigating(() -> browser.switchTo().activeElement().sendKeys(Keys.ENTER));
        assertThat(h1()).startsWith("System " + id + ":");
    }

    @Test
    @Order(3)
    void aPushIsSeenAndWhatItSaysIsShownAsText() throws IOException {
        String cctv = Venue.read("cctv.yaml")
                .replace("name: Venue CCTV", "name: \"" + XSS + " CCTV\"")
                .replace("name: PTZ and overview cameras (2024)", "name: \"" + XSS + "\"")
                .replaceFirst("credentials: unique", "credentials: default-shared");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cctv.yaml", cctv);
        Client.Answer pushed = venue.pushContents(
                "venue-ops/maintainer", "venue-ops", "<img src=x onerror=alert(2)> PTZ cameras reset", files);
        Venue.check(pushed, 201);
        signIn("venue-ops-maintainer");
        open("/l/venue/venue-ops/");
        // The name is text on the page: no alert, no script refused (a refusal would be a console error).
        assertThat(text()).contains(XSS + " CCTV");
        assertThat(browser.findElements(By.xpath("//script[contains(., 'alert')]")))
                .isEmpty();
        shoot("map-after-push");
        // The system's name as text in its drawing, and the component named <script>alert(1)</script>
        // as text in its file's line on a finding's page.
        open("/l/venue/venue-ops/systems/cctv");
        Object title =
                browser.executeScript("return document.querySelector('figure.diagram svg > title').textContent;");
        assertThat(String.valueOf(title)).isEqualTo("System cctv: " + XSS + " CCTV");
        shoot("system-after-push");
        open("/l/venue/venue-ops/findings?q=cameras-ptz");
        // The finding located nearest the component's name: its line is within the lines shown.
        WebElement nearest = browser.findElements(By.cssSelector("table.findings tbody tr")).stream()
                .filter(r -> r.findElements(By.tagName("td")).get(7).getText().startsWith("cctv.yaml:"))
                .min(java.util.Comparator.comparingInt(r -> Integer.parseInt(
                        r.findElements(By.tagName("td")).get(7).getText().substring("cctv.yaml:".length()))))
                .orElseThrow();
        navigating(() -> nearest.findElement(By.tagName("a")).click());
        assertThat(browser.findElement(By.cssSelector("pre.source")).getDomProperty("textContent"))
                .contains("name: \"" + XSS + "\"");
        shoot("finding-after-push");
        open("/l/venue/venue-ops/history?from=1&to=2");
        assertThat(text()).contains("<img src=x onerror=alert(2)> PTZ cameras reset");
        // One bar per revision in the trend of open findings, the newer one taller by the new finding.
        assertThat(browser.findElements(By.cssSelector("#trend svg text.axis"))).hasSizeGreaterThanOrEqualTo(5);
        // The trend's numbers are the open findings the API gives venue-ops at each revision.
        List<String> numbers = browser.findElements(By.cssSelector("#trend figcaption li")).stream()
                .map(li -> li.getDomProperty("textContent"))
                .toList();
        List<String> expected = new ArrayList<>();
        for (int revision = 1; revision <= 2; revision++) {
            Map<String, Integer> bySeverity = new LinkedHashMap<>();
            List.of("critical", "high", "medium", "low", "info").forEach(sv -> bySeverity.put(sv, 0));
            int open = 0;
            for (var f : apiFindings(venue.token("venue-ops/maintainer"), "venue-ops&revision=" + revision)) {
                if (f.path("open").asBoolean()) {
                    bySeverity.merge(f.path("severity").asText(), 1, Integer::sum);
                    open++;
                }
            }
            List<String> parts = new ArrayList<>();
            bySeverity.forEach((sv, n) -> {
                if (n > 0) {
                    parts.add(n + " " + sv);
                }
            });
            expected.add("revision " + revision + ": " + open + " open (" + String.join(", ", parts) + ")");
        }
        assertThat(numbers).isEqualTo(expected);
        String diff = browser.findElement(By.id("diff")).getText();
        assertThat(diff).contains("cameras-ptz");
        shoot("history-diff");

        // The other stakeholder sees that a revision came, not who made it or why.
        browser.manage().deleteAllCookies();
        signIn("orgcom-maintainer");
        open("/l/venue/orgcom/history");
        WebElement second = browser.findElement(By.xpath("//tbody/tr[td[1][text()='2']]"));
        assertThat(second.getText()).contains("venue-ops").doesNotContain("PTZ cameras reset", "venue-ops-maintainer");
        shoot("history-other");
    }

    @Test
    @Order(4)
    void eachSeesNothingOfTheOthersInternals() throws IOException {
        signIn("orgcom-maintainer");
        open("/l/venue/orgcom/");
        assertThat(text()).contains("Spectator access control").doesNotContain("Fixed cameras (2012)");
        // Another stakeholder's system is on the map by name only, and does not open.
        open("/l/venue/orgcom/systems/cctv");
        assertThat(browser.findElement(By.cssSelector(".message")).getDomAttribute("data-status"))
                .isEqualTo("404");
        // Reading as a stakeholder one does not belong to.
        open("/l/venue/venue-ops/findings");
        assertThat(browser.findElement(By.cssSelector(".message")).getDomAttribute("data-status"))
                .isEqualTo("403");
        // A maintainer is no admin: the admin page and the server's audit log are refused.
        open("/l/venue/orgcom/admin");
        assertThat(browser.findElement(By.cssSelector(".message")).getDomAttribute("data-status"))
                .isEqualTo("403");
        save("admin-refused");
        open("/audit");
        assertThat(browser.findElement(By.cssSelector(".message")).getDomAttribute("data-status"))
                .isEqualTo("403");
        // An interconnection's finding, located in another's file, opens without that file's text.
        onlyRefusals("40");
        // A finding of orgcom's opened from each file its findings are located in: the file's text shown
        // exactly where the API gives orgcom that file, withheld where it is another stakeholder's.
        Map<String, String> oneInEachFile = new java.util.TreeMap<>();
        open("/l/venue/orgcom/findings");
        while (true) {
            for (WebElement row : browser.findElements(By.cssSelector("table.findings tbody tr"))) {
                String where = row.findElements(By.tagName("td")).get(7).getText();
                oneInEachFile.putIfAbsent(
                        where.substring(0, where.lastIndexOf(':')),
                        row.findElement(By.tagName("a")).getDomAttribute("href"));
            }
            List<WebElement> next = browser.findElements(By.cssSelector("a[rel=next]"));
            if (next.isEmpty()) {
                break;
            }
            navigating(() -> next.get(0).click());
        }
        int shown = 0;
        int withheld = 0;
        for (Map.Entry<String, String> e : oneInEachFile.entrySet()) {
            int api = venue.client
                    .get(
                            "/api/v1/landscapes/venue/files?stakeholder=orgcom&path=" + e.getKey(),
                            venue.token("orgcom/maintainer"))
                    .status();
            open(e.getValue());
            if (api == 200) {
                assertThat(browser.findElements(By.cssSelector("pre.source")))
                        .as(e.getKey())
                        .hasSize(1);
                shown++;
            } else {
                assertThat(browser.findElements(By.cssSelector("pre.source")))
                        .as(e.getKey())
                        .isEmpty();
                assertThat(text())
                        .contains(
                                "The file " + e.getKey() + " is another stakeholder's: its text is not shown to you.");
                if (withheld++ == 0) {
                    shoot("finding-other-file");
                }
            }
        }
        assertThat(shown).isPositive();
        assertThat(withheld).isPositive();
        for (String refused : consoleErrors()) {
            assertThat(refused).contains("status of 40");
        }
    }

    @Test
    @Order(5)
    void anAuditorSeesTheAuditLogVerified() throws IOException {
        signIn("venue-ops-auditor");
        open("/l/venue/venue-ops/admin");
        assertThat(h1()).isEqualTo("Admin of venue-ops");
        assertThat(browser.findElement(By.cssSelector(".verification")).getText())
                .contains("intact");
        assertThat(text()).contains("push").doesNotContain("Grant a role");
        assertThat(browser.findElement(By.id("stakeholders")).getText()).contains("venue-ops", "orgcom");
        // Only what concerns venue-ops: no record of orgcom's members.
        assertThat(text()).doesNotContain("orgcom-auditor");
        shoot("admin-auditor");
        // The auditor is no server admin: the whole log is refused.
        open("/audit");
        assertThat(browser.findElement(By.cssSelector(".message")).getDomAttribute("data-status"))
                .isEqualTo("403");
        onlyRefusals("403");

        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("name")).sendKeys("server-admin");
        navigating(() -> browser.findElement(By.id("password")).sendKeys(venue.adminPassword, Keys.ENTER));
        navigating(() -> browser.findElement(By.linkText("Audit log")).click());
        assertThat(h1()).isEqualTo("The server's audit log");
        assertThat(browser.findElement(By.cssSelector(".verification")).getText())
                .matches("The chain of \\d+ records was recomputed just now: intact\\.");
        assertThat(text()).contains("orgcom-auditor", "venue-ops-auditor");
        shoot("audit");
    }

    @Test
    @Order(6)
    void anAdminGrantsARoleThroughTheForm() throws IOException {
        signIn("venue-ops-admin");
        open("/l/venue/venue-ops/admin");
        browser.findElement(By.cssSelector("form.filters input[name=account]")).sendKeys("orgcom-viewer");
        navigating(
                () -> browser.findElement(By.cssSelector("form.filters button")).click());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains("orgcom-viewer"));
        WebElement granted = browser.findElement(By.xpath("//tbody/tr[td[1][text()='orgcom-viewer']]"));
        // The role a grant gives unless another is chosen is the least: viewer.
        assertThat(granted.findElements(By.tagName("td")).get(1).getText()).isEqualTo("viewer");
        shoot("admin");
        navigating(() -> granted.findElement(By.tagName("button")).click());
        assertThat(browser.findElements(By.xpath("//tbody/tr[td[1][text()='orgcom-viewer']]")))
                .isEmpty();
        assertThat(venue.client
                        .get("/api/v1/landscapes/venue/stakeholders/venue-ops/members", venue.adminToken)
                        .text())
                .doesNotContain("orgcom-viewer");
    }

    @Test
    @Order(7)
    void tokensAreShownOnceAndRevokedAndThePasswordChanges() throws IOException {
        signIn("orgcom-viewer");
        open("/account");
        browser.findElement(By.name("label")).sendKeys("ci <b>bold</b>");
        browser.findElement(By.name("label")).submit();
        String token = browser.findElement(By.id("new-token")).getDomProperty("value");
        assertThat(token).startsWith("mamori_");
        assertThat(text()).contains("ci <b>bold</b>");
        shoot("token-made");
        // The token works on the API, and is never shown again.
        assertThat(venue.client.get("/api/v1/me", token).status()).isEqualTo(200);
        open("/account");
        assertThat(browser.getPageSource()).doesNotContain(token);
        WebElement row = browser.findElement(By.xpath("//tr[td[2][contains(., 'ci <b>bold</b>')]]"));
        row.findElement(By.tagName("button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.xpath("//tr[td[2][contains(., 'ci <b>bold</b>')]]//button"))
                        .isEmpty());
        assertThat(venue.client.get("/api/v1/me", token).status()).isEqualTo(401);

        browser.findElement(By.id("current")).sendKeys("orgcom-viewer-password-long");
        browser.findElement(By.id("new")).sendKeys("a-new-password-for-orgcom");
        navigating(() -> browser.findElement(By.id("repeat")).sendKeys("a-new-password-for-orgcom", Keys.ENTER));
        assertThat(browser.findElement(By.cssSelector(".ok")).getText()).contains("password is changed");
        browser.findElement(By.xpath("//button[text()='Sign out']")).click();
        arrivedAt(url -> url.endsWith("/login"));
        open("/account");
        assertThat(browser.getCurrentUrl()).contains("/login");
        browser.findElement(By.id("name")).sendKeys("orgcom-viewer");
        browser.findElement(By.id("password")).sendKeys("a-new-password-for-orgcom", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith("/account"));
        assertThat(h1()).isEqualTo("Your account");
    }

    /** Console errors since the last call, each only the status of a page the test expects to be refused. */
    private static void onlyRefusals(String status) {
        for (String refused : consoleErrors()) {
            assertThat(refused).contains("status of " + status);
        }
    }

    @Test
    @Order(8)
    void aMaintainerTreatsAFindingAndSeesItInTheNextRevision() throws IOException {
        signIn("venue-ops-maintainer");
        // An open finding on one of venue-ops's own elements, opened, then treated from its page.
        open("/l/venue/venue-ops/findings?status=open&q=cctv.");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.findings tbody tr"));
        assertThat(rows).isNotEmpty();
        String rule = rows.get(0).findElements(By.tagName("td")).get(1).getText();
        String element = rows.get(0).findElements(By.tagName("td")).get(3).getText();
        navigating(() -> rows.get(0).findElement(By.tagName("a")).click());
        navigating(() -> browser.findElement(By.id("treat")).click());
        assertThat(h1()).startsWith("Treatments");
        assertThat(browser.findElement(By.id("rule")).getDomProperty("value")).isEqualTo(rule);
        assertThat(browser.findElement(By.id("element")).getDomProperty("value"))
                .isEqualTo(element);

        // Refused as the API refuses it (a day already past): the form comes back as sent, with why.
        browser.findElement(By.id("reason")).sendKeys(XSS + " VLAN-isolated until the replacement");
        setDate("until", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1));
        navigating(() -> browser.findElement(By.cssSelector("#decide button")).click());
        assertThat(browser.findElement(By.id("refused")).getText()).contains("'until'");
        assertThat(browser.findElement(By.id("reason")).getDomProperty("value")).startsWith(XSS);
        onlyRefusals("400");

        // By keyboard: from the reason, the date, the ticket and the button are reached in that order
        // (a date field takes several presses: one per part of the date).
        browser.findElement(By.id("reason")).click();
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement active = browser.switchTo().activeElement();
            String name =
                    active.getTagName().equals("button") ? "button" : String.valueOf(active.getDomAttribute("id"));
            if (reached.isEmpty() || !reached.get(reached.size() - 1).equals(name)) {
                reached.add(name);
            }
        }
        assertThat(reached).containsSubsequence("until", "ticket", "button");

        // Ten days ahead: recorded as a new revision, and listed among the decisions lapsing soon.
        setDate("until", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10));
        browser.findElement(By.id("ticket")).sendKeys("VOPS-1423");
        navigating(() -> browser.findElement(By.cssSelector("#decide button")).click());
        String done = browser.findElement(By.id("done")).getText();
        assertThat(done).matches("Your decision is recorded as revision \\d+.*");
        String revision = done.replaceAll("\\D*(\\d+).*", "$1");
        String lapsing = browser.findElement(By.id("lapsing")).getText();
        assertThat(lapsing).contains(rule, element, XSS + " VLAN-isolated", "10 day(s) left");
        assertThat(browser.findElements(By.xpath("//script[contains(., 'alert')]")))
                .isEmpty();
        shoot("treatments");

        // The next revision is the treatment's, and its assessment reads the finding as accepted.
        open("/l/venue/venue-ops/history");
        WebElement made = browser.findElement(By.xpath("//tbody/tr[td[1][text()='" + revision + "']]"));
        assertThat(made.getText()).contains("treatment", "venue-ops-maintainer", "accepted " + rule);
        // The trend of requirements met: one bar per revision kept with its compliance.
        assertThat(browser.findElements(By.cssSelector("#met svg rect.met"))).isNotEmpty();
        shoot("history-met");
        open("/l/venue/venue-ops/findings?rule=" + rule + "&q=" + element);
        WebElement treated =
                browser.findElement(By.xpath("//table[@class='findings']/tbody/tr[td[4][text()='" + element + "']]"));
        assertThat(treated.getText()).contains("accepted");

        // A viewer reads the decisions but gets no form; another stakeholder does not see them.
        browser.manage().deleteAllCookies();
        signIn("venue-ops-viewer");
        open("/l/venue/venue-ops/treatments");
        assertThat(text()).contains(XSS + " VLAN-isolated");
        assertThat(browser.findElements(By.id("decide"))).isEmpty();
        shoot("treatments-viewer");
        browser.manage().deleteAllCookies();
        signIn("orgcom-maintainer");
        open("/l/venue/orgcom/treatments");
        assertThat(text()).doesNotContain("VLAN-isolated");
        assertThat(browser.findElements(By.id("decide"))).hasSize(1);
        open("/l/venue/venue-ops/treatments");
        assertThat(browser.findElement(By.cssSelector(".message")).getDomAttribute("data-status"))
                .isEqualTo("403");
        onlyRefusals("403");
    }

    /**
     * Sets a date field's value: the browser's own date control takes typed digits in the order of
     * the machine's locale, which differs from machine to machine.
     */
    private static void setDate(String id, java.time.LocalDate date) {
        WebElement field = browser.findElement(By.id(id));
        browser.executeScript("arguments[0].value = arguments[1];", field, date.toString());
    }

    @Test
    @Order(9)
    void anotherStakeholdersChangeIsInTheInboxAndAnAdminAddsAWebhook() throws IOException {
        // orgcom lets its gate controllers command venue-ops's video recorders: a way into venue-ops's CCTV.
        String line = "engineers reach every controller from here.\n";
        String access = Venue.read("access.yaml")
                .replace(
                        line,
                        line + "      - id: gate-camera-trigger\n"
                                + "        from: gate-controllers\n"
                                + "        to: cctv.nvr\n"
                                + "        protocol: http\n"
                                + "        commands: true\n"
                                + "        agreement: Gate-camera integration (draft)\n");
        Client.Answer pushed = venue.pushContents(
                "orgcom/maintainer", "orgcom", "<b>gate cameras</b> for the vendor", Map.of("access.yaml", access));
        Venue.check(pushed, 201);
        int revision = pushed.json().path("revision").asInt();

        signIn("venue-ops-maintainer");
        open("/l/venue/venue-ops/inbox");
        assertThat(h1()).isEqualTo("Inbox");
        String items = browser.findElement(By.id("items")).getText();
        assertThat(items).contains("Revision " + revision + ", caused by orgcom");
        // What orgcom's change did, cut to what venue-ops may see: not orgcom's internals, not its message.
        assertThat(items).doesNotContain("access.lte-router", "access.vendor-portal", "gate cameras");
        assertThat(browser.findElements(By.cssSelector("form[action='inbox/webhooks']")))
                .isEmpty();
        assertThat(items).contains("A path opened into cctv.nvr (system cctv) from a component of system access");
        shoot("inbox");
        // The new path on venue-ops's paths page: orgcom's gate controllers commanding the recorders,
        // orgcom's side named by its system only.
        open("/l/venue/venue-ops/paths");
        List<String> into = browser.findElements(By.cssSelector("ol.paths > li")).stream()
                .map(WebElement::getText)
                .filter(t -> t.startsWith("cctv.nvr from a component of system access"))
                .toList();
        assertThat(into).hasSize(1);
        assertThat(into.get(0))
                .contains("access.gate-controllers → cctv.nvr (command")
                .contains("hops inside system access")
                .doesNotContain("access.lte-router", "access.vendor-portal", "zone access");
        linksDrawnOnce();
        shoot("paths-after-push");

        browser.manage().deleteAllCookies();
        signIn("venue-ops-admin");
        open("/l/venue/venue-ops/inbox");
        browser.findElement(By.name("url")).sendKeys("http://127.0.0.1:9/hook?from='venue'&x=1");
        navigating(() -> browser.findElement(By.cssSelector("#webhooks form.filters button"))
                .click());
        String secret = browser.findElement(By.id("new-secret")).getDomProperty("value");
        assertThat(secret).hasSize(64);
        assertThat(browser.findElement(By.id("webhooks")).getText())
                .contains("http://127.0.0.1:9/hook?from='venue'&x=1");
        shoot("inbox-webhook");
        // The secret is shown once: not on the page again, nor on the API's list.
        open("/l/venue/venue-ops/inbox");
        assertThat(browser.getPageSource()).doesNotContain(secret);
        navigating(() -> browser.findElement(By.linkText("Deliveries")).click());
        assertThat(h1()).startsWith("Deliveries of webhook");
        shoot("webhook-deliveries");
        open("/l/venue/venue-ops/inbox");
        navigating(
                () -> browser.findElement(By.xpath("//button[text()='Remove']")).click());
        assertThat(browser.findElement(By.id("done")).getText()).contains("removed");
        assertThat(browser.findElements(By.linkText("Deliveries"))).isEmpty();

        // Another stakeholder's inbox is not read, nor its webhooks managed.
        browser.manage().deleteAllCookies();
        signIn("orgcom-maintainer");
        open("/l/venue/venue-ops/inbox");
        assertThat(browser.findElement(By.cssSelector(".message")).getDomAttribute("data-status"))
                .isEqualTo("403");
        open("/l/venue/orgcom/inbox");
        assertThat(text()).doesNotContain("Revision " + revision + ",");
        onlyRefusals("403");
    }
}
