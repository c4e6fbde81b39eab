package org.gve.client.model;

/** Health of a registered agent as last probed by the site. */
public enum AgentHealth {
    UP, DOWN, UNKNOWN
}
