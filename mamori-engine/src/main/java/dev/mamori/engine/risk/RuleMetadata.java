package dev.mamori.engine.risk;

import dev.mamori.model.Layer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a rule is, declared once beside its check: id, title, why it matters, the layers it looks
 * at, the properties it threatens, its references, and the means that mitigate it.
 *
 * @param id a readable, stable kebab-case id ({@code default-credentials}); treatments name it
 * @param rootCause what a fix of it changes, shared by rules that one change fixes together (an
 *     unauthenticated command flow is one problem, however many rules see it); its id by default
 * @param judgesRecords the rule judges what the model records (owners, dates, agreements, logging)
 *     rather than a weakness an attacker uses to get in or through: its findings are never ranked
 *     first as a way in to catastrophic harm
 */
public record RuleMetadata(
        String id,
        String title,
        String rationale,
        Set<Layer> layers,
        Set<Property> properties,
        List<Reference> references,
        List<String> mitigations,
        String rootCause,
        boolean judgesRecords) {

    public RuleMetadata {
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("rule ids are kebab-case: " + id);
        }
        if (properties.isEmpty() || layers.isEmpty() || mitigations.isEmpty() || references.isEmpty()) {
            throw new IllegalArgumentException(id + " needs layers, properties, references and mitigations");
        }
        layers = Set.copyOf(layers);
        properties = Set.copyOf(properties);
        references = List.copyOf(references);
        mitigations = List.copyOf(mitigations);
    }

    /** Starts the metadata of rule {@code id}. */
    public static Builder rule(String id) {
        return new Builder(id);
    }

    /** Writes metadata as a readable block in the rule class. */
    public static final class Builder {
        private final String id;
        private String title;
        private String rationale;
        private final Set<Layer> layers = EnumSet.noneOf(Layer.class);
        private final Set<Property> properties = EnumSet.noneOf(Property.class);
        private List<Reference> references = List.of();
        private List<String> mitigations = List.of();
        private String rootCause;
        private boolean judgesRecords;

        private Builder(String id) {
            this.id = id;
            this.rootCause = id;
        }

        /**
         * Names the root cause this rule shares with others: findings of such rules on one element
         * are one problem with one fix, and are shown as one line that lists the rules.
         */
        public Builder rootCause(String rootCause) {
            this.rootCause = rootCause;
            return this;
        }

        /** Says the rule judges the model's records, not a weakness an attacker uses (see the record). */
        public Builder judgesRecords() {
            this.judgesRecords = true;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder rationale(String rationale) {
            this.rationale = rationale;
            return this;
        }

        public Builder layers(Layer... layers) {
            this.layers.addAll(List.of(layers));
            return this;
        }

        public Builder threatens(Property... properties) {
            this.properties.addAll(List.of(properties));
            return this;
        }

        public Builder references(Reference... references) {
            this.references = List.of(references);
            return this;
        }

        public Builder mitigations(String... mitigations) {
            this.mitigations = List.of(mitigations);
            return this;
        }

        public RuleMetadata build() {
            return new RuleMetadata(
                    id, title, rationale, layers, properties, references, mitigations, rootCause, judgesRecords);
        }
    }
}
