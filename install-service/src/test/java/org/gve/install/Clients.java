package org.gve.install;

import java.net.URI;
import java.util.Map;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.MTOMFeature;

import com.sun.xml.ws.developer.JAXWSProperties;
import com.sun.xml.ws.developer.StreamingAttachmentFeature;

import org.gve.wsdl.install.Install;
import org.gve.wsdl.install.InstallService;

/**
 * Generated-client ports set up the way the agent should: MTOM, HTTP Basic, chunked request
 * streaming (so an upload is not buffered to compute its length) and lazily parsed attachments
 * (so a download can be read once, straight from the connection).
 */
final class Clients {

    static final String USER = "agent";

    private Clients() {
    }

    static Install install(URI address, String user, String password) {
        Install port = new InstallService().getInstallPort(new MTOMFeature(true),
                new StreamingAttachmentFeature(System.getProperty("java.io.tmpdir"), false, 64 * 1024));
        Map<String, Object> rc = ((BindingProvider) port).getRequestContext();
        rc.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address.toString());
        rc.put(JAXWSProperties.HTTP_CLIENT_STREAMING_CHUNK_SIZE, 64 * 1024);
        if (user != null) {
            rc.put(BindingProvider.USERNAME_PROPERTY, user);
            rc.put(BindingProvider.PASSWORD_PROPERTY, password);
        }
        return port;
    }
}
