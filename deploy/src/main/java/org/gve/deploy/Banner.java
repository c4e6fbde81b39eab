package org.gve.deploy;

import org.gve.deploy.config.ConfigKeys;
import org.gve.deploy.config.Configuration;

import java.io.PrintStream;

/** What the launcher prints once it is up: contracts, credentials, a first call. */
final class Banner {
    private Banner() {
    }

    static void print(PrintStream out, AllInOne gve, Configuration config) {
        String base = gve.localBase();
        String admin = config.string(ConfigKeys.ADMIN_USER);
        out.println();
        out.println("GVE is up (site '" + config.string(ConfigKeys.SITE_NAME) + "', data in " + config.dataDirectory() + ")");
        out.println("  Site Service WSDL:    " + base + "/site/VirtualMachineRequest?wsdl");
        out.println("    ports:              " + base + "/site/{VirtualMachineRequest,VirtualMachineManagement,JobStateQuery,SiteAdministration}");
        if (config.flag(ConfigKeys.AGENT_ENABLED)) {
            out.println("  Agent Service WSDL:   " + base + "/agent?wsdl   (agent '" + config.string(ConfigKeys.AGENT_NAME)
                    + "', " + config.string(ConfigKeys.AGENT_HYPERVISOR) + " on " + config.string(ConfigKeys.AGENT_URI) + ")");
        }
        gve.generatedAdminPassword().ifPresentOrElse(
                p -> out.println("  Administrator:        " + admin + " / " + p + "   (saved in "
                        + config.dataDirectory().resolve("admin-password") + "; shown only this once)"),
                () -> out.println("  Administrator:        " + admin + " (password in "
                        + (config.string(ConfigKeys.ADMIN_PASSWORD_FILE).isBlank()
                        ? config.dataDirectory().resolve("admin-password") : config.string(ConfigKeys.ADMIN_PASSWORD_FILE)) + ")"));
        out.println();
        out.println("First call (ask for a VM; the answer is a job to poll):");
        out.println("  curl -s -u " + admin + ":$(cat " + config.dataDirectory().resolve("admin-password") + ") \\");
        out.println("    -H 'Content-Type: text/xml; charset=utf-8' \\");
        out.println("    -H 'SOAPAction: \"urn:gve:site:1#RequestVirtualMachine\"' \\");
        out.println("    --data '<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<RequestVirtualMachine xmlns=\"urn:gve:site:1\"><Profile><g:VCpus xmlns:g=\"urn:gve:glue:1.3\">1</g:VCpus>"
                + "<g:MemoryMiB xmlns:g=\"urn:gve:glue:1.3\">512</g:MemoryMiB></Profile></RequestVirtualMachine></s:Body></s:Envelope>' \\");
        out.println("    " + base + "/site/VirtualMachineRequest");
        out.println("Stop with Ctrl-C.");
    }
}
