package org.gve.client;

import org.gve.client.model.GuestCommand;
import org.gve.client.model.VmProfile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One "run a job in a VM" request (the GridWay pattern): exactly one of {@code profile} (request a new VM)
 * or {@code existingVmId} (use a VM the caller already holds).
 *
 * @param lease       lease of a requested VM, null for the site default
 * @param clientToken idempotency token of the VM request, or null
 * @param timeout     bound on the whole workflow (every wait shares this one deadline)
 */
public record RunJobSpec(VmProfile profile, String existingVmId, Duration lease, String clientToken,
                         List<StageIn> stageIn, GuestCommand command, List<StageOut> stageOut, AfterMode after,
                         Duration timeout) {
    public RunJobSpec {
        if ((profile == null) == (existingVmId == null)) {
            throw new IllegalArgumentException("give either a VM profile or an existing VM id");
        }
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(timeout, "timeout");
        stageIn = List.copyOf(stageIn);
        stageOut = List.copyOf(stageOut);
    }

    /** A local file to copy into the guest before the run; {@code mode} may be null. */
    public record StageIn(Path local, String remote, String mode) {
        public StageIn {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(remote, "remote");
        }
    }

    /** A guest file to copy out after the run. */
    public record StageOut(String remote, Path local) {
        public StageOut {
            Objects.requireNonNull(remote, "remote");
            Objects.requireNonNull(local, "local");
        }
    }
}
