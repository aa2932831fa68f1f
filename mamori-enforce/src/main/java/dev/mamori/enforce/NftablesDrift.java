package dev.mamori.enforce;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
        return compare(expected, landscape, read(json, file), file);
    }

    /**
     * The differences between {@code expected} and a deployed ruleset read before.
     *
     * @param file the deployed file's name, for locating
     * @param landscape the model, for the zones left out of {@code expected} by a system filter
     */
    public static List<Drift.Difference> compare(
            NftablesTarget.Expected expected, Landscape landscape, Deployed deployed, String file) {
        return compareAll(expected, landscape, deployed, file).differences();
    }

    /**
     * The differences, and what each deployed accept the model does not ask for lets through.
     *
     * @param differences in file order of the model, then of the deployment
     * @param openings the traffic of the deployed accepts that are not in the model, in the same order
     */
    public record Result(List<Drift.Difference> differences, List<Opening> openings) {
        public Result {
            differences = List.copyOf(differences);
            openings = List.copyOf(openings);
        }
    }

    /** As {@link #compare(NftablesTarget.Expected, Landscape, Deployed, String)}, with the openings. */
    public static Result compareAll(
            NftablesTarget.Expected expected, Landscape landscape, Deployed deployed, String file) {
        Map<String, LiveTable> live = deployed.tables;
        List<Opening> openings = new ArrayList<>();
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
            compareTable(t, l, file, out, openings);
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
        openings.sort(java.util.Comparator.comparing(Opening::difference, Drift.Difference.ORDER));
        return new Result(Drift.sorted(out), openings);
    }

    private static void compareTable(
            NftablesTarget.Table t, LiveTable l, String file, List<Drift.Difference> out, List<Opening> openings) {
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
            String text = r.key();
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
                                    + " before it decide first (" + r.key() + ")"));
                }
            }
        }
        for (int i = 0; i < matched.length; i++) {
            if (!matched[i]) {
                LiveRule r = l.rules().get(i);
                Drift.Difference d = new Drift.Difference(
                        Drift.Kind.NOT_IN_MODEL,
                        zone.at(),
                        where + " chain " + r.chain() + " handle " + r.handle()
                                + (r.comment().isEmpty() ? "" : " comment \"" + r.comment() + "\""),
                        verb(r.text()) + " " + r.text() + ", which the model of zone " + zone.id()
                                + " does not ask for");
                out.add(d);
                // An accept in any chain of the table lets its packets past the zone's drop.
                Opening.of(d, zone, r.text()).ifPresent(openings::add);
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

    /**
     * Mamori's tables of a deployed ruleset, read from the JSON of {@code nft -j list ruleset}: what
     * {@link #compare(NftablesTarget.Expected, Landscape, Deployed, String)} compares. It needs no
     * model, so it can be read while the model loads.
     */
    public static final class Deployed {
        private final Map<String, LiveTable> tables;

        private Deployed(Map<String, LiveTable> tables) {
            this.tables = tables;
        }

        /** How many rules Mamori's tables hold. */
        public int rules() {
            return tables.values().stream().mapToInt(t -> t.rules().size()).sum();
        }
    }

    /**
     * Reads a deployed ruleset. The JSON is read token by token, each rule turned straight into the
     * shared form: a ruleset of a large landscape (86 MB for 172,000 rules) is never held as a tree,
     * and only the rules of Mamori's own tables are kept.
     *
     * @param file the file's name, for locating
     * @throws Drift.Unreadable when {@code json} is not the JSON {@code nft -j list ruleset} writes
     */
    public static Deployed read(Reader json, String file) throws Drift.Unreadable, IOException {
        return read(new JsonFactory().createParser(json), file);
    }

    /**
     * As {@link #read(Reader, String)}, from the file's bytes (UTF-8, as nft writes): the parser
     * then works on bytes without decoding them to characters first.
     */
    public static Deployed read(java.io.InputStream json, String file) throws Drift.Unreadable, IOException {
        return read(new JsonFactory().createParser(json), file);
    }

    private static Deployed read(JsonParser parser, String file) throws Drift.Unreadable, IOException {
        Map<String, LiveTable> tables = new LinkedHashMap<>();
        try (JsonParser p = parser) {
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
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (next != JsonToken.START_OBJECT) {
                        throw unreadable(file, p.currentLocation(), "an element of 'nftables' is not an object");
                    }
                    element(p, tables, file);
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
        return new Deployed(tables);
    }

    private static Drift.Unreadable unreadable(String file, JsonLocation at, String why) {
        return new Drift.Unreadable(
                file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": " + why);
    }

    /** One element of the list ({@code {"table": {...}}}, {@code {"rule": {...}}}, ...); the parser is at its start. */
    private static void element(JsonParser p, Map<String, LiveTable> tables, String file)
            throws IOException, Drift.Unreadable {
        JsonLocation at = p.currentLocation();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String kind = p.currentName();
            if (p.nextToken() != JsonToken.START_OBJECT
                    || !(kind.equals("table") || kind.equals("chain") || kind.equals("rule"))) {
                p.skipChildren(); // metainfo, sets, counters, ...: nothing Mamori writes
                continue;
            }
            // The fields, in whatever order they come; expressions already in the shared form.
            String family = "";
            String table = "";
            String name = "";
            String chain = "";
            String hook = null;
            String policy = "accept";
            String comment = "";
            long handle = 0;
            String expr = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                switch (field) {
                    case "family" -> family = p.getText();
                    case "table" -> table = p.getText();
                    case "name" -> name = p.getText();
                    case "chain" -> chain = p.getText();
                    case "hook" -> hook = p.getText();
                    case "policy" -> policy = p.getText();
                    case "comment" -> comment = p.getText();
                    case "handle" -> handle = token.isNumeric() ? p.getLongValue() : 0;
                    case "expr" -> {
                        if (token != JsonToken.START_ARRAY) {
                            throw unreadable(file, p.currentLocation(), "a rule's 'expr' is not a list");
                        }
                        expr = expressions(p);
                    }
                    default -> p.skipChildren();
                }
            }
            switch (kind) {
                case "table" -> {
                    if (name.startsWith("mamori-")) {
                        tables.putIfAbsent(
                                family + " " + name,
                                new LiveTable(family, name, new LinkedHashMap<>(), new ArrayList<>()));
                    }
                }
                case "chain" -> {
                    LiveTable t = tables.get(family + " " + table);
                    if (t != null) {
                        t.chains().put(name, hook == null ? "" : "hook " + hook + " policy " + policy);
                    }
                }
                default -> {
                    LiveTable t = tables.get(family + " " + table);
                    if (t == null) {
                        continue;
                    }
                    if (expr == null) {
                        throw unreadable(file, at, "a rule without 'expr'");
                    }
                    t.rules().add(new LiveRule(chain, handle, comment, expr));
                }
            }
        }
    }

    /** A rule's expressions in the shared form: selector, value, verdict; counters left out. The parser is at the list. */
    private static String expressions(JsonParser p) throws IOException {
        StringBuilder out = new StringBuilder(64);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String clause = expression(p);
            if (clause != null) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(clause);
            }
        }
        return out.toString();
    }

    /** One expression, or null for a counter; the parser is at its start. */
    private static String expression(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return p.readValueAsTree().toString();
        }
        String clause = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken token = p.nextToken();
            if (key.equals("match") && token == JsonToken.START_OBJECT) {
                String op = "==";
                String left = "?";
                String right = "?";
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "op" -> op = p.getText();
                        case "left" -> left = left(p);
                        case "right" -> right = value(p);
                        default -> p.skipChildren();
                    }
                }
                clause = left + (op.equals("==") || op.equals("in") ? "" : " " + op) + " " + right;
            } else if (key.equals("counter")) {
                p.skipChildren();
            } else if ((key.equals("jump") || key.equals("goto")) && token == JsonToken.START_OBJECT) {
                String target = "";
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("target")) {
                        target = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                clause = key + " " + target;
            } else if (VERDICTS.contains(key)) {
                p.skipChildren();
                clause = key;
            } else {
                // Not what Mamori writes: kept whole, so it matches nothing of the model.
                clause = "{\"" + key + "\":" + p.readValueAsTree() + "}";
            }
        }
        return clause;
    }

    /** The selector of a match ({@code ip saddr}, {@code meta l4proto}, {@code ct state}); the parser is at it. */
    private static String left(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return p.readValueAsTree().toString();
        }
        String selector = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String kind = p.currentName();
            JsonToken token = p.nextToken();
            if (selector == null && token == JsonToken.START_OBJECT && LEFTS.contains(kind)) {
                String protocol = "";
                String field = "";
                String key = "";
                boolean other = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "protocol" -> protocol = p.getText();
                        case "field" -> field = p.getText();
                        case "key" -> key = p.getText();
                        default -> {
                            other = true;
                            p.skipChildren();
                        }
                    }
                }
                selector =
                        other ? "{" + kind + " ?}" : kind.equals("payload") ? protocol + " " + field : kind + " " + key;
            } else {
                selector = "{\"" + kind + "\":" + p.readValueAsTree() + "}";
            }
        }
        return selector == null ? "?" : selector;
    }

    private static final Set<String> LEFTS = Set.of("payload", "meta", "ct");

    /** The value of a match, canonical: an address, a word, a number, a set in order, a range. */
    private static String value(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return address(p.getText());
        }
        if (token.isScalarValue()) {
            return p.getText();
        }
        if (token == JsonToken.START_ARRAY) {
            List<String> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(p));
            }
            return set(items);
        }
        // An object: {"set": ...}, {"prefix": {...}}, {"range": [a, b]}, or something else.
        String out = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String kind = p.currentName();
            JsonToken inner = p.nextToken();
            if (kind.equals("set")) {
                out = inner == JsonToken.START_ARRAY ? value(p) : set(List.of(value(p)));
            } else if (kind.equals("prefix") && inner == JsonToken.START_OBJECT) {
                String addr = "";
                String len = "";
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "addr" -> addr = p.getText();
                        case "len" -> len = p.getText();
                        default -> p.skipChildren();
                    }
                }
                out = address(addr + "/" + len);
            } else if (kind.equals("range") && inner == JsonToken.START_ARRAY) {
                List<String> ends = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    ends.add(value(p));
                }
                out = ends.size() == 2 ? ends.get(0) + "-" + ends.get(1) : "{\"range\":" + ends + "}";
            } else {
                out = "{\"" + kind + "\":" + p.readValueAsTree() + "}";
            }
        }
        return out == null ? "{}" : out;
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
