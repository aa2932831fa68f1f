package dev.mamori.engine.rules.access;

import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.Tenancy;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/** A platform serving several customers from shared storage and code paths, separated only by checks in code. */
public final class MultiTenantWithoutIsolation extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("multi-tenant-without-isolation")
            .title("Multi-tenant platform without tenant isolation")
            .rationale("When one platform serves many customers from the same database, broker topics or device"
                    + " registry, only an id check in application code keeps one tenant out of another's devices and"
                    + " data; one missing check (an object reference not tied to the caller's tenant, a wildcard topic"
                    + " subscription) hands every tenant's cameras, locks or meters to anyone holding an ordinary"
                    + " account, and accounts are as easy to get as a free trial. A compromise of one tenant's admin,"
                    + " or of the platform's own support access, spans all of them, as Verkada's did.")
            .layers(Layer.PLATFORM, Layer.SERVICE)
            .threatens(CONFIDENTIALITY, INTEGRITY)
            .references(cwe(653), cwe(639), capec(122), owaspIot(3), iec62443("SR 5.4"))
            .mitigations(
                    "Isolate tenants below the application: a database, schema or encryption key per tenant,"
                            + " broker namespaces and ACLs bound to the tenant in the client certificate, and"
                            + " separate deployments for high-value customers (tenancy: multi-isolated or single).",
                    "Test cross-tenant access on every release, and let support staff reach a tenant only on"
                            + " that tenant's approval, logged.")
            .build();

    public MultiTenantWithoutIsolation() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Component component = context.graph().component(c);
        if (component.tenancy() == Tenancy.MULTI_SHARED) {
            context.onComponent(
                    c,
                    AccessFacts.named(component) + " serves several customers from shared resources"
                            + " (tenancy: multi-shared)",
                    Factor.of(
                            4,
                            "any tenant is already inside, and one missing tenant check in the code"
                                    + " exposes all the others"),
                    AccessFacts.controlImpact(context, c, METADATA.properties()));
        }
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        return List.of(new KeyEdit(graph.component(c).at(), "tenancy", "multi-isolated"));
    }
}
