package org.gve.site.agents;

/** Where a migrating VM should go, as the destination agent told us. */
public record MigrationTargetView(String agentName, String hypervisorUri, String migrationUri, String hostName) {
}
