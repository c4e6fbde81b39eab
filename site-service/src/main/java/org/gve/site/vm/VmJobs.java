package org.gve.site.vm;

import org.gve.site.agents.AgentVmView;
import org.gve.site.persistence.VmEntity;
import org.hibernate.Session;

import java.util.function.Consumer;

/** Small pieces the VM job handlers share. */
final class VmJobs {
    private VmJobs() {
    }

    /** The commit step that records what the agent now says about a VM. */
    static Consumer<Session> observe(String vmId, AgentVmView seen) {
        return s -> s.find(VmEntity.class, vmId).observed(seen.name(), seen.state(), seen.vcpus(), seen.memoryMiB(),
                seen.diskMiB(), seen.template(), seen.hostName());
    }
}
