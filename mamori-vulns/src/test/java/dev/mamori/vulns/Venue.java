package dev.mamori.vulns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.systemic.SystemicAnalysis;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.Landscape;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.vulns.feed.Feed;
import dev.mamori.vulns.feed.FeedReader;
import dev.mamori.vulns.feed.VulnerabilityData;
import dev.mamori.vulns.sbom.Inventory;
import dev.mamori.vulns.store.VulnerabilityStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The bundled venue example with its vulnerability data, matched as the workspace does. */
public record Venue(Landscape landscape, Inventory inventory, KnownVulnerabilities known, SystemicAnalysis systemic) {

    public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final Path ROOT = Path.of("..", "examples", "venue");

    public static VulnerabilityData data() throws Exception {
        List<Feed> feeds = new ArrayList<>();
        for (Path file : VulnerabilityStore.filesOf(ROOT.resolve("vulns"))) {
            feeds.addAll(FeedReader.read(ROOT.relativize(file).toString(), Files.readAllBytes(file)));
        }
        return VulnerabilityData.of(feeds);
    }

    public static Venue load() throws Exception {
        ModelSource source = ModelSource.fileSystem();
        LoadResult result = new ModelLoader(
                        source, new ModelLoader.Options(dev.mamori.model.syntax.ReadLimits.DEFAULT, TODAY))
                .load(List.of(ROOT.resolve("landscape.yaml")));
        assertThat(result.valid()).as("%s", result.diagnostics()).isTrue();
        Landscape landscape = result.landscape().orElseThrow();
        Inventory inventory = Inventory.read(source, landscape);
        assertThat(inventory.diagnostics()).isEmpty();
        KnownVulnerabilities known = KnownVulnerabilities.of(landscape, inventory, data(), TODAY);
        SystemicAnalysis systemic =
                new SystemicAnalyzer(FrozenGraph.of(known.landscape())).analyze(SystemicAnalyzer.Options.defaults());
        return new Venue(landscape, inventory, known, systemic);
    }
}
