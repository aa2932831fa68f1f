// Profiling helper for docs/performance.md (issue 21). Run as a single-file program against the shaded jar:
//   java -Xmx8g -cp mamori-cli/target/mamori.jar mamori-bench/profiling/Js.java MODEL ...
// Not compiled by the build; in-process figures only (see docs/performance.md for how each was used).
import dev.mamori.app.*;
import dev.mamori.engine.assessment.*;
import dev.mamori.report.assessment.AssessmentJson;
import java.nio.file.*;
import java.time.LocalDate;
import java.util.*;
import java.io.*;

public class Js {
  public static void main(String[] a) throws Exception {
    var TM=java.lang.management.ManagementFactory.getThreadMXBean();
    Path f=Path.of(a[0]);
    LocalDate today=LocalDate.of(2026,1,1);
    Workspace ws=Workspace.onDisk(Path.of("."), List.of(f), Optional.empty());
    Loaded loaded=ws.load(List.of(f), today);
    Assessment as = ws.assess(loaded, AssessmentOptions.on(today));
    for (int i=0;i<Integer.parseInt(a[1]);i++) {
      for (String mode : List.of("nullwriter","utf8")) {
      long t=System.nanoTime(), c=TM.getCurrentThreadCpuTime();
      Writer w = mode.equals("nullwriter") ? Writer.nullWriter() : new OutputStreamWriter(new BufferedOutputStream(OutputStream.nullOutputStream(), 1<<16), java.nio.charset.StandardCharsets.UTF_8);
      AssessmentJson.write(as, "x", w);
      System.err.printf("%s wall %.2f cpu %.2f%n", mode, (System.nanoTime()-t)/1e9,(TM.getCurrentThreadCpuTime()-c)/1e9);
      }
    }
  }
}
