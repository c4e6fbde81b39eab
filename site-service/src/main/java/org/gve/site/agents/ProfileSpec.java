package org.gve.site.agents;

/**
 * A validated VM profile: hypervisor (null: any), size, and what the disk should hold.
 * vcpus and memoryMiB are always set; diskMiB 0 means "as the template".
 */
public record ProfileSpec(String name, String hypervisor, int vcpus, long memoryMiB, long diskMiB,
                          String architecture, String osName, String template) {
}
