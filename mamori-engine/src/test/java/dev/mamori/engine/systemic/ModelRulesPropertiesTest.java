package dev.mamori.engine.systemic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Component;
import dev.mamori.model.Scales.AccountState;
import dev.mamori.model.Scales.Credentials;
import dev.mamori.model.vocabulary.Vocabulary;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;

/**
 * The propagation graph is a compilation of the model's rules (docs/systemic.md). Here the rules are
 * applied to the model directly, naively, to a fixed point, without the graph: what outsiders take,
 * commands, credentials over a route, zone footholds and weak (or assumed weak) neighbours, accounts
 * taken on held hosts and used over a route. The components held must be the same.
 */
@Tag("slow")
class ModelRulesPropertiesTest {

    private static final int OUTSIDE = -1;

    @Property(tries = 500)
    void whatOutsidersHoldFollowsTheRulesOfTheModel(@ForAll long seed) {
        FrozenGraph g = RandomLandscapes.frozen(seed);
        Propagation p = Propagation.from(PropagationGraph.of(g), EntryPoints.exposed(g));
        boolean[] held = bruteHeld(g).held();
        for (int c = 0; c < g.componentCount(); c++) {
            assertThat(p.controlled(c))
                    .as("%s in\n%s", g.component(c).id(), RandomLandscapes.yaml(seed))
                    .isEqualTo(held[c]);
        }
    }

    /**
     * How many units of each fleet are held, by the rules applied to the model: whatever reaches
     * every unit alike (the internet, a command flow, a forgeable flow over a held network, an update
     * source, a credential or account over a route) holds them all; an exposure in person or a radio
     * link forged from nearby holds one; a foothold in the fleet's zone reaches the units one unit
     * reaches; and one held unit spreads to those over a weak login. The units one unit reaches are
     * simulated as segments of that size, not computed by the formula.
     */
    @Property(tries = 500)
    void theUnitsHeldOfAFleetFollowTheRulesOfTheModel(@ForAll long seed) {
        FrozenGraph g = RandomLandscapes.frozen(seed);
        PropagationGraph graph = PropagationGraph.of(g);
        Propagation p = Propagation.from(graph, EntryPoints.exposed(g));
        long[] units = HeldUnits.of(g, graph, p);
        Brute brute = bruteHeld(g);
        for (int c = 0; c < g.componentCount(); c++) {
            assertThat(units[c])
                    .as("units of %s in\n%s", g.component(c).id(), RandomLandscapes.yaml(seed))
                    .isEqualTo(brute.held()[c] ? bruteUnits(g, brute, c) : 0);
        }
    }

    private static long bruteUnits(FrozenGraph g, Brute brute, int c) {
        boolean[] held = brute.held();
        Component component = g.component(c);
        int count = component.count();
        boolean whole = g.facts().internetFacing(c);
        for (int f = 0; f < g.flowCount(); f++) {
            if (g.flowTo(f) == c && g.flow(f).commands() && held[g.flowFrom(f)]) {
                whole = true;
            }
            if (g.flowTo(f) == c && g.flow(f).commands() && inClearAndForgeable(g, f)) {
                for (int net : g.networksOf(f)) {
                    whole |= held[net] && net != c && net != g.flowFrom(f);
                }
            }
        }
        if (component.updatesFrom().isPresent()
                && component.update() != dev.mamori.model.Scales.UpdatePath.NONE
                && held[g.componentOf(component.updatesFrom().get()).orElseThrow()]) {
            whole = true;
        }
        for (int r = 0; r < g.credentialCount(); r++) {
            for (int t : g.credentialAccepters(r)) {
                whole |= t == c && held[g.credentialHolder(r)] && route(g, place(g, g.credentialHolder(r)), c);
            }
        }
        for (long k : brute.accounts()) {
            int a = (int) (k >> 32);
            int place = (int) k;
            for (int t : g.accountLogsInTo(a)) {
                whole |= t == c && t != place && route(g, place, t);
            }
        }
        if (whole) {
            return count;
        }
        // One unit, then the units of its segment over a weak login: unit i of a fleet whose units
        // each reach `size` of them (itself included) sits in segment i / size.
        double share = component.peerReach().isPresent()
                ? component.peerReach().getAsInt() / 100.0
                : g.zoneOf(c) >= 0 ? 1.0 : 0.0;
        int size = 1 + (int) Math.floor((count - 1) * share);
        boolean[] unit = new boolean[count];
        unit[0] = true;
        if (weak(g, component)) {
            for (int i = 0; i < count; i++) {
                unit[i] |= i / size == 0;
            }
        }
        long n = 0;
        for (boolean u : unit) {
            n += u ? 1 : 0;
        }
        return n;
    }

    /** Places are encoded as zone z -> -(z + 2), a zoneless host as itself, outside as -1. */
    private static int place(FrozenGraph g, int host) {
        return g.zoneOf(host) >= 0 ? -(g.zoneOf(host) + 2) : host;
    }

    private static boolean at(FrozenGraph g, int component, int place) {
        return place <= -2 ? g.zoneOf(component) == -(place + 2) : component == place;
    }

    private static boolean route(FrozenGraph g, int place, int target) {
        if (g.facts().internetFacing(target)) {
            return true;
        }
        if (place == OUTSIDE) {
            return false;
        }
        if (at(g, target, place)) {
            return true;
        }
        for (int f = 0; f < g.flowCount(); f++) {
            if (g.flowTo(f) == target && at(g, g.flowFrom(f), place)
                    || g.flowFrom(f) == target && at(g, g.flowTo(f), place)) {
                return true;
            }
        }
        return false;
    }

    private static boolean weak(FrozenGraph g, Component c) {
        Credentials login = c.credentials();
        // A flaw that gives control lets a neighbour in whatever the login; one that crashes does not.
        return c.exploitable().stream().anyMatch(x -> x.effect() == dev.mamori.model.Scales.ExploitEffect.CONTROL)
                || login == Credentials.NONE
                || login == Credentials.DEFAULT_SHARED
                || login == Credentials.FLEET_SHARED
                || login == Credentials.UNKNOWN && g.landscape().assumptions().unknownLoginWeak() > 0;
    }

    /** What the rules hold: the components, and each account's secret by the place it is used from. */
    record Brute(boolean[] held, Set<Long> accounts) {}

    static Brute bruteHeld(FrozenGraph g) {
        int n = g.componentCount();
        boolean[] held = new boolean[n];
        boolean[] foothold = new boolean[g.zoneCount()];
        Set<Long> accounts = new HashSet<>(); // account * 2^32 + place
        for (int c = 0; c < n; c++) {
            held[c] = (g.facts().internetFacing(c)
                            || g.component(c).exposure().contains(dev.mamori.model.Scales.Exposure.PHYSICAL))
                    && !g.facts().internet(c);
        }
        Vocabulary words = g.landscape().vocabulary();
        for (int f = 0; f < g.flowCount(); f++) {
            // a radio link whose commands anyone within range forges: BLE in clear or with legacy pairing
            if (g.flow(f).commands()
                    && g.flow(f).protocol().equals("ble")
                    && !g.flow(f).encryption().equals("ble-secure")
                    && words.authenticationStrength(g.flow(f).authentication()) != Vocabulary.Strength.STRONG) {
                held[g.flowTo(f)] = true;
            }
        }
        for (int a = 0; a < g.accountCount(); a++) {
            if (g.account(a).state().contains(AccountState.LEAKED)
                    || g.account(a).state().contains(AccountState.REUSED)) {
                accounts.add(key(a, OUTSIDE));
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int f = 0; f < g.flowCount(); f++) {
                if (g.flow(f).commands() && held[g.flowFrom(f)] && !held[g.flowTo(f)]) {
                    held[g.flowTo(f)] = changed = true;
                }
                // a man in the middle: a held network on the path of commands in clear, not strongly authenticated
                if (g.flow(f).commands() && !held[g.flowTo(f)] && inClearAndForgeable(g, f)) {
                    for (int net : g.networksOf(f)) {
                        if (held[net]) {
                            held[g.flowTo(f)] = changed = true;
                        }
                    }
                }
            }
            // a held update source ships its code to what installs from it
            for (int c = 0; c < n; c++) {
                Component component = g.component(c);
                if (component.updatesFrom().isPresent()
                        && component.update() != dev.mamori.model.Scales.UpdatePath.NONE
                        && held[g.componentOf(component.updatesFrom().get()).orElseThrow()]
                        && !held[c]) {
                    held[c] = changed = true;
                }
            }
            for (int r = 0; r < g.credentialCount(); r++) {
                int holder = g.credentialHolder(r);
                for (int t : g.credentialAccepters(r)) {
                    if (held[holder] && !held[t] && route(g, place(g, holder), t)) {
                        held[t] = changed = true;
                    }
                }
            }
            for (int c = 0; c < n; c++) {
                int z = g.zoneOf(c);
                if (z >= 0 && held[c] && !foothold[z]) {
                    foothold[z] = changed = true;
                }
                if (z >= 0 && foothold[z] && !held[c] && weak(g, g.component(c))) {
                    held[c] = changed = true;
                }
            }
            for (int a = 0; a < g.accountCount(); a++) {
                for (int[] hosts : new int[][] {g.accountLogsInTo(a), g.accountUsedFrom(a)}) {
                    for (int h : hosts) {
                        if (held[h] && g.landscape().assumptions().harvest() > 0) {
                            changed |= accounts.add(key(a, place(g, h)));
                        }
                    }
                }
                for (long k : Set.copyOf(accounts)) {
                    if ((int) (k >> 32) != a) {
                        continue;
                    }
                    int place = (int) k;
                    for (int t : g.accountLogsInTo(a)) {
                        if (!held[t] && t != place && route(g, place, t)) {
                            held[t] = changed = true;
                        }
                    }
                }
            }
        }
        return new Brute(held, accounts);
    }

    private static boolean inClearAndForgeable(FrozenGraph g, int f) {
        Vocabulary words = g.landscape().vocabulary();
        return words.encryptionStrength(g.flow(f).encryption()) == Vocabulary.Strength.NONE
                && words.authenticationStrength(g.flow(f).authentication()) != Vocabulary.Strength.STRONG;
    }

    private static long key(int account, int place) {
        return ((long) account << 32) | (place & 0xffffffffL);
    }
}
