package dev.mamori.enforce;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.model.IpPrefix;
import dev.mamori.model.Landscape;
import dev.mamori.model.Zone;
import dev.mamori.model.diagnostics.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deployed nftables ruleset ({@code nft -j list ruleset}) against the tables the model asks for.
 * Only Mamori's tables ({@code inet mamori-ZONE}) are compared, rule by rule and chain by chain, in
 * a form both sides share: counters and comments left out, addresses canonical, a set of one
 * written as its element, the elements of a set in order. A rule of the model missing from the
 * deployment, a deployed rule the model does not ask for, and a rule out of the model's order are
 * each a difference.
 */
public final class NftablesDrift {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NftablesDrift() {}

    /** A deployed rule: where it is, its comment, and its text in the shared form. */
    private record LiveRule(String chain, long handle, String comment, String text) {}

    /** A deployed table: its chains (name to hook and policy, when a base chain) and rules in order. */
    private record LiveTable(String family, String name, Map<String, String> chains, List<LiveRule> rules) {}

    /**
     * The differences between {@code expected} and the ruleset read from {@code json}.
     *
     * @param file the deployed file's name, for locating
     * @param landscape the model, for the zones left out of {@code expected} by a system filter
     * @throws Drift.Unreadable when {@code json} is not the JSON {@code nft -j list ruleset} writes
     */
    public static List<Drift.Difference> compare(
            NftablesTarget.Expected expected, Landscape landscape, Reader json, String file)
            throws Drift.Unreadable, IOException {
        Map<String, LiveTable> live = read(json, file);
        Set<String> zones = new TreeSet<>();
        landscape.systems().values().forEach(s -> s.zones().values().forEach(z -> zones.add(z.id())));
        List<Drift.Difference> out = new ArrayList<>();
        Map<String, NftablesTarget.Table> wanted = new LinkedHashMap<>();
        for (NftablesTarget.Table t : expected.tables()) {
            wanted.put(t.family() + " " + t.name(), t);
        }
        for (NftablesTarget.Table t : expected.tables()) {
            LiveTable l = live.get(t.family() + " " + t.name());
            if (l == null) {
                out.add(new Drift.Difference(
                        Drift.Kind.NOT_DEPLOYED,
                        t.zone().at(),
                        file + ": no table " + t.family() + " " + t.name(),
                        "the ruleset of zone " + t.zone().id() + " is not loaded: none of its "
                                + t.rules().size() + " rules is in force"));
                continue;
            }
            compareTable(t, l, file, out);
        }
        SourceLocation landscapeAt = SourceLocation.startOf(landscape.files().get(0));
        for (LiveTable l : live.values()) {
            String key = l.family() + " " + l.name();
            String zone = l.name().substring("mamori-".length());
            // A zone left out by --system is not compared; a table no zone has is a difference.
            if (!wanted.containsKey(key) && !zones.contains(zone)) {
                out.add(new Drift.Difference(
                        Drift.Kind.NOT_IN_MODEL,
                        landscapeAt,
                        file + ": table " + key,
                        "table " + key + " is loaded, but the model has no zone " + zone + " ("
                                + l.rules().size() + " rules the model knows nothing of)"));
            }
        }
        return Drift.sorted(out);
    }

    private static void compareTable(NftablesTarget.Table t, LiveTable l, String file, List<Drift.Difference> out) {
        Zone zone = t.zone();
        String where = file + ": table " + t.family() + " " + t.name();
        // Chains: the model's, with the hooks and policies it gives its base chains.
        Map<String, String> chains = new LinkedHashMap<>();
        for (NftablesTarget.Rule r : t.rules()) {
            chains.putIfAbsent(
                    r.chain(),
                    r.chain().equals("input") || r.chain().equals("forward")
                            ? "hook " + r.chain() + " policy accept"
                            : "");
        }
        for (Map.Entry<String, String> c : chains.entrySet()) {
            String deployed = l.chains().get(c.getKey());
            if (deployed == null) {
                out.add(new Drift.Difference(
                        Drift.Kind.NOT_DEPLOYED,
                        zone.at(),
                        where + " has no chain " + c.getKey(),
                        "chain " + c.getKey() + " of zone " + zone.id() + " is missing"));
            } else if (!deployed.equals(c.getValue())) {
                out.add(new Drift.Difference(
                        Drift.Kind.NOT_DEPLOYED,
                        zone.at(),
                        where + " chain " + c.getKey() + " (" + (deployed.isEmpty() ? "no hook" : deployed) + ")",
                        "chain " + c.getKey() + " of zone " + zone.id() + " should have "
                                + (c.getValue().isEmpty() ? "no hook" : c.getValue())));
            }
        }
        for (String c : l.chains().keySet()) {
            if (!chains.containsKey(c)) {
                out.add(new Drift.Difference(
                        Drift.Kind.NOT_IN_MODEL,
                        zone.at(),
                        where + " chain " + c,
                        "chain " + c + " is not one the model's ruleset of zone " + zone.id() + " has"));
            }
        }
        // Rules: each rule of the model matched with the first unmatched deployed one alike, in its chain.
        Map<String, List<Integer>> unmatched = new HashMap<>();
        for (int i = 0; i < l.rules().size(); i++) {
            LiveRule r = l.rules().get(i);
            unmatched
                    .computeIfAbsent(r.chain() + "\n" + r.text(), k -> new ArrayList<>())
                    .add(i);
        }
        boolean[] matched = new boolean[l.rules().size()];
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        Map<String, List<NftablesTarget.Rule>> placed = new LinkedHashMap<>();
        for (NftablesTarget.Rule r : t.rules()) {
            String text = canonicalText(r.text());
            List<Integer> candidates = unmatched.getOrDefault(r.chain() + "\n" + text, List.of());
            if (candidates.isEmpty()) {
                out.add(new Drift.Difference(
                        Drift.Kind.NOT_DEPLOYED,
                        r.origin(),
                        where + " chain " + r.chain() + " has no such rule",
                        r.what() + ": its rule is not deployed (" + text + ")"));
                continue;
            }
            int position = candidates.remove(0);
            matched[position] = true;
            positions.computeIfAbsent(r.chain(), k -> new ArrayList<>()).add(position);
            placed.computeIfAbsent(r.chain(), k -> new ArrayList<>()).add(r);
        }
        // The rules in the model's order are the longest run the deployment keeps in order; any
        // other matched rule was moved.
        for (Map.Entry<String, List<Integer>> chain : positions.entrySet()) {
            boolean[] inOrder = longestIncreasing(chain.getValue());
            for (int k = 0; k < inOrder.length; k++) {
                if (!inOrder[k]) {
                    NftablesTarget.Rule r = placed.get(chain.getKey()).get(k);
                    LiveRule moved = l.rules().get(chain.getValue().get(k));
                    out.add(new Drift.Difference(
                            Drift.Kind.MOVED,
                            r.origin(),
                            where + " chain " + r.chain() + " handle " + moved.handle(),
                            r.what() + ": its rule is deployed in another place than the model's, where the rules"
                                    + " before it decide first (" + canonicalText(r.text()) + ")"));
                }
            }
        }
        for (int i = 0; i < matched.length; i++) {
            if (!matched[i]) {
                LiveRule r = l.rules().get(i);
                out.add(new Drift.Difference(
                        Drift.Kind.NOT_IN_MODEL,
                        zone.at(),
                        where + " chain " + r.chain() + " handle " + r.handle()
                                + (r.comment().isEmpty() ? "" : " comment \"" + r.comment() + "\""),
                        verb(r.text()) + " " + r.text() + ", which the model of zone " + zone.id()
                                + " does not ask for"));
            }
        }
    }

    /** Which elements belong to one longest strictly increasing subsequence (patience sorting). */
    static boolean[] longestIncreasing(List<Integer> values) {
        int n = values.size();
        int[] tails = new int[n];
        int[] tailIndex = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int v = values.get(i);
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tails[mid] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            tails[lo] = v;
            tailIndex[lo] = i;
            previous[i] = lo > 0 ? tailIndex[lo - 1] : -1;
            length = Math.max(length, lo + 1);
        }
        boolean[] in = new boolean[n];
        for (int i = length == 0 ? -1 : tailIndex[length - 1]; i >= 0; i = previous[i]) {
            in[i] = true;
        }
        return in;
    }

    private static String verb(String text) {
        if (text.endsWith(" accept") || text.equals("accept")) {
            return "the deployed ruleset allows";
        }
        if (text.endsWith(" drop") || text.equals("drop")) {
            return "the deployed ruleset drops";
        }
        return "the deployed ruleset has";
    }

    // ---- reading nft -j ------------------------------------------------------------------------

    private static Map<String, LiveTable> read(Reader json, String file) throws Drift.Unreadable, IOException {
        Map<String, LiveTable> tables = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.setCodec(JSON);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw unreadable(file, p.currentLocation(), "expected a JSON object, as 'nft -j list ruleset' writes");
            }
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("nftables")) {
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw unreadable(file, p.currentLocation(), "'nftables' is not a list");
                }
                found = true;
                // One element at a time: a ruleset of a large landscape is never held as one tree.
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonLocation at = p.currentLocation();
                    JsonNode element = p.readValueAsTree();
                    element(element, tables, file, at);
                }
            }
            if (!found) {
                throw unreadable(
                        file, p.currentLocation(), "no 'nftables' list: not the output of 'nft -j list ruleset'");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw unreadable(file, at, "not JSON: " + e.getOriginalMessage());
        }
        return tables;
    }

    private static Drift.Unreadable unreadable(String file, JsonLocation at, String why) {
        return new Drift.Unreadable(
                file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": " + why);
    }

    private static void element(JsonNode element, Map<String, LiveTable> tables, String file, JsonLocation at)
            throws Drift.Unreadable {
        if (element.has("table")) {
            JsonNode t = element.get("table");
            String name = t.path("name").asText();
            if (name.startsWith("mamori-")) {
                String family = t.path("family").asText();
                tables.putIfAbsent(
                        family + " " + name, new LiveTable(family, name, new LinkedHashMap<>(), new ArrayList<>()));
            }
        } else if (element.has("chain")) {
            JsonNode c = element.get("chain");
            LiveTable t =
                    tables.get(c.path("family").asText() + " " + c.path("table").asText());
            if (t != null) {
                String hook = c.has("hook")
                        ? "hook " + c.path("hook").asText() + " policy "
                                + c.path("policy").asText("accept")
                        : "";
                t.chains().put(c.path("name").asText(), hook);
            }
        } else if (element.has("rule")) {
            JsonNode r = element.get("rule");
            LiveTable t =
                    tables.get(r.path("family").asText() + " " + r.path("table").asText());
            if (t == null) {
                return;
            }
            if (!r.path("expr").isArray()) {
                throw unreadable(file, at, "a rule without 'expr'");
            }
            t.rules()
                    .add(new LiveRule(
                            r.path("chain").asText(),
                            r.path("handle").asLong(),
                            r.path("comment").asText(""),
                            text(r.get("expr"))));
        }
    }

    /** A rule's expressions in the shared form: selector, value, verdict; counters left out. */
    static String text(JsonNode exprs) {
        List<String> clauses = new ArrayList<>();
        for (JsonNode e : exprs) {
            if (e.has("match")) {
                JsonNode m = e.get("match");
                String op = m.path("op").asText("==");
                clauses.add(left(m.get("left")) + (op.equals("==") || op.equals("in") ? "" : " " + op) + " "
                        + value(m.get("right")));
            } else if (e.has("counter")) {
                continue;
            } else if (e.has("jump") || e.has("goto")) {
                String verdict = e.has("jump") ? "jump" : "goto";
                clauses.add(verdict + " " + e.get(verdict).path("target").asText());
            } else if (e.size() == 1 && VERDICTS.contains(e.fieldNames().next())) {
                clauses.add(e.fieldNames().next());
            } else {
                clauses.add(e.toString()); // not what Mamori writes: it matches nothing of the model
            }
        }
        return String.join(" ", clauses);
    }

    private static String left(JsonNode left) {
        if (left == null) {
            return "?";
        }
        if (left.has("payload")) {
            return left.get("payload").path("protocol").asText() + " "
                    + left.get("payload").path("field").asText();
        }
        if (left.has("meta")) {
            return "meta " + left.get("meta").path("key").asText();
        }
        if (left.has("ct")) {
            return "ct " + left.get("ct").path("key").asText();
        }
        return left.toString();
    }

    private static String value(JsonNode right) {
        if (right == null) {
            return "?";
        }
        if (right.isTextual()) {
            return address(right.asText());
        }
        if (right.isNumber()) {
            return right.asText();
        }
        if (right.isArray()) {
            List<String> items = new ArrayList<>();
            right.forEach(i -> items.add(value(i)));
            return set(items);
        }
        if (right.has("set")) {
            return value(
                    right.get("set").isArray()
                            ? right.get("set")
                            : JSON.createArrayNode().add(right.get("set")));
        }
        if (right.has("prefix")) {
            return address(right.get("prefix").path("addr").asText() + "/"
                    + right.get("prefix").path("len").asText());
        }
        if (right.has("range")
                && right.get("range").isArray()
                && right.get("range").size() == 2) {
            return value(right.get("range").get(0)) + "-"
                    + value(right.get("range").get(1));
        }
        return right.toString();
    }

    /** Canonical addresses by their text: a large ruleset names the same few thousand again and again. */
    private static final ThreadLocal<Map<String, String>> ADDRESSES = ThreadLocal.withInitial(HashMap::new);

    private static final Set<String> VERDICTS = Set.of("accept", "drop", "return", "continue");

    private static String address(String text) {
        Map<String, String> cache = ADDRESSES.get();
        String known = cache.get(text);
        if (known != null) {
            return known;
        }
        if (cache.size() > 100_000) {
            cache.clear();
        }
        boolean word = text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.indexOf(':') >= 0);
        String canonical = word
                ? text // tcp, established: not an address
                : IpPrefix.parse(text) instanceof IpPrefix.Parsed.Ok ok
                        ? ok.prefix().toString()
                        : text;
        cache.put(text, canonical);
        return canonical;
    }

    /** Words, with braces and commas as words of their own. */
    private static String[] tokens(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean mark = c == '{' || c == '}' || c == ',';
            if (Character.isWhitespace(c) || mark) {
                if (start >= 0) {
                    out.add(text.substring(start, i));
                    start = -1;
                }
                if (mark) {
                    out.add(String.valueOf(c));
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return out.toArray(new String[0]);
    }

    private static String set(List<String> items) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(items));
        return sorted.size() == 1 ? sorted.get(0) : "{" + String.join(",", sorted) + "}";
    }

    /** A rule as the target writes it, in the shared form: comment and counter out, sets normalised. */
    static String canonicalText(String rule) {
        int comment = rule.indexOf(" comment \"");
        String body = comment < 0 ? rule : rule.substring(0, comment);
        String[] tokens = tokens(body);
        List<String> clauses = new ArrayList<>();
        int i = 0;
        while (i < tokens.length) {
            String token = tokens[i];
            if (token.equals("counter")) {
                i++;
            } else if (VERDICTS.contains(token)) {
                clauses.add(token);
                i++;
            } else if (token.equals("jump") || token.equals("goto")) {
                clauses.add(token + " " + tokens[i + 1]);
                i += 2;
            } else {
                String selector = token + " " + tokens[i + 1];
                i += 2;
                List<String> values = new ArrayList<>();
                if (tokens[i].equals("{")) {
                    i++;
                    while (!tokens[i].equals("}")) {
                        if (!tokens[i].equals(",")) {
                            values.add(address(tokens[i]));
                        }
                        i++;
                    }
                    i++;
                } else {
                    values.add(address(tokens[i++]));
                    while (i + 1 < tokens.length && tokens[i].equals(",")) {
                        values.add(address(tokens[i + 1]));
                        i += 2;
                    }
                }
                clauses.add(selector + " " + set(values));
            }
        }
        return String.join(" ", clauses);
    }
}
