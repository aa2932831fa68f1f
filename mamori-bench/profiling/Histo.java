// Profiling helper for docs/performance.md (issue 21). Run as a single-file program against the shaded jar:
//   java -Xmx8g -cp mamori-cli/target/mamori.jar mamori-bench/profiling/Histo.java MODEL ...
// Not compiled by the build; in-process figures only (see docs/performance.md for how each was used).
import dev.mamori.app.*;
import dev.mamori.engine.assessment.*;
import java.nio.file.*;
import java.time.LocalDate;
import java.util.*;
import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

public class Histo {
  static String histo() throws Exception {
    return (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram", new Object[]{null}, new String[]{String[].class.getName()});
  }
  public static void main(String[] a) throws Exception {
    Path f=Path.of(a[0]);
    LocalDate today=LocalDate.of(2026,1,1);
    Workspace ws=Workspace.onDisk(Path.of("."), List.of(f), Optional.empty());
    Loaded loaded=ws.load(List.of(f), today);
    String h = histo();
    Files.writeString(Path.of(a[1]+"-load.txt"), h);
    if (a.length>2) {
      Assessment as = ws.assess(loaded, AssessmentOptions.on(today));
      Files.writeString(Path.of(a[1]+"-assess.txt"), histo());
      System.out.println(as.risk().hashCode() + " " + loaded.hashCode());
    }
    System.out.println(loaded.hashCode());
  }
}
