package org.gve.deploy;

import org.apache.catalina.LifecycleException;
import org.gve.deploy.config.ConfigKey;
import org.gve.deploy.config.ConfigKeys;
import org.gve.deploy.config.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * {@code gve-server}: starts the all-in-one Site + Agent and prints where its contracts are and
 * how to make a first call. Arguments are {@code --key=value} (see --help) and {@code --config=FILE}.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream out = System.out;
        if (List.of(args).contains("--help")) {
            help(out);
            return;
        }
        quietLogging();
        Configuration config;
        try {
            config = Configuration.fromArguments(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("gve-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        AllInOne gve = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gve.close();
            stopped.countDown();
        }, "gve-shutdown"));
        Banner.print(out, gve, config);
        stopped.await();
    }

    /** Starts, or explains in one line why it cannot (port taken, database of another version ...) and exits 1. */
    private static AllInOne start(Configuration config) throws IOException {
        AllInOne gve = null;
        try {
            gve = new AllInOne(config, Clock.systemUTC());
            gve.start();
            return gve;
        } catch (LifecycleException | RuntimeException e) {
            Logger.getLogger(Launcher.class.getName()).log(Level.FINE, "start-up failed", e);
            if (gve != null) gve.close();
            System.err.println("gve-server: cannot start: " + rootMessage(e));
            System.exit(1);
            throw new IllegalStateException("unreachable");
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
            if (cause.getCause() == cause) break;
        }
        return message.toString();
    }

    /** Before any Metro class loads: faults must never carry a Java stack trace. */
    static void quietLogging() throws IOException {
        System.setProperty("com.sun.xml.ws.fault.SOAPFaultBuilder.captureStackTrace", "false");
        if (System.getProperty("java.util.logging.config.file") == null) {
            try (InputStream in = Launcher.class.getResourceAsStream("/gve-logging.properties")) {
                LogManager.getLogManager().readConfiguration(in);
            }
        }
    }

    private static void help(PrintStream out) {
        out.println("gve-server [--config=FILE] [--key=value ...]   (keys may drop the 'gve.' prefix)");
        out.println();
        for (ConfigKey key : ConfigKeys.ALL) {
            out.printf("  %-40s %s%n  %-40s   default: %s%n", key.name(), key.description(), "", key.defaultValue());
        }
        out.println("  " + ConfigKeys.AGENT_OPTION_PREFIX + "<option>           hypervisor driver options (see agent-service/README.md)");
    }
}
