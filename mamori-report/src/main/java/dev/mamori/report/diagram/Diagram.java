package dev.mamori.report.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
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
 */
public final class Diagram {

    private static final double CHAR_WIDTH = 6.6;
    private static final double BOX_HEIGHT = 38;
    private static final int MAX_LABEL = 34;
    private static final double BAND_MARGIN = 96;

    private record Info(String label, String detail, String css, String title, int partition) {}

    private record LinkInfo(String css, String title) {}

    private final String title;
    private final ElkNode root = ElkGraphUtil.createGraph();
    private final Map<String, ElkNode> byId = new HashMap<>();
    private final Map<ElkNode, Info> info = new IdentityHashMap<>();
    private final Map<ElkEdge, LinkInfo> links = new IdentityHashMap<>();
    private final Map<Integer, String> bandNames = new TreeMap<>();

    /**
     * @param direction where links point: right for landscapes, down for layered systems
     * @param bands whether top-level groups carry partitions drawn as bands
     */
    public Diagram(String title, Direction direction, boolean bands) {
        this.title = title;
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, direction);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(16));
        if (bands) {
            root.setProperty(LayeredOptions.PARTITIONING_ACTIVATE, true);
        }
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
        if (partition >= 0) {
            node.setProperty(LayeredOptions.PARTITIONING_PARTITION, partition);
        }
        byId.put(id, node);
        info.put(node, new Info(label, "", css, label, partition));
    }

    public boolean has(String id) {
        return byId.containsKey(id);
    }

    /** A box, sized to its text. */
    public void box(String id, String parent, String label, String detail, String css, String tooltip, int partition) {
        ElkNode node = ElkGraphUtil.createNode(parent == null ? root : byId.get(parent));
        node.setIdentifier(id);
        String shown = shorten(label);
        String shownDetail = shorten(detail);
        double width = Math.max(90, Math.max(shown.length(), shownDetail.length()) * CHAR_WIDTH + 20);
        node.setDimensions(width, detail.isEmpty() ? 28 : BOX_HEIGHT);
        if (partition >= 0) {
            node.setProperty(LayeredOptions.PARTITIONING_PARTITION, partition);
        }
        byId.put(id, node);
        info.put(node, new Info(shown, shownDetail, css, tooltip, partition));
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

    /** Runs the layout and writes the SVG. */
    public String svg() {
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        double offsetX = bandNames.isEmpty() ? 0 : BAND_MARGIN;
        double width = root.getWidth() + offsetX;
        double height = root.getHeight() + 30;
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mamori-diagram\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"%s\">%n",
                width,
                height,
                width,
                height,
                Xml.attribute(title)));
        out.append("<title>").append(Xml.text(title)).append("</title>\n");
        out.append(DiagramStyle.SVG_DEFS);
        out.append(String.format(
                Locale.ROOT,
                "<text class=\"diagram-title\" x=\"8\" y=\"18\">%s</text>%n<g transform=\"translate(%.1f,24)\">%n",
                Xml.text(title),
                offsetX));
        bands(out, offsetX, width);
        for (ElkNode child : root.getChildren()) {
            node(out, child, 0, 0);
        }
        edges(out, root, 0, 0);
        out.append("</g>\n</svg>\n");
        return out.toString();
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
                    "<g class=\"band band-%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/><text x=\"%.1f\" y=\"%.1f\">%s layer</text></g>%n",
                    Xml.attribute(name),
                    -offsetX + 2,
                    y,
                    width - 4,
                    h,
                    -offsetX + 8,
                    y + 18,
                    Xml.text(name)));
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
        if (group) {
            out.append(String.format(
                    Locale.ROOT,
                    "<text class=\"group-label\" x=\"%.1f\" y=\"%.1f\">%s</text>",
                    x + 8,
                    y + 17,
                    Xml.text(i.label())));
        } else {
            double textY = i.detail().isEmpty() ? y + 18 : y + 16;
            out.append(String.format(
                    Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", x + 8, textY, Xml.text(i.label())));
            if (!i.detail().isEmpty()) {
                out.append(String.format(
                        Locale.ROOT,
                        "<text class=\"detail\" x=\"%.1f\" y=\"%.1f\">%s</text>",
                        x + 8,
                        y + 31,
                        Xml.text(i.detail())));
            }
        }
        out.append("</g>\n");
        for (ElkNode child : node.getChildren()) {
            node(out, child, x, y);
        }
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
                    "<g class=\"%s\"><title>%s</title><polyline points=\"%s\"/></g>%n",
                    Xml.attribute(li.css()), Xml.text(li.title()), String.join(" ", points)));
        }
        for (ElkNode child : container.getChildren()) {
            edges(out, child, px + child.getX(), py + child.getY());
        }
    }

    private static String point(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1) + "…";
    }
}
