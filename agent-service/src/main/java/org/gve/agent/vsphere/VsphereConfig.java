package org.gve.agent.vsphere;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.DriverSettings;

/**
 * The vSphere driver's settings, resolved and checked once. Strings that are not set are empty.
 *
 * @param sdkUrl        https://host:port/sdk
 * @param trustStore    truststore file, null for the JVM's default trust
 */
record VsphereConfig(String sdkUrl, String user, String password, String datacenter, Path trustStore,
                     String trustStorePassword, String trustStoreType, String resourcePool, String host,
                     String datastore, Duration connectTimeout, Duration readTimeout, Duration taskPoll,
                     Duration taskTimeout) {

    static final Duration DEFAULT_TASK_POLL = Duration.ofMillis(200);
    static final Duration DEFAULT_TASK_TIMEOUT = Duration.ofMinutes(10);

    static VsphereConfig from(DriverSettings s) {
        String url = s.uri() == null ? "" : s.uri().trim();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw invalid("the vSphere SDK URL is not a URI: " + url);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw invalid("the vSphere SDK URL must be https://host[:port]/sdk, not '" + url + "'");
        }
        if (s.user() == null || s.user().isBlank()) {
            throw invalid("the vSphere driver needs a user name");
        }
        String store = VsphereOption.TRUSTSTORE.in(s);
        return new VsphereConfig(url, s.user(), s.password() == null ? "" : s.password(),
                VsphereOption.DATACENTER.in(s), store.isEmpty() ? null : Path.of(store),
                VsphereOption.TRUSTSTORE_PASSWORD.in(s), VsphereOption.TRUSTSTORE_TYPE.in(s),
                VsphereOption.RESOURCE_POOL.in(s), VsphereOption.HOST.in(s), VsphereOption.DATASTORE.in(s),
                duration(s, VsphereOption.CONNECT_TIMEOUT), duration(s, VsphereOption.READ_TIMEOUT),
                positive(s.taskPoll(), DEFAULT_TASK_POLL, "taskPoll"),
                positive(s.taskTimeout(), DEFAULT_TASK_TIMEOUT, "taskTimeout"));
    }

    private static Duration duration(DriverSettings s, VsphereOption option) {
        try {
            return positive(Duration.parse(option.in(s)), null, option.key());
        } catch (DateTimeParseException e) {
            throw invalid("option " + option.key() + " is not an ISO-8601 duration (e.g. PT30S): " + option.in(s));
        }
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration d = value == null ? fallback : value;
        if (d == null || d.isNegative() || d.isZero()) {
            throw invalid(name + " must be a positive duration, not " + value);
        }
        return d;
    }

    private static DriverException invalid(String message) {
        return new DriverException(DriverError.INVALID_ARGUMENT, message);
    }

    @Override
    public String toString() { // no password in logs
        return "VsphereConfig[" + sdkUrl + ", user " + user + ", datacenter '" + datacenter + "', truststore "
                + trustStore + "]";
    }
}
