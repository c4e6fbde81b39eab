package org.gve.agent.service;

import java.time.Duration;

/**
 * Typed agent configuration, resolved once.
 *
 * @param agentName          how the agent names itself to sites
 * @param defaultVcpus       vCPUs of a new VM when the request gives none
 * @param defaultMemoryMiB   memory of a new VM when the request gives none
 * @param shutdownTimeout    how long an ACPI shutdown may take before the outcome is decided
 * @param statePoll          how often to look at a VM's state while waiting for it
 * @param reservationDefault how long a reservation lasts when the site does not say
 * @param installServiceBoot how long a booting VM's InstallService may take to answer before the start fails
 */
public record AgentSettings(String agentName, int defaultVcpus, long defaultMemoryMiB, Duration shutdownTimeout,
                            Duration statePoll, Duration reservationDefault, Duration installServiceBoot) {
    public static final Duration DEFAULT_INSTALL_SERVICE_BOOT = Duration.ofSeconds(90);

    /** With the default InstallService boot timeout. */
    public AgentSettings(String agentName, int defaultVcpus, long defaultMemoryMiB, Duration shutdownTimeout,
                         Duration statePoll, Duration reservationDefault) {
        this(agentName, defaultVcpus, defaultMemoryMiB, shutdownTimeout, statePoll, reservationDefault,
                DEFAULT_INSTALL_SERVICE_BOOT);
    }

    public static AgentSettings defaults(String agentName) {
        return new AgentSettings(agentName, 1, 512, Duration.ofSeconds(60), Duration.ofMillis(200),
                Duration.ofMinutes(5));
    }
}
