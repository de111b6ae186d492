package io.pilotlight.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time from /proc/stat, to say whether a benchmark's figure was bound by CPU: every
 * process (API servers, etcd, the operator, the load) shares the same few cores.
 */
public record MachineCpu(long busy, long total) {

    public static MachineCpu now() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) { // user..steal; guest time is already in user
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
            return new MachineCpu(total - idle, total);
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(0, 0);
        }
    }

    /** The share of the cores that were busy since {@code before}, in percent (-1 when unknown). */
    public double busyPercentSince(MachineCpu before) {
        long t = total - before.total;
        return t <= 0 ? -1 : 100.0 * (busy - before.busy) / t;
    }
}
