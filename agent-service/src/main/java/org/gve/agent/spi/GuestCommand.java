package org.gve.agent.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A program to run in a guest, without a shell. */
public record GuestCommand(List<String> argv, Map<String, String> environment, String workingDirectory,
                           String stdin, Duration timeout) {
    public GuestCommand {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        if (argv.isEmpty()) throw new IllegalArgumentException("a command needs at least the program");
    }
}
