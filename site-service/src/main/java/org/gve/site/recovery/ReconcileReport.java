package org.gve.site.recovery;

import java.util.List;

/**
 * What one reconciliation did: agents compared, agents skipped (DOWN or failing), site VMs marked
 * LOST, site VMs the agent still had but no longer held for the site and that were taken back, and
 * agent VMs held without a site record that were handed back to the pool or destroyed.
 */
public record ReconcileReport(List<String> agentsChecked, List<String> agentsSkipped, List<String> lostVms,
                              List<String> returnedAgentVms, List<String> destroyedAgentVms,
                              List<String> reacquiredVms) {
    public ReconcileReport {
        reacquiredVms = List.copyOf(reacquiredVms);
        agentsChecked = List.copyOf(agentsChecked);
        agentsSkipped = List.copyOf(agentsSkipped);
        lostVms = List.copyOf(lostVms);
        returnedAgentVms = List.copyOf(returnedAgentVms);
        destroyedAgentVms = List.copyOf(destroyedAgentVms);
    }
}
