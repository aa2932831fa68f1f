package dev.mamori.imports.threagile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.load.LoadResult;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A generated Threagile model of 4,000 technical assets imports, and validates as a Mamori model. */
@Tag("slow")
class LargeModelTest {

    @Test
    void fourThousandTechnicalAssets() {
        ImportResult result = Fixtures.importText("large.yaml", ThreagileModelGenerator.model(4000));
        assertThat(result.errors()).isEmpty();
        Map<String, Object> model = Fixtures.model(result);
        // 4,000 technical assets and the one VPN component their links travel over.
        assertThat(Fixtures.map(Fixtures.system(model).get("components"))).hasSize(4001);
        assertThat(Fixtures.list(Fixtures.system(model).get("flows"))).hasSize(400 * 11);
        assertThat(Fixtures.map(Fixtures.system(model).get("zones"))).hasSize(801);
        // Each tracked site: three rules find the clear-text MQTT publish, one the unsigned configuration.
        assertThat(Fixtures.treatments(model)).hasSize(40 * 4);

        LoadResult loaded = Fixtures.loadTree(result, "large.yaml");
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.landscape().orElseThrow().components()).hasSize(4001);
    }
}
