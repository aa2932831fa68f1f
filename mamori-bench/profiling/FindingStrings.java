// Profiling helper for docs/performance.md (issue 21): how many of the findings' strings there are, as objects and as
// distinct values. Run as a single-file program against the shaded jar:
//   java -Xmx6g -cp mamori-cli/target/mamori.jar mamori-bench/profiling/FindingStrings.java MODEL
// Not compiled by the build; in-process figures only.
import dev.mamori.app.*;
import dev.mamori.engine.assessment.*;
import dev.mamori.engine.risk.*;
import java.nio.file.*;
import java.time.LocalDate;
import java.util.*;
import java.util.function.Function;

public class FindingStrings {
  static void count(String what, List<Finding> fs, Function<Finding, String> get) {
    Set<String> ids = Collections.newSetFromMap(new IdentityHashMap<>());
    Map<String, Integer> vals = new HashMap<>();
    long chars = 0, idChars = 0, valChars = 0;
    for (Finding f : fs) { String s = get.apply(f); if (s == null) continue; chars += s.length();
      if (ids.add(s)) idChars += s.length(); if (vals.merge(s, 1, Integer::sum) == 1) valChars += s.length(); }
    System.out.printf("%-22s %8d uses, %8d objects (%6d MB chars), %8d distinct values (%6d MB chars)%n", what, fs.size(), ids.size(), idChars >> 20, vals.size(), valChars >> 20);
  }
  public static void main(String[] a) throws Exception {
    Path f = Path.of(a[0]); LocalDate today = LocalDate.of(2026,1,1);
    Workspace ws = Workspace.onDisk(Path.of("."), List.of(f), Optional.empty());
    Loaded loaded = ws.load(List.of(f), today);
    Assessment as = ws.assess(loaded, AssessmentOptions.on(today));
    List<Finding> fs = as.risk().findings();
    count("explanation", fs, Finding::explanation);
    count("likelihood.reason", fs, x -> x.likelihood().reason());
    count("impact.reason", fs, x -> x.impact().reason());
    count("title", fs, Finding::title);
    count("rootCause", fs, Finding::rootCause);
    count("mitigations[0]", fs, x -> x.mitigations().isEmpty() ? null : x.mitigations().get(0));
    count("wayIn", fs, x -> x.wayIn().orElse(null));
    Set<Object> facts = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Finding x : fs) { facts.add(x.likelihood()); facts.add(x.impact()); }
    System.out.println("Factor objects " + facts.size());
  }
}
