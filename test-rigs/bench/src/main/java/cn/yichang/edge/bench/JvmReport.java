package cn.yichang.edge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code jcmd} says about a running JVM: heap and metaspace ({@code GC.heap_info}), and where
 * the committed memory goes when it runs with native memory tracking ({@code VM.native_memory
 * summary}). One call each, at the end of a run.
 */
final class JvmReport {

  private static final Pattern GENERATION = Pattern.compile("total (\\d+)K, used (\\d+)K");
  private static final Pattern METASPACE =
      Pattern.compile("Metaspace\\s+used (\\d+)K, committed (\\d+)K");
  private static final Pattern NMT_CATEGORY =
      Pattern.compile("-\\s+(\\S.*?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
  private static final Pattern NMT_TOTAL =
      Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

  /** Heap committed and used (young + old), metaspace used and committed, in kB; -1 if unknown. */
  record Heap(long committedKb, long usedKb, long metaspaceUsedKb, long metaspaceCommittedKb) {
    static final Heap UNKNOWN = new Heap(-1, -1, -1, -1);
  }

  /** One category of the native memory summary, in kB. */
  record Category(String name, long committedKb) {}

  private JvmReport() {}

  static Heap heap(long pid) {
    String text = jcmd(pid, "GC.heap_info");
    long committed = 0;
    long used = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      if (line.contains("generation") || line.contains("region")) {
        Matcher m = GENERATION.matcher(line);
        if (m.find()) {
          committed += Long.parseLong(m.group(1));
          used += Long.parseLong(m.group(2));
          found = true;
        }
      }
    }
    Matcher meta = METASPACE.matcher(text);
    long metaUsed = -1;
    long metaCommitted = -1;
    if (meta.find()) {
      metaUsed = Long.parseLong(meta.group(1));
      metaCommitted = Long.parseLong(meta.group(2));
    }
    return found ? new Heap(committed, used, metaUsed, metaCommitted) : Heap.UNKNOWN;
  }

  /** The NMT categories by committed size, largest first, and the total last; empty without NMT. */
  static List<Category> nativeMemory(long pid) {
    String text = jcmd(pid, "VM.native_memory", "summary");
    List<Category> out = new ArrayList<>();
    Matcher m = NMT_CATEGORY.matcher(text);
    while (m.find()) {
      out.add(new Category(m.group(1).trim(), Long.parseLong(m.group(3))));
    }
    out.sort(Comparator.comparingLong(Category::committedKb).reversed());
    Matcher total = NMT_TOTAL.matcher(text);
    if (total.find()) {
      out.add(new Category("Total", Long.parseLong(total.group(2))));
    }
    return out;
  }

  private static String jcmd(long pid, String... command) {
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    args.add(Long.toString(pid));
    args.addAll(List.of(command));
    try {
      Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      p.waitFor(30, TimeUnit.SECONDS);
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
