package org.gve.client;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a {@link GveClient} needs, resolved once.
 *
 * @param siteBase        the site's base URL, e.g. {@code http://localhost:8080/gve}; ports live under
 *                        {@code <siteBase>/site/<PortName>}
 * @param user            HTTP Basic user of every call
 * @param password        HTTP Basic password (copied in and out; {@link #wipe()} clears this copy)
 * @param callTimeout     connect and answer timeout of one SOAP call
 * @param pollInterval    first wait between two job polls
 * @param maxPollInterval the longest wait between two polls (the backoff doubles up to it)
 */
public record GveClientConfig(URI siteBase, String user, char[] password, Duration callTimeout,
                              Duration pollInterval, Duration maxPollInterval) {
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofSeconds(10);

    public GveClientConfig {
        Objects.requireNonNull(siteBase, "siteBase");
        String scheme = siteBase.getScheme() == null ? "" : siteBase.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || siteBase.getHost() == null) {
            throw new IllegalArgumentException("site URL must be an absolute http(s) URL: " + siteBase);
        }
        if (user == null || user.isBlank()) throw new IllegalArgumentException("a user name is required");
        Objects.requireNonNull(password, "password");
        password = password.clone();
        requirePositive(callTimeout, "callTimeout");
        requirePositive(pollInterval, "pollInterval");
        requirePositive(maxPollInterval, "maxPollInterval");
        if (maxPollInterval.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("maxPollInterval must not be shorter than pollInterval");
        }
    }

    /** A configuration with the default timeouts and poll intervals. */
    public static GveClientConfig of(URI siteBase, String user, char[] password) {
        return new GveClientConfig(siteBase, user, password, DEFAULT_CALL_TIMEOUT, DEFAULT_POLL_INTERVAL,
                DEFAULT_MAX_POLL_INTERVAL);
    }

    /** A copy of the password; the caller should wipe it after use. */
    @Override
    public char[] password() {
        return password.clone();
    }

    /** Overwrites this configuration's copy of the password. */
    public void wipe() {
        Arrays.fill(password, '\0');
    }

    /** The address of one Site port, e.g. {@code endpoint("JobStateQuery")}. */
    public URI endpoint(String portName) {
        String base = siteBase.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "site/" + portName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GveClientConfig c && siteBase.equals(c.siteBase) && user.equals(c.user)
                && Arrays.equals(password, c.password) && callTimeout.equals(c.callTimeout)
                && pollInterval.equals(c.pollInterval) && maxPollInterval.equals(c.maxPollInterval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(siteBase, user, callTimeout, pollInterval, maxPollInterval);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "GveClientConfig[siteBase=" + siteBase + ", user=" + user + ", password=***, callTimeout="
                + callTimeout + ", pollInterval=" + pollInterval + ", maxPollInterval=" + maxPollInterval + "]";
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
    }
}
