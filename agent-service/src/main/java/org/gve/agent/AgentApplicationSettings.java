package org.gve.agent;

import org.gve.agent.service.AgentSettings;
import org.gve.agent.spi.DriverSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Typed configuration of an Agent Service, resolved once.
 *
 * @param agent          the agent's own behaviour (name, defaults, waits)
 * @param driver         which hypervisor and how to reach it
 * @param registryJdbc   JDBC URL of the registry database (H2 file by default)
 * @param sites          the sites allowed to call, by name, with the secret each presents
 * @param registrySync   how often the registry is brought in step with the hypervisor
 * @param guestTimeout   timeout of calls into a guest's InstallService
 * @param secretsKeyFile key that seals the InstallService secrets the registry stores (made, mode 0600, when
 *                       missing); null: a key that lives only as long as the process, allowed only for an
 *                       in-memory registry (tests)
 * @param spoolDirectory where guest files wait while they are sent on to the site (null: the JVM's
 *                       temporary directory)
 * @param retiredKeyFiles keys of earlier rotations: they only open; at start what they sealed is sealed
 *                       again under {@code secretsKeyFile}
 */
public record AgentApplicationSettings(AgentSettings agent, DriverSettings driver, String registryJdbc,
                                       Map<String, String> sites, Duration registrySync, Duration guestTimeout,
                                       Path secretsKeyFile, Path spoolDirectory, java.util.List<Path> retiredKeyFiles) {
    public AgentApplicationSettings {
        sites = Map.copyOf(sites);
        retiredKeyFiles = java.util.List.copyOf(retiredKeyFiles);
        if (secretsKeyFile == null && !registryJdbc.startsWith("jdbc:h2:mem:")) {
            throw new IllegalArgumentException("the registry " + registryJdbc
                    + " outlives the process: it needs a secrets key file");
        }
    }

    /** With an in-memory registry, whose secrets are sealed under a key that lives as long as the process. */
    public AgentApplicationSettings(AgentSettings agent, DriverSettings driver, String registryJdbc,
                                    Map<String, String> sites, Duration registrySync, Duration guestTimeout) {
        this(agent, driver, registryJdbc, sites, registrySync, guestTimeout, null, null, java.util.List.of());
    }

    /** Downloads spooled in the JVM's temporary directory. */
    public AgentApplicationSettings(AgentSettings agent, DriverSettings driver, String registryJdbc,
                                    Map<String, String> sites, Duration registrySync, Duration guestTimeout,
                                    Path secretsKeyFile) {
        this(agent, driver, registryJdbc, sites, registrySync, guestTimeout, secretsKeyFile, null, java.util.List.of());
    }
}
