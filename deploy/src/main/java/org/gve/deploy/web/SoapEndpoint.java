package org.gve.deploy.web;

import jakarta.xml.ws.handler.Handler;

import javax.xml.namespace.QName;
import java.util.List;

/**
 * One endpoint to publish: its path under the SOAP servlet, the implementation instance (built
 * with its dependencies by the caller), the hand-written contract it serves, and the JAX-WS
 * handlers (built by the service, e.g. the site's WS-Security UsernameToken reader) it runs with.
 *
 * @param path      e.g. {@code /site/VirtualMachineRequest}
 * @param wsdl      classpath resource of the primary WSDL, e.g. {@code org/gve/wsdl/SiteService.wsdl}
 * @param service   the WSDL service name
 * @param port      the WSDL port name
 * @param handlers  the handler chain, in order (may be empty)
 */
public record SoapEndpoint(String path, Object implementation, String wsdl, QName service, QName port,
                           List<Handler<?>> handlers) {
    public SoapEndpoint {
        handlers = List.copyOf(handlers);
    }

    /** An endpoint without handlers. */
    public SoapEndpoint(String path, Object implementation, String wsdl, QName service, QName port) {
        this(path, implementation, wsdl, service, port, List.of());
    }
}
