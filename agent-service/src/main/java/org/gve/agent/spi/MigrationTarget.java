package org.gve.agent.spi;

/**
 * Where a VM can be migrated to: the destination hypervisor's connection URI, an optional
 * migration data URI (e.g. tcp://host:port) and, for managers of several hosts, a host name.
 */
public record MigrationTarget(String hypervisorUri, String migrationUri, String hostName) {
}
