package org.gve.site.vm;

import org.gve.site.SiteException;
import org.gve.site.agents.ProfileSpec;

import java.util.Set;

/**
 * Checks a requested profile and fills the site's defaults. Limits are the site's sanity bounds,
 * not quotas: quotas are checked when the job is written.
 */
public final class ProfileValidator {
    private static final Set<String> HYPERVISORS = Set.of("KVM", "XEN", "VMWARE");
    private final int defaultVcpus;
    private final long defaultMemoryMiB;
    private final int maxVcpus;
    private final long maxMemoryMiB;

    public ProfileValidator(int defaultVcpus, long defaultMemoryMiB, int maxVcpus, long maxMemoryMiB) {
        this.defaultVcpus = defaultVcpus;
        this.defaultMemoryMiB = defaultMemoryMiB;
        this.maxVcpus = maxVcpus;
        this.maxMemoryMiB = maxMemoryMiB;
    }

    public ProfileSpec validate(String name, String hypervisor, Integer vcpus, Long memoryMiB, Long diskMiB,
                                String architecture, String osName, String template) {
        if (hypervisor != null && !HYPERVISORS.contains(hypervisor)) {
            throw SiteException.invalid("INVALID_HYPERVISOR",
                    "HypervisorType '" + hypervisor + "' is not one of " + HYPERVISORS);
        }
        int cpus = vcpus != null ? vcpus : defaultVcpus;
        if (cpus < 1 || cpus > maxVcpus) {
            throw SiteException.invalid("INVALID_PROFILE", "VCpus must be between 1 and " + maxVcpus + ", got " + cpus);
        }
        long memory = memoryMiB != null ? memoryMiB : defaultMemoryMiB;
        if (memory < 16 || memory > maxMemoryMiB) {
            throw SiteException.invalid("INVALID_PROFILE",
                    "MemoryMiB must be between 16 and " + maxMemoryMiB + ", got " + memory);
        }
        long disk = diskMiB != null ? diskMiB : 0;
        if (disk < 0) throw SiteException.invalid("INVALID_PROFILE", "DiskMiB must not be negative, got " + disk);
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw SiteException.invalid("INVALID_PROFILE", "Name must be 1-63 letters, digits or . _ - ");
        }
        return new ProfileSpec(name, hypervisor, cpus, memory, disk, blankToNull(architecture), blankToNull(osName),
                blankToNull(template));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
