package org.gve.client.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A program to run inside a guest, without a shell: {@code argv.get(0)} is the program.
 *
 * @param environment      extra environment variables (the caller's order is kept)
 * @param workingDirectory null for the guest default
 * @param stdin            text fed to standard input, or null
 * @param timeout          null for the site default (60 s); the process is killed past it
 */
public record GuestCommand(List<String> argv, Map<String, String> environment, String workingDirectory,
                           String stdin, Duration timeout) {
    public GuestCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a guest command needs at least the program name");
        }
        environment = orderedCopy(environment == null ? Map.of() : environment);
    }

    /** Just a program and its arguments, with site defaults for the rest. */
    public static GuestCommand of(List<String> argv) {
        return new GuestCommand(argv, Map.of(), null, null, null);
    }

    public static GuestCommand of(String... argv) {
        return of(List.of(argv));
    }

    public GuestCommand withTimeout(Duration value) {
        return new GuestCommand(argv, environment, workingDirectory, stdin, value);
    }

    private static Map<String, String> orderedCopy(Map<String, String> source) {
        Map<String, String> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "variable name"), Objects.requireNonNull(v, k)));
        return Collections.unmodifiableMap(copy);
    }
}
