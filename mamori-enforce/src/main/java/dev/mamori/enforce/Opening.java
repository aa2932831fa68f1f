package dev.mamori.enforce;

import dev.mamori.model.IpPrefix;
import dev.mamori.model.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a deployed rule the model does not ask for lets through: from which addresses to which,
 * over which transport and ports. Read from the rule in the form drift compares; a clause it does
 * not understand (a negation, a mark, an interface) is left out, so the traffic is taken as wider
 * than the rule may allow, and {@code exact} says so.
 *
 * @param difference the drift it comes from, located in the model and in the deployment
 * @param zone the zone whose ruleset holds the rule
 * @param from the source addresses; empty: any
 * @param to the destination addresses; empty: any
 * @param transport {@code tcp}, {@code udp} or {@code any}
 * @param ports destination ports (single ports, or ranges {@code a-b}); empty: any
 * @param exact whether every clause of the rule was understood
 */
public record Opening(
        Drift.Difference difference,
        Zone zone,
        List<IpPrefix> from,
        List<IpPrefix> to,
        String transport,
        List<String> ports,
        boolean exact)
        implements Unmodelled {

    public Opening {
        from = List.copyOf(from);
        to = List.copyOf(to);
        ports = List.copyOf(ports);
    }

    /**
     * The traffic a rule in the shared form accepts, or empty when the rule accepts no new
     * connection (a drop, a jump, an accept of established traffic only).
     */
    static Optional<Opening> of(Drift.Difference difference, Zone zone, String rule) {
        String[] t = rule.split(" ");
        if (t.length == 0 || !t[t.length - 1].equals("accept")) {
            return Optional.empty();
        }
        List<IpPrefix> from = new ArrayList<>();
        List<IpPrefix> to = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        String transport = "any";
        boolean exact = true;
        int i = 0;
        while (i < t.length - 1) {
            if (i + 2 >= t.length) {
                exact = false;
                break;
            }
            String selector = t[i] + " " + t[i + 1];
            String value = t[i + 2];
            boolean negated = value.equals("!=")
                    || value.equals("<")
                    || value.equals(">")
                    || value.equals("<=")
                    || value.equals(">=");
            if (negated) {
                exact = false; // a negation or a comparison: taken as not restricting
                i += 4;
                continue;
            }
            i += 3;
            List<String> values = values(value);
            switch (selector) {
                case "ip saddr", "ip6 saddr" -> exact &= prefixes(values, from);
                case "ip daddr", "ip6 daddr" -> exact &= prefixes(values, to);
                case "tcp dport", "udp dport", "th dport" -> {
                    ports.addAll(values);
                    if (!t[i - 3].equals("th")) {
                        transport = t[i - 3];
                    }
                }
                case "meta l4proto" -> {
                    if (values.size() == 1
                            && (values.get(0).equals("tcp") || values.get(0).equals("udp"))) {
                        transport = values.get(0);
                    }
                }
                case "ct state" -> {
                    if (!values.contains("new")) {
                        return Optional.empty(); // established or related only: opens no new connection
                    }
                }
                default -> exact = false;
            }
        }
        return Optional.of(new Opening(difference, zone, from, to, transport, ports, exact));
    }

    private static List<String> values(String value) {
        if (value.startsWith("{") && value.endsWith("}")) {
            return List.of(value.substring(1, value.length() - 1).split(","));
        }
        return List.of(value);
    }

    /** Adds the values as prefixes; false when one is not an address (a named set, say). */
    private static boolean prefixes(List<String> values, List<IpPrefix> into) {
        boolean all = true;
        for (String v : values) {
            if (IpPrefix.parse(v) instanceof IpPrefix.Parsed.Ok ok) {
                into.add(ok.prefix());
            } else {
                all = false;
            }
        }
        return all;
    }

    /** The rule's traffic in words: {@code 10.30.0.66 -> 10.20.0.5 tcp/22}. */
    @Override
    public String words() {
        return (from.isEmpty() ? "any address" : join(from)) + " -> " + (to.isEmpty() ? "any address" : join(to)) + " "
                + transport + (ports.isEmpty() ? "" : "/" + String.join(",", ports));
    }

    private static String join(List<IpPrefix> prefixes) {
        return String.join(",", prefixes.stream().map(IpPrefix::toString).toList());
    }
}
