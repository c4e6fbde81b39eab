package org.gve.site.ws;

import org.gve.site.SiteException;
import org.gve.wsdl.site.AgentUnavailableFault;
import org.gve.wsdl.site.InvalidArgumentFault;
import org.gve.wsdl.site.InvalidStateFault;
import org.gve.wsdl.site.JobFailedFault;
import org.gve.wsdl.site.LeaseExpiredFault;
import org.gve.wsdl.site.NotAuthorizedFault;
import org.gve.wsdl.site.NotFoundFault;
import org.gve.wsdl.site.QuotaExceededFault;
import org.gve.wsdl.site.UnsupportedOperationFault;

import static org.gve.site.ws.SiteFaults.throwIf;
import static org.gve.site.ws.SiteFaults.typed;
import static org.gve.site.ws.SiteFaults.undeclared;

/** One guard per fault list the WSDL declares; see {@link SiteFaults}. */
final class Guards {
    private Guards() {
    }

    /** RequestVirtualMachine. */
    static <T> T request(SiteFaults.Call<T> call) throws InvalidArgumentFault, NotAuthorizedFault, NotFoundFault,
            QuotaExceededFault, LeaseExpiredFault, AgentUnavailableFault {
        try {
            return call.run();
        } catch (SiteException e) {
            Exception f = typed(e);
            throwIf(f, InvalidArgumentFault.class);
            throwIf(f, NotAuthorizedFault.class);
            throwIf(f, NotFoundFault.class);
            throwIf(f, QuotaExceededFault.class);
            throwIf(f, LeaseExpiredFault.class);
            throwIf(f, AgentUnavailableFault.class);
            throw undeclared(e);
        }
    }

    /** Get...Result operations. */
    static <T> T result(SiteFaults.Call<T> call) throws InvalidArgumentFault, NotAuthorizedFault, NotFoundFault,
            InvalidStateFault, JobFailedFault {
        try {
            return call.run();
        } catch (SiteException e) {
            Exception f = typed(e);
            throwIf(f, InvalidArgumentFault.class);
            throwIf(f, NotAuthorizedFault.class);
            throwIf(f, NotFoundFault.class);
            throwIf(f, InvalidStateFault.class);
            throwIf(f, JobFailedFault.class);
            throw undeclared(e);
        }
    }

    /** VM management operations. */
    static <T> T manage(SiteFaults.Call<T> call) throws InvalidArgumentFault, NotAuthorizedFault, NotFoundFault,
            InvalidStateFault, LeaseExpiredFault, AgentUnavailableFault, UnsupportedOperationFault {
        try {
            return call.run();
        } catch (SiteException e) {
            Exception f = typed(e);
            throwIf(f, InvalidArgumentFault.class);
            throwIf(f, NotAuthorizedFault.class);
            throwIf(f, NotFoundFault.class);
            throwIf(f, InvalidStateFault.class);
            throwIf(f, LeaseExpiredFault.class);
            throwIf(f, AgentUnavailableFault.class);
            throwIf(f, UnsupportedOperationFault.class);
            throw undeclared(e);
        }
    }

    /** Reads of one thing: Describe, GetJobState, GetUsage. */
    static <T> T read(SiteFaults.Call<T> call) throws InvalidArgumentFault, NotAuthorizedFault, NotFoundFault {
        try {
            return call.run();
        } catch (SiteException e) {
            Exception f = typed(e);
            throwIf(f, InvalidArgumentFault.class);
            throwIf(f, NotAuthorizedFault.class);
            throwIf(f, NotFoundFault.class);
            throw undeclared(e);
        }
    }

    /** Listings that take arguments: ListJobs. */
    static <T> T query(SiteFaults.Call<T> call) throws InvalidArgumentFault, NotAuthorizedFault {
        try {
            return call.run();
        } catch (SiteException e) {
            Exception f = typed(e);
            throwIf(f, InvalidArgumentFault.class);
            throwIf(f, NotAuthorizedFault.class);
            throw undeclared(e);
        }
    }

    /** Listings without arguments. */
    static <T> T list(SiteFaults.Call<T> call) throws NotAuthorizedFault {
        try {
            return call.run();
        } catch (SiteException e) {
            throwIf(typed(e), NotAuthorizedFault.class);
            throw undeclared(e);
        }
    }

    /** Administration and CancelJob. */
    static <T> T admin(SiteFaults.Call<T> call) throws InvalidArgumentFault, NotAuthorizedFault, NotFoundFault,
            InvalidStateFault {
        try {
            return call.run();
        } catch (SiteException e) {
            Exception f = typed(e);
            throwIf(f, InvalidArgumentFault.class);
            throwIf(f, NotAuthorizedFault.class);
            throwIf(f, NotFoundFault.class);
            throwIf(f, InvalidStateFault.class);
            throw undeclared(e);
        }
    }

    /** Administration that reaches agents: RegisterAgent, ReclaimVirtualMachine. */
    static <T> T adminAgent(SiteFaults.Call<T> call) throws InvalidArgumentFault, NotAuthorizedFault, NotFoundFault,
            InvalidStateFault, AgentUnavailableFault {
        try {
            return call.run();
        } catch (SiteException e) {
            Exception f = typed(e);
            throwIf(f, InvalidArgumentFault.class);
            throwIf(f, NotAuthorizedFault.class);
            throwIf(f, NotFoundFault.class);
            throwIf(f, InvalidStateFault.class);
            throwIf(f, AgentUnavailableFault.class);
            throw undeclared(e);
        }
    }
}
