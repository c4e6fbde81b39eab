package org.gve.agent.vsphere;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.spi.TemplateDescription;
import org.junit.jupiter.api.Test;

class VirtualMachineToTemplateDescriptionTest {
    @Test
    void describesATemplateByItsVm() {
        TemplateDescription t = VirtualMachineToTemplateDescription.apply(Fixtures.vcsimVm());
        assertEquals(new TemplateDescription("b4689bed-97f0-5bcd-8a4c-07477cc8f06f", "DC0_H0_VM0", HypervisorKind.VMWARE,
                "otherGuest", "i686", 1, "vmdk"), t);
    }
}
