package org.gve.agent.spi;

import java.util.Objects;

/**
 * A new VM to create from a template: its name, size and the template whose disk it starts from.
 * Validated by the agent before a driver sees it.
 */
public record VmSpec(String name, String templateId, int vcpus, long memoryMiB, long diskMiB) {
    public VmSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(templateId, "templateId");
        if (vcpus < 1) throw new IllegalArgumentException("vcpus must be at least 1");
        if (memoryMiB < 1) throw new IllegalArgumentException("memoryMiB must be at least 1");
        if (diskMiB < 0) throw new IllegalArgumentException("diskMiB must not be negative");
    }
}
