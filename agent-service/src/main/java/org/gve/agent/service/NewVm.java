package org.gve.agent.service;

/**
 * What a site asks the agent to create. Null fields: the template's or the agent's defaults.
 * templateId, when given, names the template (id or name); otherwise osName/architecture pick one.
 */
public record NewVm(String name, String templateId, String osName, String architecture, Integer vcpus,
                    Long memoryMiB, Long diskMiB) {
}
