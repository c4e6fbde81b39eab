package org.gve.client.cli;

import org.gve.client.GveClient;
import org.gve.client.GveClientConfig;

import java.io.Console;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the command line takes from its process, passed in so tests can capture output and fake the rest.
 *
 * @param out            the command's output
 * @param err            error lines and progress notes
 * @param env            environment variables (GVE_SITE, GVE_USER, GVE_PASSWORD)
 * @param passwordPrompt asks a person for the password; returns null when nobody can be asked
 * @param clientFactory  makes the client for a configuration
 */
public record CliEnvironment(PrintStream out, PrintStream err, Map<String, String> env, Clock clock,
                             Supplier<char[]> passwordPrompt, Function<GveClientConfig, GveClient> clientFactory) {
    public CliEnvironment {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(passwordPrompt, "passwordPrompt");
        Objects.requireNonNull(clientFactory, "clientFactory");
    }

    /** The real process: System.out/err, the process environment, the console for the password. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.out, System.err, System.getenv(), Clock.systemUTC(), CliEnvironment::consolePassword,
                GveClient::new);
    }

    /** For tests and embedding: no console, a real client. */
    public static CliEnvironment of(PrintStream out, PrintStream err, Map<String, String> env) {
        return new CliEnvironment(out, err, env, Clock.systemUTC(), () -> null, GveClient::new);
    }

    private static char[] consolePassword() {
        Console console = System.console();
        return console == null ? null : console.readPassword("GVE password: ");
    }
}
