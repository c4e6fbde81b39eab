package org.gve.install.ws;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.gve.install.InstallFailure;
import org.gve.wsdl.common.FaultDetail;
import org.gve.wsdl.install.GuestFault;
import org.gve.wsdl.install.InvalidArgumentFault;
import org.gve.wsdl.install.NotFoundFault;

/**
 * The one place domain failures become the contract's faults. Messages are the domain's own
 * (cleaned for XML); stack traces stay in the service log.
 */
final class Faults {

    private static final Logger LOG = Logger.getLogger(Faults.class.getName());

    private Faults() {
    }

    /** For PutFile and GetFile, which declare InvalidArgument, NotFound and Guest faults. Never returns. */
    static <T> T fileFault(InstallFailure f) throws InvalidArgumentFault, NotFoundFault, GuestFault {
        switch (f.kind()) {
            case INVALID_ARGUMENT -> throw new InvalidArgumentFault(message(f), detail(f));
            case NOT_FOUND -> throw new NotFoundFault(message(f), detail(f));
            default -> throw new GuestFault(message(f), detail(f));
        }
    }

    /**
     * For RunCommand, whose contract declares no NotFoundFault: a missing program or working
     * directory is reported as InvalidArgumentFault, its Code (PROGRAM_NOT_FOUND,
     * DIRECTORY_NOT_FOUND) telling the reason. Never returns.
     */
    static <T> T commandFault(InstallFailure f) throws InvalidArgumentFault, GuestFault {
        switch (f.kind()) {
            case INVALID_ARGUMENT, NOT_FOUND -> throw new InvalidArgumentFault(message(f), detail(f));
            default -> throw new GuestFault(message(f), detail(f));
        }
    }

    /** For GetGuestInfo, which declares only the Guest fault. Never returns. */
    static <T> T guestFault(InstallFailure f) throws GuestFault {
        throw new GuestFault(message(f), detail(f));
    }

    /** A bug on our side: logged in full under an incident id, reported as a GuestFault without internals. */
    static GuestFault internal(String operation, RuntimeException e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, operation + " failed unexpectedly, incident " + incident, e);
        FaultDetail d = new FaultDetail();
        d.setCode("INTERNAL_ERROR");
        d.setMessage(operation + " failed inside the InstallService; incident " + incident + " in its log");
        return new GuestFault(d.getMessage(), d);
    }

    private static String message(InstallFailure f) {
        if (f.kind() == InstallFailure.Kind.GUEST) {
            LOG.log(Level.WARNING, f.code() + ": " + f.getMessage(), f.getCause());
        }
        return XmlText.clean(f.getMessage());
    }

    private static FaultDetail detail(InstallFailure f) {
        FaultDetail d = new FaultDetail();
        d.setCode(f.code());
        d.setMessage(XmlText.clean(f.getMessage()));
        return d;
    }
}
