package dev.mamori.engine.rules.safety;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.Words;
import dev.mamori.model.Zone;
import java.util.ArrayList;
import java.util.List;

/**
 * The TRITON weakness: a safety instrumented system on the same network as workstations and IT
 * servers, reachable from any of them without crossing a conduit.
 */
public final class SafetyFunctionSharesZoneWithIt extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("safety-function-shares-zone-with-it")
            .title("Safety function in a zone shared with IT")
            .rationale("A safety function is the last automated layer between a fault and harm; IEC 61511 requires"
                    + " it to be independent of the basic control system, and IEC 62443 practice gives it a zone of"
                    + " its own. In TRITON (2017) attackers reached a Triconex safety controller from an engineering"
                    + " workstation on its network and rewrote its logic. A safety function in an IT, general, DMZ,"
                    + " guest or public zone, or in a zone that also holds servers, platforms, applications or"
                    + " workstations, shares its segment with general-purpose computers that are phished, patched"
                    + " late and run arbitrary software: once one of them is compromised, the safety function is"
                    + " reachable without crossing any conduit, and one common cause can defeat both the control"
                    + " and the safety layer. Device-layer controllers and sensors beside it in an OT zone are"
                    + " left alone here: that is the integrated control-and-safety architecture the standards"
                    + " still permit. Guest and public zones are judged easiest to abuse; IT-style zones and"
                    + " neighbouring workstations, servers and applications come next.")
            .layers(Layer.DEVICE, Layer.NETWORK)
            .threatens(SAFETY, INTEGRITY, AVAILABILITY)
            .references(iec62443("SR 5.1"), iec62443("SR 5.1 RE 3"), cwe(653))
            .mitigations(
                    "Give safety functions a zone of their own (zones: NAME: { kind: safety, trust: high,"
                            + " security-level: ... }) and move servers, applications and workstations out of it.",
                    "Reach that zone only through a conduit that passes the few read-only and engineering flows"
                            + " needed; connect the engineering workstation only for planned changes and keep the"
                            + " safety controller's keyswitch in RUN otherwise.")
            .build();

    public SafetyFunctionSharesZoneWithIt() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        FrozenGraph graph = context.graph();
        Component component = graph.component(c);
        int z = graph.zoneOf(c);
        if (!component.safetyFunction() || z < 0) {
            return;
        }
        Zone zone = graph.zone(z);
        List<String> reasons = new ArrayList<>();
        Factor ease = null;
        switch (zone.kind()) {
            case GUEST, PUBLIC -> {
                reasons.add("its zone " + zone.id() + " is a " + Words.of(zone.kind()) + " zone");
                ease = Factor.of(5, "anyone admitted to a " + Words.of(zone.kind()) + " zone shares its segment");
            }
            case IT, GENERAL, DMZ -> {
                reasons.add("its zone " + zone.id() + " is of kind " + Words.of(zone.kind()));
                ease = Factor.of(
                        4,
                        "zones of kind " + Words.of(zone.kind()) + " hold general-purpose computers that are"
                                + " often compromised");
            }
            default -> {}
        }
        List<String> workstations = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        for (int m : graph.zoneMembers(z)) {
            if (m == c) {
                continue;
            }
            Component member = graph.component(m);
            if (member.kind().equals("workstation")) {
                workstations.add(member.id());
            } else if (member.layer() == Layer.PLATFORM || member.layer() == Layer.SERVICE) {
                servers.add(member.id());
            }
        }
        if (!workstations.isEmpty()) {
            reasons.add("zone " + zone.id() + " also holds workstation(s) " + String.join(", ", workstations));
            Factor e = Factor.of(4, "a workstation beside it is one phishing mail from an attacker");
            ease = ease == null ? e : ease.max(e);
        }
        if (!servers.isEmpty()) {
            reasons.add(
                    "zone " + zone.id() + " also holds platform or service component(s) " + String.join(", ", servers));
            Factor e =
                    Factor.of(4, "a compromised server or application beside it reaches it without crossing a conduit");
            ease = ease == null ? e : ease.max(e);
        }
        if (reasons.isEmpty()) {
            return;
        }
        context.onComponent(
                c,
                "safety function " + component.id() + " is not separated from IT: " + String.join("; ", reasons),
                ease,
                SafetyFacts.safetyFunctionImpact(context, c, METADATA.properties()));
    }
}
