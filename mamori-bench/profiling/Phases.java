// Profiling helper for docs/performance.md (issue 21). Run as a single-file program against the shaded jar:
//   java -Xmx8g -cp mamori-cli/target/mamori.jar mamori-bench/profiling/Phases.java MODEL ...
// Not compiled by the build; in-process figures only (see docs/performance.md for how each was used).
import dev.mamori.app.*;
import dev.mamori.engine.assessment.*;
import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.*;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.engine.systemic.*;
import dev.mamori.engine.missions.*;
import dev.mamori.engine.compliance.*;
import dev.mamori.report.assessment.AssessmentJson;
import java.nio.file.*;
import java.time.LocalDate;
import java.util.*;
import java.io.*;

public class Phases {
  static long t0, c0; static java.lang.management.ThreadMXBean TM=java.lang.management.ManagementFactory.getThreadMXBean();
  static void lap(String what){ long t=System.nanoTime(); long c=TM.getCurrentThreadCpuTime(); System.err.printf("%-18s wall %6.2f s cpu %6.2f s heap %5d MB%n", what,(t-t0)/1e9,(c-c0)/1e9, (Runtime.getRuntime().totalMemory()-Runtime.getRuntime().freeMemory())>>20); t0=System.nanoTime(); c0=TM.getCurrentThreadCpuTime();}
  public static void main(String[] a) throws Exception {
    int reps = a.length>1?Integer.parseInt(a[1]):1;
    for (int r=0;r<reps;r++){
    Path f=Path.of(a[0]);
    LocalDate today=LocalDate.of(2026,1,1);
    t0=System.nanoTime(); c0=TM.getCurrentThreadCpuTime();
    Workspace ws=Workspace.onDisk(Path.of("."), List.of(f), Optional.empty());
    Loaded loaded=ws.load(List.of(f), today);
    lap("load");
    // Each stage's figures are printed when the next starts, under the name of the one that ended
    // (the first one's include what the workspace does before it).
    String[] current = {null};
    Assessment as = ws.assess(loaded, AssessmentOptions.on(today), st -> { if (current[0] != null) lap(current[0]); current[0] = st; });
    lap(current[0]);
    if (a.length>2) { try (Writer w=new BufferedWriter(new OutputStreamWriter(new FileOutputStream("/dev/null")))) { AssessmentJson.write(as, "x", w);} lap("json"); }
    }
  }
}
