package dev.mamori.model.load;

import dev.mamori.model.Account;
import dev.mamori.model.Assumptions;
import dev.mamori.model.Certification;
import dev.mamori.model.Component;
import dev.mamori.model.Control;
import dev.mamori.model.CredentialRelation;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Exploit;
import dev.mamori.model.Flow;
import dev.mamori.model.Hazard;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Layer;
import dev.mamori.model.Mark;
import dev.mamori.model.Mission;
import dev.mamori.model.Needs;
import dev.mamori.model.Ref;
import dev.mamori.model.Responsibility;
import dev.mamori.model.Restoration;
import dev.mamori.model.SbomFile;
import dev.mamori.model.Scales;
import dev.mamori.model.Scales.Classification;
import dev.mamori.model.Scales.Need;
import dev.mamori.model.Scenario;
import dev.mamori.model.Software;
import dev.mamori.model.Stakeholder;
import dev.mamori.model.Treatment;
import dev.mamori.model.Zone;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.syntax.ListNode;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ScalarNode;
import dev.mamori.model.vocabulary.Vocabulary;
import dev.mamori.model.vocabulary.Vocabulary.ComponentKind;
import dev.mamori.model.vocabulary.Vocabulary.Protocol;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns checked mappings into model records. Shapes and types were checked by {@link
 * CheckedObject}; here the meaning is given: defaults filled in, ids qualified, the needs
 * expressions built. References stay unresolved: the validator resolves them over the whole
 * landscape.
 */
final class LandscapeBinder {

    private final Diagnostics diagnostics;
    private final Vocabulary vocabulary;

    LandscapeBinder(Diagnostics diagnostics, Vocabulary vocabulary) {
        this.diagnostics = diagnostics;
        this.vocabulary = vocabulary;
    }

    Stakeholder stakeholder(String id, SourceLocation at, CheckedObject o) {
        return new Stakeholder(
                id,
                o.text("name", id),
                o.texts("roles"),
                o.text("contact"),
                o.text("vulnerability-disclosure"),
                o.text("description", ""),
                at);
    }

    IotSystem system(String id, SourceLocation at, CheckedObject o) {
        Map<String, Zone> zones = new LinkedHashMap<>();
        for (CheckedObject.Keyed z : o.entries("zones")) {
            zones.put(z.id(), zone(id, z));
        }
        Map<String, Component> components = new LinkedHashMap<>();
        for (CheckedObject.Keyed c : o.entries("components")) {
            components.put(c.id(), component(id, c));
        }
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (CheckedObject.Keyed a : o.entries("accounts")) {
            accounts.put(a.id(), account(id, a));
        }
        Map<String, DataAsset> data = new LinkedHashMap<>();
        for (CheckedObject.Keyed d : o.entries("data")) {
            data.put(d.id(), dataAsset(id, d));
        }
        return new IotSystem(
                id,
                o.text("name", id),
                o.ref("owner", id).orElse(new Ref("", id, o.at())),
                o.ref("operator", id),
                o.text("category", ""),
                o.text("sector"),
                o.text("profile"),
                zones,
                components,
                o.objects("flows").stream().map(f -> flow(id, f)).toList(),
                o.objects("credentials").stream().map(c -> credential(id, c)).toList(),
                accounts,
                data,
                o.objects("responsibilities").stream()
                        .map(r -> responsibility(id, r))
                        .toList(),
                o.objects("controls").stream().map(c -> control(id, c)).toList(),
                o.texts("tags"),
                o.text("description", ""),
                at);
    }

    private Zone zone(String system, CheckedObject.Keyed z) {
        CheckedObject o = z.value();
        OptionalInt level =
                o.whole("security-level").map(l -> OptionalInt.of(l.intValue())).orElse(OptionalInt.empty());
        return new Zone(
                system + "." + z.id(),
                system,
                o.text("name", z.id()),
                o.choice("kind", Scales.ZoneKind.class, Scales.ZoneKind.GENERAL),
                o.choice("trust", Scales.Trust.class, Scales.Trust.MEDIUM),
                level,
                o.text("description", ""),
                z.at(),
                o.address("cidr"),
                o.choice("egress", Scales.Egress.class));
    }

    private Component component(String system, CheckedObject.Keyed c) {
        CheckedObject o = c.value();
        String id = system + "." + c.id();
        String kind = o.text("kind", "");
        ComponentKind kindFacts = vocabulary.componentKinds().get(kind);
        Layer layer =
                o.choice("layer", Layer.class).orElse(kindFacts != null ? kindFacts.defaultLayer() : Layer.DEVICE);
        if (kindFacts != null && o.has("layer") && !kindFacts.layers().contains(layer)) {
            diagnostics.warning(
                    o.at("layer"),
                    "unusual-layer",
                    "a " + kind + " usually sits on the "
                            + String.join(
                                    " or ",
                                    kindFacts.layers().stream().map(Layer::word).toList())
                            + " layer, not on the " + layer.word() + " layer; check the kind or the layer");
        }
        List<Hazard> hazards = new ArrayList<>();
        for (CheckedObject.Keyed h : o.entries("hazards")) {
            CheckedObject ho = h.value();
            hazards.add(new Hazard(
                    id + "." + h.id(),
                    ho.text("name", h.id()),
                    ho.choice("severity", Scales.HazardSeverity.class, Scales.HazardSeverity.CRITICAL),
                    ho.text("interlock"),
                    ho.text("description", ""),
                    h.at()));
        }
        List<Certification> certifications = o.objects("certifications").stream()
                .map(co -> new Certification(
                        co.text("scheme", ""), co.text("level"), co.date("until"), co.text("evidence"), co.at()))
                .toList();
        return new Component(
                id,
                system,
                o.text("name", c.id()),
                layer,
                kind,
                (int) o.whole("count", 1),
                o.ref("zone", system),
                o.ref("manufacturer", system),
                o.ref("maintainer", system),
                o.ref("operator", system),
                o.choice("credentials", Scales.Credentials.class, Scales.Credentials.UNKNOWN),
                o.choice("update", Scales.UpdatePath.class, Scales.UpdatePath.UNKNOWN),
                o.bool("secure-boot"),
                o.texts("debug"),
                o.choices("exposure", Scales.Exposure.class),
                o.date("support-until"),
                certifications,
                o.choice("logging", Scales.Logging.class, Scales.Logging.UNKNOWN),
                o.bool("constrained", false),
                o.choice("tenancy", Scales.Tenancy.class, Scales.Tenancy.SINGLE),
                o.bool("safety-function", false),
                hazards,
                o.refs("stores", system),
                o.object("restore").map(r -> restoration(system, r)),
                o.node("needs").flatMap(n -> needs(n, system)),
                o.objects("exploitable").stream()
                        .map(eo -> new Exploit(
                                eo.text("flaw", ""),
                                eo.choice("effect", Scales.ExploitEffect.class, Scales.ExploitEffect.CONTROL),
                                eo.text("description", ""),
                                eo.at()))
                        .toList(),
                o.choice("user-action", Scales.UserAction.class, Scales.UserAction.NONE),
                o.texts("tags"),
                o.text("description", ""),
                c.at(),
                o.address("address"),
                mqttUser(o),
                o.objects("software").stream().map(this::software).toList(),
                o.text("sbom").map(path -> new SbomFile(path, o.at("sbom"))),
                o.whole("flood-capacity").map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty()),
                o.ref("updates-from", system),
                o.whole("peer-reach").map(p -> OptionalInt.of(p.intValue())).orElse(OptionalInt.empty()));
    }

    /** The MQTT user name, when it is one a broker's ACL file can name on a line of its own. */
    private Optional<String> mqttUser(CheckedObject o) {
        Optional<String> user = o.text("mqtt-user");
        if (user.isPresent() && !user.get().matches("[\\x21-\\x7e]{1,256}")) {
            diagnostics.error(
                    o.at("mqtt-user"),
                    "bad-mqtt",
                    "'mqtt-user' is '" + user.get() + "': a user name of printable ASCII without spaces, as a"
                            + " broker's ACL file names it");
            return Optional.empty();
        }
        return user;
    }

    /**
     * The MQTT topic filters of a flow: only on MQTT, each a valid filter ('+' and '#' stand alone
     * in their level, '#' only last), so that a generated ACL grants exactly what the model says.
     */
    private List<String> topics(CheckedObject o, String protocolId) {
        List<ScalarNode> written = o.scalars("topics");
        if (written.isEmpty()) {
            return List.of();
        }
        if (!MQTT.contains(protocolId)) {
            diagnostics.error(
                    o.at("topics"),
                    "bad-mqtt",
                    "a " + protocolId + " flow has no MQTT topics; 'topics' is for flows over "
                            + String.join(" or ", MQTT) + ": remove it, or correct the protocol");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ScalarNode topic : written) {
            Optional<String> wrong = topicProblem(topic.text());
            if (wrong.isPresent()) {
                diagnostics.error(topic.at(), "bad-mqtt", "topic filter '" + topic.text() + "' " + wrong.get());
            } else if (!out.contains(topic.text())) {
                out.add(topic.text());
            }
        }
        return out;
    }

    private static final List<String> MQTT = List.of("mqtt", "mqtt-sn");

    /** Why a text is not an MQTT topic filter, if it is not. */
    static Optional<String> topicProblem(String topic) {
        if (topic.isEmpty()) {
            return Optional.of("is empty");
        }
        if (!topic.equals(topic.strip()) || topic.codePoints().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            // An ACL line ends at the line's end and its leading blanks are dropped: such a topic
            // could not be granted exactly.
            return Optional.of("has a control character, or blanks at its ends");
        }
        String[] levels = topic.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return Optional.of("has '#' other than as its whole last level (a/b/#)");
            }
            if (level.contains("+") && !level.equals("+")) {
                return Optional.of("has '+' other than as a whole level (a/+/c)");
            }
        }
        return Optional.empty();
    }

    /**
     * A package a component runs. Only the form of its names is checked here (a purl starts with
     * {@code pkg:} and names a type and a name; a CPE 2.3 name has its thirteen parts), so that a
     * typo is found by 'mamori validate'; the vulnerability module parses them in full.
     */
    private Software software(CheckedObject o) {
        Optional<String> purl = o.text("purl");
        Optional<String> cpe = o.text("cpe");
        if (purl.isEmpty() && cpe.isEmpty()) {
            diagnostics.error(
                    o.at(),
                    "software-without-name",
                    "a software entry names its package by 'purl' (pkg:type/namespace/name@version) or by 'cpe'"
                            + " (cpe:2.3:part:vendor:product:version:…); this one has neither");
        }
        purl.filter(p -> !Syntax.isPackageUrl(p))
                .ifPresent(p -> diagnostics.error(
                        o.at("purl"),
                        "bad-purl",
                        "'" + p + "' is not a package URL: it is written pkg:type/name@version or"
                                + " pkg:type/namespace/name@version, e.g. pkg:generic/busybox@1.35.0"));
        cpe.filter(c -> !Syntax.isCpe23(c))
                .ifPresent(c -> diagnostics.error(
                        o.at("cpe"),
                        "bad-cpe",
                        "'" + c + "' is not a CPE 2.3 name: it has 13 parts separated by ':', e.g."
                                + " cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*"));
        return new Software(purl, cpe, o.text("version"), o.text("name"), o.at());
    }

    /** A flow of {@code system}'s list, or of the landscape when {@code system} is null. */
    Flow flow(String system, CheckedObject o) {
        Ref from = o.ref("from", system).orElse(new Ref("", system, o.at()));
        Ref to = o.ref("to", system).orElse(new Ref("", system, o.at()));
        Optional<String> name = localId(o, system);
        String protocolId = o.text("protocol", "");
        Protocol protocol = vocabulary.protocols().get(protocolId);
        String encryption = o.text("encryption").orElse(protocol != null ? protocol.defaultEncryption() : "none");
        String authentication =
                o.text("authentication").orElse(protocol != null ? protocol.defaultAuthentication() : "none");
        return new Flow(
                name.orElse(null),
                name.isPresent(),
                system,
                from,
                to,
                protocolId,
                encryption,
                authentication,
                o.bool("commands", false),
                o.choice("authorization", Scales.Authorization.class, Scales.Authorization.NONE),
                o.refs("data", system),
                o.bool("required", false),
                o.refs("network", system),
                o.text("agreement"),
                o.texts("tags"),
                o.text("description", ""),
                o.at(),
                port(o, protocolId, protocol),
                topics(o, protocolId));
    }

    /** The port the flow names, else its protocol's well-known one. */
    private OptionalInt port(CheckedObject o, String protocolId, Protocol protocol) {
        Optional<Long> written = o.whole("port");
        if (written.isEmpty()) {
            return protocol != null ? protocol.port() : OptionalInt.empty();
        }
        if (protocol != null && !List.of("tcp", "udp", "any").contains(protocol.transport())) {
            diagnostics.error(
                    o.at("port"),
                    "port-without-ip",
                    "a " + protocolId + " flow runs over " + protocol.transport()
                            + ", not over TCP or UDP, so it has no port; remove 'port'");
            return OptionalInt.empty();
        }
        return OptionalInt.of(written.get().intValue());
    }

    /** The qualified id of a listed element that names itself with 'id'. */
    private Optional<String> localId(CheckedObject o, String system) {
        Optional<String> id = o.text("id");
        if (id.isPresent() && !Syntax.isId(id.get())) {
            diagnostics.error(
                    o.at("id"), "bad-id", "'" + id.get() + "' is not a valid id; use letters, digits, '-' and '_'");
            return Optional.empty();
        }
        return id.map(i -> qualified(system, i));
    }

    /** {@code id} as the landscape refers to it: prefixed by its system, when it is in one. */
    private static String qualified(String system, String id) {
        return system == null ? id : system + "." + id;
    }

    /**
     * A credential relation of {@code system}'s list, or of the landscape's. One without an {@code id}
     * is labelled {@code holder=>accepted-by}, qualified by its system like an id: systems built alike
     * have the same labels, and a finding on one system's relation is not another's.
     */
    CredentialRelation credential(String system, CheckedObject o) {
        Ref holder = o.ref("holder", system).orElse(new Ref("", system, o.at()));
        String label = holder.text() + "=>" + String.join(",", o.texts("accepted-by"));
        return new CredentialRelation(
                localId(o, system).orElse(qualified(system, label)),
                system,
                holder,
                o.refs("accepted-by", system),
                o.text("kind", "password"),
                o.bool("mfa", false),
                o.bool("shared", false),
                o.text("description", ""),
                o.at());
    }

    Account account(String system, CheckedObject.Keyed a) {
        CheckedObject o = a.value();
        return new Account(
                qualified(system, a.id()),
                system,
                o.text("name", a.id()),
                o.choice("kind", Scales.AccountKind.class, Scales.AccountKind.LOCAL),
                o.refs("logs-in-to", system),
                o.refs("used-from", system),
                o.bool("mfa", false),
                o.choices("state", Scales.AccountState.class),
                o.text("description", ""),
                a.at());
    }

    /** The costs of isolation changes the landscape states, where they differ from the defaults. */
    private static java.util.Map<dev.mamori.model.PlanChange, Integer> planCosts(CheckedObject assumptions) {
        java.util.Map<dev.mamori.model.PlanChange, Integer> costs =
                new java.util.EnumMap<>(dev.mamori.model.PlanChange.class);
        assumptions.object("plan-costs").ifPresent(o -> {
            for (dev.mamori.model.PlanChange change : dev.mamori.model.PlanChange.values()) {
                long cost = o.whole(change.word(), -1);
                if (cost >= 0) {
                    costs.put(change, (int) cost);
                }
            }
        });
        return costs;
    }

    /** The landscape's assumptions, as its root file states them. */
    Assumptions assumptions(CheckedObject root) {
        return root.object("assumptions")
                .map(o -> new Assumptions(
                        (int) o.whole("unknown-login-weak", Assumptions.DEFAULT_UNKNOWN_LOGIN_WEAK),
                        (int) o.whole("harvest", Assumptions.DEFAULT_HARVEST),
                        planCosts(o),
                        o.at()))
                .orElseGet(() -> Assumptions.defaults(root.at()));
    }

    DataAsset dataAsset(String system, CheckedObject.Keyed d) {
        CheckedObject o = d.value();
        Classification classification = o.choice("classification", Classification.class, Classification.INTERNAL);
        Need defaultConfidentiality = Need.values()[classification.ordinal()];
        return new DataAsset(
                qualified(system, d.id()),
                system,
                o.text("name", d.id()),
                o.ref("owner", system),
                classification,
                o.bool("personal", false),
                o.choice("confidentiality", Need.class, defaultConfidentiality),
                o.choice("integrity", Need.class, Need.MEDIUM),
                o.choice("availability", Need.class, Need.MEDIUM),
                o.text("description", ""),
                d.at());
    }

    Responsibility responsibility(String system, CheckedObject o) {
        EnumSet<Scales.Phase> phases = EnumSet.noneOf(Scales.Phase.class);
        phases.addAll(o.choices("phases", Scales.Phase.class));
        if (!o.has("phases")) {
            phases = EnumSet.allOf(Scales.Phase.class);
        }
        return new Responsibility(
                o.ref("for", system).orElse(new Ref("", system, o.at())),
                phases,
                o.ref("responsible", system),
                o.ref("accountable", system),
                o.refs("consulted", system),
                o.refs("informed", system),
                o.at());
    }

    private Control control(String system, CheckedObject o) {
        return new Control(
                o.text("requirement", ""),
                system,
                o.refs("on", system),
                o.choice("status", Scales.ControlStatus.class, Scales.ControlStatus.IMPLEMENTED),
                o.text("evidence"),
                o.text("description", ""),
                o.at());
    }

    private Restoration restoration(String system, CheckedObject o) {
        return new Restoration(
                o.span("time"),
                (int) o.whole("spares", 0),
                o.span("swap-time"),
                o.choice("backup", Scales.Backup.class, Scales.Backup.UNKNOWN),
                o.span("rebuild-time"),
                o.refs("after", system),
                o.ref("by", system),
                o.text("fallback"),
                o.at());
    }

    Scenario scenario(String id, SourceLocation at, CheckedObject o) {
        return new Scenario(
                id,
                o.text("name", id),
                o.refs("fails", null),
                o.refs("compromised", null),
                o.texts("fails-tagged"),
                o.refs("shut-down", null),
                o.ref("decided-by", null),
                o.text("description", ""),
                at);
    }

    /** The mission, or empty when its needs could not be read (the reason is already reported). */
    Optional<Mission> mission(String id, SourceLocation at, CheckedObject o) {
        Optional<Needs> needs = o.node("needs").flatMap(this::needs);
        if (needs.isEmpty()) {
            return Optional.empty();
        }
        List<Mission.DegradedMode> modes = new ArrayList<>();
        for (CheckedObject.Keyed m : o.entries("degraded-modes")) {
            CheckedObject mo = m.value();
            modes.add(new Mission.DegradedMode(
                    m.id(),
                    mo.text("name", m.id()),
                    mo.node("needs").flatMap(this::needs),
                    mo.span("tolerable-for"),
                    mo.text("description", ""),
                    m.at()));
        }
        return Optional.of(new Mission(
                id,
                o.text("name", id),
                o.ref("owner", null),
                needs.get(),
                o.span("rto"),
                o.span("max-downtime"),
                o.date("horizon"),
                modes,
                o.text("description", ""),
                at));
    }

    /**
     * A needs expression: {@code access.gate}, {@code [a, b]} (all), {@code {all: [...]}}, {@code
     * {any: [...]}}, {@code {at-least: 2, of: [...]}}.
     */
    Optional<Needs> needs(Node node) {
        return needs(node, null);
    }

    /** A needs expression whose bare ids name components of {@code system} (null: only system.component). */
    private Optional<Needs> needs(Node node, String system) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.isNull() || !Syntax.isReference(scalar.text())) {
                diagnostics.error(
                        node.at(),
                        "bad-needs",
                        "expected a component reference ("
                                + (system == null ? "system.component" : "component or system.component")
                                + ") here, found " + node.describe());
                return Optional.empty();
            }
            return Optional.of(new Needs.One(new Ref(scalar.text(), system, scalar.at())));
        }
        if (node instanceof ListNode list) {
            return parts(list, system).map(parts -> new Needs.All(parts, list.at()));
        }
        MapNode map = (MapNode) node;
        List<String> keys = map.entries().stream().map(MapNode.Entry::key).toList();
        List<String> known = List.of("all", "any", "at-least", "of");
        for (MapNode.Entry entry : map.entries()) {
            if (!known.contains(entry.key())) {
                diagnostics.error(
                        entry.keyAt(),
                        "bad-needs",
                        "unknown key '" + entry.key() + "' in a needs expression"
                                + Suggestions.didYouMean(entry.key(), known)
                                + "; expected all: [...], any: [...] or at-least: K with of: [...]");
                return Optional.empty();
            }
        }
        if (keys.equals(List.of("all")) || keys.equals(List.of("any"))) {
            Node items = map.entries().get(0).value();
            if (!(items instanceof ListNode list)) {
                diagnostics.error(
                        items.at(), "bad-needs", "'" + keys.get(0) + "' takes a list, found " + items.describe());
                return Optional.empty();
            }
            return parts(list, system)
                    .map(parts -> keys.get(0).equals("all")
                            ? new Needs.All(parts, map.at())
                            : new Needs.Any(parts, map.at()));
        }
        if (keys.size() == 2 && keys.contains("at-least") && keys.contains("of")) {
            Node k = map.get("at-least").orElseThrow();
            Node items = map.get("of").orElseThrow();
            int count;
            try {
                count = Integer.parseInt(((ScalarNode) k).text().strip());
            } catch (ClassCastException | NumberFormatException e) {
                diagnostics.error(k.at(), "bad-needs", "'at-least' takes a whole number, found " + k.describe());
                return Optional.empty();
            }
            if (!(items instanceof ListNode list)) {
                diagnostics.error(items.at(), "bad-needs", "'of' takes a list, found " + items.describe());
                return Optional.empty();
            }
            return parts(list, system).map(parts -> new Needs.AtLeast(count, parts, map.at()));
        }
        diagnostics.error(
                map.at(),
                "bad-needs",
                "a needs expression is one of all: [...], any: [...], or at-least: K together with of: [...]"
                        + "; found the keys " + keys);
        return Optional.empty();
    }

    private Optional<List<Needs>> parts(ListNode list, String system) {
        List<Needs> parts = new ArrayList<>();
        boolean ok = true;
        for (Node item : list.items()) {
            Optional<Needs> part = needs(item, system);
            ok &= part.isPresent();
            part.ifPresent(parts::add);
        }
        return ok ? Optional.of(parts) : Optional.empty();
    }

    Mark mark(CheckedObject o) {
        return new Mark(
                o.ref("on", null).orElse(new Ref("", null, o.at())),
                o.choice("as", Scales.Certainty.class, Scales.Certainty.ASSUMED),
                o.text("source", ""),
                o.at());
    }

    Treatment treatment(CheckedObject o) {
        return new Treatment(
                o.text("rule", ""),
                o.ref("on", null),
                o.choice("status", Scales.TreatmentStatus.class, Scales.TreatmentStatus.ACCEPTED),
                o.ref("by", null),
                o.text("reason", ""),
                o.date("until"),
                o.text("ticket"),
                o.at(),
                o.text("vulnerability"),
                o.text("justification"));
    }
}
