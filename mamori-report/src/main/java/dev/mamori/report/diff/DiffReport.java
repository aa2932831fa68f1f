package dev.mamori.report.diff;

import dev.mamori.report.diff.AssessmentDiff.AspectChange;
import dev.mamori.report.diff.AssessmentDiff.Change;
import dev.mamori.report.diff.Snapshot.FindingState;
import dev.mamori.report.json.StableJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A diff of two assessments as text for the terminal, JSON for tools, and Markdown for pull requests. */
public final class DiffReport {

    private DiffReport() {}

    public static String text(AssessmentDiff diff) {
        StringBuilder out = new StringBuilder();
        header(out, diff, false);
        section(out, "New findings", diff.added(), false);
        section(out, "Resolved findings", diff.resolved(), false);
        if (!diff.changed().isEmpty()) {
            out.append("\nChanged findings (").append(diff.changed().size()).append("):\n");
            for (Change c : diff.changed()) {
                out.append(String.format(
                        "  %s  %s  %s:%d%n      %s%n",
                        c.after().rule(),
                        c.after().element(),
                        c.after().file(),
                        c.after().line(),
                        String.join("; ", c.what())));
            }
        }
        if (!diff.systemic().isEmpty()) {
            out.append("\nSystemic changes (").append(diff.systemic().size()).append("):\n");
            for (AspectChange s : diff.systemic()) {
                out.append("  ").append(systemicLine(s)).append('\n');
            }
        }
        aspects(out, diff, "Mission changes", diff.missions(), false);
        aspects(out, diff, "Compliance changes", diff.compliance(), false);
        return out.toString();
    }

    public static String markdown(AssessmentDiff diff) {
        StringBuilder out = new StringBuilder();
        out.append("## Mamori: what changed\n\n");
        header(out, diff, true);
        section(out, "New findings", diff.added(), true);
        section(out, "Resolved findings", diff.resolved(), true);
        if (!diff.changed().isEmpty()) {
            out.append("\n### Changed findings (").append(diff.changed().size()).append(")\n\n");
            out.append("| rule | element | where | change |\n| --- | --- | --- | --- |\n");
            for (Change c : diff.changed()) {
                out.append("| `")
                        .append(c.after().rule())
                        .append("` | ")
                        .append(cell(c.after().element()))
                        .append(" | ")
                        .append(cell(c.after().file() + ":" + c.after().line()))
                        .append(" | ")
                        .append(cell(String.join("; ", c.what())))
                        .append(" |\n");
            }
        }
        if (!diff.systemic().isEmpty()) {
            out.append("\n### Systemic changes (")
                    .append(diff.systemic().size())
                    .append(")\n\n");
            for (AspectChange s : diff.systemic()) {
                out.append("- ").append(cell(systemicLine(s))).append('\n');
            }
        }
        aspects(out, diff, "Mission changes", diff.missions(), true);
        aspects(out, diff, "Compliance changes", diff.compliance(), true);
        return out.toString();
    }

    /** The diff as JSON in one string; {@link #json(AssessmentDiff, Writer)} streams it instead. */
    public static String json(AssessmentDiff diff) {
        StringWriter text = new StringWriter();
        try {
            json(diff, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a string cannot fail to be written", e);
        }
        return text.toString();
    }

    /** The diff as JSON written to {@code out} as it goes, finding by finding. */
    public static void json(AssessmentDiff diff, Writer out) throws IOException {
        try (StableJson.Document json = StableJson.open(out)) {
            json.startObject();
            json.field("format", Map.of("name", "mamori-diff", "version", 1));
            json.field("before", side(diff.before()));
            json.field("after", side(diff.after()));
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("added", diff.added().size());
            summary.put("addedOpen", diff.addedOpen().size());
            summary.put("resolved", diff.resolved().size());
            summary.put("changed", diff.changed().size());
            summary.put("systemic", diff.systemic().size());
            summary.put("missions", diff.missions().size());
            summary.put(
                    "newlyStoppedBySingleFailure",
                    diff.newlyStoppedBySingleFailure().size());
            summary.put("objectivesNowMissed", diff.objectivesNowMissed().size());
            summary.put("compliance", diff.compliance().size());
            summary.put("requirementsNowUnmet", diff.requirementsNowUnmet().size());
            json.field("summary", summary);
            json.name("added").startArray();
            for (var f : diff.added()) {
                json.value(finding(f));
            }
            json.endArray();
            json.name("resolved").startArray();
            for (var f : diff.resolved()) {
                json.value(finding(f));
            }
            json.endArray();
            json.name("changed").startArray();
            for (Change c : diff.changed()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("before", finding(c.before()));
                item.put("after", finding(c.after()));
                item.put("changes", c.what());
                json.value(item);
            }
            json.endArray();
            json.field("systemic", aspects(diff.systemic()));
            json.field("missions", aspects(diff.missions()));
            json.field("compliance", aspects(diff.compliance()));
            json.endObject();
        }
    }

    private static List<Object> aspects(List<AspectChange> changes) {
        List<Object> out = new ArrayList<>();
        for (AspectChange s : changes) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("aspect", s.aspect());
            item.put("subject", s.subject());
            item.put("before", s.before());
            item.put("after", s.after());
            out.add(item);
        }
        return out;
    }

    /**
     * Mission or compliance changes, one line each; what got worse is marked, since a reviewer
     * looks for a lost redundancy, a missed objective or a newly unmet requirement first.
     */
    private static void aspects(
            StringBuilder out, AssessmentDiff diff, String title, List<AspectChange> changes, boolean markdown) {
        if (changes.isEmpty()) {
            return;
        }
        if (markdown) {
            out.append("\n### ")
                    .append(title)
                    .append(" (")
                    .append(changes.size())
                    .append(")\n\n");
        } else {
            out.append('\n').append(title).append(" (").append(changes.size()).append("):\n");
        }
        for (AspectChange c : changes) {
            String line = c.aspect() + " " + c.subject() + ": " + c.before() + " → " + c.after();
            boolean worse = worse(diff, c);
            if (markdown) {
                out.append("- ")
                        .append(worse ? "**worse:** " : "")
                        .append(cell(line))
                        .append('\n');
            } else {
                out.append(worse ? "  worse: " : "  ").append(line).append('\n');
            }
        }
    }

    private static boolean worse(AssessmentDiff diff, AspectChange c) {
        return diff.newlyStoppedBySingleFailure().contains(c)
                || diff.objectivesNowMissed().contains(c)
                || diff.requirementsNowUnmet().contains(c);
    }

    private static Map<String, Object> side(Snapshot s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("landscape", s.landscape());
        out.put("date", s.date());
        out.put("findings", s.findings().size());
        out.put("openBySeverity", s.openBySeverity());
        return out;
    }

    private static Map<String, Object> finding(FindingState f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rule", f.rule());
        out.put("element", f.element());
        out.put("severity", f.severity());
        out.put("likelihood", f.likelihood());
        out.put("impact", f.impact());
        out.put("status", f.status());
        out.put("open", f.open());
        out.put("location", Map.of("file", f.file(), "line", f.line()));
        out.put("explanation", f.explanation());
        return out;
    }

    private static void header(StringBuilder out, AssessmentDiff diff, boolean markdown) {
        Snapshot a = diff.before();
        Snapshot b = diff.after();
        String name = a.landscape().equals(b.landscape()) ? b.landscape() : a.landscape() + " → " + b.landscape();
        out.append(markdown ? cell(name) : name)
                .append(String.format(
                        ": %d new (%d open), %d resolved, %d changed findings; %d systemic changes; %d mission changes"
                                + " (%d newly stopped by a single failure, %d scenario objectives now missed);"
                                + " %d compliance changes (%d requirements now not satisfied)%n",
                        diff.added().size(),
                        diff.addedOpen().size(),
                        diff.resolved().size(),
                        diff.changed().size(),
                        diff.systemic().size(),
                        diff.missions().size(),
                        diff.newlyStoppedBySingleFailure().size(),
                        diff.objectivesNowMissed().size(),
                        diff.compliance().size(),
                        diff.requirementsNowUnmet().size()));
        if (markdown) {
            out.append('\n');
        }
        out.append(
                markdown
                        ? "| open | before | after |\n| --- | ---: | ---: |\n"
                        : "  open by severity (before → after):");
        for (String severity : List.of("critical", "high", "medium", "low", "info")) {
            int before = a.openBySeverity().getOrDefault(severity, 0);
            int after = b.openBySeverity().getOrDefault(severity, 0);
            if (markdown) {
                out.append("| ")
                        .append(severity)
                        .append(" | ")
                        .append(before)
                        .append(" | ")
                        .append(after)
                        .append(" |\n");
            } else {
                out.append(String.format(" %s %d → %d", severity, before, after));
                out.append(severity.equals("info") ? "\n" : ",");
            }
        }
    }

    private static void section(StringBuilder out, String title, List<FindingState> findings, boolean markdown) {
        if (findings.isEmpty()) {
            return;
        }
        if (markdown) {
            out.append("\n### ")
                    .append(title)
                    .append(" (")
                    .append(findings.size())
                    .append(")\n\n");
            out.append("| severity | status | rule | element | where | why |\n| --- | --- | --- | --- | --- | --- |\n");
            for (FindingState f : findings) {
                out.append("| ")
                        .append(f.severity())
                        .append(" | ")
                        .append(f.status())
                        .append(" | `")
                        .append(f.rule())
                        .append("` | ")
                        .append(cell(f.element()))
                        .append(" | ")
                        .append(cell(f.file() + ":" + f.line()))
                        .append(" | ")
                        .append(cell(f.explanation()))
                        .append(" |\n");
            }
            return;
        }
        out.append('\n').append(title).append(" (").append(findings.size()).append("):\n");
        for (FindingState f : findings) {
            out.append(String.format(
                    "  %-8s %s  %s  %s:%d%s%n",
                    f.severity().toUpperCase(java.util.Locale.ROOT),
                    f.rule(),
                    f.element(),
                    f.file(),
                    f.line(),
                    f.open() ? "" : "  (" + f.status() + ")"));
        }
    }

    private static String systemicLine(AspectChange s) {
        return switch (s.aspect()) {
            case "controlled" -> "components an attacker can control: " + s.before() + " → " + s.after();
            case "influenced" -> "components an attacker can influence: " + s.before() + " → " + s.after();
            default -> s.aspect() + " " + s.subject() + ": " + s.before() + " → " + s.after();
        };
    }

    private static String cell(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
