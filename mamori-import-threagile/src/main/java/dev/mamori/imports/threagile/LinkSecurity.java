package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.ThreagileModel.Link;
import dev.mamori.imports.threagile.ThreagileModel.TechnicalAsset;
import dev.mamori.model.Scales.Authorization;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.syntax.ScalarNode;
import dev.mamori.model.vocabulary.Vocabulary.Protocol;
import java.util.Map;
import java.util.Optional;

/**
 * How a link's security reads in Mamori's words: its protocol and encryption, authentication and
 * authorization (each with a warning where the reading is approximate), and whether it carries
 * commands.
 */
final class LinkSecurity {

    private final Map<String, TechnicalAsset> technicalAssets;
    private final Diagnostics diagnostics;

    LinkSecurity(Map<String, TechnicalAsset> technicalAssets, Diagnostics diagnostics) {
        this.technicalAssets = technicalAssets;
        this.diagnostics = diagnostics;
    }

    /** The Mamori protocol and encryption of a link; an unknown protocol is proprietary, unencrypted. */
    Tables.Wire wire(In link) {
        Optional<ScalarNode> protocol =
                link.scalar("protocol").filter(p -> !p.text().isBlank());
        String word = protocol.map(p -> p.text().strip()).orElse("unknown-protocol");
        Tables.Wire wire = Tables.PROTOCOLS.get(word);
        if (wire != null) {
            return wire;
        }
        diagnostics.warning(
                protocol.map(ScalarNode::at).orElse(link.at()),
                "imported-approximately",
                (protocol.isEmpty() || word.equals("unknown-protocol")
                                ? "the link's protocol is not stated"
                                : "'" + word + "' is not a Threagile protocol this import knows"
                                        + Suggestions.didYouMean(word, Tables.PROTOCOLS.keySet()))
                        + "; the flow is imported as 'proprietary' without encryption");
        return new Tables.Wire("proprietary", "none");
    }

    /** The Mamori authentication of a link: Threagile's word, or the nearest the protocol can carry. */
    String authentication(In link, Protocol protocol, Tables.Wire wire) {
        Optional<ScalarNode> written =
                link.scalar("authentication").filter(a -> !a.text().isBlank());
        String word = written.map(a -> a.text().strip()).orElse("none");
        String wanted = Tables.AUTHENTICATION.get(word);
        if (wanted == null) {
            diagnostics.warning(
                    written.get().at(),
                    "imported-approximately",
                    "'" + word + "' is not a Threagile authentication"
                            + Suggestions.didYouMean(word, Tables.AUTHENTICATION.keySet())
                            + "; the flow is imported as unauthenticated");
            wanted = "none";
        }
        String nearest = ThreagileVocabulary.nearestAuthentication(protocol, wanted);
        if (!nearest.equals(wanted)) {
            diagnostics.warning(
                    written.map(ScalarNode::at).orElse(link.at()),
                    "imported-approximately",
                    (word.equals(wanted)
                                    ? "Threagile's authentication '" + word + "' cannot be written on an "
                                            + wire.protocol() + " flow in Mamori's vocabulary"
                                    : "Threagile's authentication '" + word + "' reads as '" + wanted + "', which "
                                            + wire.protocol() + " cannot carry in Mamori's vocabulary")
                            + "; the flow says '" + nearest + "', the nearest it can");
        }
        return nearest;
    }

    Authorization authorization(In link) {
        Optional<ScalarNode> written =
                link.scalar("authorization").filter(a -> !a.text().isBlank());
        if (written.isEmpty()) {
            return Authorization.NONE;
        }
        String word = written.get().text().strip();
        Authorization a = Tables.AUTHORIZATION.get(word);
        if (a == null) {
            diagnostics.warning(
                    written.get().at(),
                    "imported-approximately",
                    "'" + word + "' is not a Threagile authorization"
                            + Suggestions.didYouMean(word, Tables.AUTHORIZATION.keySet())
                            + "; the flow is imported without authorization");
            return Authorization.NONE;
        }
        return a;
    }

    /**
     * Why the link can change what its target does, or empty when it only carries data: a
     * read-only link never does, and another only when it clearly is a control path.
     */
    Optional<String> commands(Link link, Protocol protocol) {
        In in = link.fields();
        if (in.bool("readonly") || !protocol.commands()) {
            return Optional.empty();
        }
        String threagileProtocol = in.text("protocol", "");
        if (Tables.CONTROL_PROTOCOLS.contains(threagileProtocol)) {
            return Optional.of(threagileProtocol + " is an administrative channel");
        }
        if (in.text("usage", "").equals("devops")) {
            return Optional.of("a devops link that may write changes what its target runs");
        }
        In target = technicalAssets.get(link.target().text()).fields();
        String technology = target.text("technology", "");
        if (Tables.TECHNOLOGY_ALIASES.getOrDefault(technology, technology).equals("iot-device")
                || target.texts("technologies").stream()
                        .anyMatch(t -> Tables.TECHNOLOGY_ALIASES
                                .getOrDefault(t.text(), t.text())
                                .equals("iot-device"))) {
            return Optional.of("a link that may write to an IoT device controls it");
        }
        return Optional.empty();
    }
}
