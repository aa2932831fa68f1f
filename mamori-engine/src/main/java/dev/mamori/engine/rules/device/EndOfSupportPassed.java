package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import java.time.LocalDate;

/** A product past its end of support: vulnerabilities published from now on are never fixed. */
public final class EndOfSupportPassed extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("end-of-support-passed")
            .title("End of support has passed")
            .rationale("After the date its manufacturer stops providing security updates (support-until), a"
                    + " product keeps running but every vulnerability disclosed afterwards, in its own code or in"
                    + " the libraries it shares with supported products, stays open for good; advisories and"
                    + " exploits for it are public while no fix will ever come. The longer ago support ended, the"
                    + " more of these have piled up: from a year past the date the product is judged easy to"
                    + " exploit. Whatever the component's update path says, there is nothing left to install.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(cwe(1104), cwe(1329), owaspIot(5), emb3d("TID-210"))
            .mitigations(
                    "Replace the product with a supported one, or buy extended support from the manufacturer and"
                            + " record the new date (support-until).",
                    "Until it is replaced, isolate it: a zone of its own, no exposure, only the flows it needs, and"
                            + " monitoring of its traffic; record the decision as a treatment with an expiry date.")
            .build();

    public EndOfSupportPassed() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        LocalDate today = context.today();
        Component component = context.graph().component(c);
        if (component.supportUntil().isEmpty()
                || !component.supportUntil().get().isBefore(today)) {
            return;
        }
        LocalDate end = component.supportUntil().get();
        Factor ease = end.plusYears(1).isAfter(today)
                ? Factor.of(3, "flaws disclosed since " + end + " are public and will not be fixed")
                : Factor.of(4, "a year or more of public, unfixed flaws has accumulated since " + end);
        context.onComponent(
                c,
                component.id() + " has been out of support since " + end + " (support-until)"
                        + DeviceFacts.fleet(component),
                ease);
    }
}
