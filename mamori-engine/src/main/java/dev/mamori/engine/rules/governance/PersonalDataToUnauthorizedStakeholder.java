package dev.mamori.engine.rules.governance;

import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Flow;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Layer;
import dev.mamori.model.Stakeholder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Personal data handed to a third party with no basis (NISC 3 f), GDPR Art. 28, APPI Art. 27): it
 * enters a system whose owner is neither the data's owner nor a contracted processor, and no
 * agreement governs the transfer.
 */
public final class PersonalDataToUnauthorizedStakeholder extends FlowRule {

    /** Roles that, in this landscape, stand for a party entitled to receive personal data. */
    private static final List<String> ENTITLED_ROLES = List.of("data-owner", "service-provider", "platform-provider");

    static final RuleMetadata METADATA = RuleMetadata.rule("personal-data-to-unauthorized-stakeholder")
            .judgesRecords()
            .title("Personal data passed to a stakeholder with no basis to receive it")
            .rationale("Personal data that enters another organisation's system is a transfer to a third party."
                    + " It is lawful when the receiver is the data's owner, a controller in its own right, or a"
                    + " processor working for the owner under contract (here: the roles data-owner,"
                    + " service-provider or platform-provider), or when an agreement on the flow governs it."
                    + " Otherwise the receiver holds the data with no purpose limitation, retention rule,"
                    + " deletion duty or breach-notification duty binding it, and can use, sell or lose it"
                    + " without anyone being able to stop it; the people described never agreed to it. The"
                    + " receiver needs no attack to misuse data it already holds, which is why the ease is high.")
            .layers(Layer.DEVICE, Layer.PLATFORM, Layer.SERVICE)
            .threatens(CONFIDENTIALITY)
            .references(owaspIot(6), cwe(359), etsi("6-1"))
            .mitigations(
                    "Record the agreement that governs the transfer on the flow (agreement: a data processing"
                            + " agreement, or a data-sharing contract with purpose and retention).",
                    "If the receiver processes the data for the owner, say so: give its stakeholder the role"
                            + " service-provider or platform-provider, and bind it by contract.",
                    "Otherwise stop sending the personal data there: remove it from the flow's data, or"
                            + " anonymise or aggregate it before it leaves the system.")
            .build();

    public PersonalDataToUnauthorizedStakeholder() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        var graph = context.graph();
        Stewardship stewardship = context.shared(Stewardship.class, Stewardship::new);
        Flow flow = graph.flow(f);
        if (!graph.crossesSystems(f) || flow.agreement().isPresent()) {
            return;
        }
        int targetSystem = graph.systemOf(graph.flowTo(f));
        int receiver = graph.systemOwner(targetSystem);
        if (receiver < 0) {
            return;
        }
        Stakeholder stakeholder = graph.stakeholder(receiver);
        if (ENTITLED_ROLES.stream().anyMatch(stakeholder::hasRole)) {
            return;
        }
        List<String> personal = new ArrayList<>();
        for (int d : graph.dataOf(f)) {
            DataAsset asset = graph.data(d);
            Set<Integer> owners = stewardship.dataOwners(d);
            if (asset.personal() && !owners.contains(receiver)) {
                personal.add(asset.id());
            }
        }
        if (personal.isEmpty()) {
            return;
        }
        IotSystem system = graph.system(targetSystem);
        context.onFlow(
                f,
                "the flow " + context.flowName(f) + " carries personal data " + String.join(", ", personal)
                        + " into system " + system.id() + ", owned by " + stakeholder.id()
                        + ", which does not own the data, is no data-owner, service-provider or"
                        + " platform-provider, and no agreement on the flow governs the transfer",
                Factor.of(
                        4,
                        stakeholder.id() + " already holds the data; using it beyond its purpose takes"
                                + " no attack, only the absence of a contract that forbids it"));
    }
}
