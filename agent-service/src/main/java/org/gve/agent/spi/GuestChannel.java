package org.gve.agent.spi;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A way into a running guest: the InstallService, or a hypervisor's own guest agent.
 * Failures reaching the guest are {@link DriverError#GUEST_UNAVAILABLE}.
 */
public interface GuestChannel {
    GuestCommandResult run(GuestCommand command);

    GuestFile put(String path, String mode, InputStream content);

    GuestFile get(String path, OutputStream content);
}
