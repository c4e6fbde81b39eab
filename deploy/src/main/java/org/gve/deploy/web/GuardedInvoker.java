package org.gve.deploy.web;

import com.sun.xml.ws.api.message.Attachment;
import com.sun.xml.ws.api.message.Message;
import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.server.Invoker;
import com.sun.xml.ws.api.server.WSEndpoint;
import com.sun.xml.ws.api.server.WSWebServiceContext;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.WebServiceException;
import org.gve.wsdl.runtime.Attachments;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wraps an endpoint's invoker so that an unexpected failure (a bug, a lost database) reaches the
 * client as a short Server fault with a reference to the log, never as a stack trace or internals.
 * Declared faults and deliberate SOAP faults pass through unchanged.
 */
final class GuardedInvoker extends Invoker {
    private static final Logger LOG = Logger.getLogger(GuardedInvoker.class.getName());
    private final Invoker delegate;
    private final String endpoint;

    GuardedInvoker(Invoker delegate, String endpoint) {
        this.delegate = delegate;
        this.endpoint = endpoint;
    }

    @Override
    public void start(WSWebServiceContext wsc, WSEndpoint wsEndpoint) {
        delegate.start(wsc, wsEndpoint);
    }

    @Override
    public void start(WebServiceContext wsc) {
        delegate.start(wsc);
    }

    @Override
    public void dispose() {
        delegate.dispose();
    }

    @Override
    public Object invoke(Packet packet, Method method, Object... args)
            throws InvocationTargetException, IllegalAccessException {
        try {
            return delegate.invoke(packet, method, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception && !(cause instanceof RuntimeException)) throw e;  // a declared fault
            if (cause instanceof WebServiceException) throw e;  // deliberate SOAP faults (e.g. SOAPFaultException)
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "internal error " + reference + " in " + endpoint + "." + method.getName(), cause);
            throw new InvocationTargetException(new WebServiceException(
                    "internal error in " + method.getName() + " (reference " + reference + " in the server log)"));
        } finally {
            releaseAttachments(packet);
        }
    }

    /**
     * Frees the request's MTOM attachments once the operation is over. Schema validation reads a
     * request whole before the operation runs, so a large attachment is first spilled to a temporary
     * file that only closing the attachment deletes: without this, every upload left one behind.
     */
    private static void releaseAttachments(Packet packet) {
        Message request = packet.getMessage();
        if (request == null) return;
        try {
            for (Attachment attachment : request.getAttachments()) Attachments.release(attachment.asDataHandler());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not release the request's attachments", e);
        }
    }
}
