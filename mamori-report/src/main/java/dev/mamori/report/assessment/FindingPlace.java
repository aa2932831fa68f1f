package dev.mamori.report.assessment;

import dev.mamori.engine.risk.Finding;
import dev.mamori.model.Component;
import dev.mamori.model.Landscape;
import dev.mamori.model.Layer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a finding sits in the landscape, for reports that group findings by system and layer: the
 * system its element belongs to, and the layer of its component (a flow is a link of the network
 * layer). Elements outside any system (missions, stakeholders, landscape-level data) have neither.
 */
public final class FindingPlace {

    /** The word reports show for findings on elements outside every system. */
    public static final String LANDSCAPE = "landscape";

    private final Landscape landscape;
    private final Map<String, Component> components = new HashMap<>();

    public FindingPlace(Landscape landscape) {
        this.landscape = landscape;
        landscape.components().forEach(c -> components.put(c.id(), c));
    }

    /** The id of the system the finding's element belongs to, or {@link #LANDSCAPE}. */
    public String system(Finding f) {
        String element = f.element();
        int arrow = element.indexOf(" -> ");
        String head = arrow >= 0 ? element.substring(0, arrow) : element;
        int dot = head.indexOf('.');
        if (dot > 0 && landscape.systems().containsKey(head.substring(0, dot))) {
            return head.substring(0, dot);
        }
        if (landscape.systems().containsKey(head)) {
            return head;
        }
        return LANDSCAPE;
    }

    /** The layer of the finding's component (or of the component its hazard is on); flows are network. */
    public Optional<Layer> layer(Finding f) {
        if (f.elementKind().equals("flow")) {
            return Optional.of(Layer.NETWORK);
        }
        Component c = components.get(f.element());
        if (c == null && f.elementKind().equals("hazard")) {
            int last = f.element().lastIndexOf('.');
            c = last > 0 ? components.get(f.element().substring(0, last)) : null;
        }
        return Optional.ofNullable(c).map(Component::layer);
    }

    /** The layer as reports write it: {@code device}, …, or {@code other} for elements on no layer. */
    public String layerWord(Finding f) {
        return layer(f).map(Layer::word).orElse("other");
    }
}
