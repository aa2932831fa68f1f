package dev.mamori.enforce;

import dev.mamori.model.Component;
import dev.mamori.model.Flow;
import dev.mamori.model.Landscape;
import dev.mamori.model.Ref;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Severity;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Mosquitto ACL and configuration per broker. The broker of an MQTT flow is its end of kind
 * {@code broker}: a flow to a broker lets its sender publish the flow's topics there, a flow from a
 * broker lets its receiver subscribe to them. Each client is named by its component's
 * {@code mqtt-user}; a flow whose authentication is {@code none} grants to anonymous clients
 * instead, and only then does the broker let anonymous clients in. Mosquitto denies whatever no
 * line grants, so a client may publish and subscribe to exactly the topics of its modelled flows.
 */
public final class MosquittoTarget {

    /** Where the files are installed on the broker unless told otherwise: the configuration names the ACL there. */
    public static final String DEFAULT_DIRECTORY = "/etc/mosquitto/mamori";

    /** One line of an ACL: who may do what with which topic filter, and the flow that asked for it. */
    public record Grant(Optional<String> user, Access access, String topic, Flow flow) {}

    /** What a client may do with a topic: publish ({@code write}) or subscribe and receive ({@code read}). */
    public enum Access {
        READ,
        WRITE;

        String word() {
            return this == READ ? "read" : "write";
        }
    }

    /**
     * A broker's grants, in the order the model lists its flows, and the ports its flows use.
     *
     * @param denials the grants of the flows an isolation plan cuts: written as {@code topic deny}
     *     lines, which Mosquitto checks before any grant, and left out of {@code grants}
     */
    public record Broker(Component component, List<Grant> grants, List<Grant> denials, TreeSet<Integer> ports) {}

    private final Landscape landscape;
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final List<Diagnostic> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** The flows an isolation plan cuts, by identity: two unnamed flows may be equal as records. */
    private final java.util.Set<Flow> cut = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private MosquittoTarget(Landscape landscape, PlanCuts plan) {
        this.landscape = landscape;
        landscape.components().forEach(c -> components.put(c.id(), c));
        cut.addAll(plan.flows());
    }

    /**
     * The ACL and configuration of every broker, or of the brokers of {@code system} when given.
     *
     * @param directory where the files will be on the broker: the configuration names the ACL and
     *     password file there
     * @throws IllegalArgumentException when {@code system} is not a system of the landscape
     */
    public static Generated generate(Landscape landscape, Optional<String> system, String directory) {
        return generate(landscape, system, directory, PlanCuts.NONE);
    }

    /**
     * As {@link #generate(Landscape, Optional, String)}, with the MQTT flows an isolation plan cuts
     * denied rather than granted: their client may no longer publish or subscribe to their topics at
     * the broker, even where another of its flows grants a wider filter.
     */
    public static Generated generate(Landscape landscape, Optional<String> system, String directory, PlanCuts plan) {
        if (system.isPresent() && !landscape.systems().containsKey(system.get())) {
            throw new IllegalArgumentException("no system '" + system.get() + "' in the landscape; the systems are: "
                    + String.join(", ", landscape.systems().keySet()));
        }
        MosquittoTarget target = new MosquittoTarget(landscape, plan);
        Map<String, Broker> brokers = target.brokers(system);
        target.planNotes(plan, brokers);
        SortedMap<String, String> files = new TreeMap<>();
        if (target.problems.isEmpty()) {
            for (Broker broker : brokers.values()) {
                files.put(aclName(broker.component()), acl(landscape, broker, plan));
                files.put(confName(broker.component()), conf(landscape, broker, directory));
            }
        }
        return new Generated(files, target.problems, target.notes);
    }

    /** What the model grants at each broker (of {@code system} when given), by broker id in id order; problems are kept. */
    public static Map<String, Broker> grants(Landscape landscape, Optional<String> system, List<Diagnostic> problems) {
        return grants(landscape, system, PlanCuts.NONE, problems);
    }

    /** As {@link #grants(Landscape, Optional, List)}, with the flows {@code plan} cuts as denials. */
    public static Map<String, Broker> grants(
            Landscape landscape, Optional<String> system, PlanCuts plan, List<Diagnostic> problems) {
        MosquittoTarget target = new MosquittoTarget(landscape, plan);
        Map<String, Broker> brokers = target.brokers(system);
        problems.addAll(target.problems);
        return brokers;
    }

    /** What of the plan an ACL cannot do: cuts of flows that are not MQTT at a broker, segments, credentials. */
    private void planNotes(PlanCuts plan, Map<String, Broker> brokers) {
        if (plan.isEmpty() && plan.notes().isEmpty()) {
            return;
        }
        java.util.Set<Flow> denied = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        brokers.values().forEach(b -> b.denials().forEach(g -> denied.add(g.flow())));
        for (Flow f : plan.flows()) {
            if (!denied.contains(f)) {
                notes.add("the " + plan.summary() + " cuts flow " + f.id() + " (" + f.at() + "), which is not MQTT at a"
                        + " broker of this ACL: make it with --target nftables --with-plan");
            }
        }
        for (PlanCuts.Segment segment : plan.segments()) {
            notes.add("the " + plan.summary() + " sets " + segment.component().id() + " apart in zone "
                    + segment.zone().id() + ": a broker's ACL cannot, make it with --target nftables --with-plan");
        }
        notes.addAll(plan.notes());
    }

    static String aclName(Component broker) {
        return broker.id() + ".acl";
    }

    static String confName(Component broker) {
        return broker.id() + ".conf";
    }

    private static boolean isBroker(Component c) {
        return c.kind().equals("broker");
    }

    private Map<String, Broker> brokers(Optional<String> system) {
        Map<String, Broker> brokers = new TreeMap<>();
        for (Flow flow : landscape.allFlows()) {
            if (!flow.protocol().equals("mqtt")) {
                if (flow.protocol().equals("mqtt-sn")) {
                    notes.add("flow " + flow.id() + " (" + flow.at() + ") is mqtt-sn, which goes through a gateway"
                            + " rather than to Mosquitto: no ACL line");
                }
                continue;
            }
            Optional<Component> from = component(flow.from());
            Optional<Component> to = component(flow.to());
            if (from.isEmpty() || to.isEmpty()) {
                continue; // the validator reported the dangling reference
            }
            // A flow to a broker publishes there (a bridge between two brokers too: the sending
            // broker connects to the receiving one); a flow from a broker is a subscription.
            Component broker;
            Component client;
            Access access;
            if (isBroker(to.get())) {
                broker = to.get();
                client = from.get();
                access = Access.WRITE;
            } else if (isBroker(from.get())) {
                broker = from.get();
                client = to.get();
                access = Access.READ;
            } else {
                if (system.isEmpty()
                        || from.get().system().equals(system.get())
                        || to.get().system().equals(system.get())) {
                    problem(
                            flow.at(),
                            "flow " + flow.id() + " is MQTT between "
                                    + from.get().id() + " and " + to.get().id()
                                    + ", neither of kind 'broker': an ACL is kept by the broker, so model the flow"
                                    + " to the broker and from it");
                }
                continue;
            }
            if (system.isPresent() && !broker.system().equals(system.get())) {
                continue;
            }
            if (flow.topics().isEmpty()) {
                problem(
                        flow.at(),
                        "flow " + flow.id() + " cannot be enforced at broker " + broker.id() + ": it names no"
                                + " 'topics', so the ACL would not know what " + client.id() + " may "
                                + (access == Access.WRITE ? "publish" : "subscribe to"));
                continue;
            }
            Optional<String> user = Optional.empty();
            if (!flow.authentication().equals("none")) {
                user = client.mqttUser();
                if (user.isEmpty()) {
                    problem(
                            flow.at(),
                            "flow " + flow.id() + " cannot be enforced at broker " + broker.id() + ": component "
                                    + client.id() + " (" + client.at() + ") has no 'mqtt-user', the name it logs in"
                                    + " with (or say 'authentication: none' for an anonymous client)");
                    continue;
                }
            }
            Broker b = brokers.computeIfAbsent(
                    broker.id(), k -> new Broker(broker, new ArrayList<>(), new ArrayList<>(), new TreeSet<>()));
            flow.port().ifPresent(b.ports()::add);
            for (String topic : flow.topics()) {
                (cut.contains(flow) ? b.denials() : b.grants()).add(new Grant(user, access, topic, flow));
            }
        }
        return brokers;
    }

    private Optional<Component> component(Ref ref) {
        return ref.candidates().stream()
                .map(components::get)
                .filter(Objects::nonNull)
                .findFirst();
    }

    private void problem(SourceLocation at, String message) {
        problems.add(new Diagnostic(Severity.ERROR, at, "not-enforceable", message));
    }

    private static boolean anonymous(Broker broker) {
        return broker.grants().stream().anyMatch(g -> g.user().isEmpty());
    }

    private static String acl(Landscape landscape, Broker broker, PlanCuts plan) {
        StringBuilder out = new StringBuilder();
        out.append("# Generated by mamori enforce --target mosquitto from ")
                .append(text(String.join(", ", landscape.files())))
                .append('\n');
        out.append("# Broker ")
                .append(broker.component().id())
                .append(" (")
                .append(broker.component().at())
                .append("): each client may publish (write) and subscribe to (read) only the\n");
        out.append("# topics of its modelled flows; Mosquitto denies anything no line grants.\n");
        if (!broker.denials().isEmpty()) {
            out.append("# With the ").append(text(plan.summary())).append(": the flows it cuts are denied\n");
            out.append("# (topic deny), which Mosquitto checks before any grant.\n");
        }
        // Lines before the first 'user' line apply to anonymous clients.
        List<Grant> anonymous =
                broker.grants().stream().filter(g -> g.user().isEmpty()).toList();
        List<Grant> anonymousDenied =
                broker.denials().stream().filter(g -> g.user().isEmpty()).toList();
        if (!anonymous.isEmpty() || !anonymousDenied.isEmpty()) {
            out.append("\n# Anonymous clients (flows with authentication: none)\n");
            denials(out, anonymousDenied);
            lines(out, anonymous);
        }
        TreeMap<String, List<Grant>> byUser = new TreeMap<>();
        TreeMap<String, List<Grant>> deniedByUser = new TreeMap<>();
        for (Grant g : broker.grants()) {
            g.user()
                    .ifPresent(u ->
                            byUser.computeIfAbsent(u, k -> new ArrayList<>()).add(g));
        }
        for (Grant g : broker.denials()) {
            g.user()
                    .ifPresent(u -> deniedByUser
                            .computeIfAbsent(u, k -> new ArrayList<>())
                            .add(g));
        }
        java.util.TreeSet<String> users = new java.util.TreeSet<>(byUser.keySet());
        users.addAll(deniedByUser.keySet());
        for (String user : users) {
            out.append("\nuser ").append(user).append('\n');
            denials(out, deniedByUser.getOrDefault(user, List.of()));
            lines(out, byUser.getOrDefault(user, List.of()));
        }
        return out.toString();
    }

    /** One {@code topic deny} line per topic of a cut flow, under a comment naming it; each once. */
    private static void denials(StringBuilder out, List<Grant> denials) {
        Flow last = null;
        java.util.Set<String> written = new java.util.HashSet<>();
        for (Grant g : denials) {
            String line = "topic deny " + g.topic();
            if (!written.add(line)) {
                continue;
            }
            if (g.flow() != last) {
                out.append("# plan: cut flow ")
                        .append(text(g.flow().id()))
                        .append(' ')
                        .append(g.flow().at().file())
                        .append(':')
                        .append(g.flow().at().line())
                        .append(" (it ")
                        .append(g.access() == Access.WRITE ? "published" : "subscribed to")
                        .append(" these)\n");
                last = g.flow();
            }
            out.append(line).append('\n');
        }
    }

    /** One line per grant, under a comment naming the flow whenever the flow changes; each grant once. */
    private static void lines(StringBuilder out, List<Grant> grants) {
        Flow last = null;
        java.util.Set<String> written = new java.util.HashSet<>();
        for (Grant g : grants) {
            String line = "topic " + g.access().word() + " " + g.topic();
            if (!written.add(line)) {
                continue;
            }
            if (g.flow() != last) {
                out.append("# flow ")
                        .append(text(g.flow().id()))
                        .append(' ')
                        .append(g.flow().at().file())
                        .append(':')
                        .append(g.flow().at().line())
                        .append('\n');
                last = g.flow();
            }
            out.append(line).append('\n');
        }
    }

    private static String conf(Landscape landscape, Broker broker, String directory) {
        Component c = broker.component();
        String base = directory.endsWith("/") ? directory : directory + "/";
        boolean passwords = broker.grants().stream()
                .anyMatch(g -> g.user().isPresent() && g.flow().authentication().equals("password"));
        TreeSet<String> other = new TreeSet<>();
        broker.grants().stream()
                .filter(g -> g.user().isPresent())
                .map(g -> g.flow().authentication())
                .filter(a -> !a.equals("password"))
                .forEach(other::add);
        StringBuilder out = new StringBuilder();
        out.append("# Generated by mamori enforce --target mosquitto from ")
                .append(text(String.join(", ", landscape.files())))
                .append('\n');
        out.append("# Broker ")
                .append(c.id())
                .append(" (")
                .append(c.at())
                .append("): its listeners, who may log in, and the ACL beside this file.\n");
        out.append("# Install both files in ")
                .append(base)
                .append(" and include this one from mosquitto.conf, or start: mosquitto -c ")
                .append(base)
                .append(confName(c))
                .append('\n');
        out.append("per_listener_settings false\n");
        out.append("allow_anonymous ")
                .append(anonymous(broker) ? "true" : "false")
                .append(anonymous(broker) ? "   # a flow to or from this broker says authentication: none" : "")
                .append('\n');
        String bind = c.address().filter(a -> a.host()).map(a -> " " + a).orElse("");
        for (int port : broker.ports()) {
            out.append("listener ").append(port).append(bind).append('\n');
        }
        out.append("acl_file ").append(base).append(aclName(c)).append('\n');
        if (passwords) {
            out.append("# Create with: mosquitto_passwd -c ")
                    .append(base)
                    .append(c.id())
                    .append(".passwd USER (one entry per user of the ACL)\n");
            out.append("password_file ").append(base).append(c.id()).append(".passwd\n");
        }
        if (!other.isEmpty()) {
            out.append("# Flows here also authenticate by ")
                    .append(String.join(", ", other))
                    .append(": Mamori does not know the key files. For client certificates, add to each listener:\n");
            out.append("#   cafile, certfile, keyfile, require_certificate true, use_identity_as_username true\n");
        }
        return out.toString();
    }

    /** Text safe on a {@code #} line: printable ASCII. */
    private static String text(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(ch -> out.append(ch >= 0x20 && ch < 0x7f ? (char) ch : '?'));
        return out.toString();
    }
}
