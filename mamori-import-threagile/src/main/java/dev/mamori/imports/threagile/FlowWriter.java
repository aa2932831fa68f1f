package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.Out.OutList;
import dev.mamori.imports.threagile.Out.OutMap;
import dev.mamori.imports.threagile.ThreagileModel.Link;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.Authorization;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.syntax.PlainValues;
import dev.mamori.model.vocabulary.Vocabulary.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes each communication link as a flow from the asset that holds it to its target, and the
 * one VPN component that links marked vpn travel over. A link from an asset to itself has no
 * Mamori counterpart and is quoted at the end.
 */
final class FlowWriter {

    /**
     * What writing the flows leaves for the parts written after them.
     *
     * @param factsByLink what each imported link became, by Threagile link id: which rules can fire on it
     * @param addedProtocols the protocols the import declares in the model's vocabulary
     * @param usesHostLocal whether a flow's encryption is the host-local means the import declares
     */
    record WrittenFlows(
            Map<String, RiskTables.LinkFacts> factsByLink, Set<String> addedProtocols, boolean usesHostLocal) {}

    private final ThreagileModel model;
    private final SystemPlan plan;
    private final Diagnostics diagnostics;
    private final LinkSecurity security;

    FlowWriter(ThreagileModel model, SystemPlan plan, Diagnostics diagnostics) {
        this.model = model;
        this.plan = plan;
        this.diagnostics = diagnostics;
        this.security = new LinkSecurity(model.technicalAssets(), diagnostics);
    }

    WrittenFlows write(OutMap system, NotImported notImported) {
        Map<String, RiskTables.LinkFacts> factsByLink = new HashMap<>();
        Set<String> addedProtocols = new TreeSet<>();
        boolean usesHostLocal = false;
        if (model.links().isEmpty()) {
            return new WrittenFlows(factsByLink, addedProtocols, usesHostLocal);
        }
        OutList flows = system.list("flows", model.root().at("technical_assets"));
        for (Link link : model.links()) {
            In in = link.fields();
            if (link.goesToItself()) {
                diagnostics.warning(
                        link.at(),
                        "not-imported",
                        "communication link '" + link.title() + "' goes from technical asset '"
                                + link.source().title()
                                + "' to itself; a Mamori flow joins two components, so it is not imported");
                notImported.quote(
                        "communication link '" + link.title() + "' of "
                                + link.source().id() + " (" + link.at() + ")",
                        PlainValues.of(in.node));
                continue;
            }
            String target = link.target().text();
            OutMap f = new OutMap(link.at());
            flows.add(link.at(), f);
            f.put("id", link.at(), plan.flowIds().get(link.threagileId()));
            f.put("from", link.at(), plan.componentIds().get(link.source().id()));
            f.put("to", link.target().at(), plan.componentIds().get(target));
            Tables.Wire wire = security.wire(in);
            Protocol protocol = ThreagileVocabulary.protocol(wire.protocol()).orElseThrow();
            if (ThreagileVocabulary.isAdded(wire.protocol())) {
                addedProtocols.add(wire.protocol());
            }
            usesHostLocal |= wire.encryption().equals(ThreagileVocabulary.HOST_LOCAL);
            f.put("protocol", in.at("protocol"), wire.protocol());
            f.put("encryption", in.at("protocol"), wire.encryption());
            String authentication = security.authentication(in, protocol, wire);
            f.put("authentication", in.at("authentication"), authentication);
            Authorization authorization = security.authorization(in);
            if (authorization != Authorization.NONE) {
                f.put("authorization", in.at("authorization"), Words.of(authorization));
            }
            Optional<String> commands = security.commands(link, protocol);
            if (commands.isPresent()) {
                f.put("commands", in.at("readonly"), true);
            }
            Set<String> carried = new LinkedHashSet<>();
            in.texts("data_assets_sent").forEach(d -> carried.add(plan.dataIds().get(d.text())));
            in.texts("data_assets_received")
                    .forEach(d -> carried.add(plan.dataIds().get(d.text())));
            f.putIfPresent("data", in.at("data_assets_sent"), List.copyOf(carried));
            if (in.bool("vpn")) {
                f.put("network", in.at("vpn"), List.of(plan.vpn().orElseThrow().id()));
            }
            List<String> tags = new ArrayList<>(Texts.texts(in, "tags"));
            if (in.bool("ip_filtered")) {
                tags.add("ip-filtered");
            }
            if (in.text("authentication", "").equals("two-factor")) {
                tags.add("two-factor");
            }
            f.putIfPresent("tags", in.at("tags"), tags);
            f.put("description", link.at(), Texts.sentence(in.text("description", ""), facts(link, commands)));
            Layer targetLayer = plan.componentKinds().get(target).layer();
            factsByLink.put(
                    link.threagileId(),
                    new RiskTables.LinkFacts(
                            wire.protocol(),
                            wire.encryption(),
                            authentication,
                            commands.isPresent(),
                            in.bool("vpn"),
                            carried.stream().anyMatch(plan.sensitiveDataIds()::contains),
                            model.technicalAssets().get(target).fields().bool("internet"),
                            targetLayer == Layer.PLATFORM || targetLayer == Layer.SERVICE));
        }
        plan.vpn().ifPresent(vpn -> {
            OutMap v = ((OutMap) system.get("components")).map(vpn.id(), vpn.at());
            v.put("kind", vpn.at(), "vpn");
            v.put(
                    "description",
                    vpn.at(),
                    "The VPN that Threagile's links marked vpn: true travel over; Threagile does not say which VPN,"
                            + " so this one component stands for all of them");
        });
        return new WrittenFlows(factsByLink, addedProtocols, usesHostLocal);
    }

    /** What Threagile says of a link that has no Mamori key, as a sentence of the flow's description. */
    private static String facts(Link link, Optional<String> commands) {
        In in = link.fields();
        List<String> facts = new ArrayList<>();
        facts.add("link '" + link.title() + "' (" + link.threagileId() + ")");
        in.text("protocol").ifPresent(p -> facts.add("protocol " + p));
        in.text("authentication").ifPresent(a -> facts.add("authentication " + a));
        List<String> sent = Texts.texts(in, "data_assets_sent");
        List<String> received = Texts.texts(in, "data_assets_received");
        if (!sent.isEmpty()) {
            facts.add("sends " + String.join(", ", sent));
        }
        if (!received.isEmpty()) {
            facts.add("receives " + String.join(", ", received));
        }
        in.text("usage").ifPresent(u -> facts.add("usage " + u));
        if (in.bool("readonly")) {
            facts.add("read-only");
        }
        if (in.bool("vpn")) {
            facts.add("over a VPN");
        }
        commands.ifPresent(c -> facts.add("carries commands: " + c));
        return "Threagile: " + String.join("; ", facts);
    }
}
