// Profiling helper for docs/performance.md (issue 21). Run as a single-file program against the shaded jar:
//   java -Xmx8g -cp mamori-cli/target/mamori.jar mamori-bench/profiling/Comp.java MODEL ...
// Not compiled by the build; in-process figures only (see docs/performance.md for how each was used).
import dev.mamori.app.*;
import dev.mamori.engine.assessment.*;
import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.*;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.engine.compliance.*;
import java.nio.file.*;
import java.time.LocalDate;
import java.util.*;

public class Comp {
  public static void main(String[] a) throws Exception {
    var TM=java.lang.management.ManagementFactory.getThreadMXBean();
    Path f=Path.of(a[0]);
    LocalDate today=LocalDate.of(2026,1,1);
    Workspace ws=Workspace.onDisk(Path.of("."), List.of(f), Optional.empty());
    Loaded loaded=ws.load(List.of(f), today);
    FrozenGraph g = FrozenGraph.of(loaded.landscape().get(), loaded.index().get());
    RiskAssessment risk = new RiskEngine(RuleCatalog.all()).assess(g, today);
    for (int i=0;i<Integer.parseInt(a[1]);i++) {
      long t=System.nanoTime(), c=TM.getCurrentThreadCpuTime();
      ComplianceResult r = new ComplianceEvaluator(loaded.catalog()).evaluate(g, risk, today, Optional.empty());
      System.err.printf("compliance wall %.2f cpu %.2f  (%d systems)%n",(System.nanoTime()-t)/1e9,(TM.getCurrentThreadCpuTime()-c)/1e9, r.systems().size());
    }
  }
}
