package org.gve.agent.libvirt;

import org.gve.agent.libvirt.GveMetadata.TemplateMark;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.TemplateDescription;

/**
 * A template domain as a {@link TemplateDescription}. The template's id is its domain NAME: the same template
 * defined on several hosts has one name but a UUID per host, and names are what administrators configure.
 * Its disk is the template's first disk.
 */
final class DomainXmlToTemplateDescription {
    private DomainXmlToTemplateDescription() {
    }

    static TemplateDescription apply(DomainXml domain, HypervisorKind kind, long diskMiB) {
        TemplateMark mark = domain.template().orElseThrow(
                () -> new IllegalArgumentException(domain.name() + " is not a GVE template"));
        String arch = mark.architecture().isEmpty() ? domain.architecture() : mark.architecture();
        String format = domain.disks().isEmpty() ? "" : domain.disks().get(0).format();
        return new TemplateDescription(domain.name(), domain.name(), kind,
                mark.osName().isEmpty() ? null : mark.osName(), arch.isEmpty() ? null : arch, diskMiB, format);
    }
}
