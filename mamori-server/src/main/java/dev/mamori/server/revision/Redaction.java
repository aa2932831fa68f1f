package dev.mamori.server.revision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A systemic path as one stakeholder may see it: hops that touch its own systems in full; a run of
 * hops inside another's system as "N hops inside system X"; a hop between two other systems as
 * the two systems only, without their components or weaknesses.
 */
public final class Redaction {

    private Redaction() {}

    static String systemOf(String component) {
        // A zone is named "zone system.zone" by the systemic analysis: it is inside its system.
        String name = component.startsWith("zone ") ? component.substring("zone ".length()) : component;
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public static String entry(String entry, Map<String, String> owners, String stakeholder) {
        String component = entry.split(" ", 2)[0];
        String system = systemOf(component);
        return stakeholder.equals(owners.get(system)) ? entry : "a component of system " + system;
    }

    public static List<Map<String, Object>> hops(
            List<Map<String, Object>> hops, Map<String, String> owners, String stakeholder) {
        List<Map<String, Object>> shown = new ArrayList<>();
        String insideSystem = null;
        int inside = 0;
        for (Map<String, Object> hop : hops) {
            String from = systemOf(String.valueOf(hop.get("from")));
            String to = systemOf(String.valueOf(hop.get("to")));
            boolean touchesOwn = stakeholder.equals(owners.get(from)) || stakeholder.equals(owners.get(to));
            if (!touchesOwn && from.equals(to)) {
                if (insideSystem != null && !insideSystem.equals(from)) {
                    shown.add(summary(insideSystem, inside));
                    inside = 0;
                }
                insideSystem = from;
                inside++;
                continue;
            }
            if (insideSystem != null) {
                shown.add(summary(insideSystem, inside));
                insideSystem = null;
                inside = 0;
            }
            if (touchesOwn) {
                shown.add(hop);
            } else {
                Map<String, Object> between = new LinkedHashMap<>();
                between.put("fromSystem", from);
                between.put("toSystem", to);
                between.put("relation", hop.get("relation"));
                between.put("probability", hop.get("probability"));
                shown.add(between);
            }
        }
        if (insideSystem != null) {
            shown.add(summary(insideSystem, inside));
        }
        return shown;
    }

    private static Map<String, Object> summary(String system, int count) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("inside", system);
        s.put("hops", count);
        s.put("summary", count + (count == 1 ? " hop" : " hops") + " inside system " + system);
        return s;
    }
}
