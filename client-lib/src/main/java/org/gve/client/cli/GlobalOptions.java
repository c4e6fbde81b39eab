package org.gve.client.cli;

import java.time.Duration;
import java.util.List;

/**
 * The options before the command word: {@code --site URL --user U --password-file F --call-timeout S
 * --verbose --help}; {@code command} and {@code arguments} are what follows.
 */
record GlobalOptions(String site, String user, String passwordFile, Duration callTimeout, boolean verbose,
                     boolean help, String command, List<String> arguments) {

    static GlobalOptions parse(List<String> args) {
        String site = null;
        String user = null;
        String passwordFile = null;
        Duration callTimeout = null;
        boolean verbose = false;
        boolean help = false;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String token = args.get(i++);
            int eq = token.indexOf('=');
            String name = token.startsWith("--") && eq > 0 ? token.substring(0, eq) : token;
            String inline = token.startsWith("--") && eq > 0 ? token.substring(eq + 1) : null;
            switch (name) {
                case "--verbose", "-v", "--help", "-h" -> {
                    if (inline != null) throw new UsageException(name + " takes no value");
                    if (name.equals("--verbose") || name.equals("-v")) verbose = true;
                    else help = true;
                    continue;
                }
                case "--site", "--user", "--password-file", "--call-timeout" -> { }
                default -> throw new UsageException("unknown option " + token + " (global options come before the command)");
            }
            String value = inline;
            if (value == null) {
                if (i >= args.size()) throw new UsageException(name + " needs a value");
                value = args.get(i++);
            }
            switch (name) {
                case "--site" -> site = value;
                case "--user" -> user = value;
                case "--password-file" -> passwordFile = value;
                default -> callTimeout = Duration.ofSeconds(Args.parseLong("call-timeout", value, 1, Integer.MAX_VALUE));
            }
        }
        String command = i < args.size() ? args.get(i) : null;
        List<String> rest = i < args.size() ? List.copyOf(args.subList(i + 1, args.size())) : List.of();
        return new GlobalOptions(site, user, passwordFile, callTimeout, verbose, help, command, rest);
    }
}
