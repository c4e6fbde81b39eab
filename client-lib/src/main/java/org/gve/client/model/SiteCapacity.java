package org.gve.client.model;

/** The site's capacity over all agents and what is allocated of it. */
public record SiteCapacity(int agentsUp, int agentsDown, int vcpusTotal, int vcpusFree, long memoryMiBTotal,
                           long memoryMiBFree, ResourceUse allocated) {
}
