package org.gve.agent.spi;

/**
 * Found through {@code META-INF/services/org.gve.agent.spi.HypervisorDriverProvider}. The agent
 * opens the one provider that supports the configured {@link HypervisorKind}; none or two is a
 * configuration error reported at start-up.
 */
public interface HypervisorDriverProvider {
    /** A short name for logs and configuration, e.g. "libvirt" or "vsphere". */
    String name();

    boolean supports(HypervisorKind kind);

    HypervisorDriver open(DriverSettings settings);
}
