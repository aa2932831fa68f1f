package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Account;
import dev.mamori.model.Component;
import dev.mamori.model.Exploit;
import dev.mamori.model.Scales.AccountState;
import dev.mamori.model.Scales.ExploitEffect;
import dev.mamori.model.Scales.Exposure;
import dev.mamori.model.Scales.UserAction;
import java.util.Optional;

/**
 * Where an attacker starts. Outsiders (the internet, a carrier's network, attacker infrastructure)
 * are one node of the propagation graph, never assessed: its EXPOSURE relations lead to the
 * components reachable from outside, each with the chance that it is held, by how exposed it is
 * (internet over partner over radio over physical access) and how its login is set, and to the
 * accounts whose secrets have leaked. Being relations, they are what an isolation plan can remove or
 * filter, like any other. {@code --from} and scenarios start instead from components assumed held.
 */
public record EntryPoints(int[] nodes, double[] probability, String[] reasons) {

    /** How outsiders get at something: over the internet, as a partner, by radio, in person, by a person inside, by a leak. */
    enum Way {
        INTERNET,
        PARTNER,
        RADIO,
        PHYSICAL,
        PERSON,
        LEAK
    }

    /** How a component is reached from outside and taken: the way, the chance, and why. */
    record Exposed(Way way, double probability, String reason) {}

    /** Whether the attacker starts from {@code node}. */
    boolean includes(int node) {
        for (int n : nodes) {
            if (n == node) {
                return true;
            }
        }
        return false;
    }

    /** Why the attacker starts from {@code node}; empty when it does not. */
    String reasonOf(int node) {
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] == node) {
                return reasons[i];
            }
        }
        return "";
    }

    /** The outsiders of the landscape, whose relations lead to everything exposed. */
    public static EntryPoints exposed(FrozenGraph graph) {
        PropagationGraph relations = graph.derived(PropagationGraph.class, PropagationGraph::of);
        int outsiders = relations.outsiders();
        return outsiders < 0
                ? new EntryPoints(new int[0], new double[0], new String[0])
                : new EntryPoints(new int[] {outsiders}, new double[] {1.0}, new String[] {"outsiders"});
    }

    /** How component {@code c} is reached from outside and taken, if it is. */
    static Optional<Exposed> of(FrozenGraph graph, int c) {
        if (graph.facts().internet(c)) {
            return Optional.empty(); // the internet is where outsiders are, not something they take over
        }
        Component component = graph.component(c);
        double p = 0;
        String why = null;
        Way way = null;
        if (graph.facts().internetFacing(c)) {
            p = 1.0;
            why = "reachable from the internet";
            way = Way.INTERNET;
        } else if (component.exposure().contains(Exposure.PARTNER)) {
            p = 0.7;
            why = "reachable by a partner";
            way = Way.PARTNER;
        } else if (component.exposure().contains(Exposure.ADJACENT)) {
            p = 0.5;
            why = "reachable by radio from nearby";
            way = Way.RADIO;
        } else if (component.exposure().contains(Exposure.PHYSICAL)) {
            p = 0.4;
            why = "physically reachable";
            way = Way.PHYSICAL;
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
            way = Way.PERSON;
            why = "a person using it can let an attacker in (user-action: "
                    + dev.mamori.model.Words.of(component.userAction()) + ")";
        }
        return p > 0 ? Optional.of(new Exposed(way, p, why)) : Optional.empty();
    }

    /** The chance that outsiders hold an account's secret, and why; none when nothing says they may. */
    static Optional<Exposed> leaked(Account account) {
        if (account.state().contains(AccountState.LEAKED)) {
            return Optional.of(new Exposed(Way.LEAK, 1.0, "the secret of " + account.id() + " has leaked"));
        }
        if (account.state().contains(AccountState.REUSED)) {
            return Optional.of(new Exposed(
                    Way.LEAK,
                    0.3,
                    "the secret of " + account.id() + " is reused on other systems, whose breaches leak it"));
        }
        return Optional.empty();
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
