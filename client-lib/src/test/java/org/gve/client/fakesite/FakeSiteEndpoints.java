package org.gve.client.fakesite;

import jakarta.annotation.Resource;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import org.gve.glue.GuestEndpoint;
import org.gve.glue.HypervisorType;
import org.gve.glue.VirtualMachine;
import org.gve.glue.VirtualMachineState;
import org.gve.wsdl.runtime.Faults;
import org.gve.wsdl.runtime.XmlTimes;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.Role;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the fake Site endpoints share: the caller (from the HTTP Basic header the client sent, which
 * is also recorded for tests), ownership checks and VM construction. The four endpoint classes extend it.
 */
public abstract class FakeSiteEndpoints {
    protected final FakeSite site;

    @Resource
    protected WebServiceContext context;

    protected FakeSiteEndpoints(FakeSite site) {
        this.site = site;
    }

    /** One HTTP request header of the current call, or null. */
    protected String header(String name) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) context.getMessageContext()
                .get(MessageContext.HTTP_REQUEST_HEADERS);
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** The authenticated user, from the Authorization header (the HTTP server already checked it). */
    protected String caller() {
        String header = header("Authorization");
        if (header == null) throw new IllegalStateException("no Authorization header");
        site.recordAuthorization(header);
        String decoded = new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8);
        return decoded.substring(0, decoded.indexOf(':'));
    }

    protected void requireAdministrator(String user) throws NotAuthorizedFault {
        if (site.users.get(user).role() != Role.ADMINISTRATOR) {
            throw new NotAuthorizedFault("administrators only", Faults.detail("NOT_ADMINISTRATOR", user + " is not an administrator"));
        }
    }

    /** The caller's VM, or NotFound (other users' VMs are invisible). */
    protected VirtualMachine owned(String user, String vmId) throws NotFoundFault {
        if ("vm-boom".equals(vmId)) throw new IllegalStateException("the fake site broke on purpose");
        FakeSite.Owned o = vmId == null ? null : site.vms.get(vmId);
        if (o == null || !o.owner().equals(user)) {
            throw new NotFoundFault("no such VM", Faults.detail("VM_NOT_FOUND", "no VM " + vmId));
        }
        return o.vm();
    }

    protected static void requireState(VirtualMachine vm, VirtualMachineState... allowed) throws InvalidStateFault {
        for (VirtualMachineState s : allowed) {
            if (vm.getState() == s) return;
        }
        throw new InvalidStateFault("wrong state", Faults.detail("INVALID_VM_STATE",
                vm.getUniqueID() + " is " + vm.getState().value()));
    }

    static VirtualMachine newVm(String id, String name, HypervisorType hypervisor, Integer vcpus, String owner) {
        VirtualMachine vm = new VirtualMachine();
        vm.setUniqueID(id);
        vm.setName(name == null ? id : name);
        vm.setHypervisorType(hypervisor == null ? HypervisorType.KVM : hypervisor);
        vm.setState(VirtualMachineState.RUNNING);
        vm.setVCpus(vcpus == null ? 1 : vcpus);
        vm.setMemoryMiB(512);
        vm.setOwner(owner);
        vm.setAgent("agent-1");
        vm.setHostName("host-1");
        vm.setTemplate("debian-12");
        vm.setLeaseDeadline(XmlTimes.toXml(Instant.parse("2030-01-01T00:00:00Z")));
        GuestEndpoint install = new GuestEndpoint();
        install.setProtocol("install-service");
        install.setAddress("http://10.0.0.2:8181/install");
        vm.getGuestEndpoint().add(install);
        return vm;
    }
}
