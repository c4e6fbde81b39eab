package org.gve.agent.spi;

/** A disk-image template new VMs are created from. */
public record TemplateDescription(
        String id,
        String name,
        HypervisorKind kind,
        String osName,
        String architecture,
        long diskMiB,
        String diskFormat) {
}
