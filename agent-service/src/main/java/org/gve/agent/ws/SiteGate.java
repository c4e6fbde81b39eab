package org.gve.agent.ws;

import jakarta.xml.ws.WebServiceContext;
import org.gve.agent.AgentException;
import org.gve.agent.AgentFault;

import java.security.Principal;

/**
 * Checks that the Site named in a request is the site the caller authenticated as, so one site
 * can never act in another's name.
 */
final class SiteGate {
    private SiteGate() {
    }

    static String site(WebServiceContext context, String site) {
        Principal caller = context.getUserPrincipal();
        if (caller == null) {
            throw new AgentException(AgentFault.NOT_AUTHORIZED, "NOT_AUTHENTICATED", "the caller is not authenticated");
        }
        if (site == null || site.isBlank()) {
            throw new AgentException(AgentFault.INVALID_ARGUMENT, "MISSING_SITE", "Site is required");
        }
        if (!caller.getName().equals(site)) {
            throw new AgentException(AgentFault.NOT_AUTHORIZED, "SITE_MISMATCH",
                    "authenticated as site '" + caller.getName() + "' but the request names site '" + site + "'");
        }
        return site;
    }
}
