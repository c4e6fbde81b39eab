package org.gve.agent.vsphere;

import com.vmware.vim25.ObjectContent;
import com.vmware.vim25.RetrieveResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.gve.agent.vsphere.soap.LenientVimReader;

/** Recorded vcsim answers (src/test/resources/vsphere) read as the driver reads them. */
final class Fixtures {
    private Fixtures() {
    }

    static ObjectContent firstObject(String fixture) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/vsphere/" + fixture)) {
            return new LenientVimReader().readResponse(in, RetrieveResult.class).getObjects()[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DC0_H0_VM0 of vcsim's default inventory, on host DC0_H0. */
    static VmProperties vcsimVm() {
        ObjectContent vm = firstObject("vm-properties.xml");
        return VmProperties.from(vm.getObj(), PropertyReader.asMap(vm), "DC0_H0");
    }

    static HostInfo vcsimHost() {
        ObjectContent host = firstObject("host-properties.xml");
        Map<String, Object> p = PropertyReader.asMap(host);
        return HostInfo.from(host.getObj(), p);
    }
}
