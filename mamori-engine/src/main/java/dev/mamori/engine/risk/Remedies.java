package dev.mamori.engine.risk;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Flow;
import dev.mamori.model.edit.KeyEdit;
import dev.mamori.model.vocabulary.Vocabulary;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.List;
import java.util.Optional;

/** Values for fixes that the vocabulary allows where they go: never one that makes the model invalid. */
public final class Remedies {

    private Remedies() {}

    /**
     * The encryption to set on a flow of {@code protocol}: the first of {@code preferred} the protocol
     * can run with, else the strongest it can; none when it can run with nothing stronger than none.
     */
    public static Optional<String> encryption(Vocabulary vocabulary, String protocol, String... preferred) {
        return vocabulary.encryptionFor(protocol, preferred);
    }

    /** The first authentication {@code protocol} allows that tells who sends; none when it allows none. */
    public static Optional<String> authentication(Vocabulary vocabulary, String protocol) {
        Vocabulary.Protocol p = vocabulary.protocols().get(protocol);
        return p == null
                ? Optional.empty()
                : p.authentication().stream()
                        .filter(a -> vocabulary.authenticationStrength(a) != Strength.NONE)
                        .findFirst();
    }

    /** The edit setting flow {@code f}'s encryption to {@link #encryption}'s choice; none when there is none. */
    public static List<KeyEdit> setEncryption(FrozenGraph graph, int f, String... preferred) {
        Flow flow = graph.flow(f);
        return encryption(graph.landscape().vocabulary(), flow.protocol(), preferred)
                .map(e -> List.of(new KeyEdit(flow.at(), "encryption", e)))
                .orElse(List.of());
    }

    /** The edit setting flow {@code f}'s authentication to {@link #authentication}'s choice; none when there is none. */
    public static List<KeyEdit> setAuthentication(FrozenGraph graph, int f) {
        Flow flow = graph.flow(f);
        return authentication(graph.landscape().vocabulary(), flow.protocol())
                .map(a -> List.of(new KeyEdit(flow.at(), "authentication", a)))
                .orElse(List.of());
    }

    /**
     * The first authentication {@code protocol} allows that is strong (a certificate, a token bound
     * to the caller, a message code); none when it allows none.
     */
    public static Optional<String> strongAuthentication(Vocabulary vocabulary, String protocol) {
        Vocabulary.Protocol p = vocabulary.protocols().get(protocol);
        return p == null
                ? Optional.empty()
                : p.authentication().stream()
                        .filter(a -> vocabulary.authenticationStrength(a) == Strength.STRONG)
                        .findFirst();
    }

    /** The edit setting flow {@code f}'s authentication to {@link #strongAuthentication}'s choice; none when there is none. */
    public static List<KeyEdit> setStrongAuthentication(FrozenGraph graph, int f) {
        Flow flow = graph.flow(f);
        return strongAuthentication(graph.landscape().vocabulary(), flow.protocol())
                .map(a -> List.of(new KeyEdit(flow.at(), "authentication", a)))
                .orElse(List.of());
    }

    /**
     * The edit taking component {@code c} off the internet, keeping its other exposures; none when
     * it is not exposed to the internet by its own exposure (a zone or a flow makes it so instead).
     */
    public static List<KeyEdit> withoutInternetExposure(FrozenGraph graph, int c) {
        dev.mamori.model.Component component = graph.component(c);
        if (!component.exposure().contains(dev.mamori.model.Scales.Exposure.INTERNET)) {
            return List.of();
        }
        List<String> kept = component.exposure().stream()
                .filter(e -> e != dev.mamori.model.Scales.Exposure.INTERNET)
                .sorted()
                .map(dev.mamori.model.Words::of)
                .toList();
        return List.of(new KeyEdit(component.at(), "exposure", "[" + String.join(", ", kept) + "]"));
    }

    /**
     * The one flow into component {@code c} whose authentication is {@code strength}, or -1 when
     * there is none or more than one: one edit fixes a finding only when one flow is its cause.
     */
    public static int theOnlyFlowIn(FrozenGraph graph, int c, Strength strength) {
        int only = -1;
        for (int f : graph.flowsIn(c)) {
            if (graph.landscape()
                            .vocabulary()
                            .authenticationStrength(graph.flow(f).authentication())
                    == strength) {
                if (only >= 0) {
                    return -1;
                }
                only = f;
            }
        }
        return only;
    }
    /**
     * The edits naming a stakeholder for {@code key} of the element written at {@code at}, one per
     * stakeholder a person may choose: those with one of {@code roles}, in the order the landscape
     * declares them; none when no stakeholder has such a role (then the fix is a stakeholder to add,
     * not a key to set). Who answers for an element is not Mamori's to decide, so the edits ask
     * ({@link KeyEdit#asks}).
     */
    public static List<KeyEdit> chooseStakeholder(
            FrozenGraph graph, dev.mamori.model.diagnostics.SourceLocation at, String key, String... roles) {
        List<String> fitting = new java.util.ArrayList<>();
        for (int s = 0; s < graph.stakeholderCount(); s++) {
            dev.mamori.model.Stakeholder stakeholder = graph.stakeholder(s);
            for (String role : roles) {
                if (stakeholder.hasRole(role)) {
                    fitting.add(stakeholder.id());
                    break;
                }
            }
        }
        return KeyEdit.choices(at, key, fitting);
    }
}
