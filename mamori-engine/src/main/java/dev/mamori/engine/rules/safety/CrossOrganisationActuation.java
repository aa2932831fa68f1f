package dev.mamori.engine.rules.safety;

import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.vocabulary.Vocabulary.Strength;

/**
 * Another organisation can move things in yours: a command path into an actuator from a system run
 * by someone else, whose security, staff and changes you neither see nor audit.
 */
public final class CrossOrganisationActuation extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("cross-organisation-actuation")
            .title("Actuator commanded from another organisation's system")
            .rationale("When a component of another system, run by another organisation, can command an actuator,"
                    + " the physical safety of your process depends on that organisation's security, staffing and"
                    + " change control, which you neither see nor audit: a compromise of the vendor cloud, the"
                    + " aggregator or the partner platform moves your machines, and third-party remote access is"
                    + " one of the most common ways into OT. IEC 62443 treats such a link as a conduit to an"
                    + " untrusted zone that needs explicit, restricted and monitored rules, and the two"
                    + " organisations need an agreement on who may command what and how incidents are handled."
                    + " The commanding organisation is the commanding component's operator, else its system's"
                    + " operator, else its system's owner; a flow between two systems that organisation also owns"
                    + " or operates stays inside one organisation and does not fire. A flow with no agreement is"
                    + " judged easier to abuse, one without authentication easiest.")
            .layers(Layer.DEVICE, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, INTEGRITY)
            .references(iec62443("SR 5.2"), iec62443("SR 2.1"), owaspIot(3))
            .mitigations(
                    "Keep command authority inside the owning organisation: let the other system send requests or"
                            + " setpoints (commands: false) that a local controller checks against limits and an"
                            + " operator confirms.",
                    "If the other organisation must command, govern the flow by a written agreement (agreement:"
                            + " ...), restrict it to named commands with per-command authorization and strong"
                            + " authentication (authorization: per-command, authentication: certificate), and log"
                            + " and review every command.")
            .build();

    public CrossOrganisationActuation() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        FrozenGraph graph = context.graph();
        Flow flow = graph.flow(f);
        int source = graph.flowFrom(f);
        int target = graph.flowTo(f);
        if (!flow.commands() || !graph.crossesSystems(f) || !context.actuates(target)) {
            return;
        }
        int commander = SafetyFacts.controllingOrganisation(graph, source);
        if (commander >= 0 && SafetyFacts.organisationsOf(graph, target).contains(commander)) {
            return;
        }
        Factor ease;
        if (SafetyFacts.authentication(context, f) == Strength.NONE) {
            ease = Factor.of(5, "the cross-organisation command flow has no authentication");
        } else if (flow.agreement().isEmpty()) {
            ease = Factor.of(
                    4, "no agreement says what " + SafetyFacts.organisationWords(graph, commander) + " may command");
        } else {
            ease = Factor.of(
                    3,
                    "whoever controls " + graph.component(source).id() + " at "
                            + SafetyFacts.organisationWords(graph, commander) + " can move "
                            + graph.component(target).id());
        }
        context.onFlow(
                f,
                graph.component(source).id() + " (system "
                        + graph.component(source).system() + ", run by "
                        + SafetyFacts.organisationWords(graph, commander) + ") commands actuating "
                        + graph.component(target).kind() + " "
                        + graph.component(target).id() + " of system "
                        + graph.component(target).system() + ", which "
                        + SafetyFacts.organisationWords(graph, commander) + " neither owns nor operates"
                        + (flow.agreement().isEmpty() ? ", with no agreement recorded" : ""),
                ease);
    }
}
