package dev.mamori.engine.graph;

import dev.mamori.model.Layer;
import dev.mamori.model.validate.ElementIndex.Kind;
import java.util.Objects;
import java.util.Optional;

/**
 * What a finding (or any other result) is about, typed: the kind of element, the id by which
 * reports and treatments name it, the system it belongs to and the layer it sits on. Built by the
 * {@link FrozenGraph}, which knows all four, so that reports read them instead of parsing ids back.
 *
 * @param kind what the element is; its {@link Kind#noun()} is the word reports print
 * @param id the qualified id ({@code system.component}, {@code system.component.hazard}), or for
 *     an unnamed flow its {@code from -> to (protocol)} label
 * @param system the system the element belongs to; empty for landscape-level elements (missions,
 *     stakeholders, landscape-level data). A relation declared at landscape level (a cross-system
 *     flow or credential) belongs to the system of its sender or holder, where it starts.
 * @param layer the layer: a component's own, a hazard's component's; a flow is a link of the
 *     network layer; empty for elements on no layer
 */
public record ElementRef(Kind kind, String id, Optional<String> system, Optional<Layer> layer) {

    public ElementRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(layer, "layer");
    }

    /** The word reports group elements outside every system under. */
    public static final String LANDSCAPE = "landscape";

    /** The system as reports write it, {@link #LANDSCAPE} for elements outside every system. */
    public String systemWord() {
        return system.orElse(LANDSCAPE);
    }

    /** The layer as reports write it: {@code device}, …, or {@code other} for elements on no layer. */
    public String layerWord() {
        return layer.map(Layer::word).orElse("other");
    }

    /** The element's kind as reports and the JSON assessment write it: {@code component}, {@code data asset}, … */
    public String kindWord() {
        return kind.noun();
    }
}
