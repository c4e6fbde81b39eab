package org.gve.wsdl.runtime;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceFeature;
import jakarta.xml.ws.soap.MTOMFeature;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Makes client ports for the GVE contracts: the endpoint address, HTTP Basic credentials and
 * timeouts set in one place. The WSDL comes from the contract jar, never from the network.
 */
public final class SoapClients {
    private static final String CONNECT_TIMEOUT = "com.sun.xml.ws.connect.timeout";
    private static final String REQUEST_TIMEOUT = "com.sun.xml.ws.request.timeout";

    private SoapClients() {
    }

    /**
     * @param service  a generated service instance (e.g. {@code new SiteService()})
     * @param portType the generated port interface
     * @param endpoint the address to call
     * @param user     HTTP Basic user, or null for none
     * @param password HTTP Basic password
     * @param timeout  connect and request timeout
     */
    public static <P> P port(Service service, Class<P> portType, URI endpoint, String user, String password,
                             Duration timeout, WebServiceFeature... features) {
        P port = service.getPort(portType, features);
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, endpoint.toString());
        if (user != null) {
            context.put(BindingProvider.USERNAME_PROPERTY, user);
            context.put(BindingProvider.PASSWORD_PROPERTY, password);
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        context.put(CONNECT_TIMEOUT, millis);
        context.put(REQUEST_TIMEOUT, millis);
        return port;
    }

    /** The same with MTOM on, for ports that move file content. */
    public static <P> P mtomPort(Service service, Class<P> portType, URI endpoint, String user, String password,
                                 Duration timeout) {
        return port(service, portType, endpoint, user, password, timeout, new MTOMFeature(true));
    }
}
