package dev.mamori.report.diagram;

import static dev.mamori.report.diagram.Palette.*;

import java.util.Locale;

/**
 * The look of every diagram, inside each SVG so that a diagram exported alone looks the same. The
 * colours come from {@link Palette}.
 *
 * <p>An HTML page that embeds several diagrams holds them in one document, where an id is global:
 * the arrowheads are therefore named after the diagram ({@code PREFIX-arrow-data}), and each line
 * names its arrowhead in its own {@code marker-end} attribute rather than in the shared style sheet
 * (a page-wide rule would point every diagram at the arrowheads of the last one).
 */
final class DiagramStyle {

    private DiagramStyle() {}

    /** The arrowheads, by the class of the line that ends in them. */
    enum Arrow {
        DATA("data", FLOW_DATA, 7),
        COMMAND("command", FLOW_COMMAND, 8),
        CREDENTIAL("credential", FLOW_CREDENTIAL, 7),
        LATERAL("lateral", FLOW_LATERAL, 7),
        CUT("cut", FLOW_CUT, 8);

        final String name;
        final String colour;
        final int size;

        Arrow(String name, String colour, int size) {
            this.name = name;
            this.colour = colour;
            this.size = size;
        }

        /** The arrowhead of a line drawn with these classes. */
        static Arrow of(String css) {
            for (String c : css.split(" ")) {
                switch (c) {
                    case "command":
                        return COMMAND;
                    case "credential":
                        return CREDENTIAL;
                    case "lateral", "zone-member":
                        return LATERAL;
                    case "cut":
                        return CUT;
                    default:
                        break;
                }
            }
            return DATA;
        }

        String id(String prefix) {
            return prefix + "-arrow-" + name;
        }
    }

    static String defs(String prefix) {
        StringBuilder out = new StringBuilder("<defs>\n");
        for (Arrow a : Arrow.values()) {
            // "auto", not SVG 2's "auto-start-reverse": arrows only ever end a line, and Batik reads SVG 1.1
            out.append(String.format(
                    Locale.ROOT,
                    "<marker id=\"%s\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"%d\" markerHeight=\"%d\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>%n",
                    a.id(prefix),
                    a.size,
                    a.size,
                    a.colour));
        }
        out.append("<style>").append(embedded()).append("</style>\n</defs>\n");
        return out.toString();
    }

    /** The style sheet's text as it stands between the style tags of every diagram. */
    static String embedded() {
        return "\n" + SHEET;
    }

    /** The font every diagram is measured and drawn in; Arial and Helvetica share its metrics. */
    static final String FONT = "\"Liberation Sans\", Arial, Helvetica, sans-serif";

    private static final String SHEET = String.join(
            "\n",
            ".mamori-diagram { font-family: " + FONT + "; font-size: 11px; }",
            ".mamori-diagram .diagram-title { font-size: 13px; font-weight: bold; fill: " + DIAGRAM_INK + "; }",
            ".mamori-diagram text { fill: " + DIAGRAM_INK + "; }",
            ".mamori-diagram .detail { fill: " + DIAGRAM_DETAIL + "; font-size: 10px; }",
            ".mamori-diagram .hazard-words { fill: " + HAZARD_MARK + "; font-size: 10px; font-weight: bold; }",
            ".mamori-diagram .hazard-mark { fill: " + HAZARD_MARK + "; }",
            ".mamori-diagram .hazard-mark-bang { fill: #ffffff; font-size: 8px; font-weight: bold; }",
            ".mamori-diagram .group-label { font-weight: bold; fill: " + GROUP_LABEL + "; }",
            ".mamori-diagram .band rect { stroke: none; }",
            ".mamori-diagram .band text { font-weight: bold; fill: " + BAND_LABEL + "; font-size: 10px; }",
            ".mamori-diagram .band-service rect { fill: " + BAND_SERVICE + "; }",
            ".mamori-diagram .band-platform rect { fill: " + BAND_PLATFORM + "; }",
            ".mamori-diagram .band-network rect { fill: " + BAND_NETWORK + "; }",
            ".mamori-diagram .band-device rect { fill: " + BAND_DEVICE + "; }",
            ".mamori-diagram .group rect { fill: none; stroke: #90a4ae; stroke-width: 1; }",
            String.format(
                    Locale.ROOT,
                    ".mamori-diagram .zone rect { fill: rgba(255,255,255,%.2f); stroke: #546e7a; stroke-dasharray: 5 3; }",
                    ZONE_OPACITY),
            ".mamori-diagram .system rect { fill: " + SYSTEM_FILL + "; stroke: #455a64; }",
            ".mamori-diagram .node rect { fill: " + NODE + "; stroke: #607d8b; stroke-width: 1.2; }",
            ".mamori-diagram .layer-device rect { fill: " + NODE_DEVICE + "; }",
            ".mamori-diagram .layer-network rect { fill: " + NODE_NETWORK + "; }",
            ".mamori-diagram .layer-platform rect { fill: " + NODE_PLATFORM + "; }",
            ".mamori-diagram .layer-service rect { fill: " + NODE_SERVICE + "; }",
            ".mamori-diagram .worst-critical rect { stroke: " + CRITICAL.fill() + "; stroke-width: 3; }",
            ".mamori-diagram .worst-high rect { stroke: " + HIGH.fill() + "; stroke-width: 2.5; }",
            ".mamori-diagram .worst-medium rect { stroke: " + MEDIUM.fill() + "; stroke-width: 2; }",
            ".mamori-diagram .hazard rect { fill: " + NODE_HAZARD + "; }",
            ".mamori-diagram .entry rect { stroke-dasharray: 3 2; }",
            ".mamori-diagram .aggregate rect { stroke-dasharray: 1 2; }",
            ".mamori-diagram polyline { fill: none; }",
            ".mamori-diagram .data polyline { stroke: " + FLOW_DATA + "; stroke-width: 1.2; }",
            ".mamori-diagram .command polyline { stroke: " + FLOW_COMMAND + "; stroke-width: 2.2; }",
            ".mamori-diagram .credential polyline { stroke: " + FLOW_CREDENTIAL
                    + "; stroke-width: 1.5; stroke-dasharray: 6 3; }",
            ".mamori-diagram .lateral polyline, .mamori-diagram .zone-member polyline { stroke: " + FLOW_LATERAL
                    + "; stroke-width: 1.5; stroke-dasharray: 2 2; }",
            ".mamori-diagram .cut polyline { stroke: " + FLOW_CUT + "; stroke-width: 3.5; stroke-dasharray: 10 4; }",
            "");
}
