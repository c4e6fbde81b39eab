package org.gve.agent.service;

import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.TemplateDescription;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmState;

import java.util.regex.Pattern;

/** Search criteria: every non-null field must match. */
public record VmCriteria(String namePattern, HypervisorKind kind, VmState state, Integer minVcpus,
                         Long minMemoryMiB, String architecture, String osName, String templateId) {

    public static final VmCriteria ANY = new VmCriteria(null, null, null, null, null, null, null, null);

    public boolean matches(VmDescription vm) {
        return nameMatches(vm.name())
                && (kind == null || kind == vm.kind())
                && (state == null || state == vm.state())
                && (minVcpus == null || vm.vcpus() >= minVcpus)
                && (minMemoryMiB == null || vm.memoryMiB() >= minMemoryMiB)
                && equalsIgnoreCase(architecture, vm.architecture())
                && equalsIgnoreCase(osName, vm.osName())
                && (templateId == null || templateId.equals(vm.templateId()));
    }

    public boolean matches(TemplateDescription template) {
        return nameMatches(template.name())
                && (kind == null || kind == template.kind())
                && equalsIgnoreCase(architecture, template.architecture())
                && equalsIgnoreCase(osName, template.osName())
                && (templateId == null || templateId.equals(template.id()) || templateId.equals(template.name()));
    }

    private boolean nameMatches(String name) {
        return namePattern == null || (name != null && globToRegex(namePattern).matcher(name).matches());
    }

    private static boolean equalsIgnoreCase(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
