package org.gve.agent;

import org.gve.agent.service.AgentSettings;
import org.gve.agent.spi.DriverSettings;

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
 */
public record AgentApplicationSettings(AgentSettings agent, DriverSettings driver, String registryJdbc,
                                       Map<String, String> sites, Duration registrySync, Duration guestTimeout) {
    public AgentApplicationSettings {
        sites = Map.copyOf(sites);
    }
}
