package io.pilotlight.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the scripts of {@code hack/testenv} from the repository's root, as the Makefile does. */
public final class Scripts {

    private static Path repo;

    private Scripts() {
    }

    public static synchronized Path repo() {
        if (repo == null) {
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.isExecutable(p.resolve("hack/testenv/clusters.sh"))) {
                    repo = p;
                    return repo;
                }
            }
            throw new IllegalStateException("hack/testenv/clusters.sh not found above " + Path.of("").toAbsolutePath());
        }
        return repo;
    }

    /** The script's standard output; its standard error (the scripts' log) goes to the test's. */
    public static String run(Duration atMost, String script, String... args) {
        List<String> command = new ArrayList<>(List.of(repo().resolve("hack/testenv").resolve(script).toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("testenv", ".out");
            Path err = Files.createTempFile("testenv", ".err");
            Process p = new ProcessBuilder(command).directory(repo().toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(atMost.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in " + atMost);
            }
            String output = Files.readString(out);
            String log = Files.readString(err);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed:\n" + output + log);
            }
            System.err.print(log);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
