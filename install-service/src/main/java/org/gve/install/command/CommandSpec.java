package org.gve.install.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command as the caller asked for it, not yet validated: argv (argv[0] is the program, run
 * without a shell), extra environment variables (added to the service's own), working directory,
 * standard input and timeout in seconds. {@code null} means "not given" for the last three.
 */
public record CommandSpec(List<String> argv, Map<String, String> environment, String workingDirectory,
                          String stdin, Integer timeoutSeconds) {

    public CommandSpec {
        // copies that keep nulls: the runner, not the constructor, says what is wrong with them
        argv = argv == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(argv));
        environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** Just a program and its arguments, with every other setting at its default. */
    public static CommandSpec of(String... argv) {
        return new CommandSpec(List.of(argv), Map.of(), null, null, null);
    }

    public CommandSpec withEnvironment(Map<String, String> env) {
        return new CommandSpec(argv, env, workingDirectory, stdin, timeoutSeconds);
    }

    public CommandSpec withWorkingDirectory(String dir) {
        return new CommandSpec(argv, environment, dir, stdin, timeoutSeconds);
    }

    public CommandSpec withStdin(String input) {
        return new CommandSpec(argv, environment, workingDirectory, input, timeoutSeconds);
    }

    public CommandSpec withTimeoutSeconds(Integer seconds) {
        return new CommandSpec(argv, environment, workingDirectory, stdin, seconds);
    }
}
