package org.gve.site.vm;

import org.gve.site.SiteException;
import org.gve.site.agents.AgentDirectory;
import org.gve.site.agents.GuestFileView;
import org.gve.site.identity.Caller;

import java.io.InputStream;
import java.io.OutputStream;

/** Copies files into and out of a VM the caller may operate, through its agent; streamed, never held whole. */
public final class GuestFiles {
    private final AgentDirectory agents;
    private final SiteVms vms;

    public GuestFiles(AgentDirectory agents, SiteVms vms) {
        this.agents = agents;
        this.vms = vms;
    }

    public GuestFileView copyTo(Caller caller, String vmId, String path, String mode, InputStream content) {
        SiteVm vm = vms.operable(caller, vmId);
        requireAbsolute(path);
        if (mode != null && !mode.matches("0?[0-7]{3,4}")) {
            throw SiteException.invalid("INVALID_MODE", "Mode must be octal permission bits such as 0644, got " + mode);
        }
        if (content == null) throw SiteException.invalid("MISSING_CONTENT", "Content is required");
        return agents.gateway(vm.agentName()).putFile(vm.agentVmId(), path, mode, content);
    }

    public GuestFileView copyFrom(Caller caller, String vmId, String path, OutputStream content) {
        SiteVm vm = vms.operable(caller, vmId);
        requireAbsolute(path);
        return agents.gateway(vm.agentName()).getFile(vm.agentVmId(), path, content);
    }

    private static void requireAbsolute(String path) {
        if (path == null || !path.startsWith("/") || path.contains("\0")) {
            throw SiteException.invalid("INVALID_PATH", "Path must be an absolute path in the guest, got " + path);
        }
    }
}
