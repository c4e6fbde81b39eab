package org.gve.deploy.web;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One family of endpoints to publish: under {@code prefix} (e.g. "/site", mapped as "/site/*"),
 * one {@link SoapServlet} for {@code endpoints}, behind a {@link BasicAuthFilter} with {@code authenticator};
 * until {@code ready} says so, calls are answered "starting" (the WSDL is served at once). Large MTOM
 * attachments of requests spill into {@code spool} (null: the JVM's temporary directory); an MTOM
 * request (attachments included) may not exceed {@code maxUploadBytes}.
 * The embedded server ({@link GveServer}) and the WAR mount the same list.
 */
public record Mount(String prefix, List<SoapEndpoint> endpoints, Authenticator authenticator, BooleanSupplier ready,
                    Path spool, long maxUploadBytes) {
    /** 4 GiB: the default of gve.max-upload-mib. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 4096L * 1024 * 1024;

    /** A family that serves as soon as it is published. */
    public Mount(String prefix, List<SoapEndpoint> endpoints, Authenticator authenticator) {
        this(prefix, endpoints, authenticator, () -> true, null, DEFAULT_MAX_UPLOAD_BYTES);
    }

    /** A family that serves once {@code ready} says so; attachments spill into the JVM's temporary directory. */
    public Mount(String prefix, List<SoapEndpoint> endpoints, Authenticator authenticator, BooleanSupplier ready) {
        this(prefix, endpoints, authenticator, ready, null, DEFAULT_MAX_UPLOAD_BYTES);
    }

    public Mount {
        if (!prefix.startsWith("/") || prefix.length() < 2) throw new IllegalArgumentException("prefix like /site, got " + prefix);
        endpoints = List.copyOf(endpoints);
    }

    /** The servlet's (and, with "-auth", the filter's) name: the prefix without its slash. */
    public String name() {
        return prefix.substring(1);
    }

    public String urlPattern() {
        return prefix + "/*";
    }
}
