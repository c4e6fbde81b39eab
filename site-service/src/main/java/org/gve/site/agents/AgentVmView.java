package org.gve.site.agents;

import java.util.List;

/** What an agent says about one of its VMs, in the site's own terms. */
public record AgentVmView(String agentVmId, String name, String hypervisor, String state, int vcpus, long memoryMiB,
                          long diskMiB, String template, String hostName, String osName, String architecture,
                          List<String> snapshots, String guestEndpoint) {
    public AgentVmView {
        snapshots = List.copyOf(snapshots);
    }
}
