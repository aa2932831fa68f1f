package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Component;
import dev.mamori.model.Exploit;
import dev.mamori.model.Scales.ExploitEffect;
import dev.mamori.model.Scales.Exposure;
import dev.mamori.model.Scales.UserAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an attacker starts: the components reachable from outside, each with the chance that it is
 * held, by how exposed it is (internet over partner over radio over physical access).
 */
public record EntryPoints(int[] nodes, double[] probability, String[] reasons) {

    /** The exposed components of the landscape. */
    public static EntryPoints exposed(FrozenGraph graph) {
        List<Integer> nodes = new ArrayList<>();
        List<Double> probability = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int c = 0; c < graph.componentCount(); c++) {
            if (graph.facts().internet(c)) {
                continue; // the internet is where outsiders are, not something they take over
            }
            Component component = graph.component(c);
            double p = 0;
            String why = null;
            if (graph.facts().internetFacing(c)) {
                p = 1.0;
                why = "reachable from the internet";
            } else if (component.exposure().contains(Exposure.PARTNER)) {
                p = 0.7;
                why = "reachable by a partner";
            } else if (component.exposure().contains(Exposure.ADJACENT)) {
                p = 0.5;
                why = "reachable by radio from nearby";
            } else if (component.exposure().contains(Exposure.PHYSICAL)) {
                p = 0.4;
                why = "physically reachable";
            }
            if (p > 0) {
                // Reaching a component is not holding it: its login decides how likely that is,
                // unless a known flaw of its service gives control whatever the login.
                Optional<Exploit> exploit = controlExploit(component);
                double login = exploit.isPresent() ? 1.0 : loginFactor(component.credentials());
                String how = exploit.map(x -> ", exploitable (" + x.flaw() + ")")
                        .orElse(login < 1 ? ", login " + dev.mamori.model.Words.of(component.credentials()) : "");
                p *= login;
                why += how;
            }
            double person = userAction(component.userAction());
            if (person > p) {
                p = person;
                why = "a person using it can let an attacker in (user-action: "
                        + dev.mamori.model.Words.of(component.userAction()) + ")";
            }
            if (p > 0) {
                nodes.add(c);
                probability.add(p);
                reasons.add(why);
            }
        }
        return new EntryPoints(
                nodes.stream().mapToInt(Integer::intValue).toArray(),
                probability.stream().mapToDouble(Double::doubleValue).toArray(),
                reasons.toArray(String[]::new));
    }

    /** A known flaw of the component's service that gives control, if it has one. */
    public static Optional<Exploit> controlExploit(Component component) {
        return exploit(component, ExploitEffect.CONTROL);
    }

    /** A known flaw of the component's service with the given effect, if it has one. */
    static Optional<Exploit> exploit(Component component, ExploitEffect effect) {
        return component.exploitable().stream()
                .filter(x -> x.effect() == effect)
                .findFirst();
    }

    /** How likely a person using the component lets an attacker in. */
    static double userAction(UserAction action) {
        return switch (action) {
            case NONE -> 0;
            case UNLIKELY -> 0.1;
            case POSSIBLE -> 0.3;
            case LIKELY -> 0.6;
        };
    }

    /** How likely an attacker who reaches a component also takes it, by how its logins are set. */
    static double loginFactor(dev.mamori.model.Scales.Credentials credentials) {
        return switch (credentials) {
            case NONE, DEFAULT_SHARED -> 1.0;
            case FLEET_SHARED -> 0.7;
            case UNKNOWN -> 0.5;
            case USER_DEFINED -> 0.4;
            case UNIQUE -> 0.3;
            case CERTIFICATE -> 0.2;
        };
    }

    /** Components assumed compromised (a whole system, or chosen components). */
    public static EntryPoints assumed(int[] components, String reason) {
        double[] p = new double[components.length];
        String[] why = new String[components.length];
        java.util.Arrays.fill(p, 1.0);
        java.util.Arrays.fill(why, reason);
        return new EntryPoints(components, p, why);
    }
}
