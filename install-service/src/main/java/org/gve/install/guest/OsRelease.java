package org.gve.install.guest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fields of an os-release(5) file: {@code KEY=value} lines, values optionally quoted. */
final class OsRelease {

    private final Map<String, String> fields;

    private OsRelease(Map<String, String> fields) {
        this.fields = Map.copyOf(fields);
    }

    static OsRelease parse(List<String> lines) {
        Map<String, String> fields = new HashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            fields.put(line.substring(0, eq), unquote(line.substring(eq + 1)));
        }
        return new OsRelease(fields);
    }

    static OsRelease empty() {
        return new OsRelease(Map.of());
    }

    /** Whether an os-release file was read at all. */
    boolean isPresent() {
        return !fields.isEmpty();
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(fields.get(key)).filter(v -> !v.isEmpty());
    }

    /** Strips matching single or double quotes; inside double quotes a backslash escapes the next character. */
    static String unquote(String value) {
        if (value.length() >= 2 && value.charAt(0) == '\'' && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        if (value.length() >= 2 && value.charAt(0) == '"' && value.endsWith("\"")) {
            StringBuilder out = new StringBuilder();
            String inner = value.substring(1, value.length() - 1);
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    c = inner.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        return value;
    }
}
