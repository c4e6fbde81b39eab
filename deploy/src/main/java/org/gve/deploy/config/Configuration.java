package org.gve.deploy.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Configuration resolved once at start: defaults, then a properties file, then {@code --key=value}
 * arguments. Values may refer to the data directory as {data}. Unknown gve.* keys are an error, so
 * a typo never silently keeps a default.
 */
public final class Configuration {
    private final Map<String, String> values;

    private Configuration(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Configuration of(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        for (ConfigKey key : ConfigKeys.ALL) values.put(key.name(), key.defaultValue());
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            boolean known = ConfigKeys.ALL.stream().anyMatch(k -> k.name().equals(e.getKey()))
                    || e.getKey().startsWith(ConfigKeys.AGENT_OPTION_PREFIX);
            if (!known) throw new IllegalArgumentException("unknown configuration key '" + e.getKey() + "' (see --help)");
            values.put(e.getKey(), e.getValue());
        }
        return new Configuration(values);
    }

    /** Reads a properties file and then the {@code --key=value} arguments over it. */
    public static Configuration fromArguments(List<String> args) throws IOException {
        Map<String, String> overrides = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--config=")) overrides.putAll(read(Path.of(arg.substring(9))));
        }
        for (String arg : args) {
            if (arg.startsWith("--config=")) continue;
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --key=value (see --help), got '" + arg + "'");
            }
            String key = arg.substring(2, arg.indexOf('='));
            overrides.put(key.startsWith("gve.") ? key : "gve." + key, arg.substring(arg.indexOf('=') + 1));
        }
        return of(overrides);
    }

    /** Defaults, then the properties file (how the WAR in a standalone Tomcat is configured). */
    public static Configuration fromFile(Path file) throws IOException {
        return of(read(file));
    }

    private static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    public String string(ConfigKey key) {
        return values.get(key.name()).replace("{data}", dataDirectory().toString());
    }

    public int integer(ConfigKey key) {
        try {
            return Integer.parseInt(string(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.name() + " must be a whole number, got '" + string(key) + "'");
        }
    }

    public long number(ConfigKey key) {
        try {
            return Long.parseLong(string(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.name() + " must be a whole number, got '" + string(key) + "'");
        }
    }

    public boolean flag(ConfigKey key) {
        String v = string(key).trim();
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(key.name() + " must be true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    /** A period or timeout: a positive whole number of seconds. */
    public Duration seconds(ConfigKey key) {
        long seconds = number(key);
        if (seconds < 1) throw new IllegalArgumentException(key.name() + " must be a positive number of seconds, got " + seconds);
        return Duration.ofSeconds(seconds);
    }

    /** A size or count that must be positive. */
    public long positiveNumber(ConfigKey key) {
        long value = number(key);
        if (value < 1) throw new IllegalArgumentException(key.name() + " must be a positive number, got " + value);
        return value;
    }

    /** A count that may be zero (meaning "off" or "for ever", as the key says), never negative. */
    public long zeroOrMore(ConfigKey key) {
        long value = number(key);
        if (value < 0) throw new IllegalArgumentException(key.name() + " must be 0 or more, got " + value);
        return value;
    }

    public Path dataDirectory() {
        return Path.of(values.get(ConfigKeys.DATA_DIR.name())).toAbsolutePath().normalize();
    }

    /** Driver options: every gve.agent.option.* key without the prefix. */
    public Map<String, String> agentOptions() {
        Map<String, String> options = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(ConfigKeys.AGENT_OPTION_PREFIX)) options.put(k.substring(ConfigKeys.AGENT_OPTION_PREFIX.length()), v);
        });
        return options;
    }
}
