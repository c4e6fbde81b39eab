package org.gve.site.agents;

import java.util.List;
import java.util.Map;

/** A program to run in a guest (argv, no shell). timeoutSeconds null: the guest's default. */
public record GuestCommandSpec(List<String> argv, Map<String, String> environment, String workingDirectory,
                               String stdin, Integer timeoutSeconds) {
}
