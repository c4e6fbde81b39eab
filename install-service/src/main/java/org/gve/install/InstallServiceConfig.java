package org.gve.install;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The service's settings, parsed once from the command line and passed to constructors.
 * Each {@link Key} has a name, a default and a one-line description; values are typed here.
 */
public record InstallServiceConfig(String bind, int port, Path credentialFile, Optional<Path> root,
                                   int maxOutputBytes, Duration defaultTimeout, Duration maxTimeout, int threads) {

    /** Every option the service takes. */
    public enum Key {
        PORT("--port", "8700", "TCP port to listen on (0: any free port, logged at start)"),
        BIND("--bind", "0.0.0.0", "address to listen on"),
        CREDENTIAL_FILE("--credential-file", null, "file holding the caller's credential: sha256:SALT:HEX or USER:PASSWORD (required)"),
        ROOT("--root", null, "if set, PutFile/GetFile only touch absolute paths under this directory"),
        MAX_OUTPUT("--max-output", "1048576", "bytes kept of a command's stdout and of its stderr each"),
        DEFAULT_TIMEOUT("--default-timeout", "60", "seconds a command may run when the caller gives no timeout"),
        MAX_TIMEOUT("--max-timeout", "3600", "longest timeout in seconds a caller may ask for"),
        THREADS("--threads", "16", "requests served at once (a running command holds one)");

        final String flag;
        final String defaultValue;
        final String description;

        Key(String flag, String defaultValue, String description) {
            this.flag = flag;
            this.defaultValue = defaultValue;
            this.description = description;
        }
    }

    /** A command line the service cannot run with; the message says why. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Parses {@code --key value} or {@code --key=value} pairs; unknown keys and missing values are refused. */
    public static InstallServiceConfig parse(List<String> args) throws UsageException {
        Map<String, Key> byFlag = Arrays.stream(Key.values()).collect(Collectors.toMap(k -> k.flag, Function.identity()));
        Map<Key, String> values = new EnumMap<>(Key.class);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String flag = eq > 0 ? arg.substring(0, eq) : arg;
            Key key = byFlag.get(flag);
            if (key == null) {
                throw new UsageException("unknown option " + flag);
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(flag + " needs a value");
            }
            values.put(key, value);
        }
        for (Key k : Key.values()) {
            if (k.defaultValue != null) {
                values.putIfAbsent(k, k.defaultValue);
            }
        }
        if (!values.containsKey(Key.CREDENTIAL_FILE)) {
            throw new UsageException(Key.CREDENTIAL_FILE.flag + " is required");
        }
        Duration defaultTimeout = Duration.ofSeconds(number(values, Key.DEFAULT_TIMEOUT, 1));
        Duration maxTimeout = Duration.ofSeconds(number(values, Key.MAX_TIMEOUT, 1));
        if (defaultTimeout.compareTo(maxTimeout) > 0) {
            throw new UsageException(Key.DEFAULT_TIMEOUT.flag + " must not exceed " + Key.MAX_TIMEOUT.flag);
        }
        int port = number(values, Key.PORT, 0);
        if (port > 65535) {
            throw new UsageException(Key.PORT.flag + " must be at most 65535");
        }
        return new InstallServiceConfig(values.get(Key.BIND), port, Path.of(values.get(Key.CREDENTIAL_FILE)),
                Optional.ofNullable(values.get(Key.ROOT)).map(Path::of), number(values, Key.MAX_OUTPUT, 0),
                defaultTimeout, maxTimeout, number(values, Key.THREADS, 1));
    }

    private static int number(Map<Key, String> values, Key key, int min) throws UsageException {
        try {
            int n = Integer.parseInt(values.get(key));
            if (n < min) {
                throw new UsageException(key.flag + " must be at least " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(key.flag + " needs a whole number, got '" + values.get(key) + "'");
        }
    }

    /** One line per option, for {@code --help} and usage errors. */
    public static String usage() {
        StringBuilder sb = new StringBuilder("usage: java -jar gve-install-service.jar --credential-file FILE [options]\n")
                .append("       java -jar gve-install-service.jar hash-credential   (reads USER:PASSWORD on stdin)\n");
        for (Key k : Key.values()) {
            sb.append(String.format("  %-19s %s%s%n", k.flag, k.description,
                    k.defaultValue == null ? "" : " [" + k.defaultValue + "]"));
        }
        return sb.toString();
    }
}
