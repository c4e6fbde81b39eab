package org.gve.site.agents;

import java.net.URI;

/** Opens the site's connection to one agent. */
@FunctionalInterface
public interface GatewayFactory {
    AgentGateway open(String agentName, URI endpoint, String user, String secret);
}
