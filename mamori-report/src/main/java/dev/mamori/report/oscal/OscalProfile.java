package dev.mamori.report.oscal;

import static dev.mamori.report.oscal.OscalJson.prop;
import static dev.mamori.report.oscal.OscalJson.propWithRemarks;

import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.compliance.ComplianceResult.RequirementResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import dev.mamori.engine.compliance.Profile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A requirement profile as an OSCAL profile: it imports the catalog, selects the requirements the
 * profile holds systems to (with their means, as child controls), and adds to each the obligation
 * class it has under the landscape's jurisdictions as a property, with where that class comes from.
 */
public final class OscalProfile {

    private OscalProfile() {}

    /** The file the profile is written to. */
    public static String file(Profile profile) {
        return "profile-" + profile.id() + ".json";
    }

    /** The UUID of the profile document, for the profile under these jurisdictions. */
    static String uuid(ComplianceResult result, Profile profile) {
        return OscalUuid.of(
                "profile",
                result.catalog().name(),
                result.catalog().version().toString(),
                profile.id(),
                String.join(",", result.jurisdictions()));
    }

    /**
     * The profile as the systems that use it were judged against it: the obligations are the same for
     * every system with the profile, since jurisdictions are the landscape's, so the first one gives them.
     */
    public static String render(ComplianceResult result, SystemCompliance judged, LocalDate date) {
        Profile profile = judged.profile();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uuid", uuid(result, profile));
        List<Map<String, Object>> props = new ArrayList<>();
        props.add(prop("profile", profile.id()));
        result.jurisdictions().forEach(j -> props.add(prop("jurisdiction", j)));
        profile.categories().forEach(c -> props.add(prop("category", c)));
        profile.sectors().forEach(s -> props.add(prop("sector", s)));
        if (profile.securityLevels()) {
            props.add(prop("graded-by-security-level", "true"));
        }
        String under = result.jurisdictions().isEmpty()
                ? "no jurisdiction"
                : "jurisdictions " + String.join(", ", result.jurisdictions());
        out.put(
                "metadata",
                OscalJson.metadata(
                        profile.title() + " (" + under + ")",
                        date,
                        result.catalog().version().toString(),
                        props,
                        profile.description().isBlank()
                                ? "Mamori profile " + profile.id() + "."
                                : profile.description().strip()));
        List<String> ids = new ArrayList<>();
        List<Object> alters = new ArrayList<>();
        for (RequirementResult r : judged.requirements()) {
            ids.add(r.requirement().id());
            Map<String, Object> add = new LinkedHashMap<>();
            add.put("position", "ending");
            add.put(
                    "props",
                    List.of(propWithRemarks("obligation", r.obligation().word(), r.obligationWhy())));
            Map<String, Object> alter = new LinkedHashMap<>();
            alter.put("control-id", r.requirement().id());
            alter.put("adds", List.of(add));
            alters.add(alter);
        }
        Map<String, Object> include = new LinkedHashMap<>();
        include.put("with-child-controls", "yes");
        include.put("with-ids", ids);
        Map<String, Object> imported = new LinkedHashMap<>();
        imported.put("href", OscalCatalog.FILE);
        if (ids.isEmpty()) {
            // OSCAL has no empty selection; a profile holding a system to nothing excludes everything.
            imported.put("include-all", Map.of());
            imported.put(
                    "exclude-controls",
                    List.of(Map.of(
                            "with-ids",
                            result.catalog().requirements().keySet().stream().toList())));
        } else {
            imported.put("include-controls", List.of(include));
        }
        out.put("imports", List.of(imported));
        out.put("merge", Map.of("as-is", true));
        if (!alters.isEmpty()) {
            out.put("modify", Map.of("alters", alters));
        }
        return OscalJson.write("profile", out);
    }
}
