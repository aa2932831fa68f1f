package dev.mamori.engine.rules.safety;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.engine.risk.ZoneRule;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.ZoneKind;
import dev.mamori.model.Words;
import dev.mamori.model.Zone;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;
import java.util.Set;

/**
 * An OT or safety zone with no target security level: nobody decided how capable an attacker it
 * must resist, so nobody can tell whether its countermeasures suffice.
 */
public final class ControlZoneWithoutSecurityLevel extends ZoneRule {

    private static final Set<String> CATEGORIES = Set.of("industrial", "critical-infrastructure");

    static final RuleMetadata METADATA = RuleMetadata.rule("control-zone-without-security-level")
            .title("Control zone without a target security level")
            .rationale("IEC 62443-3-2 gives every zone of an industrial automation and control system a target"
                    + " security level (SL-T 1 to 4) from its risk assessment; that level decides which IEC"
                    + " 62443-3-3 requirements and enhancements the zone must meet and which component capability"
                    + " levels (IEC 62443-4-2) to buy. An OT or safety zone of an industrial or"
                    + " critical-infrastructure system without one has no stated answer to how capable an attacker"
                    + " it must withstand: its countermeasures are whatever happened to be installed, and"
                    + " integrators and suppliers have no requirement to meet. The gap does not itself open a way"
                    + " in, so the likelihood is capped at 3 and rises with the zone's most reachable member; the"
                    + " impact is the worst harm its members can do, at least 4 for a safety zone. A declared level,"
                    + " even 0, is a recorded decision and does not fire.")
            .layers(Layer.NETWORK)
            .threatens(SAFETY, INTEGRITY, AVAILABILITY)
            .references(iec62443("SR 5.1"), cwe(1053))
            .mitigations(
                    "Run the IEC 62443-3-2 risk assessment of the zone and record the result on it"
                            + " (zones: NAME: { security-level: 2 }, for example; 3 or more where skilled, resourced"
                            + " attackers are expected, as for most safety zones of critical infrastructure).",
                    "Check the zone's conduits and components against the requirements of that level.")
            .build();

    public ControlZoneWithoutSecurityLevel() {
        super(METADATA);
    }

    @Override
    protected void checkZone(RuleContext context, int z) {
        FrozenGraph graph = context.graph();
        Zone zone = graph.zone(z);
        if (zone.securityLevel().isPresent() || (zone.kind() != ZoneKind.OT && zone.kind() != ZoneKind.SAFETY)) {
            return;
        }
        IotSystem system = graph.system(graph.systemId(zone.system()).orElseThrow());
        if (!CATEGORIES.contains(system.category())) {
            return;
        }
        Factor reach = null;
        Factor impact = zone.kind() == ZoneKind.SAFETY
                ? Factor.of(4, zone.id() + " is a safety zone: what it protects is harm to people")
                : Factor.of(2, "no component of note is modelled in " + zone.id());
        for (int m : graph.zoneMembers(z)) {
            Factor r = context.reach(m);
            reach = reach == null ? r : reach.max(r);
            impact = impact.max(context.impact(m, METADATA.properties()));
        }
        Factor likelihood = reach == null
                ? Factor.of(2, "no component is modelled in " + zone.id())
                : Factor.of(
                        Math.min(3, (reach.level() + 3) / 2),
                        reach.reason() + "; a missing target level is a planning gap, not itself a way in");
        context.onZone(
                z,
                Words.of(zone.kind()) + " zone " + zone.id() + " of " + system.category() + " system " + system.id()
                        + " has no target security level (security-level)",
                likelihood,
                impact);
    }

    /**
     * The target level, 1 to 4 (IEC 62443-3-2 sets it from the zone's risk assessment): any of them
     * states the target, and which one is the asset owner's to decide.
     */
    @Override
    public List<KeyEdit> edits(FrozenGraph graph, Finding finding) {
        return KeyEdit.choices(finding.location(), "security-level", List.of("1", "2", "3", "4"));
    }
}
