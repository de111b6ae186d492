package io.pilotlight.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The operator process's resources at one moment, read from outside as an operator's admin would:
 * RSS and threads from /proc, open sockets from its file descriptors, the heap after a full GC from
 * {@code jcmd} (GC.run, then GC.heap_info).
 */
record ProcessSample(double rssMiB, double heapAfterGcMiB, int threads, int sockets) {

    private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    static ProcessSample of(long pid) {
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
            double heap = used.find() ? Long.parseLong(used.group(2)) / 1024.0 : -1;
            return new ProcessSample(rss, heap, threads, sockets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the operator process " + pid, e);
        }
    }

    private static long field(List<String> status, String name) {
        return status.stream().filter(l -> l.startsWith(name)).map(l -> l.substring(name.length()).trim().split("\\s+")[0])
                .mapToLong(Long::parseLong).findFirst().orElse(-1);
    }

    private static String jcmd(long pid, String command) throws IOException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("jcmd " + command + " did not answer in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new String(p.getInputStream().readAllBytes());
    }
}
