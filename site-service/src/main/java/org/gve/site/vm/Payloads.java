package org.gve.site.vm;

import org.gve.site.agents.GuestCommandSpec;
import org.gve.site.agents.ProfileSpec;

/** The request and result records jobs store as JSON. */
public final class Payloads {
    private Payloads() {
    }

    /** RequestVirtualMachine: a profile, or an existing free VM by id; the lease length granted. */
    public record VmRequest(ProfileSpec profile, String existingVmId, long leaseSeconds) {
    }

    /** A management operation on one granted VM, with the parameters some operations take. */
    public record VmOperation(String vmId, boolean force, String snapshotName, String targetAgent, String targetHost) {
        public static VmOperation of(String vmId) {
            return new VmOperation(vmId, false, null, null, null);
        }
    }

    public record RunCommand(String vmId, GuestCommandSpec command) {
    }

    /** The result of jobs that end with a VM: which one. */
    public record VmResult(String vmId) {
    }
}
