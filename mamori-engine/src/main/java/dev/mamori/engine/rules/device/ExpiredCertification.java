package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Certification;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A certification or label that has lapsed: the assurance it gave (JC-STAR, IEC 62443-4-2, a Cyber
 * Trust Mark) can no longer be claimed for the product.
 */
public final class ExpiredCertification extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("expired-certification")
            .judgesRecords()
            .title("Certification has expired")
            .rationale("A security certification or label vouches for a product at a point in time and for a"
                    + " period; once its validity date (certifications: until) has passed, the assessment no"
                    + " longer covers the firmware, the threats or the vulnerabilities of today, the product"
                    + " may no longer be procured or operated in contexts that require the label, and an"
                    + " assessment relying on it rests on evidence that has lapsed. An expired certificate"
                    + " does not make the product weaker by itself, so the rule scores it low on ease and"
                    + " impact; the weaknesses that may lie behind it are judged by the other rules. One"
                    + " finding per component names every lapsed scheme.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(INTEGRITY)
            .references(owaspIot(5), iec62443("SR 3.3"))
            .mitigations(
                    "Renew the certification for the current firmware version and record the new date"
                            + " (certifications: until), or remove the claim from the model.",
                    "Where renewal is not planned, check that no requirement profile, contract or regulation"
                            + " relies on the label, and record the decision as a treatment.")
            .build();

    public ExpiredCertification() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        LocalDate today = context.today();
        Component component = context.graph().component(c);
        List<String> lapsed = new ArrayList<>();
        for (Certification certification : component.certifications()) {
            if (certification.until().isPresent() && certification.until().get().isBefore(today)) {
                lapsed.add(certification.scheme()
                        + certification.level().map(l -> " level " + l).orElse("")
                        + " (expired " + certification.until().get() + ")");
            }
        }
        if (lapsed.isEmpty()) {
            return;
        }
        context.onComponent(
                c,
                component.id() + " holds " + (lapsed.size() == 1 ? "a certification" : "certifications")
                        + " that expired: " + String.join(", ", lapsed),
                Factor.of(1, "a lapsed certificate opens no way in by itself"),
                Factor.of(2, "the assurance the certification gave for " + component.id() + " has lapsed"));
    }
}
