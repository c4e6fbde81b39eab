package org.gve.agent.libvirt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * The libvirt daemons the real-QEMU suites use: the system daemon (deploy/scripts/setup-libvirt.sh) and the
 * session daemon of another Unix user that serves as a migration destination (setup-libvirt-session.sh).
 */
public final class LibvirtDaemons {
    public static final String SYSTEM_URI = "qemu:///system";
    /** Where setup-libvirt-session.sh writes the session daemon's URI. */
    public static final Path SESSION_URI_FILE = Path.of("/var/lib/gve/libvirt-session.uri");

    private LibvirtDaemons() {
    }

    /** Whether a daemon answers at {@code uri}. */
    public static boolean answers(String uri) {
        LibvirtErrors.silenceDefaultErrorPrinter();
        try {
            new Connect(uri).close();
            return true;
        } catch (LibvirtException | RuntimeException e) {
            return false;
        }
    }

    /** The session daemon's URI from the system property gve.it.libvirt.sessionUri or {@link #SESSION_URI_FILE}. */
    public static Optional<String> configuredSessionUri() {
        String property = System.getProperty("gve.it.libvirt.sessionUri");
        if (property != null && !property.isBlank()) return Optional.of(property.trim());
        try {
            return Files.isReadable(SESSION_URI_FILE) ? Optional.of(Files.readString(SESSION_URI_FILE).trim())
                    .filter(s -> !s.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The session daemon's URI, when it answers. */
    public static Optional<String> sessionUri() {
        return configuredSessionUri().filter(LibvirtDaemons::answers);
    }
}
