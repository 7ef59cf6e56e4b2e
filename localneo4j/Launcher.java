// Launcher runs Neo4j Community as an embedded DBMS with its Bolt connector on loopback, for
// development, tests and CI. Diplograph's localneo4j package writes this file into the Neo4j home
// and runs it in JDK source-launch mode:
//
//   java <jvm flags> -cp '<home>/lib/*' Launcher.java --home <home> --port 7690 --pagecache 512m [--watch-stdin]
//
// It prints exactly one line "READY bolt://127.0.0.1:<port>" to stdout once the default database
// is available, then runs until SIGTERM/SIGINT or, with --watch-stdin, until stdin reaches EOF.
// Neo4j's own log lines go to stderr and to <home>/logs/debug.log. See docs/neo4j-local.md.

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

public final class Launcher {
    private static final String HOST = "127.0.0.1";
    private static final String DATABASE = "neo4j";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private static final Object lock = new Object();
    private static DatabaseManagementService service;
    private static boolean stopped;

    public static void main(String[] args) throws Exception {
        Path home = null;
        int port = 7690;
        long pageCache = 512L << 20;
        boolean watchStdin = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--home" -> home = Path.of(value(args, ++i, a)).toAbsolutePath();
                case "--port" -> port = parsePort(value(args, ++i, a));
                case "--pagecache" -> pageCache = parseBytes(value(args, ++i, a));
                case "--watch-stdin" -> watchStdin = true;
                default -> usage("unknown argument " + a);
            }
        }
        if (home == null) {
            usage("--home is required");
        }

        Path data = home.resolve("data");
        Path logs = home.resolve("logs");
        Files.createDirectories(data);
        Files.createDirectories(logs);

        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "launcher-shutdown"));

        long started = System.nanoTime();
        Log4jLogProvider userLog = new Log4jLogProvider(System.err, Level.INFO);
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setUserLogProvider(userLog)
                    .setConfig(GraphDatabaseSettings.data_directory, data)
                    .setConfig(GraphDatabaseSettings.logs_directory, logs)
                    .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Bolt otherwise waits 5s for its boss and 5s for its worker event loops on shutdown,
                    // even when idle; shorter waits log a harmless "Termination of ... exceeded" warning.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    // Loopback only, so no authentication: the driver connects with no auth token.
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    // The page cache would otherwise size itself to half of the machine's memory.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    // Keep few, small, not preallocated transaction logs: this is a development store.
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "128M size")
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 32L << 20)
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .build();
        } catch (RuntimeException e) {
            System.err.println("launcher: cannot start Neo4j: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        synchronized (lock) {
            if (stopped) { // a signal arrived while the DBMS was starting
                dbms.shutdown();
                return;
            }
            service = dbms;
        }

        GraphDatabaseService db = dbms.database(DATABASE);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!db.isAvailable(Duration.ofSeconds(1).toMillis())) {
            if (System.nanoTime() > deadline) {
                System.err.println("launcher: database " + DATABASE + " not available after " + READY_TIMEOUT);
                System.exit(1);
            }
        }
        System.err.printf(Locale.ROOT, "launcher: Neo4j started in %.1fs%n", (System.nanoTime() - started) / 1e9);
        System.out.println("READY bolt://" + HOST + ":" + port);
        System.out.flush();

        if (watchStdin) {
            // The parent holds the other end of stdin; EOF means it closed it or died.
            InputStream in = System.in;
            byte[] buf = new byte[256];
            try {
                while (in.read(buf) >= 0) {
                    // Ignore anything written: only EOF matters.
                }
            } catch (IOException e) {
                System.err.println("launcher: reading stdin: " + e);
            }
            System.err.println("launcher: stdin closed, shutting down");
            shutdown();
            System.exit(0);
        }
        new CountDownLatch(1).await(); // until a signal runs the shutdown hook
    }

    private static void shutdown() {
        DatabaseManagementService s;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            s = service;
        }
        if (s != null) {
            long t = System.nanoTime();
            System.err.println("launcher: shutting down Neo4j");
            s.shutdown();
            System.err.printf(Locale.ROOT, "launcher: Neo4j stopped in %.1fs%n", (System.nanoTime() - t) / 1e9);
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            usage(flag + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s);
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        usage("bad port " + s);
        return 0;
    }

    // parseBytes reads a size such as 512m, 2g, 1048576 or 64k.
    private static long parseBytes(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mul = 1;
        if (t.endsWith("k")) {
            mul = 1L << 10;
        } else if (t.endsWith("m")) {
            mul = 1L << 20;
        } else if (t.endsWith("g")) {
            mul = 1L << 30;
        }
        if (mul != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            if (n > 0) {
                return n * mul;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        usage("bad size " + s);
        return 0;
    }

    private static void usage(String msg) {
        System.err.println("launcher: " + msg);
        System.err.println("usage: java -cp '<home>/lib/*' Launcher.java --home DIR [--port N] [--pagecache SIZE] [--watch-stdin]");
        System.exit(2);
    }
}
