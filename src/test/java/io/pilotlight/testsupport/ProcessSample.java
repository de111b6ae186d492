package io.pilotlight.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The operator process's resources at one moment, read from outside as an operator's admin would:
 * RSS and threads from /proc, open sockets from its file descriptors, the heap after a full GC from
 * {@code jcmd} (GC.run, then GC.heap_info). The static readers are the same tools one at a time, for
 * the benchmarks and the soak: CPU seconds from /proc/&lt;pid&gt;/stat, GC time from {@code jstat}.
 */
public record ProcessSample(double rssMiB, double heapAfterGcMiB, int threads, int sockets) {

    private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
    /** USER_HZ, the unit of /proc/&lt;pid&gt;/stat's times: 100 on every Linux the project runs on. */
    private static final double CLOCK_TICKS = 100.0;

    public static ProcessSample of(long pid) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        try {
            List<String> status = Files.readAllLines(proc.resolve("status"));
            double rss = field(status, "VmRSS:") / 1024.0;
            int threads = (int) field(status, "Threads:");
            int sockets;
            try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                sockets = (int) fds.filter(fd -> {
                    try {
                        return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                    } catch (IOException gone) {
                        return false; // closed while listed
                    }
                }).count();
            }
            jcmd(pid, "GC.run");
            Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
            // G1 prints one heap line; the serial collector one per generation (young, tenured): their sum.
            long usedKib = -1;
            while (used.find()) {
                usedKib = Math.max(usedKib, 0) + Long.parseLong(used.group(2));
            }
            double heap = usedKib < 0 ? -1 : usedKib / 1024.0;
            return new ProcessSample(rss, heap, threads, sockets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the operator process " + pid, e);
        }
    }

    /** The most resident memory the process has had since it started (VmHWM), in MiB. */
    public static double peakRssMiB(long pid) throws IOException {
        return field(Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")), "VmHWM:") / 1024.0;
    }

    /** User plus system CPU time the process has used since it started, in seconds. */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name, field 2, may hold spaces: count the fields after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS; // utime, stime: fields 14 and 15
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }

    /** The JVM's total GC time since it started, in seconds ({@code jstat -gcutil}'s GCT column). */
    public static double gcSeconds(long pid) throws IOException {
        String[] lines = tool("jstat", "-gcutil", String.valueOf(pid)).trim().split("\n");
        String[] cols = lines[lines.length - 1].trim().split("\\s+");
        return Double.parseDouble(cols[cols.length - 1]);
    }

    /** What {@code jcmd <pid> <command...>} prints, e.g. GC.run, GC.heap_info, JFR.start. */
    public static String jcmd(long pid, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(String.valueOf(pid)));
        args.addAll(List.of(command));
        return tool("jcmd", args.toArray(String[]::new));
    }

    private static long field(List<String> status, String name) {
        return status.stream().filter(l -> l.startsWith(name)).map(l -> l.substring(name.length()).trim().split("\\s+")[0])
                .mapToLong(Long::parseLong).findFirst().orElse(-1);
    }

    /**
     * A JDK tool of the running JVM's own JDK (its version matches the operator's), at most 60 s. Its output
     * goes to a file: a thread dump outgrows the pipe's buffer, and a tool blocked writing never exits.
     */
    private static String tool(String name, String... args) throws IOException {
        Path bin = Path.of(System.getProperty("java.home"), "bin", name);
        List<String> command = new ArrayList<>(List.of(Files.isExecutable(bin) ? bin.toString() : name));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("pilotlight-" + name, ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(name + " " + String.join(" ", args) + " did not answer in 60 s");
            }
            return Files.readString(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
