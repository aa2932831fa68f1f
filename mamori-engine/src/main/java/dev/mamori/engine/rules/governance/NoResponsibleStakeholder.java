package dev.mamori.engine.rules.governance;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.Remedies;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/**
 * An orphaned component (NISC 3 f)): nobody is charged with patching, monitoring or answering for
 * it, so its flaws stay open and its incidents go unnoticed.
 */
public final class NoResponsibleStakeholder extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("no-responsible-stakeholder")
            .judgesRecords()
            .title("Component with no responsible stakeholder")
            .rationale("In a system of systems, a component that no stakeholder runs or maintains falls between"
                    + " the organisations: nobody applies its updates, reads its logs, renews its certificates,"
                    + " answers its alarms or decommissions it, and each party assumes another does. Such"
                    + " orphans are where known vulnerabilities stay open for years and where incidents are"
                    + " noticed last. The test is the validator's no-responsible warning (no operator or"
                    + " maintainer on the component, no operator on its system, no responsibility with a"
                    + " responsible or accountable party for either); here it is scored against the integrity"
                    + " and availability of what the component does. The owner of its system is deliberately"
                    + " not taken as an answer: owning a system is not the same as having someone assigned to run"
                    + " and maintain each of its parts.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(INTEGRITY, AVAILABILITY)
            .references(owaspIot(8), cwe(1104))
            .mitigations(
                    "Name who runs it day to day and who maintains it: 'operator' and 'maintainer' on the component,"
                            + " or 'operator' on its system.",
                    "Or add a responsibility for it, with the phases it covers: responsibilities:"
                            + " - { for: SYSTEM.COMPONENT, responsible: STAKEHOLDER, accountable: STAKEHOLDER }.",
                    "Agree the demarcation in writing with that stakeholder: who patches, who monitors its logs,"
                            + " who responds to its incidents, who retires it.")
            .build();

    public NoResponsibleStakeholder() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Stewardship stewardship = context.shared(Stewardship.class, Stewardship::new);
        if (stewardship.hasResponsible(c)) {
            return;
        }
        Component component = context.graph().component(c);
        context.onComponent(
                c,
                "no stakeholder is responsible for " + component.id() + ": it names no operator or maintainer,"
                        + " system " + component.system() + " names no operator, and no responsibility"
                        + " names a responsible or accountable party for either",
                Factor.of(
                        3,
                        "nobody is assigned to patch, monitor or respond for " + component.id()
                                + ", so its weaknesses stay open and its incidents go unnoticed"));
    }

    /** Who runs it, among the stakeholders that operate or maintain things. */
    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        return Remedies.chooseStakeholder(graph, graph.component(c).at(), "operator", "operator", "maintainer");
    }
}
