package dev.mamori.report.diagram;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.elk.alg.layered.components.ComponentOrderingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * A diagram of boxes (nested in groups) and links, laid out by ELK's layered algorithm and written
 * as standalone SVG with its own style sheet. Builders add groups, boxes and links by id; partitions
 * (when used) stack the top-level groups as horizontal bands, which is how the four layers of a
 * system are drawn.
 *
 * <p>Every box is sized to the text it shows, measured in the font it is drawn in ({@link
 * TextMetrics}); a long label is wrapped onto more lines, never cut, and a group is at least as wide
 * as its title. Every id the SVG defines starts with the diagram's own prefix, so that several
 * diagrams inline in one HTML page never share an id.
 */
public final class Diagram {

    /** Text of a box: its label, and the smaller detail lines under it. */
    private static final double LABEL_SIZE = 11;

    private static final double DETAIL_SIZE = 10;
    private static final double LABEL_STEP = 14;
    private static final double DETAIL_STEP = 13;
    /** The baseline of a box's first line, below its top. */
    private static final double FIRST_BASELINE = 18;
    /** Below the last baseline: the descent and the padding. */
    private static final double BOTTOM = 10;
    /** Text starts this far inside a box, and as far is kept clear on the right. */
    private static final double INSET = 8;
    /** A line of a box is wrapped beyond this width. */
    private static final double MAX_TEXT = 220;

    private static final double MIN_BOX_WIDTH = 90;
    private static final double GROUP_LABEL_Y = 17;
    private static final double TITLE_SIZE = 13;
    private static final double BAND_LABEL_SIZE = 10;

    private record Info(
            List<String> label, List<String> detail, String hazard, String css, String title, int partition) {}

    private record LinkInfo(String css, String title) {}

    private final String prefix;
    private final String title;
    private final ElkNode root = ElkGraphUtil.createGraph();
    private final Map<String, ElkNode> byId = new HashMap<>();
    private final Map<ElkNode, Info> info = new IdentityHashMap<>();
    private final Map<ElkEdge, LinkInfo> links = new IdentityHashMap<>();
    private final Map<Integer, String> bandNames = new TreeMap<>();

    /**
     * @param key names the diagram among those of one page ("landscape", "system-access"); its ids
     *     start with it
     * @param direction where links point: right for landscapes, down for layered systems
     * @param bands whether top-level groups carry partitions drawn as bands
     */
    public Diagram(String key, String title, Direction direction, boolean bands) {
        this.prefix = "mamori-" + key.replaceAll("[^A-Za-z0-9_-]", "_");
        this.title = title;
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, direction);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(16));
        // Ties (boxes with no link between them, such as the zones of one layer) broken by the order the
        // boxes were added in: left to itself, ELK orders them by identity hashes, and the same model
        // was drawn differently from one run to the next.
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_COMPONENTS, ComponentOrderingStrategy.MODEL_ORDER);
        if (bands) {
            root.setProperty(LayeredOptions.PARTITIONING_ACTIVATE, true);
        }
    }

    /** The prefix of every id in this diagram's SVG; also the id of its root element. */
    public String prefix() {
        return prefix;
    }

    /** Names the band of a partition ("service", "platform", …). */
    public void band(int partition, String name) {
        bandNames.put(partition, name);
    }

    /** A group (a zone, a system) inside {@code parent} (null: the top level); partition -1 for none. */
    public void group(String id, String parent, String label, String css, int partition) {
        ElkNode node = ElkGraphUtil.createNode(parent == null ? root : byId.get(parent));
        node.setIdentifier(id);
        node.setProperty(CoreOptions.PADDING, new ElkPadding(26, 10, 10, 10));
        // the group's title sits on its top edge: the group is at least as wide as the title, whatever it holds
        node.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
        node.setProperty(
                CoreOptions.NODE_SIZE_MINIMUM,
                new KVector(Math.ceil(TextMetrics.width(label, LABEL_SIZE, true) + 2 * INSET + 4), 40));
        if (partition >= 0) {
            node.setProperty(LayeredOptions.PARTITIONING_PARTITION, partition);
        }
        byId.put(id, node);
        info.put(node, new Info(List.of(label), List.of(), "", css, label, partition));
    }

    public boolean has(String id) {
        return byId.containsKey(id);
    }

    /** A box, sized to its text. */
    public void box(String id, String parent, String label, String detail, String css, String tooltip, int partition) {
        box(id, parent, label, detail, "", css, tooltip, partition);
    }

    /**
     * A box, sized to its text, with a hazard line under the detail (a warning sign drawn in SVG, then
     * {@code hazard}) when {@code hazard} is not empty.
     */
    public void box(
            String id,
            String parent,
            String label,
            String detail,
            String hazard,
            String css,
            String tooltip,
            int partition) {
        ElkNode node = ElkGraphUtil.createNode(parent == null ? root : byId.get(parent));
        node.setIdentifier(id);
        List<String> labelLines = TextMetrics.wrap(label, LABEL_SIZE, false, MAX_TEXT);
        List<String> detailLines =
                detail.isEmpty() ? List.of() : TextMetrics.wrap(detail, DETAIL_SIZE, false, MAX_TEXT);
        double text = 0;
        for (String l : labelLines) {
            text = Math.max(text, TextMetrics.width(l, LABEL_SIZE, false));
        }
        for (String l : detailLines) {
            text = Math.max(text, TextMetrics.width(l, DETAIL_SIZE, false));
        }
        if (!hazard.isEmpty()) {
            text = Math.max(text, HAZARD_MARK_WIDTH + TextMetrics.width(hazard, DETAIL_SIZE, true));
        }
        double width = Math.max(MIN_BOX_WIDTH, Math.ceil(text + 2 * INSET + 4));
        node.setDimensions(width, lastBaseline(labelLines.size(), detailLines.size(), !hazard.isEmpty()) + BOTTOM);
        if (partition >= 0) {
            node.setProperty(LayeredOptions.PARTITIONING_PARTITION, partition);
        }
        byId.put(id, node);
        info.put(node, new Info(labelLines, detailLines, hazard, css, tooltip, partition));
    }

    /** Room for the warning sign before a hazard's words. */
    private static final double HAZARD_MARK_WIDTH = 15;

    private static double lastBaseline(int labels, int details, boolean hazard) {
        return FIRST_BASELINE + LABEL_STEP * (labels - 1) + DETAIL_STEP * (details + (hazard ? 1 : 0));
    }

    /** A link between two boxes already added; ignored when either is missing or they are the same. */
    public void link(String from, String to, String css, String tooltip) {
        ElkNode source = byId.get(from);
        ElkNode target = byId.get(to);
        if (source == null || target == null || source == target) {
            return;
        }
        ElkEdge edge = ElkGraphUtil.createSimpleEdge(source, target);
        ElkGraphUtil.updateContainment(edge);
        links.put(edge, new LinkInfo(css, tooltip));
    }

    /**
     * The text every diagram's style sheet has between its style tags: what a Content-Security-Policy
     * hashes to allow it, known without laying a diagram out.
     */
    public static String embeddedStyle() {
        return DiagramStyle.embedded();
    }

    /** Runs the layout and writes the SVG. */
    public String svg() {
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        double offsetX = bandNames.isEmpty() ? 0 : bandMargin();
        // the title runs along the top: the drawing is at least as wide as the title
        double width = Math.ceil(
                Math.max(root.getWidth() + offsetX, TextMetrics.width(title, TITLE_SIZE, true) + 2 * INSET + 4));
        double height = Math.ceil(root.getHeight() + 30);
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mamori-diagram\" id=\"%s\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"%s\">%n",
                prefix,
                width,
                height,
                width,
                height,
                Xml.attribute(title)));
        out.append("<title>").append(Xml.text(title)).append("</title>\n");
        out.append(DiagramStyle.defs(prefix));
        out.append(String.format(
                Locale.ROOT,
                "<text class=\"diagram-title\" x=\"%.0f\" y=\"18\">%s</text>%n<g transform=\"translate(%.1f,24)\">%n",
                INSET,
                Xml.text(title),
                offsetX));
        bands(out, offsetX, width);
        for (ElkNode child : root.getChildren()) {
            node(out, child, 0, 0);
        }
        edges(out, root, 0, 0);
        groupTitles(out, root, 0, 0);
        out.append("</g>\n</svg>\n");
        return out.toString();
    }

    /** The left margin that holds the bands' names. */
    private double bandMargin() {
        double widest = 0;
        for (String name : bandNames.values()) {
            widest = Math.max(widest, TextMetrics.width(bandLabel(name), BAND_LABEL_SIZE, true));
        }
        return Math.ceil(Math.max(60, widest + 2 * INSET + 8));
    }

    private static String bandLabel(String name) {
        return name + " layer";
    }

    private void bands(StringBuilder out, double offsetX, double width) {
        if (bandNames.isEmpty()) {
            return;
        }
        Map<Integer, double[]> extent = new TreeMap<>();
        for (ElkNode child : root.getChildren()) {
            int p = info.get(child).partition();
            double[] e = extent.computeIfAbsent(p, k -> new double[] {Double.MAX_VALUE, 0});
            e[0] = Math.min(e[0], child.getY());
            e[1] = Math.max(e[1], child.getY() + child.getHeight());
        }
        for (Map.Entry<Integer, double[]> e : extent.entrySet()) {
            String name = bandNames.getOrDefault(e.getKey(), "");
            double y = e.getValue()[0] - 8;
            double h = e.getValue()[1] - e.getValue()[0] + 16;
            out.append(String.format(
                    Locale.ROOT,
                    "<g class=\"band band-%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/><text x=\"%.1f\" y=\"%.1f\">%s</text></g>%n",
                    Xml.attribute(name),
                    -offsetX + 2,
                    y,
                    width - 4,
                    h,
                    -offsetX + INSET,
                    y + 18,
                    Xml.text(bandLabel(name))));
        }
    }

    private void node(StringBuilder out, ElkNode node, double px, double py) {
        Info i = info.get(node);
        double x = px + node.getX();
        double y = py + node.getY();
        boolean group =
                !node.getChildren().isEmpty() || i.detail().isEmpty() && i.css().contains("group");
        out.append(String.format(
                Locale.ROOT,
                "<g class=\"%s\" data-id=\"%s\"><title>%s</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%d\"/>",
                Xml.attribute(i.css()),
                Xml.attribute(node.getIdentifier()),
                Xml.text(i.title()),
                x,
                y,
                node.getWidth(),
                node.getHeight(),
                group ? 6 : 4));
        // a group's title is drawn after the links, over them (groupTitles)
        if (!group) {
            double baseline = y + FIRST_BASELINE;
            for (String line : i.label()) {
                out.append(String.format(
                        Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", x + INSET, baseline, Xml.text(line)));
                baseline += LABEL_STEP;
            }
            baseline += DETAIL_STEP - LABEL_STEP;
            for (String line : i.detail()) {
                out.append(String.format(
                        Locale.ROOT,
                        "<text class=\"detail\" x=\"%.1f\" y=\"%.1f\">%s</text>",
                        x + INSET,
                        baseline,
                        Xml.text(line)));
                baseline += DETAIL_STEP;
            }
            if (!i.hazard().isEmpty()) {
                hazard(out, x + INSET, baseline, i.hazard());
            }
        }
        out.append("</g>\n");
        for (ElkNode child : node.getChildren()) {
            node(out, child, x, y);
        }
    }

    /**
     * A warning sign (a red triangle with "!") and the hazard's words. Drawn rather than written as
     * U+26A0, which the PDF's font does not have.
     */
    private static void hazard(StringBuilder out, double x, double baseline, String words) {
        out.append(String.format(
                Locale.ROOT,
                "<path class=\"hazard-mark\" d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f z\"/>"
                        + "<text class=\"hazard-mark-bang\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">!</text>"
                        + "<text class=\"hazard-words\" x=\"%.1f\" y=\"%.1f\">%s</text>",
                x,
                baseline + 1,
                x + 6,
                baseline - 10,
                x + 12,
                baseline + 1,
                x + 6,
                baseline,
                x + HAZARD_MARK_WIDTH,
                baseline,
                Xml.text(words)));
    }

    /**
     * The groups' titles, drawn last: links run through a group's top edge to reach what it holds,
     * and would strike through its title. Each title sits on a patch of the colour behind it.
     */
    private void groupTitles(StringBuilder out, ElkNode container, double px, double py) {
        for (ElkNode node : container.getChildren()) {
            Info i = info.get(node);
            double x = px + node.getX();
            double y = py + node.getY();
            if (!node.getChildren().isEmpty() || i.detail().isEmpty() && i.css().contains("group")) {
                String title = String.join(" ", i.label());
                out.append(String.format(
                        Locale.ROOT,
                        "<g class=\"group-title\" data-for=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"15\" fill=\"%s\"/>"
                                + "<text class=\"group-label\" x=\"%.1f\" y=\"%.1f\">%s</text></g>%n",
                        Xml.attribute(node.getIdentifier()),
                        x + INSET - 3,
                        y + GROUP_LABEL_Y - 12,
                        Math.ceil(TextMetrics.width(title, LABEL_SIZE, true)) + 6,
                        behindTitle(node, i),
                        x + INSET,
                        y + GROUP_LABEL_Y,
                        Xml.text(title)));
            }
            groupTitles(out, node, x, y);
        }
    }

    /** The colour a group's title is read on: the group's own fill over its band (or the page). */
    private String behindTitle(ElkNode node, Info i) {
        ElkNode top = node;
        while (top.getParent() != root) {
            top = top.getParent();
        }
        String under = Palette.band(bandNames.getOrDefault(info.get(top).partition(), ""));
        if (i.css().contains("zone")) {
            return Contrast.blend(Palette.PAGE, Palette.ZONE_OPACITY, under);
        }
        return i.css().contains("system") ? Palette.SYSTEM_FILL : under;
    }

    private void edges(StringBuilder out, ElkNode container, double px, double py) {
        for (ElkEdge edge : container.getContainedEdges()) {
            LinkInfo li = links.get(edge);
            if (li == null || edge.getSections().isEmpty()) {
                continue;
            }
            ElkEdgeSection s = edge.getSections().get(0);
            List<String> points = new ArrayList<>();
            points.add(point(px + s.getStartX(), py + s.getStartY()));
            for (ElkBendPoint b : s.getBendPoints()) {
                points.add(point(px + b.getX(), py + b.getY()));
            }
            points.add(point(px + s.getEndX(), py + s.getEndY()));
            out.append(String.format(
                    "<g class=\"%s\"><title>%s</title><polyline points=\"%s\" marker-end=\"url(#%s)\"/></g>%n",
                    Xml.attribute(li.css()),
                    Xml.text(li.title()),
                    String.join(" ", points),
                    DiagramStyle.Arrow.of(li.css()).id(prefix)));
        }
        for (ElkNode child : container.getChildren()) {
            edges(out, child, px + child.getX(), py + child.getY());
        }
    }

    private static String point(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
    }
}
