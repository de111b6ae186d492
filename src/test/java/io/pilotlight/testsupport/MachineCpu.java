package io.pilotlight.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time from /proc/stat and this JVM's own, to say what bounded a benchmark's figure:
 * every process (API servers, etcd, the operator and the load, which share this JVM in the benchmarks)
 * runs on the same few cores.
 *
 * @param busy jiffies all cores spent busy, @param total all jiffies, @param jvmNanos this JVM's CPU time
 */
public record MachineCpu(long busy, long total, long jvmNanos, long wallNanos) {

    public static MachineCpu now() {
        long jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) { // user..steal; guest time is already in user
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
            return new MachineCpu(total - idle, total, jvm, System.nanoTime());
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(0, 0, jvm, System.nanoTime());
        }
    }

    /** The share of the cores that were busy since {@code before}, in percent (-1 when unknown). */
    public double busyPercentSince(MachineCpu before) {
        long t = total - before.total;
        return t <= 0 ? -1 : 100.0 * (busy - before.busy) / t;
    }

    /** The share of all cores this JVM used since {@code before}, in percent (-1 when unknown). */
    public double jvmPercentSince(MachineCpu before) {
        long wall = wallNanos - before.wallNanos;
        return wall <= 0 || jvmNanos < 0 ? -1 : 100.0 * (jvmNanos - before.jvmNanos) / wall / Runtime.getRuntime().availableProcessors();
    }
}
