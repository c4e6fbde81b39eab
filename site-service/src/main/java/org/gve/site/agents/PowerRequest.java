package org.gve.site.agents;

/** A power change asked of an agent. */
public enum PowerRequest {
    START, SHUTDOWN, FORCE_SHUTDOWN, SUSPEND, RESUME, REBOOT, POWER_OFF
}
