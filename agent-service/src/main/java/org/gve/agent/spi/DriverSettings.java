package org.gve.agent.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Typed configuration a driver is opened with, resolved once by the agent.
 *
 * @param kind           which hypervisor family
 * @param uri            connection URI (libvirt URI, or the vSphere SDK URL)
 * @param user           user name for hypervisors that need one (vSphere); may be null
 * @param password       password for that user; may be null
 * @param imageDirectory where new disk images and serial logs go (libvirt drivers)
 * @param taskPoll       how often to poll long-running hypervisor tasks
 * @param taskTimeout    how long to wait for one before giving up
 * @param options        driver-specific extras (documented by each driver)
 */
public record DriverSettings(HypervisorKind kind, String uri, String user, String password, Path imageDirectory,
                             Duration taskPoll, Duration taskTimeout, Map<String, String> options) {
    public DriverSettings {
        options = Map.copyOf(options);
    }

    public String option(String key, String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }
}
