package org.gve.client.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed arguments of one command: positionals, {@code --name value} / {@code --name=value} options
 * (repeatable ones collect every value), {@code --flag}s, and everything after {@code --} verbatim.
 * Hand-written on purpose: the grammar is small and fixed.
 */
final class Args {
    /** How an option takes values. */
    enum Kind { FLAG, VALUE, REPEATED }

    private final List<String> positionals;
    private final Map<String, List<String>> options;
    private final List<String> rest;

    private Args(List<String> positionals, Map<String, List<String>> options, List<String> rest) {
        this.positionals = positionals;
        this.options = options;
        this.rest = rest;
    }

    /**
     * @param tokens the command's arguments (after the command word)
     * @param spec   the options the command knows, without the leading dashes
     */
    static Args parse(List<String> tokens, Map<String, Kind> spec) {
        List<String> positionals = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("--")) {
                rest.addAll(tokens.subList(i + 1, tokens.size()));
                break;
            }
            if (!token.startsWith("--") || token.length() == 2) {
                positionals.add(token);
                continue;
            }
            String name = token.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Kind kind = spec.get(name);
            if (kind == null) throw new UsageException("unknown option --" + name);
            if (kind == Kind.FLAG) {
                if (inline != null) throw new UsageException("--" + name + " takes no value");
                options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                continue;
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= tokens.size()) throw new UsageException("--" + name + " needs a value");
                value = tokens.get(++i);
            }
            List<String> values = options.computeIfAbsent(name, k -> new ArrayList<>());
            if (kind == Kind.VALUE && !values.isEmpty()) throw new UsageException("--" + name + " given twice");
            values.add(value);
        }
        return new Args(List.copyOf(positionals), options, List.copyOf(rest));
    }

    List<String> positionals() {
        return positionals;
    }

    /** Everything after {@code --}. */
    List<String> rest() {
        return rest;
    }

    /** Checks the number of positionals; {@code names} say what they are, for the message. */
    Args expect(int min, int max, String names) {
        if (positionals.size() < min) throw new UsageException("missing argument: expected " + names);
        if (positionals.size() > max) {
            throw new UsageException("unexpected argument '" + positionals.get(max) + "' (expected " + names + ")");
        }
        return this;
    }

    String positional(int index) {
        return positionals.get(index);
    }

    Optional<String> optionalPositional(int index) {
        return index < positionals.size() ? Optional.of(positionals.get(index)) : Optional.empty();
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    Optional<String> value(String name) {
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    String required(String name) {
        return value(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    List<String> values(String name) {
        return Collections.unmodifiableList(options.getOrDefault(name, List.of()));
    }

    Integer intValue(String name) {
        return value(name).map(v -> (int) parseLong(name, v, Integer.MIN_VALUE, Integer.MAX_VALUE)).orElse(null);
    }

    Long longValue(String name) {
        return value(name).map(v -> parseLong(name, v, Long.MIN_VALUE, Long.MAX_VALUE)).orElse(null);
    }

    /** A whole number of seconds, e.g. {@code --lease 3600}. */
    Duration seconds(String name) {
        Long s = longValue(name);
        if (s != null && s < 0) throw new UsageException("--" + name + " must not be negative");
        return s == null ? null : Duration.ofSeconds(s);
    }

    static long parseLong(String name, String value, long min, long max) {
        try {
            long v = Long.parseLong(value.trim());
            if (v < min || v > max) throw new UsageException("--" + name + " out of range: " + value);
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number, not '" + value + "'", e);
        }
    }
}
