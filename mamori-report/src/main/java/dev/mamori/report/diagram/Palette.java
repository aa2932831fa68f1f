package dev.mamori.report.diagram;

import dev.mamori.engine.risk.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every colour the report writes text in, and every colour it writes text on: the page, the labels
 * on coloured fills (severity, verdict and status badges, summary cards, heat-map cells), the
 * diagrams and the charts. Held in one place so that the HTML page, the PDF, the SVG diagrams and
 * the contrast test read the same values: a colour changed here is checked against WCAG AA (4.5:1)
 * on everything it is drawn on.
 */
public final class Palette {

    private Palette() {}

    // The page.
    public static final String PAGE = "#ffffff";
    public static final String INK = "#1a1a1a";
    /** Secondary text: rule titles, kinds, card labels, heat-map axes. */
    public static final String MUTED = "#546e7a";
    /** The legend's words; the swatch beside each word carries the colour it explains. */
    public static final String LEGEND = "#455a64";

    public static final String NOTE = "#6d4c41";
    public static final String TREATMENT = "#2e7d32";
    public static final String HEADER = "#263238";
    public static final String HEADER_INK = "#ffffff";
    public static final String HEADER_META = "#b0bec5";
    public static final String HEADER_LINK = "#80cbc4";
    /** The findings filter bar and the findings table's head. */
    public static final String FILTERS = "#eceff1";

    public static final String TABLE_HEAD = "#f5f5f5";

    /** A label written in {@code ink} on {@code fill}, under the CSS class {@code css}. */
    public record Swatch(String css, String fill, String ink) {}

    private static final String WHITE = "#ffffff";

    // Severity: critical a deep red, high a burnt orange (the brighter #e65100 held white text at 3.8:1).
    public static final Swatch CRITICAL = new Swatch("sev-critical", "#b71c1c", WHITE);
    public static final Swatch HIGH = new Swatch("sev-high", "#c43e00", WHITE);
    public static final Swatch MEDIUM = new Swatch("sev-medium", "#f9a825", INK);
    public static final Swatch LOW = new Swatch("sev-low", "#9ccc65", INK);
    public static final Swatch INFO = new Swatch("sev-info", "#cfd8dc", INK);

    /** The swatch of a severity: badges, cards, heat-map cells, the borders of diagram boxes. */
    public static Swatch severity(Severity s) {
        return switch (s) {
            case CRITICAL -> CRITICAL;
            case HIGH -> HIGH;
            case MEDIUM -> MEDIUM;
            case LOW -> LOW;
            case INFO -> INFO;
        };
    }

    /** Verdicts of requirements and statuses of missions, as badges. */
    public static final List<Swatch> VERDICTS = List.of(
            new Swatch("v-satisfied", "#2e7d32", WHITE),
            new Swatch("st-up", "#2e7d32", WHITE),
            new Swatch("v-not-satisfied", CRITICAL.fill(), WHITE),
            new Swatch("st-stopped", CRITICAL.fill(), WHITE),
            new Swatch("v-needs-review", MEDIUM.fill(), INK),
            new Swatch("st-degraded", MEDIUM.fill(), INK),
            new Swatch("v-not-applicable", INFO.fill(), INK));

    /** Every swatch with a CSS class of its own. */
    public static List<Swatch> swatches() {
        List<Swatch> all = new ArrayList<>(List.of(CRITICAL, HIGH, MEDIUM, LOW, INFO));
        all.addAll(VERDICTS);
        return all;
    }

    // Lines of the diagrams and the legend's swatches (strokes, not text).
    public static final String FLOW_DATA = "#78909c";
    public static final String FLOW_COMMAND = "#c62828";
    public static final String FLOW_CREDENTIAL = "#6a1b9a";
    public static final String FLOW_LATERAL = "#ef6c00";
    public static final String FLOW_CUT = "#000000";
    public static final String HAZARD_MARK = "#c62828";

    // Diagram text.
    public static final String DIAGRAM_INK = INK;
    public static final String DIAGRAM_DETAIL = "#455a64";
    public static final String GROUP_LABEL = "#37474f";
    public static final String BAND_LABEL = "#455a64";

    // Diagram fills that text sits on.
    public static final String BAND_SERVICE = "#f3e5f5";
    public static final String BAND_PLATFORM = "#e3f2fd";
    public static final String BAND_NETWORK = "#e8f5e9";
    public static final String BAND_DEVICE = "#fff8e1";
    public static final String NODE = "#ffffff";
    public static final String NODE_DEVICE = "#fffdf5";
    public static final String NODE_NETWORK = "#f6fff6";
    public static final String NODE_PLATFORM = "#f5faff";
    public static final String NODE_SERVICE = "#fdf7ff";
    public static final String NODE_HAZARD = "#ffebee";
    public static final String SYSTEM_FILL = "#fafafa";
    /** A zone is white laid over its band at this opacity, so the band still shows through. */
    public static final double ZONE_OPACITY = 0.55;

    public static final List<String> BANDS = List.of(BAND_SERVICE, BAND_PLATFORM, BAND_NETWORK, BAND_DEVICE);

    /** The fill of a layer's band ("device", …), or the page's outside the bands. */
    public static String band(String layer) {
        return switch (layer) {
            case "service" -> BAND_SERVICE;
            case "platform" -> BAND_PLATFORM;
            case "network" -> BAND_NETWORK;
            case "device" -> BAND_DEVICE;
            default -> PAGE;
        };
    }

    // Charts.
    public static final String CHART_MEAN = "#1565c0";
    public static final String CHART_WORST = "#c62828";
    public static final String CHART_AXIS = "#546e7a";
    public static final String CHART_GRID = "#eceff1";
    public static final String BAR_FAILED = "#ef6c00";
    public static final String BAR_COMPROMISED = "#8e24aa";
    public static final String BAR_UNKNOWN = "#b0bec5";
    /** The recovery objectives on a Gantt chart, each labelled in its own colour on the page. */
    public static final List<String> OBJECTIVES = List.of("#1565c0", "#c62828", "#2e7d32", "#6d4c41");

    /** Text in {@code ink} on {@code background}, and where the report draws it. */
    public record Pair(String where, String ink, String background) {
        public double ratio() {
            return Contrast.ratio(ink, background);
        }
    }

    /**
     * Every colour of text on every colour it is drawn on, besides what the page's style sheet
     * declares (which the contrast test reads from the sheet itself).
     */
    public static List<Pair> pairs() {
        List<Pair> out = new ArrayList<>();
        for (Swatch s : swatches()) {
            out.add(new Pair(s.css() + " label", s.ink(), s.fill()));
        }
        List<String> nodeFills =
                List.of(NODE, NODE_DEVICE, NODE_NETWORK, NODE_PLATFORM, NODE_SERVICE, NODE_HAZARD, SYSTEM_FILL);
        for (String fill : nodeFills) {
            out.add(new Pair("diagram box label on " + fill, DIAGRAM_INK, fill));
            out.add(new Pair("diagram box detail on " + fill, DIAGRAM_DETAIL, fill));
            out.add(new Pair("diagram hazard words on " + fill, HAZARD_MARK, fill));
        }
        out.add(new Pair("the \"!\" of the warning sign", WHITE, HAZARD_MARK));
        out.add(new Pair("diagram title", DIAGRAM_INK, PAGE));
        out.add(new Pair("group label on the page", GROUP_LABEL, PAGE));
        out.add(new Pair("zone label on the page", GROUP_LABEL, Contrast.blend(PAGE, ZONE_OPACITY, PAGE)));
        out.add(new Pair("group label in a system", GROUP_LABEL, SYSTEM_FILL));
        for (String band : BANDS) {
            out.add(new Pair("band label on " + band, BAND_LABEL, band));
            out.add(new Pair("group label on " + band, GROUP_LABEL, band));
            out.add(new Pair("zone label on " + band, GROUP_LABEL, Contrast.blend(PAGE, ZONE_OPACITY, band)));
        }
        out.add(new Pair("chart text", INK, PAGE));
        out.add(new Pair("chart axis", CHART_AXIS, PAGE));
        for (String o : OBJECTIVES) {
            out.add(new Pair("objective label " + o, o, PAGE));
        }
        return out;
    }

    /**
     * The page's colour rules for the swatches: badges, cards and heat-map cells. A card's value and
     * label take the swatch's ink, or the muted label would sit on the red of a critical card.
     */
    public static String css() {
        StringBuilder out = new StringBuilder();
        for (Swatch s : swatches()) {
            out.append(String.format(
                    Locale.ROOT,
                    ".%1$s { background: %2$s; color: %3$s; }%n.card.%1$s .label { color: %3$s; }%n",
                    s.css(),
                    s.fill(),
                    s.ink()));
        }
        for (Swatch s : List.of(CRITICAL, HIGH, MEDIUM, LOW, INFO)) {
            // an empty cell keeps a quarter of its colour, blended here rather than by opacity: the PDF
            // renderer ignores opacity on table cells
            out.append(String.format(
                    Locale.ROOT,
                    "table.heatmap td.empty.%s { background: %s; }%n",
                    s.css(),
                    Contrast.blend(s.fill(), EMPTY_CELL, PAGE)));
        }
        out.append(String.format(
                Locale.ROOT,
                ".legend .swatch.command { border-top-color: %s; } .legend .swatch.data { border-top-color: %s; }%n"
                        + ".legend .swatch.credential { border-top-color: %s; } .legend .swatch.cut { border-top-color: %s; }%n",
                FLOW_COMMAND,
                FLOW_DATA,
                FLOW_CREDENTIAL,
                FLOW_CUT));
        return out.toString();
    }

    /** How much of its colour an empty heat-map cell keeps. */
    public static final double EMPTY_CELL = 0.25;
}
