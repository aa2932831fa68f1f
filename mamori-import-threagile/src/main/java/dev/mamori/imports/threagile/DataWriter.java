package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.Out.OutMap;
import dev.mamori.imports.threagile.ThreagileModel.DataAsset;
import dev.mamori.model.Scales.Need;
import dev.mamori.model.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes each data asset as data of the system: its owner, classification and needs from
 * Threagile's ratings, and the rest of what Threagile says in its description.
 */
final class DataWriter {

    private DataWriter() {}

    static void write(ThreagileModel model, SystemPlan plan, OutMap system) {
        if (model.dataAssets().isEmpty()) {
            return;
        }
        OutMap out = new OutMap(model.root().at("data_assets"));
        for (DataAsset d : model.dataAssets().values()) {
            In in = d.fields();
            OutMap a = out.map(plan.dataIds().get(d.id()), d.at());
            a.put("name", d.at(), d.title());
            in.text("owner").ifPresent(o -> a.put("owner", in.at("owner"), plan.stakeholderId(o)));
            Tables.Secrecy secrecy = secrecy(in);
            a.put("classification", in.at("confidentiality"), Words.of(secrecy.classification()));
            if (personal(in)) {
                a.put("personal", in.at("tags"), true);
            }
            a.put("confidentiality", in.at("confidentiality"), Words.of(secrecy.need()));
            a.put("integrity", in.at("integrity"), Words.of(need(in, "integrity")));
            a.put("availability", in.at("availability"), Words.of(need(in, "availability")));
            a.put("description", d.at(), Texts.sentence(in.text("description", ""), facts(in)));
        }
        system.put("data", model.root().at("data_assets"), out);
    }

    /** The classification and confidentiality need of a data asset's confidentiality rating. */
    static Tables.Secrecy secrecy(In dataAsset) {
        return Tables.SECRECY.get(dataAsset.text("confidentiality", "internal"));
    }

    /** Whether a tag of the data asset says it is personal data. */
    static boolean personal(In dataAsset) {
        return Texts.texts(dataAsset, "tags").stream()
                .anyMatch(t -> Tables.PERSONAL_TAGS.contains(t.toLowerCase(Locale.ROOT)));
    }

    private static Need need(In in, String key) {
        return Tables.NEED.getOrDefault(in.text(key, "operational"), Need.MEDIUM);
    }

    /** What Threagile says of a data asset that has no Mamori key. */
    private static String facts(In in) {
        List<String> facts = new ArrayList<>();
        for (String key : List.of("usage", "origin", "quantity")) {
            in.text(key).ifPresent(v -> facts.add(key + " " + v));
        }
        facts.add("C/I/A " + in.text("confidentiality", "-") + "/" + in.text("integrity", "-") + "/"
                + in.text("availability", "-")
                + in.text("justification_cia_rating").map(j -> " (" + j + ")").orElse(""));
        List<String> tags = Texts.texts(in, "tags");
        if (!tags.isEmpty()) {
            facts.add("tags " + String.join(", ", tags));
        }
        return "Threagile: " + String.join("; ", facts);
    }
}
