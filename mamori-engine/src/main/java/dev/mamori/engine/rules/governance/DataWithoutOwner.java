package dev.mamori.engine.rules.governance;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.iec62443;
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
import dev.mamori.model.Scales.Need;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;
import java.util.Set;

/**
 * Data nobody owns (NISC 3 f)): no one decides who may read it, how long it is kept, where it may
 * go, or whether it is still correct. Personal data is left to personal-data-without-owner.
 */
public final class DataWithoutOwner extends DataRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("data-without-owner")
            .judgesRecords()
            .title("Data asset with no owner")
            .rationale("The data owner is the one who decides on a data asset's use: its classification, who may"
                    + " read or change it, how long it is kept, to whom it may be passed on. Without one, access"
                    + " grows by habit, copies spread to every system that finds them useful, retention is"
                    + " indefinite and nobody can approve or refuse a request, so the protection its"
                    + " confidentiality, integrity and availability needs call for is never decided. The risk is"
                    + " one of drift rather than attack: likelier once the data is shared between systems,"
                    + " where each side assumes the other decides, and as harmful as the data's own needs say."
                    + " A responsibility that names an accountable party for the asset counts as an owner;"
                    + " one that names only a responsible party (who handles it) does not. Personal data is"
                    + " judged by personal-data-without-owner instead, never by both.")
            .layers(Layer.DEVICE, Layer.PLATFORM, Layer.SERVICE)
            .threatens(CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(owaspIot(7), iec62443("SR 4.1"))
            .mitigations(
                    "Name the stakeholder who decides on the data's use (owner: STAKEHOLDER on the data asset).",
                    "Or make one accountable for it: responsibilities: - { for: DATA-ID, accountable: STAKEHOLDER }.",
                    "Have the owner confirm its classification and confidentiality, integrity and availability"
                            + " needs, and decide which systems may hold it.")
            .build();

    public DataWithoutOwner() {
        super(METADATA);
    }

    @Override
    protected void checkData(RuleContext context, int d) {
        Stewardship stewardship = context.shared(Stewardship.class, Stewardship::new);
        DataAsset asset = context.graph().data(d);
        if (asset.personal() || !stewardship.dataOwners(d).isEmpty()) {
            return;
        }
        Set<String> systems = stewardship.systemsHolding(d);
        Factor likelihood = systems.size() > 1
                ? Factor.of(
                        3,
                        asset.id() + " is shared between systems " + String.join(", ", systems)
                                + ", each of which may assume the other decides on it")
                : Factor.of(
                        2, "with nobody deciding on " + asset.id() + ", its access and retention drift" + " over time");
        context.onData(
                d,
                "data asset " + asset.id() + " has no owner, and no responsibility names an accountable"
                        + " party for it",
                likelihood,
                worstNeed(asset));
    }

    /** The most its confidentiality, integrity or availability matters: low 2, medium 3, high 4, critical 5. */
    static Factor worstNeed(DataAsset asset) {
        Factor worst = need(asset, asset.confidentiality(), "confidentiality");
        worst = worst.max(need(asset, asset.integrity(), "integrity"));
        return worst.max(need(asset, asset.availability(), "availability"));
    }

    /** How much one need matters, on the impact scale. */
    static Factor need(DataAsset asset, Need need, String what) {
        return Factor.of(
                need.ordinal() + 2,
                "the " + what + " of " + asset.id() + " is " + need.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Its owner, among the stakeholders that own data, is the stakeholders' to name. */
    @Override
    public List<KeyEdit> edits(FrozenGraph graph, Finding finding) {
        return Remedies.chooseStakeholder(graph, finding.location(), "owner", "data-owner", "operator");
    }
}
