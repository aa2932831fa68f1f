package dev.mamori.engine.rules.access;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.BaseRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.CredentialRelation;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.ArrayList;
import java.util.List;

/**
 * Remote or internet access that lands directly in an OT or safety zone (Ukraine 2015): the
 * conduit skips the DMZ that should break every session from outside.
 */
public final class RemoteAccessIntoControlZone extends BaseRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("remote-access-into-control-zone")
            .rootCause("internet-into-control-zone")
            .title("Remote or internet access straight into a control zone")
            .rationale("IEC 62443 puts a conduit with a boundary between the outside and the zones where controllers"
                    + " and safety systems live; sessions from outside end in a DMZ and a separate, monitored hop goes"
                    + " on into the plant. A remote-access tool or an internet-facing component that holds a login, or"
                    + " sends commands, directly to a component in an ot or safety zone removes that break: in Ukraine"
                    + " (2015) attackers used stolen VPN logins to reach the SCADA and the operators' HMIs and opened"
                    + " breakers for some 225,000 customers, and remote-desktop tools left on water-plant HMIs have"
                    + " more than once given outsiders the operator's screen. Data-only flows out of the zone are not"
                    + " judged here; commands and credentials are.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, INTEGRITY, AVAILABILITY)
            .references(
                    cwe(668),
                    capec(555),
                    iec62443("SR 1.13"),
                    iec62443("SR 5.1"),
                    iec62443("SR 5.2"),
                    iec62443("SR 2.6"))
            .mitigations(
                    "End remote sessions in a DMZ (a zone of kind dmz) on a jump host or remote-access gateway"
                            + " that the owner controls, and let only that host reach the control zone, through"
                            + " a firewall conduit that denies by default.",
                    "Require a second factor (mfa: true) and per-session approval for remote access into ot and"
                            + " safety zones, record sessions, and disconnect them when the work is done.",
                    "Send commands into the zone only from components inside the plant network; let outside"
                            + " systems read data pushed out of the zone instead (commands: false).")
            .build();

    public RemoteAccessIntoControlZone() {
        super(METADATA);
    }

    @Override
    public void check(RuleContext context) {
        FrozenGraph graph = context.graph();
        for (int r = 0; r < graph.credentialCount(); r++) {
            CredentialRelation credential = graph.credential(r);
            int holder = graph.credentialHolder(r);
            String outside = outside(context, holder);
            if (outside == null) {
                continue;
            }
            List<String> inside = new ArrayList<>();
            for (int a : graph.credentialAccepters(r)) {
                if (AccessFacts.inControlZone(graph, a)) {
                    inside.add(graph.component(a).id() + " in " + AccessFacts.zoneWords(graph, a));
                }
            }
            if (inside.isEmpty()) {
                continue;
            }
            context.onCredential(
                    r,
                    outside + " holds a " + credential.kind() + " accepted by " + String.join(", ", inside),
                    credential.mfa() ? weaker(base(context, holder), "behind a second factor") : base(context, holder));
        }
        for (int f = 0; f < graph.flowCount(); f++) {
            Flow flow = graph.flow(f);
            if (!flow.commands()) {
                continue;
            }
            int from = graph.flowFrom(f);
            int to = graph.flowTo(f);
            String outside = outside(context, from);
            if (outside == null || !AccessFacts.inControlZone(graph, to)) {
                continue;
            }
            Strength strength = AccessFacts.authenticationStrength(context, flow.authentication());
            Factor ease = base(context, from);
            if (strength == Strength.NONE) {
                ease = Factor.of(5, "commands from outside reach the control zone with no authentication");
            } else if (strength == Strength.STRONG) {
                ease = weaker(ease, "though the sender must prove its identity with " + flow.authentication());
            }
            context.onFlow(
                    f,
                    outside + " sends commands over " + flow.protocol() + " to "
                            + graph.component(to).id() + " in " + AccessFacts.zoneWords(graph, to),
                    ease);
        }
    }

    /** Why component {@code c} counts as outside access, or null when it does not. */
    private static String outside(RuleContext context, int c) {
        Component component = context.graph().component(c);
        boolean remote = component.kind().equals("remote-access");
        boolean internet = context.internetFacing(c);
        if (remote && internet) {
            return "the internet-facing remote-access component " + component.id();
        }
        if (remote) {
            return "the remote-access component " + component.id();
        }
        return internet ? "the internet-facing " + AccessFacts.named(component) : null;
    }

    private static Factor base(RuleContext context, int c) {
        return context.internetFacing(c)
                ? Factor.of(4, "a direct path from the internet into the control zone, with no break at a DMZ")
                : Factor.of(3, "a remote-access path reaches into the control zone, with no break at a DMZ");
    }

    private static Factor weaker(Factor ease, String why) {
        return Factor.of(Math.max(1, ease.level() - 1), ease.reason() + ", " + why);
    }
}
