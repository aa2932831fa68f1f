package dev.mamori.model.validate;

import dev.mamori.model.Account;
import dev.mamori.model.Component;
import dev.mamori.model.Control;
import dev.mamori.model.CredentialRelation;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Flow;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Landscape;
import dev.mamori.model.Layer;
import dev.mamori.model.Mission;
import dev.mamori.model.Needs;
import dev.mamori.model.Ref;
import dev.mamori.model.Responsibility;
import dev.mamori.model.Scales.TreatmentStatus;
import dev.mamori.model.Scenario;
import dev.mamori.model.Stakeholder;
import dev.mamori.model.Treatment;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.validate.ElementIndex.Kind;
import dev.mamori.model.vocabulary.Vocabulary.Protocol;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what only the whole landscape can tell: that references resolve (across files and
 * systems), that flows, credentials and missions make sense, that decisions have not lapsed, and
 * that every component and data asset has someone responsible for it (NISC 3 f)).
 */
public final class Validator {

    private final Landscape landscape;
    private final Diagnostics diagnostics;
    private final LocalDate today;
    private final ElementIndex index;

    public Validator(Landscape landscape, Diagnostics diagnostics, LocalDate today) {
        this.landscape = landscape;
        this.diagnostics = diagnostics;
        this.today = today;
        this.index = new ElementIndex(landscape);
    }

    /** The index of every element that validation resolved references with; the frozen graph can reuse it. */
    public ElementIndex index() {
        return index;
    }

    public void validate() {
        if (landscape.systems().isEmpty() && !diagnostics.hasErrors()) {
            diagnostics.warning(
                    landscape.at(),
                    "empty-landscape",
                    "the landscape has no systems; describe at least one under 'systems'");
        }
        Set<String> responsibleFor = responsibleElements();
        for (IotSystem system : landscape.systems().values()) {
            stakeholder(system.owner());
            system.operator().ifPresent(this::stakeholder);
            for (Component component : system.components().values()) {
                component(system, component, responsibleFor);
            }
            for (Control control : system.controls()) {
                control.appliesTo().forEach(this::element);
            }
        }
        for (DataAsset asset : landscape.allData()) {
            asset.owner().ifPresent(this::stakeholder);
            if (asset.owner().isEmpty() && !responsibleFor.contains(asset.id())) {
                diagnostics.warning(
                        asset.at(),
                        "no-data-owner",
                        "data asset " + asset.id() + " has no owner; name the stakeholder who decides on its use"
                                + " with 'owner'; NISC clause 3 f) asks that data ownership be clear");
            }
        }
        Set<String> seenFlows = new HashSet<>();
        for (Flow flow : landscape.allFlows()) {
            flow(flow, seenFlows);
        }
        for (CredentialRelation credential : landscape.allCredentials()) {
            credential(credential);
        }
        for (Account account : landscape.allAccounts()) {
            account(account);
        }
        for (dev.mamori.model.Mark mark : landscape.marks()) {
            mark(mark);
        }
        for (Responsibility responsibility : landscape.allResponsibilities()) {
            element(responsibility.element());
            responsibility.responsible().ifPresent(this::stakeholder);
            responsibility.accountable().ifPresent(this::stakeholder);
            responsibility.consulted().forEach(this::stakeholder);
            responsibility.informed().forEach(this::stakeholder);
        }
        for (Mission mission : landscape.missions().values()) {
            mission(mission);
        }
        restorationCycles();
        Set<String> tags = new HashSet<>();
        if (!landscape.scenarios().isEmpty()) {
            landscape.components().forEach(c -> tags.addAll(c.tags()));
        }
        for (Scenario scenario : landscape.scenarios().values()) {
            scenario(scenario, tags);
        }
        for (Treatment treatment : landscape.treatments()) {
            treatment(treatment);
        }
    }

    // ---- missions' restoration and scenarios ---------------------------------------------------

    /** Restoration dependencies must form no cycle, or nothing in the cycle could ever be restored first. */
    private void restorationCycles() {
        java.util.Map<String, Component> byId = new java.util.HashMap<>();
        landscape.components().forEach(c -> byId.put(c.id(), c));
        java.util.Map<String, Integer> state = new java.util.HashMap<>(); // 1 on the path, 2 done
        for (Component start : landscape.components()) {
            if (state.containsKey(start.id())) {
                continue;
            }
            java.util.Deque<Component> path = new java.util.ArrayDeque<>();
            java.util.Deque<java.util.Iterator<Ref>> next = new java.util.ArrayDeque<>();
            path.push(start);
            next.push(after(start).iterator());
            state.put(start.id(), 1);
            while (!path.isEmpty()) {
                if (!next.peek().hasNext()) {
                    state.put(path.pop().id(), 2);
                    next.pop();
                    continue;
                }
                Ref ref = next.peek().next();
                Optional<Component> target = index.find(ref, Kind.COMPONENT, Component.class);
                if (target.isEmpty()) {
                    continue; // reported as a dangling reference
                }
                Integer seen = state.get(target.get().id());
                if (seen == null) {
                    state.put(target.get().id(), 1);
                    path.push(byId.get(target.get().id()));
                    next.push(after(target.get()).iterator());
                } else if (seen == 1) {
                    List<String> cycle = new java.util.ArrayList<>();
                    for (Component c : path) {
                        cycle.add(0, c.id());
                        if (c.id().equals(target.get().id())) {
                            break;
                        }
                    }
                    cycle.add(target.get().id());
                    diagnostics.error(
                            ref.at(),
                            "restoration-cycle",
                            "restoration order goes round in a circle: " + String.join(" -> ", cycle)
                                    + "; one of them must be restorable without the others (drop one 'after')");
                }
            }
        }
    }

    private static List<Ref> after(Component component) {
        return component.restore().map(dev.mamori.model.Restoration::after).orElse(List.of());
    }

    /** @param tags every tag some component carries */
    private void scenario(Scenario scenario, Set<String> tags) {
        List<Kind> kinds = List.of(Kind.COMPONENT, Kind.SYSTEM);
        for (Ref ref : concat(concat(scenario.fails(), scenario.compromised()), scenario.shutDown())) {
            if (!ref.text().isEmpty() && index.findAny(ref, kinds).isEmpty()) {
                dangling(ref, kinds, "component or system");
            }
        }
        for (String tag : scenario.failsTagged()) {
            if (!tags.contains(tag)) {
                diagnostics.warning(
                        scenario.at(),
                        "unknown-tag",
                        "scenario " + scenario.id() + " fails what is tagged '" + tag
                                + "', but no component has that tag" + Suggestions.didYouMean(tag, List.copyOf(tags)));
            }
        }
        scenario.decidedBy().ifPresent(this::stakeholder);
        if (!scenario.shutDown().isEmpty() && scenario.decidedBy().isEmpty()) {
            diagnostics.warning(
                    scenario.at(),
                    "undecided-shutdown",
                    "scenario " + scenario.id() + " shuts components down as a precaution but does not say who"
                            + " decides it, and when to restart; name the stakeholder with 'decided-by'");
        }
        if (scenario.fails().isEmpty()
                && scenario.compromised().isEmpty()
                && scenario.failsTagged().isEmpty()
                && scenario.shutDown().isEmpty()) {
            diagnostics.warning(
                    scenario.at(),
                    "empty-scenario",
                    "scenario " + scenario.id()
                            + " disrupts nothing; list what 'fails', is 'compromised', is 'shut-down', or 'fails-tagged'");
        }
    }

    private static List<Ref> concat(List<Ref> a, List<Ref> b) {
        List<Ref> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---- references --------------------------------------------------------------------------

    private <T> Optional<T> resolve(Ref ref, Kind kind, Class<T> type) {
        if (ref.text().isEmpty()) {
            return Optional.empty(); // already reported as a missing key
        }
        Optional<T> found = index.find(ref, kind, type);
        if (found.isEmpty()) {
            dangling(ref, List.of(kind), kind.noun());
        }
        return found;
    }

    private void dangling(Ref ref, List<Kind> kinds, String noun) {
        boolean qualified = ref.text().contains(".") || ref.system() == null;
        String where = "";
        if (!qualified && kinds.stream().anyMatch(Kind::livesInSystems)) {
            where = kinds.stream().anyMatch(Kind::livesInLandscape)
                    ? " in system " + ref.system() + " or the landscape"
                    : " in system " + ref.system();
        }
        List<String> spellings = index.spellings(ref, kinds);
        // The same id in another system is the likeliest meaning of a bare reference.
        Optional<String> elsewhere =
                spellings.stream().filter(id -> id.endsWith("." + ref.text())).findFirst();
        String suggestion = elsewhere
                .map(id -> "; did you mean '" + id + "'? Elements of another system are written system.id")
                .orElse(Suggestions.didYouMean(ref.text(), spellings));
        diagnostics.error(ref.at(), "dangling-reference", "no " + noun + " '" + ref.text() + "'" + where + suggestion);
    }

    private Optional<Stakeholder> stakeholder(Ref ref) {
        return resolve(ref, Kind.STAKEHOLDER, Stakeholder.class);
    }

    private Optional<Component> component(Ref ref) {
        return resolve(ref, Kind.COMPONENT, Component.class);
    }

    private void element(Ref ref) {
        if (!ref.text().isEmpty() && index.findAny(ref, ElementIndex.ANY_KIND).isEmpty()) {
            dangling(ref, ElementIndex.ANY_KIND, "element");
        }
    }

    // ---- components --------------------------------------------------------------------------

    private void component(IotSystem system, Component component, Set<String> responsibleFor) {
        component
                .zone()
                .flatMap(z -> resolve(z, Kind.ZONE, dev.mamori.model.Zone.class))
                .ifPresent(zone -> {
                    // A component outside its zone's network is usually a typing slip in one of the two, and a
                    // generated firewall would then match the wrong hosts.
                    if (zone.cidr().isPresent()
                            && component.address().isPresent()
                            && !zone.cidr().get().contains(component.address().get())) {
                        diagnostics.warning(
                                component.at(),
                                "address-outside-zone",
                                "component " + component.id() + " has address "
                                        + component.address().get()
                                        + ", outside the network " + zone.cidr().get() + " of its zone " + zone.id()
                                        + "; correct one of them");
                    }
                });
        component
                .updatesFrom()
                .ifPresent(source -> component(source).ifPresent(from -> {
                    if (from.id().equals(component.id())) {
                        diagnostics.error(
                                source.at(),
                                "self-update",
                                component.id()
                                        + " names itself in 'updates-from'; name the service its updates come from");
                    }
                }));
        role(component.manufacturer(), "manufacturer", component);
        role(component.maintainer(), "maintainer", component);
        role(component.operator(), "operator", component);
        component.stores().forEach(d -> resolve(d, Kind.DATA, DataAsset.class));
        component.needs().ifPresent(needs -> {
            needs(needs);
            for (Ref ref : needs.references()) {
                if (index.find(ref, Kind.COMPONENT, Component.class)
                        .filter(c -> c.id().equals(component.id()))
                        .isPresent()) {
                    diagnostics.error(
                            ref.at(),
                            "needs-itself",
                            component.id() + " cannot need itself; name what it runs on (power, a network, a service)");
                }
            }
        });
        component.restore().ifPresent(r -> {
            r.after().forEach(this::component);
            r.by().ifPresent(this::stakeholder);
            if (r.swapTime().isPresent() && r.spares() == 0) {
                diagnostics.warning(
                        r.at(),
                        "swap-without-spares",
                        "'swap-time' is given but no spares are kept; say how many with 'spares', or drop 'swap-time'");
            }
        });
        boolean responsible = component.operator().isPresent()
                || component.maintainer().isPresent()
                || system.operator().isPresent()
                || responsibleFor.contains(component.id())
                || responsibleFor.contains(system.id());
        if (!responsible) {
            diagnostics.warning(
                    component.at(),
                    "no-responsible",
                    "no stakeholder is responsible for component " + component.id()
                            + "; name an 'operator' or 'maintainer' on it or on system " + system.id()
                            + ", or add a responsibility for it; NISC clause 3 f) asks for a clear demarcation of responsibility");
        }
    }

    /** A stakeholder named in a role should have that role; a mismatch usually means a wrong id. */
    private void role(Optional<Ref> ref, String role, Component component) {
        ref.flatMap(this::stakeholder).ifPresent(s -> {
            if (!s.hasRole(role)) {
                diagnostics.warning(
                        ref.get().at(),
                        "role-mismatch",
                        s.id() + " is named " + role + " of " + component.id() + " but does not have the role '" + role
                                + "'; add it to the stakeholder's roles or name another stakeholder");
            }
        });
    }

    /** The ids of elements some responsibility names a responsible or accountable party for. */
    private Set<String> responsibleElements() {
        Set<String> out = new HashSet<>();
        for (Responsibility r : landscape.allResponsibilities()) {
            if (r.responsible().isPresent() || r.accountable().isPresent()) {
                index.findAny(r.element(), ElementIndex.ANY_KIND)
                        .ifPresent(e -> out.add(ElementIndex.idOf(e.getValue())));
            }
        }
        return out;
    }

    // ---- flows and credentials ---------------------------------------------------------------

    private void flow(Flow flow, Set<String> seen) {
        Optional<Component> from = component(flow.from());
        Optional<Component> to = component(flow.to());
        flow.data().forEach(d -> resolve(d, Kind.DATA, DataAsset.class));
        if (flow.required() && flow.commands()) {
            diagnostics.warning(
                    flow.at(),
                    "required-commands",
                    "flow " + flow.id() + " carries commands, and commands received are not needs of the receiver"
                            + " (it keeps working on its own logic); 'required' has no effect here: model what it"
                            + " cannot do without as a data flow");
        }
        for (Ref network : flow.network()) {
            component(network).ifPresent(n -> {
                if (n.layer() != Layer.NETWORK) {
                    diagnostics.error(
                            network.at(),
                            "not-a-network",
                            n.id() + " is on the " + n.layer().word() + " layer; 'network' lists the network-layer"
                                    + " components the flow travels over");
                }
            });
        }
        if (from.isPresent() && to.isPresent()) {
            Component a = from.get();
            Component b = to.get();
            if (a.id().equals(b.id())) {
                diagnostics.error(
                        flow.to().at(),
                        "self-flow",
                        "the flow goes from " + a.id() + " to itself; a flow joins two components");
            }
            if (flow.system() != null
                    && !a.system().equals(flow.system())
                    && !b.system().equals(flow.system())) {
                diagnostics.error(
                        flow.at(),
                        "foreign-flow",
                        "the flow " + a.id() + " -> " + b.id() + " is listed under system " + flow.system()
                                + " but touches neither of its components; list it under the top-level 'flows'");
            }
            for (Component end : List.of(a, b)) {
                if (end.layer() == Layer.NETWORK && !a.id().equals(b.id())) {
                    diagnostics.warning(
                            flow.at(),
                            "flow-to-network",
                            "the flow ends at " + end.id() + ", a network-layer component; if the flow travels over"
                                    + " it, name it under 'network' and join the two endpoints instead");
                }
            }
            boolean crossSystem = !a.system().equals(b.system());
            if (!crossSystem && flow.agreement().isPresent()) {
                diagnostics.warning(
                        flow.at(),
                        "agreement-inside-system",
                        "the flow stays inside system " + a.system()
                                + ", yet names an agreement; agreements govern flows between systems");
            }
            // Flows that carry other data or travel over other networks (an alternative path) are
            // different flows; the same link declared twice is usually a copy-and-paste slip.
            String key = String.join(
                    "|",
                    a.id(),
                    b.id(),
                    flow.protocol(),
                    flow.data().stream().map(Ref::text).sorted().toList().toString(),
                    flow.network().stream().map(Ref::text).toList().toString());
            if (!seen.add(key)) {
                diagnostics.warning(
                        flow.at(),
                        "duplicate-flow",
                        "a flow " + a.id() + " -> " + b.id() + " over " + flow.protocol()
                                + " carrying the same data over the same networks is already declared; merge the two");
            }
        }
        Protocol protocol = landscape.vocabulary().protocols().get(flow.protocol());
        if (protocol != null) {
            if (!protocol.encryption().contains(flow.encryption())
                    && landscape.vocabulary().encryption().containsKey(flow.encryption())) {
                diagnostics.error(
                        flow.at(),
                        "protocol-mismatch",
                        flow.protocol() + " (over " + protocol.transport() + ") cannot run with encryption '"
                                + flow.encryption() + "'; it can run with: "
                                + String.join(", ", protocol.encryption()));
            }
            if (!protocol.authentication().contains(flow.authentication())
                    && landscape.vocabulary().authentication().containsKey(flow.authentication())) {
                diagnostics.error(
                        flow.at(),
                        "protocol-mismatch",
                        flow.protocol() + " cannot authenticate with '" + flow.authentication() + "'; it can with: "
                                + String.join(", ", protocol.authentication()));
            }
            if (flow.commands() && !protocol.commands()) {
                diagnostics.error(
                        flow.at(),
                        "protocol-mismatch",
                        flow.protocol() + " carries no commands, yet the flow says 'commands: true'; use a"
                                + " protocol that can, or drop 'commands'");
            }
        }
    }

    private void credential(CredentialRelation credential) {
        Optional<Component> holder = component(credential.holder());
        for (Ref accepter : credential.acceptedBy()) {
            Optional<Component> target = component(accepter);
            if (holder.isPresent()
                    && target.isPresent()
                    && holder.get().id().equals(target.get().id())) {
                diagnostics.error(
                        accepter.at(),
                        "self-credential",
                        holder.get().id() + " both holds and accepts this credential; name the components that"
                                + " accept what it holds");
            }
        }
        if (credential.acceptedBy().isEmpty()) {
            diagnostics.error(credential.at(), "missing-key", "a credential relation needs at least one 'accepted-by'");
        }
    }

    /** A mark is on a fact the systemic analysis uses: a component, a flow, a credential relation or an account. */
    private void mark(dev.mamori.model.Mark mark) {
        List<Kind> facts = List.of(Kind.COMPONENT, Kind.FLOW, Kind.CREDENTIAL, Kind.ACCOUNT);
        if (!mark.on().text().isEmpty() && index.findAny(mark.on(), facts).isEmpty()) {
            dangling(mark.on(), facts, "component, named flow, credential relation or account");
        }
    }

    private void account(Account account) {
        account.logsInTo().forEach(this::component);
        account.usedFrom().forEach(this::component);
        if (account.logsInTo().isEmpty()) {
            diagnostics.error(account.at(), "missing-key", "an account needs at least one component in 'logs-in-to'");
        }
    }

    // ---- missions ----------------------------------------------------------------------------

    private void mission(Mission mission) {
        mission.owner().ifPresent(this::stakeholder);
        needs(mission.needs());
        if (mission.rto().isPresent()
                && mission.maxTolerableDowntime().isPresent()
                && mission.maxTolerableDowntime().get().compareTo(mission.rto().get()) < 0) {
            diagnostics.error(
                    mission.at(),
                    "rto-beyond-downtime",
                    "mission " + mission.id() + " has an RTO of "
                            + Words.of(mission.rto().get())
                            + ", longer than its maximum tolerable downtime of "
                            + Words.of(mission.maxTolerableDowntime().get())
                            + "; recovery must come before the downtime becomes intolerable");
        }
        for (Mission.DegradedMode mode : mission.degradedModes()) {
            mode.needs().ifPresent(this::needs);
            // A mode that needs nothing holds whatever fails; without a limit on how long it is
            // tolerable, no failure and no attack can ever stop the mission, and every analysis of
            // it says "degraded" at worst. A mode that needs nothing digital (a mechanical key) is
            // honest when it says for how long it is tolerable.
            if (mode.needs().isEmpty() && mode.tolerableFor().isEmpty()) {
                diagnostics.warning(
                        mode.at(),
                        "degraded-mode-needs-nothing",
                        "degraded mode " + mode.id() + " of mission " + mission.id()
                                + " needs nothing and has no tolerable-for, so nothing can ever stop the mission;"
                                + " name what the reduced service still needs, or how long it is tolerable");
            }
        }
    }

    private void needs(Needs needs) {
        if (needs instanceof Needs.One one) {
            // A need names a component, or a named flow (which works while its ends and networks do).
            Ref ref = one.component();
            if (!ref.text().isEmpty()
                    && index.find(ref, Kind.COMPONENT, Component.class).isEmpty()
                    && index.find(ref, Kind.FLOW, dev.mamori.model.Flow.class).isEmpty()) {
                dangling(ref, List.of(Kind.COMPONENT, Kind.FLOW), "component or flow");
            }
            return;
        }
        if (needs instanceof Needs.AtLeast atLeast
                && (atLeast.k() < 1 || atLeast.k() > atLeast.of().size())) {
            diagnostics.error(
                    atLeast.at(),
                    "bad-needs",
                    "at-least " + atLeast.k() + " of " + atLeast.of().size()
                            + " parts can never be met as written; K must be from 1 to the number of parts");
        }
        if (needs.parts().isEmpty()) {
            diagnostics.error(
                    needs.at(), "bad-needs", "the needs expression lists nothing; name the components needed");
        }
        needs.parts().forEach(this::needs);
    }

    // ---- treatments --------------------------------------------------------------------------

    private void treatment(Treatment treatment) {
        treatment.element().ifPresent(this::element);
        treatment.decidedBy().ifPresent(this::stakeholder);
        if (treatment.status() == TreatmentStatus.ACCEPTED && treatment.until().isEmpty()) {
            diagnostics.error(
                    treatment.at(),
                    "acceptance-without-expiry",
                    "an accepted risk needs 'until': acceptances expire, so that the risk is looked at again");
        }
        treatment.until().ifPresent(until -> {
            if (until.isBefore(today)) {
                diagnostics.warning(
                        treatment.at(),
                        "treatment-expired",
                        "this treatment of " + treatment.rule() + " lapsed on " + until
                                + "; the finding counts as open again until it is decided anew");
            }
        });
    }
}
