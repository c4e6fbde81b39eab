package org.gve.install.guest;

import java.util.List;

/**
 * What the guest says about itself. OS fields follow GLUE 1.3 usage: name of the distribution,
 * its release number and its version (code name), e.g. "Debian GNU/Linux", "12", "bookworm".
 * Architecture is the kernel's machine name as {@code uname -m} prints it (x86_64, aarch64).
 */
public record GuestDescription(String hostName, String osName, String osRelease, String osVersion,
                               String architecture, List<String> addresses) {

    public GuestDescription {
        addresses = List.copyOf(addresses);
    }
}
