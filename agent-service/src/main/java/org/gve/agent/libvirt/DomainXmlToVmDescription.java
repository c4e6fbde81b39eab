package org.gve.agent.libvirt;

import java.util.List;
import java.util.Map;
import org.gve.agent.libvirt.GveMetadata.InstanceMark;
import org.gve.agent.spi.DiskDescription;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.VmDescription;
import org.gve.agent.spi.VmState;

/**
 * A domain (its parsed XML plus what libvirt says of it at run time) as a {@link VmDescription}. The template
 * id and OS name come from GVE's instance mark; they are null for domains GVE did not create.
 */
final class DomainXmlToVmDescription {
    private DomainXmlToVmDescription() {
    }

    /**
     * @param diskSizesMiB capacity of each disk by source path, for the disks that are storage volumes
     */
    static VmDescription apply(DomainXml domain, HypervisorKind kind, VmState state, List<String> snapshots,
                               Map<String, Long> diskSizesMiB, String hostName) {
        List<DiskDescription> disks = domain.disks().stream()
                .map(d -> new DiskDescription(d.target(), d.path(), d.format(), diskSizesMiB.getOrDefault(d.path(), 0L)))
                .toList();
        return new VmDescription(domain.uuid(), domain.name(), kind, state, domain.vcpus(), domain.memoryMiB(), disks,
                snapshots, domain.instance().map(InstanceMark::templateId).orElse(null), hostName,
                domain.instance().map(InstanceMark::osName).filter(os -> !os.isEmpty()).orElse(null),
                domain.architecture().isEmpty() ? null : domain.architecture());
    }
}
