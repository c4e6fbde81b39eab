package org.gve.site.agents;

import jakarta.xml.ws.WebServiceException;
import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.wsdl.common.FaultDetail;

import java.io.IOException;

/**
 * The one place agent faults and transport failures become site failures: typed agent faults keep
 * their code; an agent that cannot be reached (or answers garbage) is AGENT_UNAVAILABLE.
 */
final class AgentCalls {
    interface Call<T> {
        T run() throws org.gve.wsdl.agent.InvalidArgumentFault, org.gve.wsdl.agent.NotFoundFault,
                org.gve.wsdl.agent.InvalidStateFault, org.gve.wsdl.agent.UnsupportedOperationFault,
                org.gve.wsdl.agent.NotAuthorizedFault, org.gve.wsdl.agent.HypervisorFault,
                org.gve.wsdl.agent.GuestFault, IOException;
    }

    private AgentCalls() {
    }

    static <T> T call(String agentName, Call<T> call) {
        try {
            return call.run();
        } catch (org.gve.wsdl.agent.InvalidArgumentFault e) {
            throw fault(SiteFault.INVALID_ARGUMENT, e.getFaultInfo(), agentName);
        } catch (org.gve.wsdl.agent.NotFoundFault e) {
            throw fault(SiteFault.NOT_FOUND, e.getFaultInfo(), agentName);
        } catch (org.gve.wsdl.agent.InvalidStateFault e) {
            throw fault(SiteFault.INVALID_STATE, e.getFaultInfo(), agentName);
        } catch (org.gve.wsdl.agent.UnsupportedOperationFault e) {
            throw fault(SiteFault.UNSUPPORTED, e.getFaultInfo(), agentName);
        } catch (org.gve.wsdl.agent.NotAuthorizedFault e) {
            throw new SiteException(SiteFault.AGENT_UNAVAILABLE, "AGENT_REFUSED_SITE",
                    "agent " + agentName + " refused this site's credentials: " + e.getFaultInfo().getMessage(), e);
        } catch (org.gve.wsdl.agent.HypervisorFault e) {
            // the hypervisor behind a reachable agent failed: the operation cannot proceed in this state
            throw fault(SiteFault.INVALID_STATE, e.getFaultInfo(), agentName);
        } catch (org.gve.wsdl.agent.GuestFault e) {
            throw fault(SiteFault.INVALID_STATE, e.getFaultInfo(), agentName);
        } catch (SiteException e) {
            throw e;
        } catch (WebServiceException | IOException e) {
            throw new SiteException(SiteFault.AGENT_UNAVAILABLE, "AGENT_UNAVAILABLE",
                    "agent " + agentName + " cannot be reached: " + rootMessage(e), e);
        }
    }

    private static SiteException fault(SiteFault kind, FaultDetail detail, String agentName) {
        return new SiteException(kind, detail.getCode(), "agent " + agentName + ": " + detail.getMessage());
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
