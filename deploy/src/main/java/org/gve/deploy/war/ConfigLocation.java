package org.gve.deploy.war;

import jakarta.servlet.ServletContext;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the WAR finds its properties file (the same keys as {@code gve-server --help}). The first of
 * these that is set and not blank wins, the most specific first:
 * <ol>
 *   <li>the context parameter {@code gve.config} (Tomcat: {@code <Parameter name="gve.config" value="/etc/gve/gve.properties"/>}
 *       in {@code conf/Catalina/localhost/gve.xml});</li>
 *   <li>the JNDI environment entry {@code java:comp/env/gve.config} ({@code <Environment name="gve.config"
 *       type="java.lang.String" value="..."/>} in the same file);</li>
 *   <li>the system property {@code gve.config} ({@code CATALINA_OPTS=-Dgve.config=...});</li>
 *   <li>the environment variable {@code GVE_CONFIG}.</li>
 * </ol>
 * With none of them the deployment fails, saying so: a WAR never guesses where its data should live.
 */
public final class ConfigLocation {
    public static final String NAME = "gve.config";
    public static final String ENVIRONMENT_VARIABLE = "GVE_CONFIG";

    /** The file, and which of the lookups named it (for the log). */
    public record Found(Path file, String source) {
    }

    private record Lookup(String source, Supplier<String> value) {
    }

    private final List<Lookup> lookups;

    private ConfigLocation(List<Lookup> lookups) {
        this.lookups = List.copyOf(lookups);
    }

    /** The lookups in order, from these sources (separate so a test can give its own). */
    static ConfigLocation of(Supplier<String> contextParameter, Supplier<String> jndi, Supplier<String> systemProperty,
                             Supplier<String> environment) {
        return new ConfigLocation(List.of(
                new Lookup("context parameter " + NAME, contextParameter),
                new Lookup("JNDI java:comp/env/" + NAME, jndi),
                new Lookup("system property " + NAME, systemProperty),
                new Lookup("environment variable " + ENVIRONMENT_VARIABLE, environment)));
    }

    /** The lookups of a web application in its container. */
    public static ConfigLocation of(ServletContext context) {
        return of(() -> context.getInitParameter(NAME), ConfigLocation::jndi, () -> System.getProperty(NAME),
                () -> System.getenv(ENVIRONMENT_VARIABLE));
    }

    public Optional<Found> find() {
        for (Lookup lookup : lookups) {
            String value = lookup.value().get();
            if (value != null && !value.isBlank()) return Optional.of(new Found(Path.of(value.strip()), lookup.source()));
        }
        return Optional.empty();
    }

    /** The file, or an exception that says every place looked at. */
    public Found require() {
        return find().orElseThrow(() -> {
            List<String> places = new ArrayList<>();
            lookups.forEach(l -> places.add(l.source()));
            return new IllegalStateException("GVE needs a properties file and none is named: set one of "
                    + String.join(", ", places) + " (see deploy/README.md)");
        });
    }

    private static String jndi() {
        try {
            InitialContext naming = new InitialContext();
            try {
                return naming.lookup("java:comp/env/" + NAME) instanceof String s ? s : null;
            } finally {
                naming.close();
            }
        } catch (NamingException notBound) {
            return null;
        }
    }
}
