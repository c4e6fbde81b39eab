package org.gve.site.agents;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The site's view of one Agent Service. Every method either answers or throws
 * {@link org.gve.site.SiteException}: AGENT_UNAVAILABLE when the agent cannot be reached, the
 * agent's own fault otherwise.
 */
public interface AgentGateway {
    String agentName();

    AgentStatusView status();

    List<AgentVmView> findFree(ProfileSpec profile);

    /** Every VM the agent's registry says this site holds (for reconciliation at start-up). */
    List<AgentVmView> heldBySite();

    AgentVmView acquire(String agentVmId);

    AgentVmView create(ProfileSpec profile, String name);

    AgentVmView describe(String agentVmId);

    AgentVmView power(String agentVmId, PowerRequest request);

    AgentVmView snapshot(String agentVmId, String snapshotName, boolean revert);

    void release(String agentVmId, boolean destroy);

    MigrationTargetView migrationTarget();

    AgentVmView migrate(String agentVmId, MigrationTargetView target, String targetHost);

    AgentVmView adopt(String agentVmId);

    GuestCommandOutcome runCommand(String agentVmId, GuestCommandSpec command);

    GuestFileView putFile(String agentVmId, String path, String mode, InputStream content);

    GuestFileView getFile(String agentVmId, String path, OutputStream content);
}
