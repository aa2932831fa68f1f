package dev.mamori.engine.rules.governance;

import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.DataRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.Remedies;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Layer;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;
import java.util.Set;

/**
 * Personal data with no controller (NISC 3 f), GDPR Art. 24, APPI): nobody decides its purpose,
 * answers data subjects or notifies a breach.
 */
public final class PersonalDataWithoutOwner extends DataRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("personal-data-without-owner")
            .judgesRecords()
            .title("Personal data with no owner")
            .rationale("Privacy law (GDPR, the Japanese APPI) needs a controller for every processing of"
                    + " personal data: someone who fixes its purpose and retention, answers access and erasure"
                    + " requests, and notifies a breach within the legal deadline. Personal data with no owner"
                    + " has none of that: it is collected beyond its purpose, kept indefinitely, passed on"
                    + " without a legal basis, and when it leaks nobody is in charge of the notification. It is"
                    + " scored above data-without-owner: the asset draws requests, audits and attackers, so"
                    + " the gap will be tested; shared between systems it is likelier still to travel unchecked;"
                    + " and its loss harms people, not only the landscape. A responsibility that names an"
                    + " accountable party for it counts as an owner.")
            .layers(Layer.DEVICE, Layer.PLATFORM, Layer.SERVICE)
            .threatens(CONFIDENTIALITY, INTEGRITY)
            .references(owaspIot(6), cwe(359), etsi("6-1"))
            .mitigations(
                    "Name the controller of the personal data (owner: STAKEHOLDER on the data asset), a"
                            + " stakeholder with the role data-owner.",
                    "Or make one accountable for it: responsibilities: - { for: DATA-ID, accountable: STAKEHOLDER }.",
                    "Have the owner record the purpose, legal basis and retention of the data, and who handles"
                            + " data-subject requests and breach notification.")
            .build();

    public PersonalDataWithoutOwner() {
        super(METADATA);
    }

    @Override
    protected void checkData(RuleContext context, int d) {
        Stewardship stewardship = context.shared(Stewardship.class, Stewardship::new);
        DataAsset asset = context.graph().data(d);
        if (!asset.personal() || !stewardship.dataOwners(d).isEmpty()) {
            return;
        }
        Set<String> systems = stewardship.systemsHolding(d);
        Factor likelihood = systems.size() > 1
                ? Factor.of(
                        4,
                        "personal data " + asset.id() + " is shared between systems " + String.join(", ", systems)
                                + " with nobody deciding where it may go")
                : Factor.of(
                        3,
                        "personal data draws access requests, audits and attackers, and nobody" + " answers for "
                                + asset.id());
        Factor impact = Factor.of(
                        4,
                        asset.id() + " is personal data: its misuse harms the people it"
                                + " describes and breaches privacy law")
                .max(DataWithoutOwner.need(asset, asset.confidentiality(), "confidentiality"))
                .max(DataWithoutOwner.need(asset, asset.integrity(), "integrity"));
        context.onData(
                d,
                "personal data asset " + asset.id() + " has no owner, and no responsibility names an"
                        + " accountable party for it",
                likelihood,
                impact);
    }

    /** Its owner, among the stakeholders that own data, is the stakeholders' to name. */
    @Override
    public List<KeyEdit> edits(FrozenGraph graph, Finding finding) {
        return Remedies.chooseStakeholder(graph, finding.location(), "owner", "data-owner", "operator");
    }
}
