package org.gve.agent.libvirt;

import java.nio.file.Path;
import java.util.Arrays;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.spi.DriverSettings;

/**
 * Options of the InstallService provisioning ({@link InstallServiceProvisioner}), typed and resolved once when a
 * driver opens. Each {@link Key} has a name, a default and a one-line description.
 *
 * @param credentialDirectory where each VM's credential file is written (one directory per VM, named by its UUID)
 * @param firstHostPort       first host port for InstallService forwards
 * @param lastHostPort        last host port for InstallService forwards
 * @param forwardAddress      host address the forwards listen on, and the agent calls
 */
record InstallServiceOptions(Path credentialDirectory, int firstHostPort, int lastHostPort, String forwardAddress) {
    enum Key {
        CREDENTIAL_DIR("installService.credentialDir", "", "host directory of the per-VM InstallService credential directories; each guest sees only its own, as a read-only 9p share (empty = IMAGE_DIR/install-credentials)"),
        HOST_PORTS("installService.hostPorts", "18700-18999", "host TCP ports for InstallService forwards, FIRST-LAST (agents sharing a host need disjoint ranges)"),
        FORWARD_ADDRESS("installService.forwardAddress", "127.0.0.1", "host address the InstallService forwards listen on (keep it host-local)");

        final String key;
        final String defaultValue;
        final String description;

        Key(String key, String defaultValue, String description) {
            this.key = key;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        String from(DriverSettings settings) {
            return settings.option(key, defaultValue).trim();
        }

        static boolean known(String name) {
            return Arrays.stream(values()).anyMatch(k -> k.key.equals(name));
        }
    }

    static InstallServiceOptions from(DriverSettings settings) {
        String dir = Key.CREDENTIAL_DIR.from(settings);
        Path credentials = dir.isEmpty() ? settings.imageDirectory().resolve("install-credentials") : Path.of(dir);
        if (!credentials.isAbsolute()) credentials = credentials.toAbsolutePath();
        String ports = Key.HOST_PORTS.from(settings);
        String[] range = ports.split("-", -1);
        int first;
        int last;
        try {
            first = Integer.parseInt(range[0].trim());
            last = range.length == 2 ? Integer.parseInt(range[1].trim()) : -1;
        } catch (NumberFormatException e) {
            throw invalidPorts(ports);
        }
        if (range.length != 2 || first < 1 || last > 65535 || first > last) throw invalidPorts(ports);
        String address = Key.FORWARD_ADDRESS.from(settings);
        if (!address.matches("[0-9.]+|[A-Za-z0-9.-]+")) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "option " + Key.FORWARD_ADDRESS.key + "='"
                    + address + "' is not valid; expected an IPv4 address or host name");
        }
        return new InstallServiceOptions(credentials, first, last, address);
    }

    private static DriverException invalidPorts(String value) {
        return new DriverException(DriverError.INVALID_ARGUMENT, "option " + Key.HOST_PORTS.key + "='" + value
                + "' is not valid; expected FIRST-LAST, e.g. 18700-18999");
    }
}
