package io.pilotlight.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real BIND9 {@code named} (Debian's {@code bind9}; {@code hack/testenv/bind9.sh} installs it) on
 * 127.0.0.1 and a free high port, for the RFC 2136 tests: a temporary directory with a generated
 * named.conf (no recursion, no IPv6, no control channel), one zone per {@link Zone} with its initial
 * records, and a TSIG key (random hmac-sha256 secret) allowed to update the zones that say so.
 * {@link #close()} stops the process by its pid and removes the directory; a JVM shutdown hook does
 * the same if a test run is interrupted.
 * <pre>
 * try (Bind9Server dns = Bind9Server.start(Bind9Server.zone("pilotlight.test").record("app 60 IN A 192.0.2.10"))) {
 *     dns.port(); dns.keyName(); dns.secret(); dns.query("app.pilotlight.test", Type.A);
 * }
 * </pre>
 */
public final class Bind9Server implements AutoCloseable {

    public static final String KEY_NAME = "pilotlight-test-key";
    public static final String ALGORITHM = "hmac-sha256";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    /** A zone served by the test server: its origin, its records, and whether the TSIG key may update it. */
    public static final class Zone {
        private final String origin;
        private final List<String> records = new ArrayList<>();
        private boolean updatable = true;

        private Zone(String origin) {
            this.origin = origin.endsWith(".") ? origin.substring(0, origin.length() - 1) : origin;
        }

        /** A record in zone-file syntax, relative to the origin, e.g. {@code app 60 IN A 192.0.2.10}. */
        public Zone record(String line) {
            records.add(line);
            return this;
        }

        /** The zone refuses every update (allow-update { none; }). */
        public Zone readOnly() {
            updatable = false;
            return this;
        }

        public String origin() {
            return origin;
        }
    }

    public static Zone zone(String origin) {
        return new Zone(origin);
    }

    private final Path dir;
    private final int port;
    private final String secret;
    private final Process process;
    private final Thread shutdownHook;

    private Bind9Server(Path dir, int port, String secret, Process process) {
        this.dir = dir;
        this.port = port;
        this.secret = secret;
        this.process = process;
        this.shutdownHook = new Thread(this::stopQuietly, "bind9-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The named binary, if installed. */
    public static Optional<Path> named() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin:/sbin";
        for (String d : path.split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "named"))) {
                return Optional.of(Path.of(d, "named"));
            }
        }
        return Optional.empty();
    }

    /** Writes the configuration, starts named, and waits (bounded) until it answers for every zone. */
    public static Bind9Server start(Zone... zones) {
        Path named = named().orElseThrow(() -> new IllegalStateException(
                "BIND9 'named' is not installed: run hack/testenv/bind9.sh (as root, it apt-get installs bind9)"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getEncoder().encodeToString(key);
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path dir;
            try {
                dir = Files.createTempDirectory("pilotlight-bind9-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int port = freePort();
            Bind9Server server = null;
            try {
                writeConfig(dir, port, secret, zones);
                Process process = new ProcessBuilder(named.toString(), "-g", "-c", dir.resolve("named.conf").toString())
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("named.log").toFile())
                        .start();
                server = new Bind9Server(dir, port, secret, process);
                server.awaitReady(zones);
                return server;
            } catch (IOException e) {
                last = new IllegalStateException("cannot start named: " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                last = e;
            }
            if (server != null) {
                server.close();
            } else {
                deleteTree(dir);
            }
        }
        throw last;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The TSIG key's name, as in the server's key statement. */
    public String keyName() {
        return KEY_NAME;
    }

    /** The TSIG key's base64 secret, as in the server's key statement. */
    public String secret() {
        return secret;
    }

    public long pid() {
        return process.pid();
    }

    /** The data of the name's records of the type, as the server answers them now (UDP query). */
    public List<String> query(String name, int type) {
        try {
            SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            resolver.setTimeout(Duration.ofSeconds(2));
            Message response = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN)));
            List<String> out = new ArrayList<>();
            for (Record r : response.getSection(Section.ANSWER)) {
                if (r.getType() == type) {
                    out.add(r.rdataToString());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("query of " + name + " to named on port " + port + " failed\n" + logTail(30), e);
        }
    }

    /** The last lines of named's log (it runs with -g: everything goes there). */
    public String logTail(int lines) {
        return TestClusters.tail(dir.resolve("named.log"), lines);
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private void stopQuietly() {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM to this pid: named shuts down cleanly
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteTree(dir);
    }

    private void awaitReady(Zone[] zones) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("named exited with " + process.exitValue() + " on port " + port + ":\n" + logTail(40));
            }
            if (answersSoa(zones)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for named", e);
            }
        }
        throw new IllegalStateException("named did not answer on 127.0.0.1:" + port + " within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail(40));
    }

    private boolean answersSoa(Zone[] zones) {
        try {
            SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            resolver.setTimeout(Duration.ofMillis(500));
            for (Zone zone : zones) {
                Message r = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(zone.origin, Name.root), Type.SOA, DClass.IN)));
                if (r.getRcode() != Rcode.NOERROR || r.getSection(Section.ANSWER).isEmpty()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeConfig(Path dir, int port, String secret, Zone[] zones) throws IOException {
        StringBuilder conf = new StringBuilder();
        conf.append("options {\n")
                .append("  directory \"").append(dir).append("\";\n")
                .append("  pid-file \"").append(dir.resolve("named.pid")).append("\";\n")
                .append("  session-keyfile \"").append(dir.resolve("session.key")).append("\";\n")
                .append("  managed-keys-directory \"").append(dir).append("\";\n")
                .append("  listen-on port ").append(port).append(" { 127.0.0.1; };\n")
                .append("  listen-on-v6 { none; };\n")
                .append("  recursion no;\n")
                .append("  dnssec-validation no;\n")
                .append("  notify no;\n")
                .append("};\n")
                .append("controls { };\n") // no rndc channel on port 953: several servers can run at once
                .append("key \"").append(KEY_NAME).append("\" { algorithm ").append(ALGORITHM).append("; secret \"").append(secret).append("\"; };\n");
        for (Zone zone : zones) {
            String file = zone.origin + ".zone";
            conf.append("zone \"").append(zone.origin).append("\" {\n  type primary;\n  file \"").append(dir.resolve(file)).append("\";\n")
                    .append(zone.updatable ? "  update-policy { grant " + KEY_NAME + " zonesub ANY; };\n" : "  allow-update { none; };\n")
                    .append("};\n");
            StringBuilder data = new StringBuilder()
                    .append("$ORIGIN ").append(zone.origin).append(".\n")
                    .append("$TTL 60\n")
                    .append("@ IN SOA ns.").append(zone.origin).append(". hostmaster.").append(zone.origin).append(". 1 60 60 600 60\n")
                    .append("@ IN NS ns.").append(zone.origin).append(".\n")
                    .append("ns IN A 127.0.0.1\n");
            zone.records.forEach(r -> data.append(r).append('\n'));
            Files.writeString(dir.resolve(file), data);
        }
        Files.writeString(dir.resolve("named.conf"), conf);
    }

    /** A port free for both TCP and UDP on 127.0.0.1 (named listens on both). */
    private static int freePort() {
        for (int i = 0; i < 20; i++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                    return port;
                } catch (IOException busy) {
                    // taken for UDP: try another
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port for named on 127.0.0.1");
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
