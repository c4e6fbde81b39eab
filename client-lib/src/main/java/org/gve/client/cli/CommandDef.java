package org.gve.client.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One gve command: its name, a synopsis and summary for help, the options it knows and its handler. */
record CommandDef(String name, String synopsis, String summary, Map<String, Args.Kind> options, Handler handler) {

    /** How long a command with {@code --wait} waits when {@code --timeout} is not given. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(30);

    /**
     * Option specs in short form: {@code "wait"} is a flag, {@code "timeout="} takes a value,
     * {@code "env+"} takes a value and may repeat.
     */
    static Map<String, Args.Kind> options(String... specs) {
        Map<String, Args.Kind> map = new LinkedHashMap<>();
        for (String s : specs) {
            if (s.endsWith("=")) map.put(s.substring(0, s.length() - 1), Args.Kind.VALUE);
            else if (s.endsWith("+")) map.put(s.substring(0, s.length() - 1), Args.Kind.REPEATED);
            else map.put(s, Args.Kind.FLAG);
        }
        return Map.copyOf(map);
    }

    /** The wait bound of a command: {@code --timeout S} or the default. */
    static Duration waitTimeout(Args args) {
        Duration d = args.seconds("timeout");
        return d == null ? DEFAULT_WAIT : d;
    }

    /** Runs a parsed command and returns its exit code. */
    @FunctionalInterface
    interface Handler {
        int run(Args args, Session session);
    }
}
